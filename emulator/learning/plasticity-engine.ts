/**
 * Event-driven plasticity on the emulated cores: pair-based STDP with all-to-all traces and its
 * reward-modulated (three-factor) variant, as defined by IrPlasticityRule (see docs/learning.md).
 *
 * Nothing here runs per time step. A trace is a value and the time it was last brought up to
 * date; reading it at time t multiplies by exp(-(t - tLast) / tau), the closed-form solution of
 * its decay. Traces live where the hardware keeps them:
 * - pre trace x: one per plastic fan-out entry (a source neuron's axon at one destination core,
 *   for one projection), bumped when the spike is delivered there; with uniform delays it equals
 *   the per-presynaptic-neuron trace of the rule;
 * - post trace y: one per (rule, post neuron);
 * - eligibility e (reward_stdp only): one per synapse.
 *
 * This is a hot path: flat typed arrays only, no allocation after construction. Hooks are called
 * by the emulator's engine in event order; the engine reads weights back through weightV().
 */
import type { ChipIR, IrPlasticityRule } from "../../src/ir/types.ts";
import type { PlasticityFactory, PlasticityHooks } from "../plasticity-hooks.ts";
import { fixedBounds, roundHalfEven, roundLsb, type LearningRounding } from "./fixed-weights.ts";
import { buildPlasticIndex, type PlasticIndex } from "./plastic-index.ts";
import { RoundingStream } from "./prng.ts";

export type ArithmeticMode = "float" | "fixed";

/**
 * Everything that learning carries from one moment to the next, for a saved run. Post traces
 * of the rules in use are concatenated in rule order (one per neuron each).
 */
export interface LearningState {
  /** Per plastic slot: volts in float mode, integer LSBs in fixed mode. */
  readonly weight: Float64Array;
  readonly preX: Float64Array;
  readonly preT: Float64Array;
  readonly postY: Float64Array;
  readonly postT: Float64Array;
  readonly elig: Float64Array;
  readonly eligT: Float64Array;
  /** The stochastic-rounding stream's 128-bit state. */
  readonly rounding: Uint32Array;
}

export interface PlasticityOptions {
  readonly mode?: ArithmeticMode;
  /** Seed of the stochastic-rounding stream (fixed mode with "stochastic" rounding only). */
  readonly seed?: number;
  /** Overrides the target's rounding rule, for experiments and tests. */
  readonly rounding?: LearningRounding;
}

export class PlasticityEngine implements PlasticityHooks {
  readonly mode: ArithmeticMode;
  readonly rounding: LearningRounding;
  readonly index: PlasticIndex;
  /** Learning updates per core (a weight or eligibility write at the synapse's post core). */
  readonly learnUpdates: Float64Array;
  /** 1 for each hardware neuron with at least one incoming plastic synapse. */
  readonly postsynapticNeurons: Uint8Array;
  /** Populations whose spikes are rewards of a reward_stdp rule in use. */
  readonly rewardPopulations: readonly number[];
  /** When false, hooks return at once: weights and traces stay as they are. */
  enabled = true;

  private readonly rules: readonly IrPlasticityRule[];
  private readonly neuronCore: Uint32Array;
  private readonly stream: RoundingStream;

  // Weights per slot: volts in float mode, integer LSBs (stored as doubles) in fixed mode.
  private readonly weight: Float64Array;
  private readonly slotLo: Float64Array;
  private readonly slotHi: Float64Array;
  private readonly slotLsbV: Float64Array;

  private readonly preX: Float64Array;
  private readonly preT: Float64Array;
  private readonly postY: readonly Float64Array[];
  private readonly postT: readonly Float64Array[];
  private readonly elig: Float64Array;
  private readonly eligT: Float64Array;

