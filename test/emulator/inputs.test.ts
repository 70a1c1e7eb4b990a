import { describe, expect, it } from "vitest";
import { Emulator, EmulationError } from "../../emulator/api.ts";
import { buildIr } from "../helpers/ir-fixtures.ts";

const MS = 1e9;
const S = 1e12;

function inputsOnly(ratesHz: number, size = 200) {
  return buildIr({
    populations: [{ name: "in", kind: "input", size }],
    inputs: [{ kind: "poisson", population: "in", ratesHz, seed: 9 }],
    recordings: [{ kind: "spikes", population: "in" }],
  });
}

describe("Poisson inputs", () => {
  it("fire at the requested mean rate, with Poisson count statistics", () => {
    const emulator = new Emulator(inputsOnly(40));
    emulator.run(5 * S);
    const counts = emulator.spikeCounts("in");
    const total = counts.reduce((a, b) => a + b, 0);
    // 200 neurons x 40 Hz x 5 s = 40,000 expected, standard deviation 200: allow 5 sd.
    expect(Math.abs(total - 40_000)).toBeLessThan(1000);
    // Fano factor of a Poisson count is 1; its standard error here is about 0.1.
    const mean = total / counts.length;
    const variance = counts.reduce((a, c) => a + (c - mean) ** 2, 0) / (counts.length - 1);
    expect(variance / mean).toBeGreaterThan(0.6);
    expect(variance / mean).toBeLessThan(1.4);

    // Inter-spike intervals are exponential: coefficient of variation near 1.
    const { neuron, timePs } = emulator.spikes("in");
    const last = new Float64Array(200).fill(-1);
    let n = 0;
    let sum = 0;
    let sumSq = 0;
    for (let k = 0; k < neuron.length; k++) {
      const i = neuron[k]!;
      if (last[i]! >= 0) {
        const isi = timePs[k]! - last[i]!;
        n++;
        sum += isi;
        sumSq += isi * isi;
      }
      last[i] = timePs[k]!;
    }
    const isiMean = sum / n;
    const cv = Math.sqrt(sumSq / n - isiMean * isiMean) / isiMean;
    expect(cv).toBeGreaterThan(0.95);
    expect(cv).toBeLessThan(1.05);
  });

  it("gives identical spikes for the same seed and different spikes for another", () => {
    const run = (seed: number) => {
      const emulator = new Emulator(inputsOnly(20, 20), { seed });
      emulator.run(1 * S);
      return emulator.spikes("in");
    };
    const a = run(1);
    const b = run(1);
    const c = run(2);
    expect(Buffer.from(a.timePs.buffer).equals(Buffer.from(b.timePs.buffer))).toBe(true);
    expect(Array.from(a.neuron)).toEqual(Array.from(b.neuron));
    expect(Array.from(a.timePs)).not.toEqual(Array.from(c.timePs));
  });

  it("switches rates from the current time on when setInputRates is called", () => {
    const emulator = new Emulator(inputsOnly(0, 100));
    emulator.run(1 * S);
    expect(emulator.spikeCounts("in").reduce((a, b) => a + b, 0)).toBe(0);
    emulator.setInputRates("in", new Float64Array(100).fill(50));
    emulator.run(1 * S);
    const { timePs } = emulator.spikes("in");
    expect(timePs.length).toBeGreaterThan(4000);
    expect(timePs.length).toBeLessThan(6000);
    expect(Math.min(...timePs)).toBeGreaterThan(1 * S);
  });

  it("emits explicit spike trains at their exact times, in time order", () => {
    const emulator = new Emulator(inputsOnly(0, 3));
    emulator.setInputSpikes(
      "in",
      Uint32Array.from([2, 0, 1]),
      Float64Array.from([3 * MS, 1 * MS, 3 * MS]),
    );
    emulator.run(10 * MS);
    const { neuron, timePs } = emulator.spikes("in");
    expect(Array.from(neuron)).toEqual([0, 2, 1]);
    expect(Array.from(timePs)).toEqual([1 * MS, 3 * MS, 3 * MS]);
  });

  it("refuses unknown populations, wrong lengths and spikes in the past with catalogue codes", () => {
    const emulator = new Emulator(inputsOnly(0, 3));
    const codeOf = (f: () => void): string | undefined => {
      try {
        f();
      } catch (error) {
        if (error instanceof EmulationError) return error.diagnostics[0]!.code;
        throw error;
      }
      return undefined;
    };
    expect(codeOf(() => emulator.setInputRates("nope", new Float64Array(3)))).toBe("ANT5010");
    expect(codeOf(() => emulator.setInputRates("in", new Float64Array(2)))).toBe("ANT5012");
    emulator.run(5 * MS);
    expect(
      codeOf(() => emulator.setInputSpikes("in", Uint32Array.of(0), Float64Array.of(1 * MS))),
    ).toBe("ANT5013");
    expect(
      codeOf(() => emulator.setInputSpikes("in", Uint32Array.of(7), Float64Array.of(9 * MS))),
    ).toBe("ANT5014");
  });
});
