// The reward-modulated (three-factor) rule: eligibility per synapse, applied by reward spikes.
import { describe, expect, it } from "vitest";
import { PlasticityEngine } from "../../../emulator/learning/index.ts";
import { MS_PS, deliver, stdpRule, tinyIr } from "./tiny-ir.ts";

const LSB_V = 0.05 / 127;

/** Neurons 0 (pre) and 1 (post) in population 0; neuron 2 is the reward input, population 1. */
function rewardNet(rewardGain: number) {
  const rule = stdpRule({
    name: "da",
    kind: "reward_stdp",
    tauEligibilityPs: 200 * MS_PS,
    rewardPopulation: 1,
    rewardGain,
  });
  const ir = tinyIr({
    neuronCount: 3,
    neuronPopulation: [0, 0, 1],
    projections: [{ plasticity: 0, weightLsbV: LSB_V }],
    synapses: [{ pre: 0, post: 1, projection: 0, weightLsb: 50 }],
    rules: [rule],
  });
  return { ir, rule, engine: new PlasticityEngine(ir) };
}

describe("reward-modulated STDP", () => {
  it("leaves weights unchanged when the reward is zero", () => {
    const { ir, engine } = rewardNet(0);
    deliver(engine, ir, 0, 10 * MS_PS);
    engine.onPostSpike(1, 15 * MS_PS);
    engine.onReward(1, 0, 50 * MS_PS);
    expect(engine.weightV(0)).toBe(50 * LSB_V);
  });

  it("leaves weights unchanged until a reward spike arrives", () => {
    const { ir, engine } = rewardNet(2);
    deliver(engine, ir, 0, 10 * MS_PS);
    engine.onPostSpike(1, 15 * MS_PS);
    deliver(engine, ir, 0, 30 * MS_PS);
    expect(engine.weightV(0)).toBe(50 * LSB_V);
  });

  it("applies rewardGain times the eligibility decayed in closed form to the reward time", () => {
    const { ir, rule, engine } = rewardNet(2);
    deliver(engine, ir, 0, 10 * MS_PS);
    engine.onPostSpike(1, 15 * MS_PS);
    engine.onReward(1, 0, 115 * MS_PS);

    const pair = rule.aPlusV * Math.exp(-5 / 20);
    const expected = 2 * pair * Math.exp(-100 / 200);
    expect(engine.weightV(0) - 50 * LSB_V).toBeCloseTo(expected, 14);
    expect(engine.eligibilityV(0, 115 * MS_PS)).toBeCloseTo(pair * Math.exp(-100 / 200), 15);
  });

  it("lists its reward input and ignores spikes of other populations as rewards", () => {
    const { ir, engine } = rewardNet(2);
    expect(engine.rewardPopulations).toEqual([1]);
    deliver(engine, ir, 0, 10 * MS_PS);
    engine.onPostSpike(1, 15 * MS_PS);
    engine.onReward(0, 0, 20 * MS_PS);
    expect(engine.weightV(0)).toBe(50 * LSB_V);
  });

  it("flags exactly the neurons that receive plastic synapses", () => {
    const { engine } = rewardNet(1);
    expect(Array.from(engine.postsynapticNeurons)).toEqual([0, 1, 0]);
  });
});
