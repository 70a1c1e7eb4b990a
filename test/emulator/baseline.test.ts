import { describe, expect, it } from "vitest";
import { Emulator } from "../../emulator/api.ts";
import { buildIr, defaultTestTarget } from "../helpers/ir-fixtures.ts";

const MS = 1e9;

describe("clocked baseline", () => {
  it("matches its formula on a hand-computed case", () => {
    const base = defaultTestTarget();
    const ir = buildIr({
      target: { energy: { ...base.energy, barrierJ: 1e-9 } },
      models: [{ name: "quiet", vRestV: -0.065, vResetV: -0.065, vThreshV: -0.05 }],
      populations: [
        { name: "in", kind: "input", size: 1 },
        { name: "n", size: 3 },
      ],
      placement: [
        { population: "in", start: 0, end: 1, coreX: 0, coreY: 0 },
        { population: "n", start: 0, end: 3, coreX: 1, coreY: 0 },
      ],
      synapses: [
        { pre: ["in", 0], post: ["n", 0], weightV: 1e-3, delayS: 1e-4 },
        { pre: ["in", 0], post: ["n", 1], weightV: 1e-3, delayS: 1e-4 },
      ],
      // Inputs land (after 0.1 ms) in steps 0, 0 and 2 of a 1 ms clock.
      inputs: [
        {
          kind: "spike_times",
          population: "in",
          neuron: [0, 0, 0],
          timePs: [0.5 * MS, 0.7 * MS, 2.5 * MS],
        },
      ],
    });
    const emulator = new Emulator(ir, { clockStepPs: 1 * MS });
    emulator.run(10 * MS);
    const r = emulator.report();
    const e = ir.target.energy;

    // 10 steps x 3 neurons; n0 and n1 are active in steps 0 and 2; n2 never.
    expect(r.clocked.steps).toBe(10);
    expect(r.clocked.activeUpdates).toBe(4);
    expect(r.clocked.idleUpdates).toBe(26);
    const staticJ = 2 * e.staticPowerPerCoreW * 0.01;
    const expected =
      6 * e.synOpJ +
      (4 * e.neuronUpdateJ + 26 * e.neuronUpdateIdleJ) +
      3 * e.spikeOutJ +
      3 * e.hopEastWestJ +
      10 * 1e-9 +
      staticJ;
    expect(Math.abs(r.clocked.totalJ - expected) / expected).toBeLessThan(1e-12);

    // The event-driven run: 6 synaptic events, one update each, no spikes of the neurons.
    const eventJ =
      6 * e.synOpJ + 6 * e.neuronUpdateJ + 3 * e.spikeOutJ + 3 * e.hopEastWestJ + staticJ;
    expect(Math.abs(r.energy.totalJ - eventJ) / eventJ).toBeLessThan(1e-12);
    expect(r.clockedRatio).toBeCloseTo(expected / eventJ, 12);
  });

  it("grows the clocked/event ratio as activity gets sparser", () => {
    const make = (rateHz: number) =>
      buildIr({
        target: { energy: { ...defaultTestTarget().energy, staticPowerPerCoreW: 0 } },
        models: [{ name: "quiet", vRestV: -0.065, vResetV: -0.065, vThreshV: -0.05 }],
        populations: [
          { name: "in", kind: "input", size: 10 },
          { name: "n", size: 100 },
        ],
        synapses: Array.from({ length: 100 }, (_, j) => ({
          pre: ["in", j % 10] as const,
          post: ["n", j] as const,
          weightV: 1e-3,
          delayS: 1e-3,
        })),
        inputs: [{ kind: "poisson", population: "in", ratesHz: rateHz }],
      });
    const ratio = (rateHz: number): number => {
      const emulator = new Emulator(make(rateHz));
      emulator.run(1000 * MS);
      return emulator.report().clockedRatio;
    };
    const dense = ratio(100);
    const sparse = ratio(1);
    expect(sparse).toBeGreaterThan(dense);
    expect(sparse).toBeGreaterThan(10);
  });
});
