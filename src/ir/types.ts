/**
 * The core-mapped intermediate representation (IR): the contract between the compiler and the
 * emulator, and exactly what a chip image stores. It is self-contained: topology, cost model,
 * neuron parameters at target precision, synapse tables, routes, inputs and recordings. It never
 * refers to the syntax tree or to `.ant` files.
 *
 * Layout rules, for scale (10^8 synapses):
 * - Neurons are renumbered into *hardware ids*: the neurons of core k occupy the contiguous range
 *   [cores[k].neuronStart, cores[k].neuronStart + cores[k].neuronCount). Input sources are
 *   neurons too (model index -1), placed on cores like any other.
 * - Synapses are stored in CSR order by source hardware neuron, and within a source by
 *   destination core then by projection: each run of synapses that share (source, destination
 *   core, projection) is one *fan-out entry*. One spike sends one message per distinct
 *   destination core; at that core it walks the fan-out entries of that core.
 * - A synapse names its post neuron by a *slot*, its index within the destination core of its
 *   fan-out entry: post = cores[fanOutCore[e]].neuronStart + targetSlot[s]. Slots are 16 bits,
 *   as a core-local synapse address is on Loihi or SpiNNaker, so a core holds at most
 *   MAX_CORE_NEURONS neurons whatever its target allows.
 * - Routes are multicast trees over routers (one router per core), stored flat.
 * - Times are integer picoseconds stored in float64 (exact to 2^53 ps, about 2.5 hours);
 *   delays are integer multiples of `target.delayResolutionPs`.
 *
 * Field names carry their unit (`Ps` picoseconds, `V` volts, `J` joules, `W` watts, `Hz`).
 */

import type { IrRunState } from "./run-state.ts";

export type { IrRunState, RunStateArrays } from "./run-state.ts";

export const IR_FORMAT_VERSION = 1;

/** Neurons one core can hold in the IR: every one must be reachable by a 16-bit targetSlot. */
export const MAX_CORE_NEURONS = 65536;

export interface ChipIR {
  readonly formatVersion: number;
  readonly name: string;
  readonly seed: number;
  readonly target: IrTarget;
  readonly models: readonly IrModel[];
  readonly populations: readonly IrPopulation[];
  readonly projections: readonly IrProjection[];
  readonly plasticityRules: readonly IrPlasticityRule[];
  readonly cores: readonly IrCore[];
  readonly slices: readonly IrSlice[];
  readonly neurons: IrNeurons;
  readonly synapses: IrSynapses;
  readonly routes: IrRoutes;
  readonly inputs: readonly IrInput[];
  readonly recordings: readonly IrRecording[];
  /** Figures the compiler measured, for reports; not needed to run. */
  readonly mapping: IrMappingReport;
  /**
   * A paused run to continue (src/ir/run-state.ts): present in images written by
   * `Emulator.toIr()` / `ant run --save-state`, absent in compiled ones, which start at time 0.
   */
  readonly runState?: IrRunState;
}

// ---------------------------------------------------------------------------------------------
// Target: topology and cost model

export interface IrTarget {
  readonly name: string;
  readonly chipsX: number;
  readonly chipsY: number;
  readonly meshWidth: number;
  readonly meshHeight: number;
  readonly maxNeuronsPerCore: number;
  readonly maxSynapsesPerCore: number;
  readonly synapticMemoryBitsPerCore: number;
  readonly maxFanInAxonsPerCore: number;
  readonly maxFanOutEntriesPerCore: number;
  readonly routerTableEntries: number;
  readonly weightBits: number;
  readonly stateBits: number;
  readonly delayBits: number;
  readonly delayResolutionPs: number;
  readonly decayBits: number;
  readonly learningRules: readonly string[];
  readonly learningWeightBits: number;
  readonly learningRounding: "nearest" | "stochastic";
  readonly energy: {
    readonly synOpJ: number;
    readonly neuronUpdateJ: number;
    readonly neuronUpdateIdleJ: number;
    readonly spikeOutJ: number;
    readonly hopEastWestJ: number;
    readonly hopNorthSouthJ: number;
    readonly chipHopJ: number;
    readonly learnUpdateJ: number;
    readonly barrierJ: number;
    readonly staticPowerPerCoreW: number;
  };
  readonly timing: {
    readonly synOpPs: number;
    readonly neuronUpdatePs: number;
    readonly spikeOutPs: number;
    readonly hopEastWestPs: number;
    readonly hopNorthSouthPs: number;
    readonly chipHopPs: number;
    readonly learnUpdatePs: number;
    readonly barrierPs: number;
  };
}

