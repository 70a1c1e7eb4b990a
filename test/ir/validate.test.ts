// The IR validator on synapse slots: each must fall inside its destination core, and no core may
// hold more neurons than a 16-bit slot can address.
import { describe, expect, it } from "vitest";
import type { ChipIR } from "../../src/ir/types.ts";
import { validateIr } from "../../src/ir/validate.ts";
import { smallNetworkIr } from "../helpers/ir-fixtures.ts";

describe("validateIr on synapse slots", () => {
  it("accepts the fixture's slots as built", () => {
    expect(validateIr(smallNetworkIr())).toEqual([]);
  });

  it("reports a slot beyond the neurons of its fan-out entry's core", () => {
    // Synapse 7 (entry 4 of input neuron 2) goes to core 1, which holds 5 neurons.
    const ir = smallNetworkIr();
    const targetSlot = ir.synapses.targetSlot.slice();
    targetSlot[7] = 5;
    const problems = validateIr({ ...ir, synapses: { ...ir.synapses, targetSlot } });

    expect(problems.map((d) => d.message)).toEqual([
      "The IR is inconsistent: synapse 7 of neuron 2 targets slot 5 of core 1, which holds 5 neurons.",
    ]);
  });

  it("reports a core with more neurons than a 16-bit slot can address", () => {
    // One core of 70,000 neurons, none of them connected: only the core's size is wrong.
    const base = smallNetworkIr();
    const n = 70_000;
    const ir: ChipIR = {
      ...base,
      target: { ...base.target, maxNeuronsPerCore: n },
      cores: [{ ...base.cores[0]!, neuronStart: 0, neuronCount: n }],
      slices: [{ population: 0, start: 0, end: n, core: 0, neuronStart: 0 }],
      populations: [{ ...base.populations[0]!, size: n, shape: [n] }],
      neurons: {
        count: n,
        population: new Uint16Array(n),
        index: Uint32Array.from({ length: n }, (_, i) => i),
        core: new Uint32Array(n),
        initV: new Float64Array(n),
        initGExcV: new Float64Array(n),
        initGInhV: new Float64Array(n),
        initThetaV: new Float64Array(n),
      },
      synapses: {
        count: 0,
        fanOutStart: new Uint32Array(n + 1),
        fanOutCore: new Uint32Array(0),
        fanOutProjection: new Uint16Array(0),
        synStart: new Uint32Array(1),
        targetSlot: new Uint16Array(0),
        weight: new Int16Array(0),
        delay: new Uint16Array(0),
      },
      routes: { ...base.routes, neuronRoute: new Int32Array(n).fill(-1) },
    };

    expect(validateIr(ir).map((d) => d.message)).toEqual([
      "The IR is inconsistent: core 0 holds 70000 neurons, more than the 65536 a 16-bit synapse slot can address.",
    ]);
  });
});
