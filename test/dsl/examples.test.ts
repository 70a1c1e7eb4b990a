import { describe, expect, it } from "vitest";
import { loadProgram } from "../../dsl/index.ts";
import { exampleFiles, programText, summarize } from "./helpers.ts";

describe("the examples", () => {
  const files = exampleFiles();

  it("include the networks and targets the documentation refers to", () => {
    for (const name of ["cuba", "conv", "stdp", "loihi-target", "imported"]) {
      expect(files).toContain(`examples/${name}.ant`);
    }
  });

  for (const file of files) {
    it(`check ${file} without errors or warnings`, () => {
      const result = loadProgram(file);
      expect(summarize(result.diagnostics)).toBe("");
      expect(result.program).toBeDefined();
    });

    it(`resolve ${file} to the same program when loaded twice`, () => {
      const first = loadProgram(file).program;
      const second = loadProgram(file).program;
      expect(first).toBeDefined();
      expect(programText(second!)).toBe(programText(first!));
    });
  }

  it("resolve the convolutional network to the layer sizes its comments state", () => {
    const program = loadProgram("examples/conv.ant").program!;
    const shapes = Object.fromEntries(program.populations.map((p) => [p.name, p.shape]));
    expect(shapes).toEqual({ features: [24, 24], pooled: [12, 12], edges: [12, 12], digits: [10] });
    const pixels = program.inputs.find((i) => i.name === "pixels")!;
    expect(pixels.source.kind === "poisson" && pixels.source.ratesHz.length).toBe(784);
  });

  it("resolve the Loihi target to the figures of Davies et al. (2018) in SI units", () => {
    const target = loadProgram("examples/loihi-target.ant").program!.targets[0]!;
    expect(target.energy.synOpJ).toBe(23.6e-12);
    expect(target.timing.hopNorthSouthS).toBe(6.5e-9);
    expect(target.core.synapticMemoryBits).toBe(128 * 1024 * 8);
    expect(target.core.maxNeurons).toBe(1024);
    expect(target.meshWidth * target.meshHeight).toBe(128);
  });

  it("bring the library's models into the importing network", () => {
    const program = loadProgram("examples/imported.ant").program!;
    expect(program.models.map((m) => m.name).sort()).toEqual(["Fast", "Regular"]);
    expect(program.plasticityRules.map((r) => r.name)).toEqual(["slow_stdp"]);
    expect(program.targets.map((t) => t.name)).toEqual(["loihi"]);
  });
});