/**
 * Global mesh coordinates: chips are laid side by side, so core (chip cx, cy; x, y) sits at
 * X = cx * meshWidth + x, Y = cy * meshHeight + y. Router id = Y * (chipsX * meshWidth) + X.
 * A hop between routers of different chips is a chip-to-chip hop.
 */
export function routerId(target: IrTarget, globalX: number, globalY: number): number {
  return globalY * (target.chipsX * target.meshWidth) + globalX;
}

// ---------------------------------------------------------------------------------------------
// Neurons

export interface IrModel {
  readonly name: string;
  readonly kind: "lif" | "if" | "adaptive_lif";
  /** SI float64, as in dsl/resolved.ts NeuronParams (times converted to picoseconds). */
  readonly tauMembranePs: number;
  readonly vRestV: number;
  readonly vResetV: number;
  readonly vThreshV: number;
  readonly refractoryPs: number;
  readonly tauExcPs: number;
  readonly tauInhPs: number;
  readonly biasA: number;
  readonly rMembraneOhm: number;
  readonly resetMode: "value" | "subtract";
  readonly thetaPlusV: number;
  /** Infinity: theta never decays. */
  readonly tauThetaPs: number;
  /** Fixed-point scaling chosen by the quantiser: one least significant bit of state, in volts. */
  readonly stateLsbV: number;
}

export interface IrPopulation {
  readonly name: string;
  readonly kind: "population" | "input";
  readonly size: number;
  readonly shape: readonly number[];
  /** Index into ChipIR.models; -1 for inputs. */
  readonly model: number;
}

/**
 * Per hardware neuron. `population` and `index` map back to the user's names;
 * `initV` etc. are the drawn initial values.
 */
export interface IrNeurons {
  readonly count: number;
  /** Index into ChipIR.populations. */
  readonly population: Uint16Array;
  /** Index of the neuron within its population (0-based). */
  readonly index: Uint32Array;
  /** Index into ChipIR.cores; derived from the cores' ranges (the image does not store it). */
  readonly core: Uint32Array;
  readonly initV: Float64Array;
  readonly initGExcV: Float64Array;
  readonly initGInhV: Float64Array;
  readonly initThetaV: Float64Array;
}

// ---------------------------------------------------------------------------------------------
// Cores and slices

export interface IrCore {
  readonly chipX: number;
  readonly chipY: number;
  /** Position within its chip's mesh. */
  readonly x: number;
  readonly y: number;
  /** Router id (see routerId). */
  readonly router: number;
  readonly neuronStart: number;
  readonly neuronCount: number;
  /** Synapses whose post neuron is on this core. */
  readonly synapseCount: number;
  readonly fanInAxons: number;
  readonly fanOutEntries: number;
  readonly synapticMemoryBits: number;
  /** Expected spikes per second leaving this core, as the placer estimated it. */
  readonly estimatedSpikeRateHz: number;
}

/** A contiguous piece of one population assigned to one core. */
export interface IrSlice {
  readonly population: number;
  /** Range within the population, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly core: number;
  /** Hardware id of the slice's first neuron. */
  readonly neuronStart: number;
}

// ---------------------------------------------------------------------------------------------
// Synapses and fan-out

export interface IrProjection {
  readonly name: string;
  readonly pre: number;
  readonly post: number;
  readonly receptor: "exc" | "inh";
  /** Index into ChipIR.plasticityRules, -1 when static. */
  readonly plasticity: number;
  /** Volts per weight LSB: weight in volts = synapses.weight[i] * weightLsbV. */
  readonly weightLsbV: number;
  readonly synapseCount: number;
  readonly quantisation: {
    readonly maxRelativeError: number;
    readonly meanRelativeError: number;
    /** Synapses whose nonzero weight rounded to 0. */
    readonly roundedToZero: number;
    /** Synapses whose weight was clipped to the representable range. */
    readonly saturated: number;
  };
}

