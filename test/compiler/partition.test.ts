// Partitioning alone: contiguous neuron ranges per core, every per-core limit respected, and a
// refusal that names the culprit when a network cannot fit.
import { describe, expect, it } from "vitest";
import type { ResolvedProgram, ResolvedTarget } from "../../dsl/resolved.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { elaborate, type ElaboratedGraph } from "../../src/compiler/elaborate/index.ts";
import { partition, type Partition } from "../../src/compiler/partition/index.ts";
import { compileProgram } from "../../src/compiler/index.ts";
import { population, program, target } from "./helpers.ts";

function partitioned(net: ResolvedProgram, chip: ResolvedTarget) {
  const diagnostics: Diagnostic[] = [];
  const graph = elaborate(net, chip, { memoryBudgetBytes: 2 ** 30 }, diagnostics)!;
  const parts = partition(graph, chip, diagnostics);
  return { graph, parts, diagnostics };
}

/** Synapses whose post neuron lies on each core, counted from the graph, not from the partition. */
function synapsesPerCore(graph: ElaboratedGraph, parts: Partition): number[] {
  const counts = new Array<number>(parts.coreCount).fill(0);
  for (const post of graph.target) {
    let core = 0;
    while (post >= parts.coreStart[core + 1]!) core++;
    counts[core]!++;
  }
  return counts;
}

describe("partition", () => {
  it("fills cores in order up to the neuron limit when nothing else constrains them", () => {
    const { parts, diagnostics } = partitioned(
      program({ populations: [population("cells", 3000)] }),
      target({ core: { maxNeurons: 256 } }),
    );

    // ceil(3000 / 256) = 12 cores: eleven of 256 and one of 184.
    expect(diagnostics).toEqual([]);
    expect(parts!.coreCount).toBe(12);
    expect(parts!.coreStart[11]).toBe(11 * 256);
    expect(parts!.coreStart[12]).toBe(3000);
  });

  it("splits cores until no core holds more synapses than the limit", () => {
    // Every b neuron receives 600 synapses; 10,000 per core allows at most 16 of them per core.
    const net = program({
      populations: [population("a", 600), population("b", 100)],
      projections: [{ pre: "a", post: "b", connector: { kind: "all_to_all", allowSelf: true } }],
    });
    const { graph, parts, diagnostics } = partitioned(
      net,
      target({ core: { maxSynapses: 10_000 } }),
    );

    expect(diagnostics).toEqual([]);
    const counts = synapsesPerCore(graph, parts!);
    expect(Math.max(...counts)).toBeLessThanOrEqual(10_000);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(60_000);
    // 60,000 synapses at 10,000 a core cannot take fewer than 6 cores for b.
    expect(counts.filter((n) => n > 0).length).toBeGreaterThanOrEqual(6);
  });

  it("keeps every core's input axons within the fan-in limit", () => {
    // 50 sources all to all: a core may hold b neurons but never see more than 40 sources.
    const net = program({
      populations: [population("a", 30), population("b", 20), population("c", 20)],
      projections: [
        { pre: "a", post: "b", connector: { kind: "all_to_all", allowSelf: true } },
        { pre: "c", post: "b", connector: { kind: "one_to_one" } },
      ],
    });
    const { parts, diagnostics } = partitioned(net, target({ core: { maxFanInAxons: 40 } }));

    expect(diagnostics).toEqual([]);
    expect(Math.max(...parts!.stats.fanIn)).toBeLessThanOrEqual(40);
  });

  it("refuses a target that is too small, naming the population, the limit and the excess", () => {
    const result = compileProgram(
      program({ populations: [population("big", 3000)] }),
      target({ mesh: [2, 2], core: { maxNeurons: 256 } }),
    );

    expect(result.ir).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ANT3404"]);
    expect(result.diagnostics[0]!.message).toBe(
      "The network needs 12 cores but target 'test-chip' has 4 (1 chip of 4 cores), 8 too few. " +
        "Population 'big' alone takes 12 cores, limited by neurons per core (256 per core).",
    );
    expect(result.diagnostics[0]!.help).toContain("make 'big' smaller");
  });

  it("refuses a neuron whose fan-in alone exceeds a core's axons, naming the projection", () => {
    const result = compileProgram(
      program({
        populations: [population("a", 5000), population("b", 10)],
        projections: [{ pre: "a", post: "b", connector: { kind: "all_to_all", allowSelf: true } }],
      }),
      target(),
    );

    expect(result.diagnostics[0]!.message).toBe(
      "Population 'b' needs 5,000 input axons on one core (neuron 0 alone receives spikes from 5,000 distinct sources); the limit is 4,096.",
    );
    expect(result.diagnostics[0]!.help).toContain("'a->b'");
  });
});

describe("the 16-bit synapse slot", () => {
  // Synapses name their post neuron by a u16 index within its core (src/ir/types.ts).
  const roomy = { maxNeurons: 1_000_000, synapticMemoryBits: Infinity } as const;

  it("caps a core at 65,536 neurons when the target allows more", () => {
    const { parts, diagnostics } = partitioned(
      program({ populations: [population("cells", 150_000)] }),
      target({ core: roomy }),
    );

    expect(diagnostics).toEqual([]);
    expect(Array.from(parts!.coreStart)).toEqual([0, 65_536, 131_072, 150_000]);
  });

  it("names the capped limit when the cores run out", () => {
    const result = compileProgram(
      program({ populations: [population("big", 70_000)] }),
      target({ mesh: [1, 1], core: roomy }),
    );

    expect(result.diagnostics[0]!.message).toBe(
      "The network needs 2 cores but target 'test-chip' has 1 (1 chip of 1 core), 1 too few. " +
        "Population 'big' alone takes 2 cores, limited by neurons per core (65,536 per core).",
    );
  });

  it("compiles slots that reach the last neuron of a full core", () => {
    // b[i] is hardware id 70,000 + i: b[0..61,071] fill core 1 up to slot 65,535.
    const result = compileProgram(
      program({
        populations: [population("a", 70_000), population("b", 70_000)],
        projections: [{ pre: "a", post: "b", connector: { kind: "one_to_one" } }],
      }),
      target({
        core: { ...roomy, maxFanInAxons: Infinity, maxFanOutEntries: Infinity },
      }),
    );
    const ir = result.ir!;
    const syn = ir.synapses;

    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(ir.cores.map((c) => c.neuronCount)).toEqual([65_536, 65_536, 8_928]);
    const post = new Uint32Array(syn.count);
    for (let e = 0; e < syn.fanOutCore.length; e++)
      for (let s = syn.synStart[e]!; s < syn.synStart[e + 1]!; s++)
        post[s] = ir.cores[syn.fanOutCore[e]!]!.neuronStart + syn.targetSlot[s]!;
    expect(post.every((n, s) => n === 70_000 + s)).toBe(true);
    expect(syn.targetSlot.reduce((a, b) => Math.max(a, b), 0)).toBe(65_535);
  });
});
