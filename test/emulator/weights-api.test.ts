import { describe, expect, it } from "vitest";
import { Emulator } from "../../emulator/api.ts";
import { smallNetworkIr } from "../helpers/ir-fixtures.ts";

/** The input -> excitatory projection of the small fixture and its synapses, from the IR. */
function inputProjection(ir: ReturnType<typeof smallNetworkIr>) {
  const k = ir.projections.findIndex((p) => p.pre === 0 && p.post === 1);
  return { name: ir.projections[k]!.name, index: k, lsbV: ir.projections[k]!.weightLsbV };
}

describe("Emulator.weights and setWeights", () => {
  it("lists every synapse of a projection with its pre and post index and weight", () => {
    const ir = smallNetworkIr();
    const { name } = inputProjection(ir);
    const { pre, post, weightV } = new Emulator(ir).weights(name);
    // The fixture connects input i to excitatory e when i + e is even: 12 synapses.
    expect(weightV.length).toBe(12);
    for (let k = 0; k < weightV.length; k++) {
      expect((pre[k]! + post[k]!) % 2).toBe(0);
      expect(weightV[k]).toBeCloseTo(1.5e-3 * (1 + 0.1 * pre[k]!), 5);
    }
  });

  it("quantises new static weights, leaves the caller's image untouched, and runs with them", () => {
    const ir = smallNetworkIr();
    const original = ir.synapses.weight.slice();
    const { name, lsbV } = inputProjection(ir);
    const emulator = new Emulator(ir, { seed: 3 });
    const count = emulator.weights(name).weightV.length;
    const wanted = Float64Array.from({ length: count }, (_, k) => (k + 0.3) * lsbV);
    emulator.setWeights(name, wanted);
    const read = emulator.weights(name).weightV;
    for (let k = 0; k < count; k++) expect(read[k]).toBe(k * lsbV);
    expect(ir.synapses.weight).toEqual(original);

    // With every input weight at zero the excitatory cells behave exactly as with the inputs
    // switched off; with the image's weights the inputs change what they do.
    const zeroed = new Emulator(ir, { seed: 3 });
    zeroed.setWeights(name, new Float64Array(count));
    zeroed.run(200e9);
    const unplugged = new Emulator(ir, { seed: 3 });
    unplugged.setInputRates("in", new Float64Array(4));
    unplugged.run(200e9);
    const driven = new Emulator(ir, { seed: 3 });
    driven.run(200e9);
    expect(zeroed.spikes("exc")).toEqual(unplugged.spikes("exc"));
    expect(driven.spikes("exc")).not.toEqual(unplugged.spikes("exc"));
  });

  it("refuses a weight array of the wrong length with a diagnostic", () => {
    const ir = smallNetworkIr();
    const { name } = inputProjection(ir);
    expect(() => new Emulator(ir).setWeights(name, new Float64Array(3))).toThrow(/12/);
  });
});
