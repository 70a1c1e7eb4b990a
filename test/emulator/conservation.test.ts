import { describe, expect, it } from "vitest";
import { Emulator } from "../../emulator/api.ts";
import { Port } from "../../src/ir/types.ts";
import { buildIr, type FixtureSynapse } from "../helpers/ir-fixtures.ts";

const MS = 1e9;

/** A random network of 20 inputs and 30 quiet neurons over five cores, driven for 300 ms. */
function randomNetworkIr() {
  let s = 12345;
  const rand = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const synapses: FixtureSynapse[] = [];
  for (let i = 0; i < 20; i++)
    for (let j = 0; j < 30; j++)
      if (rand() < 0.3)
        synapses.push({
          pre: ["in", i],
          post: ["exc", j],
          weightV: 6e-3,
          delayS: 1e-3 * (1 + (j % 3)),
        });
  for (let i = 0; i < 30; i++)
    for (let j = 0; j < 30; j++)
      if (i !== j && rand() < 0.1)
        synapses.push({
          pre: ["exc", i],
          post: ["exc", j],
          weightV: j % 4 === 0 ? -4e-3 : 2e-3,
          delayS: 2e-3,
          projection: j % 4 === 0 ? "rec_inh" : "rec_exc",
        });
  return buildIr({
    models: [{ name: "quiet", vRestV: -0.065, vResetV: -0.065, vThreshV: -0.05 }],
    populations: [
      { name: "in", kind: "input", size: 20 },
      { name: "exc", size: 30 },
    ],
    placement: [
      { population: "in", start: 0, end: 20, coreX: 0, coreY: 0 },
      { population: "exc", start: 0, end: 10, coreX: 2, coreY: 1 },
      { population: "exc", start: 10, end: 20, coreX: 3, coreY: 3 },
      { population: "exc", start: 20, end: 25, coreX: 0, coreY: 3 },
      { population: "exc", start: 25, end: 30, coreX: 1, coreY: 0 },
    ],
    synapses,
    projections: [
      { name: "rec_inh", receptor: "inh" },
      { name: "rec_exc", receptor: "exc" },
    ],
    inputs: [{ kind: "poisson", population: "in", ratesHz: 80, stopPs: 300 * MS, seed: 3 }],
  });
}

describe("conservation of spikes, messages and work", () => {
  const ir = randomNetworkIr();
  const emulator = new Emulator(ir, { recordAll: true });
  emulator.run(1000 * MS);
  const report = emulator.report();

  // Every spike of every population, as hardware ids.
  const spikingIds: number[] = [];
  for (const p of ir.populations) {
    const { neuron } = emulator.spikes(p.name);
    const slices = ir.slices.filter((s) => ir.populations[s.population] === p);
    for (const index of neuron) {
      const slice = slices.find((s) => index >= s.start && index < s.end)!;
      spikingIds.push(slice.neuronStart + index - slice.start);
    }
  }

  it("lets the network fall silent well before the end, so nothing is in flight", () => {
    expect(spikingIds.length).toBeGreaterThan(300);
    for (const p of ir.populations) {
      const { timePs } = emulator.spikes(p.name);
      expect(Math.max(0, ...timePs)).toBeLessThan(500 * MS);
    }
  });

  it("applies exactly the fan-out of every emitted spike as synaptic events", () => {
    const { fanOutStart, synStart } = ir.synapses;
    let expected = 0;
    for (const s of spikingIds)
      expected += synStart[fanOutStart[s + 1]!]! - synStart[fanOutStart[s]!]!;
    expect(report.totals.synapticEvents).toBe(expected);
    expect(report.totals.spikes).toBe(spikingIds.length);
  });

  it("delivers one message per destination core of every spike, none vanishing", () => {
    const { neuronRoute, nodeStart, nodePorts } = ir.routes;
    let deliveries = 0;
    let hops = 0;
    for (const s of spikingIds) {
      const r = neuronRoute[s]!;
      if (r < 0) continue;
      for (let n = nodeStart[r]!; n < nodeStart[r + 1]!; n++) {
        const ports = nodePorts[n]!;
        if (ports & Port.Local) deliveries++;
        for (const bit of [Port.East, Port.West, Port.North, Port.South]) if (ports & bit) hops++;
      }
    }
    expect(report.totals.messages).toBe(deliveries);
    expect(report.latency.messages).toBe(deliveries);
    expect(report.totals.hops).toBe(hops);
    expect(report.links.reduce((sum, l) => sum + l.messages, 0)).toBe(hops);
  });

  it("counts one neuron update per synaptic event and per spike of a model neuron", () => {
    const modelSpikes = report.populations.find((p) => p.name === "exc")!.spikes;
    expect(report.totals.neuronUpdates).toBe(report.totals.synapticEvents + modelSpikes);
  });

  it("makes every energy total exactly the sum of its parts", () => {
    const e = report.energy;
    expect(e.totalJ).toBe(
      e.synOpsJ + e.neuronUpdatesJ + e.spikesOutJ + e.learnUpdatesJ + e.routingJ + e.staticJ,
    );
    let synOps = 0;
    let routing = 0;
    for (const c of report.cores) {
      const k = c.energy;
      expect(k.totalJ).toBe(
        k.synOpsJ + k.neuronUpdatesJ + k.spikesOutJ + k.learnUpdatesJ + k.routingJ + k.staticJ,
      );
      synOps += k.synOpsJ;
      routing += k.routingJ;
    }
    expect(e.synOpsJ).toBe(synOps);
    expect(e.routingJ).toBe(routing + report.routingWithoutCoreJ);
    const linkJ = report.links.reduce((sum, l) => sum + l.energyJ, 0);
    expect(e.routingJ).toBeCloseTo(linkJ, 20);

    const c = report.clocked;
    expect(c.totalJ).toBe(
      c.synOpsJ +
        c.neuronUpdatesJ +
        c.spikesOutJ +
        c.learnUpdatesJ +
        c.routingJ +
        c.barrierJ +
        c.staticJ,
    );
  });

  it("prices each kind of work at the target's per-operation energy", () => {
    const t = ir.target.energy;
    const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    expect(rel(report.energy.synOpsJ, report.totals.synapticEvents * t.synOpJ)).toBeLessThan(1e-12);
    expect(rel(report.energy.spikesOutJ, report.totals.spikes * t.spikeOutJ)).toBeLessThan(1e-12);
    expect(rel(report.energy.staticJ, ir.cores.length * t.staticPowerPerCoreW * 1)).toBeLessThan(
      1e-12,
    );
  });
});
