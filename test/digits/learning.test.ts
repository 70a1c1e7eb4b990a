// End to end on real MNIST digits: diehl-cook.ant compiled for ant-ref, trained with STDP on the
// emulator, labelled and tested on held-out digits. A small, fast configuration (16 neurons,
// 120 training digits, 60 test digits, 250 ms presentations) that still learns well above chance.
import { describe, expect, it } from "vitest";
import { compileDigitNetwork, runExperiment } from "../../examples/digits/experiment.ts";

describe("unsupervised digit learning (Diehl & Cook 2015)", () => {
  it("compiles the 100-neuron network onto ant-ref", () => {
    const ir = compileDigitNetwork(100);
    const sizes = Object.fromEntries(ir.populations.map((p) => [p.name, p.size]));
    expect(sizes).toEqual({ pixels: 784, exc: 100, inh: 100 });
    expect(ir.target.name).toBe("ant_ref");
  });

  it("classifies held-out digits well above chance after 120 training digits", () => {
    const result = runExperiment({
      neurons: 16,
      train: 120,
      test: 60,
      seed: 1,
      presentMs: 250,
    });

    // Chance is 10%; this configuration measured 35%, 30% and 43% with seeds 1, 2 and 3. The
    // emulator is deterministic, so the figure moves only when the emulator or the network does.
    expect(result.accuracy).toBeGreaterThan(0.2);
    expect(result.neuronLabels.filter((c) => c >= 0).length).toBeGreaterThanOrEqual(8);

    // Learning is frozen while testing: no learning energy is spent on the test digits.
    expect(result.testReport.energy.learnUpdatesJ).toBe(0);
    expect(result.testReport.energy.synOpsJ).toBeGreaterThan(0);
  });
});
