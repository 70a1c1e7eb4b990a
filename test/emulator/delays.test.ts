import { describe, expect, it } from "vitest";
import { Emulator } from "../../emulator/api.ts";
import { buildIr, defaultTestTarget, type FixtureSynapse } from "../helpers/ir-fixtures.ts";
import type { IrTarget } from "../../src/ir/types.ts";

const MS = 1e9; // picoseconds
const QUIET = {
  name: "quiet",
  vRestV: -0.065,
  vResetV: -0.065,
  vThreshV: -0.05,
  tauMembranePs: 20 * MS,
  tauExcPs: 5 * MS,
  tauInhPs: 10 * MS,
  refractoryPs: 2 * MS,
};

/** One input spike at 1 ms into c0; c_k excites c_{k+1}; the chain is spread across the mesh. */
function chainIr(target: Partial<IrTarget> = {}) {
  const cores: [number, number][] = [
    [3, 0],
    [0, 3],
    [3, 3],
    [1, 1],
    [2, 0],
    [0, 2],
  ];
  const synapses: FixtureSynapse[] = [
    { pre: ["in", 0], post: ["c", 0], weightV: 0.2, delayS: 1e-3, projection: "drive" },
  ];
  for (let k = 0; k + 1 < cores.length; k++)
    synapses.push({
      pre: ["c", k],
      post: ["c", k + 1],
      weightV: 0.2,
      delayS: 1e-3,
      projection: "chain",
    });
  return buildIr({
    target,
    models: [QUIET],
    populations: [
      { name: "in", kind: "input", size: 1 },
      { name: "c", size: cores.length },
    ],
    placement: [
      { population: "in", start: 0, end: 1, coreX: 0, coreY: 0 },
      ...cores.map(([x, y], k) => ({ population: "c", start: k, end: k + 1, coreX: x, coreY: y })),
    ],
    synapses,
    inputs: [{ kind: "spike_times", population: "in", neuron: [0], timePs: [1 * MS] }],
    recordings: [{ kind: "spikes", population: "c" }],
  });
}

/** First integer picosecond at which V(t) of a resting neuron hit by weight w reaches threshold,
 *  from the closed form of REFERENCE.md (tauE != tauM), found by bisection on the rising part. */
function responseDelayPs(weightV: number): number {
  const tauM = QUIET.tauMembranePs;
  const tauE = QUIET.tauExcPs;
  const a = (weightV * tauE) / (tauE - tauM);
  const v = (t: number): number => QUIET.vRestV - a * Math.exp(-t / tauM) + a * Math.exp(-t / tauE);
  const peak = ((tauM * tauE) / (tauM - tauE)) * Math.log(tauM / tauE);
  expect(v(peak)).toBeGreaterThan(QUIET.vThreshV);
  let lo = 0;
  let hi = Math.ceil(peak);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (v(mid) >= QUIET.vThreshV) hi = mid;
    else lo = mid;
  }
  return hi;
}

describe("programmed delays", () => {
  it("fires a chain of neurons at exactly the programmed delays on an unloaded chip", () => {
    const emulator = new Emulator(chainIr());
    emulator.run(30 * MS);
    const { neuron, timePs } = emulator.spikes("c");
    expect(Array.from(neuron)).toEqual([0, 1, 2, 3, 4, 5]);

    // Each link of the chain takes delay + the neuron's own response time, whatever the number
    // of hops between the two cores (1 to 6 here): transport is hidden by the delay.
    const weightV = emulator.weights("chain").weightV[0]!;
    const delta = responseDelayPs(weightV);
    expect(timePs[0]! - (1 * MS + 1 * MS)).toBeGreaterThanOrEqual(delta - 1);
    expect(timePs[0]! - (1 * MS + 1 * MS)).toBeLessThanOrEqual(delta + 1);
    const step = timePs[0]! - 1 * MS;
    for (let k = 1; k < 6; k++) expect(timePs[k]! - timePs[k - 1]!).toBe(step);
    expect(emulator.report().totals.lateDeliveries).toBe(0);
  });

  it("counts a late delivery when a link is too slow, and still delivers every message", () => {
    const slow = defaultTestTarget().timing;
    const emulator = new Emulator(
      chainIr({ timing: { ...slow, hopEastWestPs: 2 * MS, hopNorthSouthPs: 2 * MS } }),
    );
    emulator.run(100 * MS);
    const report = emulator.report();
    expect(Array.from(emulator.spikes("c").neuron)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(report.totals.lateDeliveries).toBeGreaterThan(0);
    expect(report.totals.synapticEvents).toBe(6);
    const lateCore = report.cores.find((c) => c.lateDeliveries > 0)!;
    expect(lateCore.lateMaxPs).toBeGreaterThan(0);
  });

  it("queues a second message behind the first on a shared link", () => {
    // Two input neurons spike at the same instant towards the same core one hop east.
    const ir = buildIr({
      models: [QUIET],
      populations: [
        { name: "in", kind: "input", size: 2 },
        { name: "n", size: 1 },
      ],
      placement: [
        { population: "in", start: 0, end: 2, coreX: 0, coreY: 0 },
        { population: "n", start: 0, end: 1, coreX: 1, coreY: 0 },
      ],
      synapses: [
        { pre: ["in", 0], post: ["n", 0], weightV: 1e-3, delayS: 1e-3 },
        { pre: ["in", 1], post: ["n", 0], weightV: 1e-3, delayS: 1e-3 },
      ],
      inputs: [{ kind: "spike_times", population: "in", neuron: [0, 1], timePs: [MS, MS] }],
    });
    const emulator = new Emulator(ir);
    emulator.run(5 * MS);
    const report = emulator.report();
    const t = ir.target.timing;
    const east = report.links.find((l) => l.direction === "east" && l.x === 0 && l.y === 0)!;
    expect(east.messages).toBe(2);
    expect(east.maxQueue).toBe(1);
    // The second spike waited for the first spike's spike-out work and for the link.
    expect(report.latency.maxPs).toBe(
      2 * t.spikeOutPs + t.hopEastWestPs + t.hopEastWestPs - t.spikeOutPs,
    );
    expect(report.totals.lateDeliveries).toBe(0);
  });
});
