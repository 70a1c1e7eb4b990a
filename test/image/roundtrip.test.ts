// Writing an IR and reading it back gives the identical IR, and the bytes depend only on the IR.
// To cover more networks (for example every compiled example), add them to `cases`.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { readImage, writeImage } from "../../src/image/index.ts";
import type { ChipIR } from "../../src/ir/types.ts";
import { allFixtureIrs, smallNetworkIr } from "../helpers/ir-fixtures.ts";

const cases: { readonly name: string; readonly ir: ChipIR }[] = allFixtureIrs();

describe.each(cases)("the image of the '$name' IR", ({ ir }) => {
  it("reads back as the identical IR, typed-array types included", () => {
    const result = readImage(writeImage(ir), "net.antbin");

    expect(result.diagnostics).toEqual([]);
    expect(result.ir).toStrictEqual(ir);
    expect(isDeepStrictEqual(result.ir, ir)).toBe(true);
  });

  it("is byte-identical when written twice", () => {
    expect(writeImage(ir)).toEqual(writeImage(ir));
  });

  it("has every section aligned to 8 bytes and a length that is a multiple of 8", () => {
    const { sections } = readImage(writeImage(ir));

    expect(writeImage(ir).length % 8).toBe(0);
    for (const s of sections ?? []) expect(s.offset % 8).toBe(0);
  });
});

describe("reading arrays", () => {
  it("views the file's memory when aligned, and copies when asked", () => {
    const bytes = writeImage(smallNetworkIr());
    const viewed = readImage(bytes).ir!;
    const copied = readImage(bytes, "net.antbin", { copy: true }).ir!;

    expect(viewed.synapses.weight.buffer).toBe(bytes.buffer);
    expect(copied.synapses.weight.buffer).not.toBe(bytes.buffer);
    expect(copied).toStrictEqual(viewed);
  });

  it("reads an image that sits at an odd offset inside a larger buffer", () => {
    const bytes = writeImage(smallNetworkIr());
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);

    const result = readImage(shifted.subarray(3));

    expect(result.diagnostics).toEqual([]);
    expect(result.ir).toStrictEqual(smallNetworkIr());
  });

  it("derives each neuron's core from the cores' ranges", () => {
    const ir = readImage(writeImage(smallNetworkIr())).ir!;

    expect([...ir.neurons.core]).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2]);
  });
});
