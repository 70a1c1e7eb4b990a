// Compiling is a function of the source, the target and the seed: twice gives the same IR and a
// byte-identical image.
import { describe, expect, it } from "vitest";
import { compileFile } from "../../src/compiler/index.ts";
import { irToJson } from "../../src/compiler/emit/ir-json.ts";
import { writeImage } from "../../src/image/index.ts";

describe("compiling twice", () => {
  const first = compileFile("examples/cuba.ant", "ant-ref");
  const second = compileFile("examples/cuba.ant", "ant-ref");

  it("gives identical IR", () => {
    expect(irToJson(second.ir!)).toBe(irToJson(first.ir!));
  });

  it("gives byte-identical images", () => {
    expect(Buffer.from(writeImage(second.ir!)).equals(Buffer.from(writeImage(first.ir!)))).toBe(
      true,
    );
  });

  it("places differently for a different placer seed but keeps the same synapses", () => {
    const reseeded = compileFile("examples/cuba.ant", "ant-ref", { seed: 12345 });
    expect(reseeded.ir!.synapses.targetSlot).toEqual(first.ir!.synapses.targetSlot);
    expect(reseeded.ir!.mapping.coresUsed).toBe(first.ir!.mapping.coresUsed);
  });
});
