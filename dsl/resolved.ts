/**
 * The resolved view of a checked `.ant` program: the contract between the language front end and
 * the compiler back end. Everything here is plain data, every physical quantity is a float64 in
 * SI base units with the unit in the field name (`tauMembraneS` is seconds, `vRestV` volts), and
 * every stochastic choice carries the seed it must be drawn with, so the back end never needs the
 * syntax tree and the same file gives the same network on any machine.
 *
 * Names are unique across models, populations, inputs, rules and targets of one program (imports
 * included); spans point at the declaration in its source file for diagnostics.
 */
import type { Span } from "../src/diagnostics/diagnostic.ts";

export interface ResolvedProgram {
  /** From `network NAME`; the file's base name when absent. */
  readonly name: string;
  /** Root seed (`seed N`, default 1). Every derived seed below is already computed from it. */
  readonly seed: number;
  readonly models: readonly ResolvedModel[];
  readonly populations: readonly ResolvedPopulation[];
  readonly inputs: readonly ResolvedInput[];
  readonly projections: readonly ResolvedProjection[];
  readonly plasticityRules: readonly ResolvedPlasticityRule[];
  readonly recordings: readonly ResolvedRecording[];
  /** Targets declared in this program or its imports (target description files have only these). */
  readonly targets: readonly ResolvedTarget[];
}

// ---------------------------------------------------------------------------------------------
// Neuron models

/**
 * `lif`: leaky integrate-and-fire with current-based exponential synapses, in the form Brian2's
 * CUBA example uses. Synaptic variables are in volts; a weight is the jump of its variable:
 *   dV/dt = (vRest + rMembrane * iBias - V + gExc + gInh) / tauMembrane
 *   dgExc/dt = -gExc / tauExc,  dgInh/dt = -gInh / tauInh
 * `if`: the same without leak (the `- V` and `vRest` terms vanish); synapses as above.
 * `adaptive_lif`: `lif` whose threshold is vThresh + theta; theta jumps by thetaPlus at each spike
 *   and decays to 0 with tauTheta.
 * At threshold the neuron spikes, then resets (`resetMode` "value": V = vReset; "subtract":
 * V -= vThresh - vReset) and ignores nothing but holds V for `refractory` (inputs still enter the
 * synaptic variables during the refractory period).
 */
export type NeuronKind = "lif" | "if" | "adaptive_lif";

export interface NeuronParams {
  readonly tauMembraneS: number;
  readonly vRestV: number;
  readonly vResetV: number;
  readonly vThreshV: number;
  readonly refractoryS: number;
  readonly tauExcS: number;
  readonly tauInhS: number;
  /** Constant bias current. */
  readonly biasA: number;
  /** Membrane resistance: the bias enters as rMembraneOhm * biasA volts. */
  readonly rMembraneOhm: number;
  readonly resetMode: "value" | "subtract";
  /** adaptive_lif only (0 for the others). */
  readonly thetaPlusV: number;
  /** adaptive_lif only; Infinity means theta never decays. */
  readonly tauThetaS: number;
}

export interface ResolvedModel {
  readonly name: string;
  readonly span: Span;
  readonly kind: NeuronKind;
  /** Every parameter, defaults filled in. */
  readonly params: NeuronParams;
}

// ---------------------------------------------------------------------------------------------
// Values drawn per neuron or per synapse

/** A per-element value in SI units: a constant or a seeded distribution. */
export type ValueSpec =
  | { readonly kind: "constant"; readonly value: number }
  | { readonly kind: "uniform"; readonly low: number; readonly high: number; readonly seed: number }
  | { readonly kind: "normal"; readonly mean: number; readonly sd: number; readonly seed: number };

// ---------------------------------------------------------------------------------------------
// Populations and inputs

export interface ResolvedPopulation {
  readonly name: string;
  readonly span: Span;
  /** Name of a ResolvedModel. */
  readonly model: string;
  readonly size: number;
  /** Row-major shape whose product is `size` (`[28, 28]`); `[size]` when none was given. */
  readonly shape: readonly number[];
  /** Initial state per neuron; absent variables start at: v = vRest, gExc = gInh = theta = 0. */
  readonly init: {
    readonly vV?: ValueSpec;
    readonly gExcV?: ValueSpec;
    readonly gInhV?: ValueSpec;
    readonly thetaV?: ValueSpec;
  };
}

