// Elaboration alone: the flat synapse graph in CSR order by source, and its determinism.
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { elaborate } from "../../src/compiler/elaborate/index.ts";
import { population, program, target } from "./helpers.ts";

const budget = { memoryBudgetBytes: 2 ** 30 };

function elaborated(spec: Parameters<typeof program>[0]) {
  const diagnostics: Diagnostic[] = [];
  const graph = elaborate(program(spec), target(), budget, diagnostics);
  expect(diagnostics).toEqual([]);
  return graph!;
}

describe("elaborate", () => {
  it("gives each source neuron one CSR row holding its synapses' post neurons", () => {
    // a (3 neurons, ids 0-2) -> b (4 neurons, ids 3-6), all to all: 4 synapses per row of a.
    const graph = elaborated({
      populations: [population("a", 3), population("b", 4)],
      projections: [{ pre: "a", post: "b", connector: { kind: "all_to_all", allowSelf: true } }],
    });

    expect(Array.from(graph.rowStart)).toEqual([0, 4, 8, 12, 12, 12, 12, 12]);
    expect(Array.from(graph.target)).toEqual([3, 4, 5, 6, 3, 4, 5, 6, 3, 4, 5, 6]);
    expect(graph.synapseCount).toBe(12);
  });

  it("connects neuron i to neuron i one to one, with the delay in steps of the resolution", () => {
    const graph = elaborated({
      populations: [population("a", 5), population("b", 5)],
      projections: [{ pre: "a", post: "b", connector: { kind: "one_to_one" }, delayS: 3e-3 }],
    });

    expect(Array.from(graph.rowStart.subarray(0, 6))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(graph.target)).toEqual([5, 6, 7, 8, 9]);
    // The test target's delay resolution is 1 ms: 3 ms is 3 steps.
    expect(Array.from(graph.delay)).toEqual([3, 3, 3, 3, 3]);
  });

  it("keeps the synapses of one source grouped by projection in program order", () => {
    const graph = elaborated({
      populations: [population("a", 2), population("b", 2), population("c", 1)],
      projections: [
        { pre: "a", post: "c", connector: { kind: "all_to_all", allowSelf: true } },
        { pre: "a", post: "b", connector: { kind: "one_to_one" } },
      ],
    });

    // Row of a[0]: first a->c (c[0] is id 4), then a->b (b[0] is id 2).
    expect(Array.from(graph.target.subarray(graph.rowStart[0]!, graph.rowStart[1]!))).toEqual([
      4, 2,
    ]);
    expect(Array.from(graph.projections[0]!.perPre)).toEqual([1, 1]);
  });

  it("draws exactly the same random synapses and weights twice from the same seeds", () => {
    const spec = {
      populations: [population("a", 400), population("b", 300)],
      projections: [
        {
          pre: "a",
          post: "b",
          connector: { kind: "random" as const, p: 0.05, allowSelf: false, seed: 42 },
          weightV: { kind: "uniform" as const, low: 0.5e-3, high: 2e-3, seed: 9 },
        },
      ],
    };
    const first = elaborated(spec);
    const second = elaborated(spec);

    expect(first.synapseCount).toBeGreaterThan(0);
    expect(second.rowStart).toEqual(first.rowStart);
    expect(second.target).toEqual(first.target);
    expect(second.weight).toEqual(first.weight);
  });

  it("draws close to p * pre * post synapses for a random connector", () => {
    const graph = elaborated({
      populations: [population("a", 1000), population("b", 1000)],
      projections: [
        { pre: "a", post: "b", connector: { kind: "random", p: 0.02, allowSelf: true, seed: 3 } },
      ],
    });

    // Expected 20,000; the standard deviation is sqrt(1e6 * 0.02 * 0.98), about 140.
    expect(Math.abs(graph.synapseCount - 20_000)).toBeLessThan(5 * 140);
  });
});
