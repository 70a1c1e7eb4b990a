import { describe, expect, it } from "vitest";
import { Emulator, EmulationError } from "../../emulator/api.ts";
import { compareModes, type ModeComparison } from "../../emulator/compare-modes.ts";
import { stateLsbV } from "../../src/compiler/quantise/state.ts";
import type { ChipIR, IrModel } from "../../src/ir/types.ts";
import { buildIr, smallNetworkIr } from "../helpers/ir-fixtures.ts";

const S = 1e12;
const MS = 1e9;

/** The image as the compiler would emit it for a target with `stateBits` of state. */
function withStatePrecision(ir: ChipIR, stateBits: number): ChipIR {
  const models = ir.models.map((m): IrModel => ({
    ...m,
    stateLsbV: stateLsbV(
      {
        ...m,
        tauMembraneS: m.tauMembranePs / S,
        refractoryS: m.refractoryPs / S,
        tauExcS: m.tauExcPs / S,
        tauInhS: m.tauInhPs / S,
        tauThetaS: m.tauThetaPs / S,
      },
      stateBits,
    ),
  }));
  return { ...ir, target: { ...ir.target, stateBits }, models };
}

/** Three LIF neurons in a chain; the first is driven by a bias current (vInf = -45 mV). */
function chainIr(): ChipIR {
  return buildIr({
    name: "chain",
    models: [
      { name: "driven", vRestV: -0.065, vResetV: -0.065, biasA: 2e-10, rMembraneOhm: 1e8 },
      { name: "cell", vRestV: -0.065, vResetV: -0.065 },
    ],
    populations: [
      { name: "a", size: 1, model: "driven", initV: -0.065 },
      { name: "b", size: 1, model: "cell", initV: -0.065 },
      { name: "c", size: 1, model: "cell", initV: -0.065 },
    ],
    synapses: [
      { pre: ["a", 0], post: ["b", 0], weightV: 0.12, delayS: 1e-3 },
      { pre: ["b", 0], post: ["c", 0], weightV: 0.12, delayS: 2e-3 },
    ],
    recordings: ["a", "b", "c"].map((population) => ({ kind: "spikes" as const, population })),
  });
}

function totals(c: ModeComparison): { differing: number; maxPs: number; counts: number[] } {
  return {
    differing: c.populations.reduce((n, p) => n + p.neuronsDiffering, 0),
    maxPs: Math.max(...c.populations.map((p) => p.maxAbsTimeDiffPs)),
    counts: c.populations.flatMap((p) => [p.floatSpikes, p.fixedSpikes]),
  };
}

describe("fixed mode against float mode", () => {
  it("reproduces a bias-driven chain's spike times within microseconds at 24-bit state", () => {
    const { comparison } = compareModes(withStatePrecision(chainIr(), 24), 1 * S);
    const t = totals(comparison);
    expect(t.differing).toBe(0);
    expect(Math.min(...t.counts)).toBeGreaterThan(10);

    // The driven neuron's period moves by at most tauM * 1.5 LSB / (vInf - theta - LSB) when its
    // three voltages are rounded (docs/fixed-point.md), so its k-th spike by k times that.
    const lsb = 0.13 / 2 ** 23;
    const periodBoundPs = (20 * MS * 1.5 * lsb) / (0.005 - lsb);
    const a = comparison.populations[0]!;
    expect(a.maxAbsTimeDiffPs).toBeLessThanOrEqual(a.matchedSpikes * periodBoundPs);
    expect(t.maxPs).toBeLessThan(0.01 * MS);
  });

  it("reproduces a small excitatory-inhibitory network closely at 24-bit state", () => {
    const { comparison } = compareModes(withStatePrecision(smallNetworkIr(), 24), 1 * S);
    const t = totals(comparison);
    expect(t.differing).toBe(0);
    expect(t.maxPs).toBeLessThan(0.01 * MS);
  });

  it("shows a difference in the comparison report at 8-bit state", () => {
    const high = totals(compareModes(withStatePrecision(smallNetworkIr(), 24), 1 * S).comparison);
    const low = totals(compareModes(withStatePrecision(smallNetworkIr(), 8), 1 * S).comparison);
    // At 8 bits the LSB is about 1 mV: weights and voltages round visibly and spike counts change.
    expect(high.differing).toBe(0);
    expect(low.differing).toBeGreaterThan(0);
    expect(low.maxPs).toBeGreaterThan(100 * high.maxPs);
  });

  it("gives identical fixed-mode spikes and voltages for the same image and seed", () => {
    const ir = withStatePrecision(smallNetworkIr(), 12);
    const run = (): string => {
      const e = new Emulator(ir, { mode: "fixed", recordAll: true, seed: 3 });
      e.run(0.5 * S);
      return JSON.stringify([e.recordedSpikes(), e.voltageTraces(), e.voltage("exc", 2)], (_, v) =>
        ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : (v as unknown),
      );
    };
    expect(run()).toBe(run());
  });

  it("gives the same fixed-mode spikes whether a run is done in one piece or in several", () => {
    const ir = withStatePrecision(smallNetworkIr(), 16);
    const whole = new Emulator(ir, { mode: "fixed", recordAll: true });
    whole.run(1 * S);
    const parts = new Emulator(ir, { mode: "fixed", recordAll: true });
    for (let k = 0; k < 4; k++) {
      parts.run(0.25 * S);
      parts.voltage("exc", k);
    }
    expect(Array.from(parts.recordedSpikes().timePs)).toEqual(
      Array.from(whole.recordedSpikes().timePs),
    );
  });

  it("reports voltages on the state grid of the model", () => {
    const ir = withStatePrecision(smallNetworkIr(), 10);
    const e = new Emulator(ir, { mode: "fixed" });
    e.run(0.2 * S);
    const lsb = ir.models[0]!.stateLsbV;
    const steps = e.voltage("exc", 1) / lsb;
    expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-9);
  });

  it("refuses a state precision fixed mode cannot represent, with a diagnostic", () => {
    const ir = withStatePrecision(smallNetworkIr(), 48);
    expect(() => new Emulator(ir, { mode: "fixed" })).toThrow(EmulationError);
    expect(() => new Emulator(ir, { mode: "fixed" })).toThrow(/48 bits/);
  });
});