  constructor(ir: ChipIR, options: PlasticityOptions = {}) {
    this.mode = options.mode ?? "float";
    this.rounding = options.rounding ?? ir.target.learningRounding;
    this.rules = ir.plasticityRules;
    this.neuronCore = ir.neurons.core;
    this.stream = new RoundingStream((options.seed ?? ir.seed) ^ 0x5eed1ea7);
    this.index = buildPlasticIndex(ir);
    this.learnUpdates = new Float64Array(ir.cores.length);

    const n = this.index.slotCount;
    this.postsynapticNeurons = new Uint8Array(ir.neurons.count);
    for (let slot = 0; slot < n; slot++) this.postsynapticNeurons[this.index.slotPost[slot]!] = 1;
    this.rewardPopulations = [
      ...new Set(
        this.rules
          .filter(
            (r, i) => r.kind === "reward_stdp" && this.index.ruleUsed[i] && r.rewardPopulation >= 0,
          )
          .map((r) => r.rewardPopulation),
      ),
    ].sort((a, b) => a - b);
    this.weight = new Float64Array(n);
    this.slotLo = new Float64Array(n);
    this.slotHi = new Float64Array(n);
    this.slotLsbV = new Float64Array(n);
    for (let slot = 0; slot < n; slot++) {
      const rule = this.rules[this.index.slotRule[slot]!]!;
      const lsbV = this.index.entryLsbV[this.index.slotEntry[slot]!]!;
      this.slotLsbV[slot] = lsbV;
      if (this.mode === "fixed") {
        const b = fixedBounds(rule.wMinV, rule.wMaxV, lsbV, ir.target.learningWeightBits);
        this.slotLo[slot] = b.lo;
        this.slotHi[slot] = b.hi;
      } else {
        this.slotLo[slot] = rule.wMinV;
        this.slotHi[slot] = rule.wMaxV;
      }
    }
    this.loadWeights(ir.synapses.weight);

    const entries = ir.synapses.fanOutProjection.length;
    this.preX = new Float64Array(entries);
    this.preT = new Float64Array(entries);
    this.postY = this.rules.map(
      (_, r) => new Float64Array(this.index.ruleUsed[r] ? ir.neurons.count : 0),
    );
    this.postT = this.rules.map(
      (_, r) => new Float64Array(this.index.ruleUsed[r] ? ir.neurons.count : 0),
    );
    const anyReward = this.rules.some((r, i) => r.kind === "reward_stdp" && this.index.ruleUsed[i]);
    this.elig = new Float64Array(anyReward ? n : 0);
    this.eligT = new Float64Array(anyReward ? n : 0);
  }

  /** Whether synapse `syn` learns (the engine must then read its weight from weightV). */
  isPlastic(syn: number): boolean {
    return this.index.slotCount > 0 && this.index.slotOfSynapse[syn]! >= 0;
  }

  /** Current weight of a plastic synapse in volts. */
  weightV(syn: number): number {
    const slot = this.index.slotOfSynapse[syn]!;
    const w = this.weight[slot]!;
    return this.mode === "fixed" ? w * this.slotLsbV[slot]! : w;
  }

  /** Replaces a plastic synapse's weight (volts; rounded to nearest and clipped in fixed mode). */
  setWeightV(syn: number, weightV: number): void {
    const slot = this.index.slotOfSynapse[syn]!;
    const w = this.mode === "fixed" ? roundHalfEven(weightV / this.slotLsbV[slot]!) : weightV;
    this.weight[slot] = Math.min(this.slotHi[slot]!, Math.max(this.slotLo[slot]!, w));
  }

  /** Weight of a plastic synapse in LSBs of its projection, rounded, for writing an image. */
  weightLsb(syn: number): number {
    const slot = this.index.slotOfSynapse[syn]!;
    const w = this.weight[slot]!;
    return this.mode === "fixed" ? w : roundHalfEven(w / this.slotLsbV[slot]!);
  }

  /** Takes weights (IR LSBs per synapse) as the starting point, e.g. when an image is loaded. */
  loadWeights(weightLsb: ArrayLike<number>): void {
    for (let slot = 0; slot < this.index.slotCount; slot++) {
      const lsb = weightLsb[this.index.slotSynapse[slot]!]!;
      const w = this.mode === "fixed" ? lsb : lsb * this.slotLsbV[slot]!;
      this.weight[slot] = Math.min(this.slotHi[slot]!, Math.max(this.slotLo[slot]!, w));
    }
  }

  saveState(): LearningState {
    return {
      weight: this.weight.slice(),
      preX: this.preX.slice(),
      preT: this.preT.slice(),
      postY: concat(this.postY),
      postT: concat(this.postT),
      elig: this.elig.slice(),
      eligT: this.eligT.slice(),
      rounding: this.stream.saveState(),
    };
  }

  /** Continues from a saved state of the same image (lengths checked by the caller). */
  restoreState(state: LearningState): void {
    this.weight.set(state.weight);
    this.preX.set(state.preX);
    this.preT.set(state.preT);
    split(state.postY, this.postY);
    split(state.postT, this.postT);
    this.elig.set(state.elig);
    this.eligT.set(state.eligT);
    this.stream.restoreState(state.rounding);
  }

  /** Forgets all traces (for instance between independent trials); weights are kept. */
  resetTraces(): void {
    this.preX.fill(0);
    this.preT.fill(0);
    for (const y of this.postY) y.fill(0);
    for (const t of this.postT) t.fill(0);
    this.elig.fill(0);
    this.eligT.fill(0);
  }

