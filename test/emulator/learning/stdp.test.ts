// Pair-based STDP against its closed form, in float and fixed arithmetic.
import { describe, expect, it } from "vitest";
import { PlasticityEngine } from "../../../emulator/learning/index.ts";
import { MS_PS, deliver, stdpRule, tinyIr } from "./tiny-ir.ts";

const LSB_V = 0.05 / 127;
const START_LSB = 64;

function onePair(mode: "float" | "fixed", rounding: "nearest" | "stochastic" = "nearest") {
  const rule = stdpRule();
  const ir = tinyIr({
    neuronCount: 2,
    projections: [{ plasticity: 0, weightLsbV: LSB_V }],
    synapses: [{ pre: 0, post: 1, projection: 0, weightLsb: START_LSB }],
    rules: [rule],
    learningRounding: rounding,
  });
  return { ir, rule, engine: new PlasticityEngine(ir, { mode, seed: 7 }) };
}

/** Runs one pre spike and one post spike, dt = tPost - tPre, and returns the weight change. */
function pairChange(mode: "float" | "fixed", dtMs: number, rounding?: "nearest" | "stochastic") {
  const { ir, engine } = onePair(mode, rounding);
  const before = engine.weightV(0);
  const tPre = 100 * MS_PS;
  const tPost = tPre + dtMs * MS_PS;
  if (dtMs >= 0) {
    deliver(engine, ir, 0, tPre);
    engine.onPostSpike(1, tPost);
  } else {
    engine.onPostSpike(1, tPost);
    deliver(engine, ir, 0, tPre);
  }
  return engine.weightV(0) - before;
}

function closedForm(dtMs: number): number {
  const rule = stdpRule();
  const dtPs = dtMs * MS_PS;
  return dtMs >= 0
    ? rule.aPlusV * Math.exp(-dtPs / rule.tauPlusPs)
    : -rule.aMinusV * Math.exp(dtPs / rule.tauMinusPs);
}

const OFFSETS_MS = [-40, -30, -20, -10, -5, -1, -0.25, 0.25, 1, 5, 10, 20, 30, 40];

describe("pair-based STDP", () => {
  it("changes a float weight by aPlus*exp(-dt/tauPlus) or -aMinus*exp(dt/tauMinus) to 1e-12", () => {
    for (const dt of OFFSETS_MS) {
      const expected = closedForm(dt);
      const got = pairChange("float", dt);
      expect(Math.abs(got - expected) / Math.abs(expected)).toBeLessThan(1e-12);
    }
  });

  it("potentiates by exactly aPlus when pre and post coincide (pre delivered first)", () => {
    expect(pairChange("float", 0)).toBeCloseTo(stdpRule().aPlusV, 15);
  });

  it("keeps a fixed-point weight within one LSB of the closed form with nearest rounding", () => {
    for (const dt of OFFSETS_MS) {
      expect(Math.abs(pairChange("fixed", dt) - closedForm(dt))).toBeLessThanOrEqual(LSB_V / 2);
    }
  });

  it("keeps a fixed-point weight within one LSB of the closed form with stochastic rounding", () => {
    for (const dt of OFFSETS_MS) {
      expect(Math.abs(pairChange("fixed", dt, "stochastic") - closedForm(dt))).toBeLessThan(LSB_V);
    }
  });

  it("stores fixed-point weights as whole LSBs", () => {
    for (const dt of OFFSETS_MS) {
      const lsbs = (START_LSB * LSB_V + pairChange("fixed", dt, "stochastic")) / LSB_V;
      expect(Math.abs(lsbs - Math.round(lsbs))).toBeLessThan(1e-9);
    }
  });

  it("sums every pre/post pairing (all-to-all traces decayed in closed form between events)", () => {
    const { ir, rule, engine } = onePair("float");
    const before = engine.weightV(0);
    const preMs = [0, 7, 19, 33];
    const postMs = [12, 40];

    // Events in time order; each post pairs with all earlier pres and vice versa.
    const events = [
      ...preMs.map((t) => ({ t, pre: true })),
      ...postMs.map((t) => ({ t, pre: false })),
    ].sort((a, b) => a.t - b.t);
    for (const e of events) {
      if (e.pre) deliver(engine, ir, 0, e.t * MS_PS);
      else engine.onPostSpike(1, e.t * MS_PS);
    }

    let expected = 0;
    for (const tPre of preMs)
      for (const tPost of postMs) {
        const dtPs = (tPost - tPre) * MS_PS;
        expected +=
          dtPs > 0
            ? rule.aPlusV * Math.exp(-dtPs / rule.tauPlusPs)
            : -rule.aMinusV * Math.exp(dtPs / rule.tauMinusPs);
      }
    expect(engine.weightV(0) - before).toBeCloseTo(expected, 14);
  });

  it("gives the same result whether a trace is read once or brought up to date in between", () => {
    // Two synapses share the pre neuron; the second's post neuron spikes midway, which brings the
    // shared pre trace up to date at that instant. Both must see the same closed-form decay.
    const rule = stdpRule({ aMinusV: 0 });
    const ir = tinyIr({
      neuronCount: 3,
      projections: [{ plasticity: 0, weightLsbV: LSB_V }],
      synapses: [
        { pre: 0, post: 1, projection: 0, weightLsb: 10 },
        { pre: 0, post: 2, projection: 0, weightLsb: 10 },
      ],
      rules: [rule],
    });
    const split = new PlasticityEngine(ir);
    deliver(split, ir, 0, 0);
    for (let k = 1; k <= 9; k++) split.onPostSpike(2, k * 3.7 * MS_PS);
    split.onPostSpike(1, 37 * MS_PS);

    const once = new PlasticityEngine(ir);
    deliver(once, ir, 0, 0);
    once.onPostSpike(1, 37 * MS_PS);

    const dw = split.weightV(0) - 10 * LSB_V;
    expect(Math.abs(dw - (once.weightV(0) - 10 * LSB_V)) / dw).toBeLessThan(1e-12);
    expect(Math.abs(dw - rule.aPlusV * Math.exp(-37 / 20)) / dw).toBeLessThan(1e-12);
  });

  it("counts one learning update per synapse touched, on the post neuron's core", () => {
    const { ir, engine } = onePair("float");
    deliver(engine, ir, 0, 0);
    engine.onPostSpike(1, MS_PS);
    engine.onPostSpike(0, 2 * MS_PS);
    expect(Array.from(engine.learnUpdates)).toEqual([2]);
  });

  it("leaves weights and counters untouched while learning is switched off", () => {
    const { ir, engine } = onePair("float");
    engine.enabled = false;
    deliver(engine, ir, 0, 0);
    engine.onPostSpike(1, MS_PS);
    expect(engine.weightV(0)).toBe(START_LSB * LSB_V);
    expect(engine.learnUpdates[0]).toBe(0);
  });
});
