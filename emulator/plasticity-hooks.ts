/**
 * The contract between the event engine and on-chip learning (emulator/learning/).
 *
 * The engine knows nothing about learning rules; it calls these hooks at the moments a rule can
 * act on, with flat indices into the IR's arrays (ChipIR.synapses, hardware neuron ids), and
 * reads back the current weight of a plastic synapse before applying it. The hooks must not
 * allocate: they run inside the inner loop.
 *
 * When learning is off, or the image has no plastic projection, the engine holds no hooks at
 * all and never tests for them per synapse: the static path costs nothing extra.
 */
import type { ChipIR } from "../src/ir/types.ts";
import type { LearningState } from "./learning/plasticity-engine.ts";

export interface PlasticityHooks {
  /**
   * A message of a plastic projection is about to be applied at `tPs`: synapses
   * `[synFrom, synTo)` of fan-out entry `fanOutEntry` (indices into ChipIR.synapses). Called
   * before the engine reads their weights with `weightV`, so a depression term computed here is
   * already in the applied weight. Called only for entries whose projection is plastic.
   */
  onPreSpikeDelivered(fanOutEntry: number, synFrom: number, synTo: number, tPs: number): void;

  /**
   * Hardware neuron `neuron` fired at `tPs`. Called for every neuron flagged in
   * `postsynapticNeurons` (and only those), after the neuron's reset.
   */
  onPostSpike(neuron: number, tPs: number): void;

  /**
   * Neuron `neuron` (0-based index within population `population`, an index into
   * ChipIR.populations) of a reward input emitted a spike at `tPs`. Called only for populations
   * listed in `rewardPopulations`.
   */
  onReward(population: number, neuron: number, tPs: number): void;

  /** Current weight of synapse `syn` in volts (float, possibly learned; fixed mode rounds it). */
  weightV(syn: number): number;

  /** Overwrites the weight of synapse `syn` in volts (used by `Emulator.setWeights`). */
  setWeightV(syn: number, weightV: number): void;

  /**
   * Learning updates performed so far, per core (index into ChipIR.cores). The engine charges
   * `learnUpdateJ` and `learnUpdatePs` per update to the core, so the count must only grow
   * (the engine takes differences; `resetCounters` on the emulator does not reset this array).
   */
  readonly learnUpdates: Float64Array;

  /** Weights, traces and the rounding stream, copied, for a saved run (emulator/snapshot/). */
  saveState(): LearningState;

  /** Continues from a state saved from the same image. */
  restoreState(state: LearningState): void;

  /** 1 for each hardware neuron that is the post neuron of at least one plastic synapse. */
  readonly postsynapticNeurons: Uint8Array;

  /** Indices into ChipIR.populations of the reward inputs of the rules in use. */
  readonly rewardPopulations: readonly number[];
}

export interface PlasticityOptions {
  readonly mode: "float" | "fixed";
  /** Seed for stochastic rounding; derived from the emulator's seed. */
  readonly seed: number;
}

/** Builds the hooks for an image; emulator/learning/ provides the implementation. */
export type PlasticityFactory = (ir: ChipIR, options: PlasticityOptions) => PlasticityHooks;

/** True when some projection of the image names a plasticity rule. */
export function hasPlasticProjections(ir: ChipIR): boolean {
  return ir.projections.some((projection) => projection.plasticity >= 0);
}