export interface IrSynapses {
  readonly count: number;
  /** Fan-out entries of source neuron s: [fanOutStart[s], fanOutStart[s + 1]). Length count+1. */
  readonly fanOutStart: Uint32Array;
  /** Per fan-out entry: destination core index. */
  readonly fanOutCore: Uint32Array;
  /** Per fan-out entry: projection index. */
  readonly fanOutProjection: Uint16Array;
  /** Synapses of fan-out entry e: [synStart[e], synStart[e + 1]). Length entries+1. */
  readonly synStart: Uint32Array;
  /**
   * Per synapse: index of its post neuron within the destination core of its fan-out entry
   * (hardware id = cores[fanOutCore[e]].neuronStart + targetSlot[s], < that core's neuronCount).
   */
  readonly targetSlot: Uint16Array;
  /** Per synapse: signed weight in LSBs of its projection (weightLsbV). */
  readonly weight: Int16Array;
  /** Per synapse: delay in units of target.delayResolutionPs. */
  readonly delay: Uint16Array;
}

// ---------------------------------------------------------------------------------------------
// Routes

/** Output ports of a router, as bits. */
export const Port = { East: 1, West: 2, North: 4, South: 8, Local: 16 } as const;

/**
 * Multicast trees. `neuronRoute[s]` is the route of source neuron s (-1: its spikes go nowhere).
 * Route r owns nodes [nodeStart[r], nodeStart[r + 1]); nodes are in tree order (a parent before
 * its children, the root first, at the source core's router). Port bits: East = x + 1,
 * West = x - 1, North = y - 1, South = y + 1, Local = deliver to this router's core.
 * A router's routing table holds one entry per route node at that router.
 */
export interface IrRoutes {
  readonly count: number;
  readonly neuronRoute: Int32Array;
  readonly nodeStart: Uint32Array;
  readonly nodeRouter: Uint32Array;
  /** Index of the parent node (absolute), -1 for a root. */
  readonly nodeParent: Int32Array;
  readonly nodePorts: Uint8Array;
}

// ---------------------------------------------------------------------------------------------
// Plasticity, inputs, recordings

export interface IrPlasticityRule {
  readonly name: string;
  readonly kind: "stdp" | "reward_stdp";
  readonly tauPlusPs: number;
  readonly tauMinusPs: number;
  readonly aPlusV: number;
  readonly aMinusV: number;
  readonly wMinV: number;
  readonly wMaxV: number;
  readonly tauEligibilityPs: number;
  /** Index into ChipIR.populations of the reward input, -1 for plain STDP. */
  readonly rewardPopulation: number;
  readonly rewardGain: number;
}

export type IrInput =
  | {
      readonly kind: "poisson";
      readonly population: number;
      readonly ratesHz: Float64Array;
      readonly startPs: number;
      /** Infinity: until the end of the run. */
      readonly stopPs: number;
      readonly seed: number;
    }
  | {
      readonly kind: "spike_times";
      readonly population: number;
      readonly neuron: Uint32Array;
      readonly timePs: Float64Array;
    }
  | {
      readonly kind: "spike_file";
      readonly population: number;
      readonly path: string;
      readonly format: "nmnist" | "aedat" | "csv";
    };

export type IrRecording =
  | {
      readonly kind: "spikes";
      readonly population: number;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: "voltage"; readonly population: number; readonly neurons: readonly number[] };

// ---------------------------------------------------------------------------------------------
// Mapping report

export interface PlacementQuality {
  /** Spike-weighted mean hops per delivered message (multicast counted per destination core). */
  readonly meanHops: number;
  readonly maxHops: number;
  /** Estimated messages per second on the busiest directed link. */
  readonly busiestLinkHz: number;
  /** Estimated messages per second that cross a chip boundary. */
  readonly chipCrossingsHz: number;
  /** Estimated messages per second that leave their core. */
  readonly crossCoreSpikesHz: number;
}

export interface IrMappingReport {
  readonly coresUsed: number;
  readonly placer: string;
  readonly placement: PlacementQuality;
  /** The same figures for naive in-order placement, for comparison. */
  readonly naivePlacement: PlacementQuality;
  readonly maxRoutingEntries: number;
}
