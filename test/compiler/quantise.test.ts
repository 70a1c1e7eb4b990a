// Quantisation alone: the per-projection error figures and the warnings that name the projection.
import { describe, expect, it } from "vitest";
import type { Connector } from "../../dsl/resolved.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { elaborate } from "../../src/compiler/elaborate/index.ts";
import { quantisationDiagnostics } from "../../src/compiler/quantise/report.ts";
import { population, program, target } from "./helpers.ts";

/** A 1 x 2 input seen by one post neuron through a 1 x 2 kernel: exactly two synapses. */
function twoWeights(kernelV: [number, number]): Connector {
  return {
    kind: "conv2d",
    inShape: [1, 2],
    outShape: [1, 1],
    kernelH: 1,
    kernelW: 2,
    strideY: 1,
    strideX: 1,
    padding: 0,
    kernelV: Float64Array.from(kernelV),
  };
}

function quantised(kernelV: [number, number]) {
  const chip = target({ weightBits: 9 });
  const diagnostics: Diagnostic[] = [];
  const graph = elaborate(
    program({
      populations: [population("retina", 2), population("cell", 1)],
      projections: [
        { name: "retina_to_cell", pre: "retina", post: "cell", connector: twoWeights(kernelV) },
      ],
    }),
    chip,
    { memoryBudgetBytes: 2 ** 30 },
    diagnostics,
  )!;
  expect(diagnostics).toEqual([]);
  return { graph, warnings: quantisationDiagnostics(graph, chip) };
}

describe("quantise", () => {
  it("maps the largest weight onto the largest 9-bit code and rounds the others to nearest", () => {
    // One step is 1 mV / 255; 0.31 mV is 79.05 steps, stored as 79.
    const { graph, warnings } = quantised([1e-3, 0.31e-3]);

    expect(Array.from(graph.weight)).toEqual([255, 79]);
    const expectedError = Math.abs((79 * 1e-3) / 255 - 0.31e-3) / 0.31e-3;
    expect(graph.projections[0]!.weights.maxRelativeError).toBeCloseTo(expectedError, 12);
    expect(warnings).toEqual([]);
  });

  it("warns, naming the projection, about a nonzero weight that rounds to zero", () => {
    // 1 uV is 0.255 of a step (1 mV / 255 = 3.92 uV): it rounds to 0.
    const { graph, warnings } = quantised([1e-3, 1e-6]);

    expect(Array.from(graph.weight)).toEqual([255, 0]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.code).toBe("ANT3301");
    expect(warnings[0]!.severity).toBe("warning");
    expect(warnings[0]!.message).toBe(
      "1 of the 2 nonzero weights of projection 'retina_to_cell' round to zero at 9 bits (one step is 3.922 uV).",
    );
  });
});