  /**
   * A spike is delivered at tPs to the synapses [synFrom, synTo) of fan-out entry `fanOutEntry`.
   * Depression first (pairing with earlier post spikes), then the pre trace jumps.
   */
  onPreSpikeDelivered(fanOutEntry: number, synFrom: number, synTo: number, tPs: number): void {
    if (!this.enabled) return;
    const r = this.index.entryRule[fanOutEntry]!;
    if (r < 0) return;
    const rule = this.rules[r]!;
    const y = this.postY[r]!;
    const yT = this.postT[r]!;
    const reward = rule.kind === "reward_stdp";
    let slot = this.index.slotOfSynapse[synFrom]!;

    for (let s = synFrom; s < synTo; s++, slot++) {
      const post = this.index.slotPost[slot]!;
      const yNow = y[post]! * Math.exp((yT[post]! - tPs) / rule.tauMinusPs);
      const dw = -rule.aMinusV * yNow;
      if (reward) this.addEligibility(slot, dw, tPs, rule.tauEligibilityPs);
      else this.addWeight(slot, dw);
      this.learnUpdates[this.neuronCore[post]!]!++;
    }

    this.preX[fanOutEntry] =
      this.preX[fanOutEntry]! * Math.exp((this.preT[fanOutEntry]! - tPs) / rule.tauPlusPs) + 1;
    this.preT[fanOutEntry] = tPs;
  }

  /** Neuron `neuron` spiked at tPs: potentiate its incoming plastic synapses, then bump y. */
  onPostSpike(neuron: number, tPs: number): void {
    if (!this.enabled || this.index.slotCount === 0) return;
    const from = this.index.postStart[neuron]!;
    const to = this.index.postStart[neuron + 1]!;
    if (from === to) return;

    for (let i = from; i < to; i++) {
      const slot = this.index.postSlots[i]!;
      const rule = this.rules[this.index.slotRule[slot]!]!;
      const e = this.index.slotEntry[slot]!;
      const xNow = this.preX[e]! * Math.exp((this.preT[e]! - tPs) / rule.tauPlusPs);
      const dw = rule.aPlusV * xNow;
      if (rule.kind === "reward_stdp") this.addEligibility(slot, dw, tPs, rule.tauEligibilityPs);
      else this.addWeight(slot, dw);
    }
    this.learnUpdates[this.neuronCore[neuron]!]! += to - from;

    // One post trace per rule that has synapses onto this neuron.
    for (let r = 0; r < this.rules.length; r++) {
      if (!this.index.ruleUsed[r]) continue;
      const rule = this.rules[r]!;
      const y = this.postY[r]!;
      const yT = this.postT[r]!;
      y[neuron] = y[neuron]! * Math.exp((yT[neuron]! - tPs) / rule.tauMinusPs) + 1;
      yT[neuron] = tPs;
    }
  }

  /** A spike of a reward input: every reward_stdp rule fed by `population` applies its traces. */
  onReward(population: number, _neuron: number, tPs: number): void {
    if (!this.enabled) return;
    for (let r = 0; r < this.rules.length; r++) {
      const rule = this.rules[r]!;
      if (rule.kind !== "reward_stdp" || rule.rewardPopulation !== population) continue;
      for (let i = this.index.ruleStart[r]!; i < this.index.ruleStart[r + 1]!; i++) {
        const slot = this.index.ruleSlots[i]!;
        this.decayEligibility(slot, tPs, rule.tauEligibilityPs);
        this.addWeight(slot, rule.rewardGain * this.elig[slot]!);
        this.learnUpdates[this.neuronCore[this.index.slotPost[slot]!]!]!++;
      }
    }
  }

  /** Eligibility of a slot at tPs (volts), for tests and state dumps; does not change state. */
  eligibilityV(syn: number, tPs: number): number {
    const slot = this.index.slotOfSynapse[syn]!;
    const tau = this.rules[this.index.slotRule[slot]!]!.tauEligibilityPs;
    return this.elig[slot]! * Math.exp((this.eligT[slot]! - tPs) / tau);
  }

  private decayEligibility(slot: number, tPs: number, tauPs: number): void {
    this.elig[slot] = this.elig[slot]! * Math.exp((this.eligT[slot]! - tPs) / tauPs);
    this.eligT[slot] = tPs;
  }

  private addEligibility(slot: number, dwV: number, tPs: number, tauPs: number): void {
    this.decayEligibility(slot, tPs, tauPs);
    this.elig[slot]! += dwV;
  }

  private addWeight(slot: number, dwV: number): void {
    let w = this.weight[slot]!;
    if (this.mode === "fixed")
      w += roundLsb(dwV / this.slotLsbV[slot]!, this.rounding, this.stream);
    else w += dwV;
    this.weight[slot] = Math.min(this.slotHi[slot]!, Math.max(this.slotLo[slot]!, w));
  }
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The inverse of concat, into arrays of the same lengths. */
function split(from: Float64Array, parts: readonly Float64Array[]): void {
  let at = 0;
  for (const p of parts) {
    p.set(from.subarray(at, at + p.length));
    at += p.length;
  }
}

/** The factory the emulator calls when an image has plastic projections and learning is on. */
export const createPlasticity: PlasticityFactory = (ir, options) =>
  new PlasticityEngine(ir, { mode: options.mode, seed: options.seed });
