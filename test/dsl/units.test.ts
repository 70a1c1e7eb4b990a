import { describe, expect, it } from "vitest";
import { loadProgramFromText } from "../../dsl/index.ts";
import * as D from "../../dsl/units/dimension.ts";
import { lookupUnit, toSi } from "../../dsl/units/units.ts";
import { errorsOf } from "./helpers.ts";

/** Loads a one-model program whose model body is `fields`, with `lets` declared before it. */
function model(fields: string, lets = "") {
  const text = `${lets}\nneuron Cell = lif { ${fields} }\npopulation p = Cell[1]\n`;
  const result = loadProgramFromText("units.ant", text);
  return { result, params: result.program?.models[0]?.params, codes: codes(result) };
}

function codes(result: ReturnType<typeof loadProgramFromText>): string[] {
  return errorsOf(result.diagnostics).map((d) => d.code);
}

function si(value: number, unit: string): number {
  return toSi(value, lookupUnit(unit)!);
}

describe("unit conversion to SI", () => {
  it("makes 20 ms exactly the double nearest 0.02 s", () => {
    expect(si(20, "ms")).toBe(0.02);
    expect(model("tau_m = 20 ms").params?.tauMembraneS).toBe(0.02);
  });

  it("makes 1.62 mV the double nearest 0.00162 V, which 1.62 / 1000 is not", () => {
    expect(si(1.62, "mV")).toBe(0.00162);
    expect(1.62 / 1000).not.toBe(0.00162);
  });

  it("makes 1.005 kHz exactly 1005 Hz, which 1.005 * 1000 is not", () => {
    expect(si(1.005, "kHz")).toBe(1005);
    expect(1.005 * 1000).not.toBe(1005);
  });

  it("keeps numbers written with an exponent exact: 2.5e-3 ms is 2.5e-6 s", () => {
    expect(si(2.5e-3, "ms")).toBe(2.5e-6);
  });

  it("scales the larger prefixes up: 2 kHz, 100 Mohm, 1 Gohm", () => {
    expect(si(2, "kHz")).toBe(2000);
    expect(si(100, "Mohm")).toBe(1e8);
    expect(si(1, "Gohm")).toBe(1e9);
  });

  it("counts information in bits, bytes as 8 bits and KiB as 1,024 bytes", () => {
    expect(si(9, "bit")).toBe(9);
    expect(si(1, "B")).toBe(8);
    expect(si(128, "KiB")).toBe(128 * 1024 * 8);
    expect(si(1, "MiB")).toBe(8 * 1024 * 1024);
  });

  it("gives every unit the dimension its symbol names", () => {
    expect(lookupUnit("us")?.dim).toEqual(D.TIME);
    expect(lookupUnit("uV")?.dim).toEqual(D.VOLTAGE);
    expect(lookupUnit("pA")?.dim).toEqual(D.CURRENT);
    expect(lookupUnit("pJ")?.dim).toEqual(D.ENERGY);
    expect(lookupUnit("mW")?.dim).toEqual(D.POWER);
    expect(lookupUnit("kohm")?.dim).toEqual(D.RESISTANCE);
  });

  it("knows no unit by a name it does not list, nor inherited object keys", () => {
    expect(lookupUnit("msec")).toBeUndefined();
    expect(lookupUnit("mv")).toBeUndefined();
    expect(lookupUnit("toString")).toBeUndefined();
  });
});

describe("arithmetic on quantities", () => {
  it("multiplies a time by a plain number: 2 * tau", () => {
    expect(model("tau_m = 2 * tau", "let tau = 10 ms").params?.tauMembraneS).toBe(0.02);
  });

  it("negates a parenthesised voltage: -(60 mV)", () => {
    expect(model("v_reset = -(60 mV)").params?.vResetV).toBe(-0.06);
  });

  it("adds and subtracts quantities of one dimension", () => {
    const { params } = model("v_thresh = rest + 15 mV  v_reset = rest - 5 mV", "let rest = -70 mV");
    expect(params?.vThreshV).toBeCloseTo(-0.055, 15);
    expect(params?.vResetV).toBeCloseTo(-0.075, 15);
  });

  it("multiplies a resistance by a current into a voltage", () => {
    const { params, codes } = model("v_rest = 100 Mohm * 0.2 nA - 80 mV");
    expect(codes).toEqual([]);
    expect(params?.vRestV).toBeCloseTo(-0.06, 15);
  });

  it("divides a time by a time into a plain number", () => {
    const text = "neuron C = lif\npopulation p = C[(40 ms / 20 ms) * 5]\n";
    expect(loadProgramFromText("units.ant", text).program?.populations[0]?.size).toBe(10);
  });

  it("binds * and / tighter than + and -", () => {
    expect(model("tau_m = 1 ms + 2 * 3 ms").params?.tauMembraneS).toBeCloseTo(0.007, 15);
  });

  it("rejects adding a time to a voltage (20 ms + 3 mV)", () => {
    expect(model("tau_m = 20 ms + 3 mV").codes).toEqual(["ANT2102"]);
  });

  it("rejects a voltage where a time is expected", () => {
    expect(model("tau_m = 20 mV").codes).toEqual(["ANT2103"]);
  });

  it("rejects a plain number where a time is expected", () => {
    expect(model("tau_m = 20").codes).toEqual(["ANT2103"]);
  });

  it("rejects a product whose dimension has no use here (ms * ms)", () => {
    const { result, codes } = model("tau_m = 2 ms * 3 ms");
    expect(codes).toEqual(["ANT2103"]);
    expect(result.diagnostics[0]?.message).toContain("s^2");
  });

  it("rejects division by zero", () => {
    expect(model("tau_m = 20 ms / 0").codes).toEqual(["ANT2107"]);
  });

  it("rejects an unknown unit and suggests the one that differs only in case", () => {
    const { result, codes } = model("v_rest = -65 mv");
    expect(codes).toEqual(["ANT2101"]);
    expect(result.diagnostics[0]?.help).toBe("did you mean 'mV'?");
  });
});

describe("rendering quantities", () => {
  it("picks the prefix that keeps the number readable", () => {
    expect(D.formatQuantity(-0.049, D.VOLTAGE)).toBe("-49 mV");
    expect(D.formatQuantity(23.6e-12, D.ENERGY)).toBe("23.6 pJ");
    expect(D.formatQuantity(0.02, D.DIMENSIONLESS)).toBe("0.02");
  });
});
