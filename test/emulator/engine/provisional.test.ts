import { describe, expect, it } from "vitest";
import { Engine } from "../../../emulator/engine/engine.ts";
import { createFloatNeurons } from "../../../emulator/engine/float-neurons.ts";
import { buildTopology } from "../../../emulator/mesh/topology.ts";
import type { ChipIR } from "../../../src/ir/types.ts";
import { buildIr, type FixtureSynapse } from "../../helpers/ir-fixtures.ts";

const MS = 1e9;

/** A small CUBA: 60 self-driven LIF and 20 adaptive neurons, random exc and inh wiring. */
function selfDrivenIr(): ChipIR {
  let state = 99;
  const rand = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const synapses: FixtureSynapse[] = [];
  const pops = [
    ["lif", 60],
    ["alif", 20],
  ] as const;
  for (const [pre, preSize] of pops)
    for (let i = 0; i < preSize; i++)
      for (const [post, postSize] of pops)
        for (let j = 0; j < postSize; j++) {
          if (rand() > 0.15) continue;
          const inhibitory = i % 5 === 0;
          synapses.push({
            pre: [pre, i],
            post: [post, j],
            weightV: inhibitory ? -6e-3 : 1.6e-3,
            delayS: 1e-3,
            projection: `${pre}->${post}${inhibitory ? " inh" : ""}`,
          });
        }
  const initV = (n: number): number[] => Array.from({ length: n }, () => -0.06 + 0.01 * rand());
  return buildIr({
    models: [
      { name: "cuba" },
      { name: "alif", kind: "adaptive_lif", thetaPlusV: 1e-3, tauThetaPs: 30 * MS },
    ],
    populations: [
      { name: "lif", size: 60, model: "cuba", initV: initV(60) },
      { name: "alif", size: 20, model: "alif", initV: initV(20) },
    ],
    projections: [...new Set(synapses.map((s) => s.projection!))].map((name) => ({
      name,
      receptor: name.endsWith(" inh") ? ("inh" as const) : ("exc" as const),
    })),
    synapses,
  });
}

function runSpikes(ir: ChipIR, provisional: boolean, runsMs: readonly number[]) {
  const ops = createFloatNeurons(ir);
  if (!provisional) delete ops.crossingBoundPs;
  const { topology } = buildTopology(ir);
  const engine = new Engine(ir, ops, topology, {
    seed: 1,
    clockStepPs: MS,
    recordAll: true,
    voltageSamplePs: MS,
  });
  engine.start([]);
  let events = 0;
  for (const ms of runsMs) events += engine.run(ms * MS).events;
  return {
    neuron: Array.from(engine.record.neurons()),
    timePs: Array.from(engine.record.timesPs()),
    events,
  };
}

describe("provisional crossing predictions", () => {
  const ir = selfDrivenIr();

  it("give the same spikes, to the picosecond, as searching exactly after every input", () => {
    const exact = runSpikes(ir, false, [300]);
    const lazy = runSpikes(ir, true, [300]);
    expect(exact.neuron.length).toBeGreaterThan(300);
    expect(lazy).toEqual(exact);
  });

  it("give the same spikes when the run is split in pieces", () => {
    expect(runSpikes(ir, true, [70, 0.5, 129.5, 100])).toEqual(runSpikes(ir, false, [300]));
  });
});