export type InputSource =
  /** Independent Poisson trains, one per input neuron, active on [startS, stopS). */
  | {
      readonly kind: "poisson";
      /** One rate per input neuron (a constant is expanded), in hertz. */
      readonly ratesHz: Float64Array;
      readonly startS: number;
      /** Infinity: until the end of the run. */
      readonly stopS: number;
      readonly seed: number;
    }
  /** Explicit spikes, sorted by time then neuron. */
  | {
      readonly kind: "spike_times";
      readonly neuron: Uint32Array;
      readonly timeS: Float64Array;
    }
  /** Spikes read at run time from a file (format readers live in the emulator). */
  | {
      readonly kind: "spike_file";
      /** Absolute path, resolved against the `.ant` file that names it. */
      readonly path: string;
      readonly format: "nmnist" | "aedat" | "csv";
    };

export interface ResolvedInput {
  readonly name: string;
  readonly span: Span;
  readonly size: number;
  readonly shape: readonly number[];
  readonly source: InputSource;
}

// ---------------------------------------------------------------------------------------------
// Projections

/** A contiguous range `[start, end)` of a population's or input's neurons (`exc[0..99]`). */
export interface NeuronRange {
  readonly name: string;
  readonly kind: "population" | "input";
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly span: Span;
}

export type Connector =
  | { readonly kind: "all_to_all"; readonly allowSelf: boolean }
  | { readonly kind: "one_to_one" }
  /** Each (pre, post) pair independently with probability p. */
  | {
      readonly kind: "random";
      readonly p: number;
      readonly allowSelf: boolean;
      readonly seed: number;
    }
  /** Each post neuron draws exactly `n` distinct pre neurons. */
  | {
      readonly kind: "fixed_fan_in";
      readonly n: number;
      readonly allowSelf: boolean;
      readonly seed: number;
    }
  /**
   * 2-D convolution: pre range has shape [inH, inW], post range [outH, outW] with
   * outH = floor((inH + 2 * padding - kernelH) / strideY) + 1 (likewise for W).
   * `kernelV` holds kernelH * kernelW weights row-major in volts, or is absent when the
   * projection's weight spec draws one value per kernel element (shared across positions).
   */
  | {
      readonly kind: "conv2d";
      readonly inShape: readonly [number, number];
      readonly outShape: readonly [number, number];
      readonly kernelH: number;
      readonly kernelW: number;
      readonly strideY: number;
      readonly strideX: number;
      readonly padding: number;
      readonly kernelV?: Float64Array;
    }
  /** Explicit synapses read from a CSV file `pre,post[,weight_V[,delay_s]]` (path absolute). */
  | { readonly kind: "file"; readonly path: string };

export interface ResolvedProjection {
  /** `label` if given (`connect exc -> inh as ei ...`), else `pre->post` (unique-suffixed). */
  readonly name: string;
  readonly span: Span;
  readonly pre: NeuronRange;
  readonly post: NeuronRange;
  readonly connector: Connector;
  /** Volts (a jump of the receptor's synaptic variable); sign kept as written. */
  readonly weightV: ValueSpec;
  readonly delayS: ValueSpec;
  readonly receptor: "exc" | "inh";
  /** Name of a ResolvedPlasticityRule, if the projection learns. */
  readonly plasticity?: string;
}

// ---------------------------------------------------------------------------------------------
// Plasticity

/**
 * Pair-based STDP with all-to-all traces. Pre trace x and post trace y decay with tauPlus and
 * tauMinus and jump by 1 at their neuron's spike. On a pre spike: w -= aMinus * y; on a post
 * spike: w += aPlus * x; w is then clipped to [wMin, wMax]. `reward_stdp` accumulates the same
 * updates into an eligibility trace e (decaying with tauEligibility) instead of w, and applies
 * w += rewardGain * r * e at each reward spike r of the `rewardInput`.
 */
export interface ResolvedPlasticityRule {
  readonly name: string;
  readonly span: Span;
  readonly kind: "stdp" | "reward_stdp";
  readonly tauPlusS: number;
  readonly tauMinusS: number;
  readonly aPlusV: number;
  readonly aMinusV: number;
  readonly wMinV: number;
  readonly wMaxV: number;
  /** reward_stdp only. */
  readonly tauEligibilityS?: number;
  readonly rewardInput?: string;
  readonly rewardGain?: number;
}

