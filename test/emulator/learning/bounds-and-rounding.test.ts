// Weight bounds under random spike trains, rounding rules and determinism of stochastic rounding.
import { describe, expect, it } from "vitest";
import {
  PlasticityEngine,
  RoundingStream,
  fixedBounds,
  roundHalfEven,
} from "../../../emulator/learning/index.ts";
import { MS_PS, deliver, stdpRule, tinyIr } from "./tiny-ir.ts";

const LSB_V = 0.001;

/** 8 pre and 4 post neurons, fully connected, strong rates so that weights hit both bounds. */
function randomNetwork(rounding: "nearest" | "stochastic") {
  const synapses = [];
  for (let pre = 0; pre < 8; pre++)
    for (let post = 8; post < 12; post++)
      synapses.push({ pre, post, projection: 0, weightLsb: 10 + ((pre * 7 + post) % 20) });
  const rule = stdpRule({ aPlusV: 0.004, aMinusV: 0.0045, wMinV: 0.0025, wMaxV: 0.0305 });
  const ir = tinyIr({
    neuronCount: 12,
    projections: [{ plasticity: 0, weightLsbV: LSB_V }],
    synapses,
    rules: [rule],
    learningWeightBits: 6,
    learningRounding: rounding,
  });
  return { ir, rule };
}

function drive(engine: PlasticityEngine, ir: ReturnType<typeof tinyIr>, seed: number): void {
  const stream = new RoundingStream(seed);
  let tPs = 0;
  for (let k = 0; k < 4000; k++) {
    tPs += Math.floor(stream.nextUnit() * 3 * MS_PS);
    const n = stream.nextUint32() % 12;
    if (n < 8) deliver(engine, ir, n, tPs);
    else engine.onPostSpike(n, tPs);
  }
}

describe("weight bounds", () => {
  for (const mode of ["float", "fixed"] as const) {
    it(`never lets a ${mode} weight leave [wMin, wMax] under random spike trains`, () => {
      const { ir, rule } = randomNetwork("stochastic");
      const engine = new PlasticityEngine(ir, { mode, seed: 3 });
      let lowest = Infinity;
      let highest = -Infinity;
      const stream = new RoundingStream(11);
      let tPs = 0;
      for (let k = 0; k < 4000; k++) {
        tPs += Math.floor(stream.nextUnit() * 3 * MS_PS);
        const n = stream.nextUint32() % 12;
        if (n < 8) deliver(engine, ir, n, tPs);
        else engine.onPostSpike(n, tPs);
        for (let s = 0; s < ir.synapses.count; s++) {
          lowest = Math.min(lowest, engine.weightV(s));
          highest = Math.max(highest, engine.weightV(s));
        }
      }
      expect(lowest).toBeGreaterThanOrEqual(rule.wMinV);
      expect(highest).toBeLessThanOrEqual(rule.wMaxV);
      // The trains must actually push weights against both bounds, or the test proves nothing.
      expect(lowest).toBeLessThan(rule.wMinV + LSB_V);
      expect(highest).toBeGreaterThan(rule.wMaxV - LSB_V);
    });
  }

  it("pulls bounds that are not whole LSBs inward and respects the learning bit width", () => {
    expect(fixedBounds(0.0025, 0.0305, 0.001, 6)).toEqual({ lo: 3, hi: 30 });
    expect(fixedBounds(-1, 1, 0.001, 6)).toEqual({ lo: -32, hi: 31 });
    expect(fixedBounds(0, 0.05, 0.05 / 127, 8)).toEqual({ lo: 0, hi: 127 });
  });
});

describe("rounding", () => {
  it("rounds halves to even and everything else to the nearest integer", () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 2.4999, 2.5001, -2.6].map(roundHalfEven)).toEqual([
      0, 2, 2, 0, -2, 2, 3, -3,
    ]);
  });

  it("gives identical weights for the same seed and event order with stochastic rounding", () => {
    const { ir } = randomNetwork("stochastic");
    const a = new PlasticityEngine(ir, { mode: "fixed", seed: 5 });
    const b = new PlasticityEngine(ir, { mode: "fixed", seed: 5 });
    const c = new PlasticityEngine(ir, { mode: "fixed", seed: 6 });
    drive(a, ir, 1);
    drive(b, ir, 1);
    drive(c, ir, 1);
    const weights = (e: PlasticityEngine) => Array.from({ length: 32 }, (_, s) => e.weightLsb(s));
    expect(weights(a)).toEqual(weights(b));
    expect(weights(a)).not.toEqual(weights(c));
  });

  it("is unbiased on average: many stochastic roundings of 0.3 LSB add up to about 0.3 each", () => {
    const ir = tinyIr({
      neuronCount: 2,
      projections: [{ plasticity: 0, weightLsbV: LSB_V }],
      synapses: [{ pre: 0, post: 1, projection: 0, weightLsb: 0 }],
      rules: [stdpRule({ aPlusV: 0.3 * LSB_V, aMinusV: 0, tauPlusPs: 1e30, wMaxV: 10 })],
      learningWeightBits: 16,
      learningRounding: "stochastic",
    });
    const engine = new PlasticityEngine(ir, { mode: "fixed", seed: 9 });
    // Pre trace of 1 that never decays (tauPlus huge): each post spike adds 0.3 LSB on average.
    deliver(engine, ir, 0, 0);
    for (let k = 1; k <= 10000; k++) engine.onPostSpike(1, k * MS_PS);
    expect(engine.weightLsb(0)).toBeGreaterThan(2850);
    expect(engine.weightLsb(0)).toBeLessThan(3150);
  });

  it("loses updates below half an LSB with nearest rounding (documented behaviour)", () => {
    const ir = tinyIr({
      neuronCount: 2,
      projections: [{ plasticity: 0, weightLsbV: LSB_V }],
      synapses: [{ pre: 0, post: 1, projection: 0, weightLsb: 5 }],
      rules: [stdpRule({ aPlusV: 0.3 * LSB_V, aMinusV: 0, tauPlusPs: 1e30, wMaxV: 10 })],
      learningWeightBits: 16,
    });
    const engine = new PlasticityEngine(ir, { mode: "fixed" });
    deliver(engine, ir, 0, 0);
    for (let k = 1; k <= 100; k++) engine.onPostSpike(1, k * MS_PS);
    expect(engine.weightLsb(0)).toBe(5);
  });
});