// ---------------------------------------------------------------------------------------------
// Recording

export type ResolvedRecording =
  | { readonly kind: "spikes"; readonly span: Span; readonly range: NeuronRange }
  | {
      readonly kind: "voltage";
      readonly span: Span;
      readonly population: string;
      /** Indices within the population. */
      readonly neurons: readonly number[];
    };

// ---------------------------------------------------------------------------------------------
// Hardware targets

export interface ResolvedTarget {
  readonly name: string;
  readonly span: Span;
  /** Free text shown by `ant targets`. */
  readonly description: string;
  /** Chips on the board, as a grid; most targets are 1 x 1. */
  readonly chipsX: number;
  readonly chipsY: number;
  /** Cores per chip as a mesh. */
  readonly meshWidth: number;
  readonly meshHeight: number;
  readonly core: CoreLimits;
  /** Routing-table entries per router; Infinity when routing is table-free (address based). */
  readonly routerTableEntries: number;
  readonly precision: TargetPrecision;
  /** Smallest and largest programmable synaptic delay. */
  readonly delayMinS: number;
  readonly delayMaxS: number;
  readonly energy: TargetEnergy;
  readonly timing: TargetTiming;
  readonly learning: TargetLearning;
  /** TrueNorth-style restrictions; absent when the target has none. */
  readonly restrictions: TargetRestrictions;
}

export interface CoreLimits {
  /** Neurons per core (input sources placed on a core count here too). */
  readonly maxNeurons: number;
  /** Synapses stored per core (Infinity when only synapticMemoryBits limits). */
  readonly maxSynapses: number;
  /** Synaptic memory per core in bits; a synapse costs weightBits + delayBits + index bits. */
  readonly synapticMemoryBits: number;
  /** Distinct source neurons whose spikes may enter one core. */
  readonly maxFanInAxons: number;
  /** Fan-out entries per core: sum over its neurons of distinct destination cores. */
  readonly maxFanOutEntries: number;
}

export interface TargetPrecision {
  /** Signed weight width, sign included (Loihi: 1-9 bits; we take the maximum). */
  readonly weightBits: number;
  /** Width of membrane voltage and synaptic state. */
  readonly stateBits: number;
  /** Width of the delay field; delays are multiples of delayResolutionS. */
  readonly delayBits: number;
  readonly delayResolutionS: number;
  /** Width of the decay factors the fixed-point arithmetic multiplies by. */
  readonly decayBits: number;
}

/** Energy per operation in joules, static power in watts. */
export interface TargetEnergy {
  readonly synOpJ: number;
  readonly neuronUpdateJ: number;
  /** Clocked baseline only: update of a neuron that received no input in its step. */
  readonly neuronUpdateIdleJ: number;
  readonly spikeOutJ: number;
  readonly hopEastWestJ: number;
  readonly hopNorthSouthJ: number;
  readonly chipHopJ: number;
  readonly learnUpdateJ: number;
  /** Clocked baseline only: one barrier synchronisation across the chip. */
  readonly barrierJ: number;
  readonly staticPowerPerCoreW: number;
}

/** Time per operation in seconds. */
export interface TargetTiming {
  readonly synOpS: number;
  readonly neuronUpdateS: number;
  readonly spikeOutS: number;
  readonly hopEastWestS: number;
  readonly hopNorthSouthS: number;
  readonly chipHopS: number;
  readonly learnUpdateS: number;
  readonly barrierS: number;
}

export interface TargetLearning {
  /** Rules the cores can run; empty when the target cannot learn. */
  readonly rules: readonly ("stdp" | "reward_stdp")[];
  /** Weight width while learning (often wider than inference weights). */
  readonly weightBits: number;
  readonly rounding: "nearest" | "stochastic";
}

export interface TargetRestrictions {
  /** TrueNorth: each neuron's spikes reach exactly one core. */
  readonly maxDestinationCoresPerNeuron?: number;
  /** TrueNorth: a post neuron sees at most this many distinct weights (axon types). */
  readonly maxDistinctWeightsPerNeuron?: number;
  /** TrueNorth: weights are fixed per (axon type, neuron), binary crossbar. */
  readonly binaryCrossbar?: boolean;
}
