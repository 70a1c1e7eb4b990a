/**
 * The run state: everything about a paused emulation that shapes what happens next, so that a
 * run can be saved (`ant run --save-state`, `Emulator.toIr()`) and resumed in a new process with
 * bit-identical results. It is a snapshot of the emulator's own variables, stored raw rather
 * than re-derived: neuron variables at each neuron's last update (not advanced to `nowPs`,
 * because advancing in two steps rounds differently from advancing in one), pending events,
 * predicted crossings, busy cores and links, input generators, spike trains and plasticity.
 *
 * One table (`RUN_STATE_ARRAYS`) names every array, its element type and what sizes it; the
 * image writer and reader, the IR validator and the emulator all take the layout from it.
 * Counters and records (energy, spike records, voltage samples) are not state: a resumed run
 * reports its own window.
 */
import type { ChipIR } from "./types.ts";

/** Version of the snapshot's layout, stored in its directory; bump it when the table changes. */
export const RUN_STATE_VERSION = 1;

export type RunStateElement = "u8" | "i32" | "u32" | "f64";

/**
 * What sizes an array: a count of the image (`neurons`, `cores`, `links` = routers x 4), a count
 * of the snapshot itself (`queue`: pending events, `trains`: spike trains, `trainSpikes`: their
 * spikes), or the learning engine's layout (see `learningCounts`).
 */
export type RunStateCount =
  | "neurons"
  | "cores"
  | "links"
  | "queue"
  | "trains"
  | "trainSpikes"
  | "plasticSlots"
  | "plasticEntries"
  | "postTraces"
  | "eligibility"
  | "roundingWords";

/** What each count means, for messages ("3 (one per core)"). */
export const RUN_STATE_COUNT_MEANING: Readonly<Record<RunStateCount, string>> = {
  neurons: "one per neuron",
  cores: "one per core",
  links: "four per router",
  queue: "one per pending event, as many as 'queue.time_ps'",
  trains: "one per spike train",
  trainSpikes: "the sum of 'train.length'",
  plasticSlots: "one per synapse of a plastic projection",
  plasticEntries: "one per fan-out entry when a projection learns",
  postTraces: "one per neuron for each learning rule in use",
  eligibility: "one per plastic synapse when a reward_stdp rule is in use",
  roundingWords: "four when a projection learns",
};

/** Every array of a run state, in the order an image stores them. */
export const RUN_STATE_ARRAYS = [
  // Hardware occupancy and predicted threshold crossings.
  { name: "engine.core_busy_until_ps", type: "f64", count: "cores" },
  { name: "engine.link_free_ps", type: "f64", count: "links" },
  { name: "engine.crossing_ps", type: "f64", count: "neurons" },
  { name: "engine.crossing_provisional", type: "u8", count: "neurons" },
  // Pending events, in the queue's heap order (see EventKind for the payloads).
  { name: "queue.time_ps", type: "f64", count: "queue" },
  { name: "queue.kind", type: "u8", count: "queue" },
  { name: "queue.target", type: "u32", count: "queue" },
  { name: "queue.seq", type: "f64", count: "queue" },
  { name: "queue.a", type: "i32", count: "queue" },
  { name: "queue.b", type: "i32", count: "queue" },
  { name: "queue.c", type: "f64", count: "queue" },
  // Neuron variables at each neuron's own last update: volts in float mode, LSBs in fixed mode.
  { name: "neuron.v", type: "f64", count: "neurons" },
  { name: "neuron.g_exc", type: "f64", count: "neurons" },
  { name: "neuron.g_inh", type: "f64", count: "neurons" },
  { name: "neuron.theta", type: "f64", count: "neurons" },
  { name: "neuron.last_ps", type: "f64", count: "neurons" },
  { name: "neuron.refractory_until_ps", type: "f64", count: "neurons" },
  // Poisson generators, per hardware neuron.
  { name: "poisson.rate_hz", type: "f64", count: "neurons" },
  { name: "poisson.start_ps", type: "f64", count: "neurons" },
  { name: "poisson.stop_ps", type: "f64", count: "neurons" },
  { name: "poisson.version", type: "i32", count: "neurons" },
  { name: "poisson.seed", type: "u32", count: "neurons" },
  { name: "poisson.counter", type: "f64", count: "neurons" },
  // Explicit spike trains (the image's and those added through the API), each sorted by time.
  { name: "train.length", type: "u32", count: "trains" },
  { name: "train.neuron", type: "u32", count: "trainSpikes" },
  { name: "train.time_ps", type: "f64", count: "trainSpikes" },
  // Plasticity: weights per plastic slot, traces, eligibility, the stochastic-rounding stream.
  { name: "learning.weight", type: "f64", count: "plasticSlots" },
  { name: "learning.pre_x", type: "f64", count: "plasticEntries" },
  { name: "learning.pre_t", type: "f64", count: "plasticEntries" },
  { name: "learning.post_y", type: "f64", count: "postTraces" },
  { name: "learning.post_t", type: "f64", count: "postTraces" },
  { name: "learning.elig", type: "f64", count: "eligibility" },
  { name: "learning.elig_t", type: "f64", count: "eligibility" },
  { name: "learning.rounding", type: "u32", count: "roundingWords" },
] as const satisfies readonly {
  readonly name: string;
  readonly type: RunStateElement;
  readonly count: RunStateCount;
}[];

type Spec = (typeof RUN_STATE_ARRAYS)[number];
export type RunStateArrayName = Spec["name"];

type ArrayOf<T extends RunStateElement> = T extends "u8"
  ? Uint8Array
  : T extends "i32"
    ? Int32Array
    : T extends "u32"
      ? Uint32Array
      : Float64Array;

/** The arrays of a run state by name, each of its table's element type. */
export type RunStateArrays = { readonly [S in Spec as S["name"]]: ArrayOf<S["type"]> };

export interface IrRunState {
  /** Arithmetic of the saved run: neuron variables in volts (float) or integer LSBs (fixed). */
  readonly mode: "float" | "fixed";
  /** The seed the run was started with (the emulator's `seed` option). */
  readonly runSeed: number;
  /** Simulated time reached; a resumed run starts here. */
  readonly nowPs: number;
  /** How far crossings have been searched (the end of the longest run so far). */
  readonly horizonPs: number;
  /** Sequence number the event queue gives its next event (ties between events go by it). */
  readonly nextSeq: number;
  readonly arrays: RunStateArrays;
}

/** Constructors of the element types, for readers and tests. */
export const RUN_STATE_TYPES = {
  u8: Uint8Array,
  i32: Int32Array,
  u32: Uint32Array,
  f64: Float64Array,
} as const;

export interface LearningCounts {
  readonly plasticSlots: number;
  readonly plasticEntries: number;
  readonly postTraces: number;
  readonly eligibility: number;
  readonly roundingWords: number;
}

/**
 * Sizes of the learning engine's state for an image, as emulator/learning/ lays it out: one
 * weight per synapse of a plastic projection; when any projection is plastic, one pre trace per
 * fan-out entry, one post trace per neuron for each rule that some fan-out entry uses, one
 * eligibility per plastic synapse when a used rule is reward_stdp, and a 128-bit rounding stream.
 */
export function learningCounts(ir: ChipIR): LearningCounts {
  if (!ir.projections.some((p) => p.plasticity >= 0))
    return { plasticSlots: 0, plasticEntries: 0, postTraces: 0, eligibility: 0, roundingWords: 0 };

  const syn = ir.synapses;
  const entries = syn.fanOutProjection.length;
  const used = new Set<number>();
  let slots = 0;
  for (let e = 0; e < entries; e++) {
    const rule = ir.projections[syn.fanOutProjection[e]!]?.plasticity ?? -1;
    if (rule < 0) continue;
    used.add(rule);
    slots += syn.synStart[e + 1]! - syn.synStart[e]!;
  }
  const reward = [...used].some((r) => ir.plasticityRules[r]?.kind === "reward_stdp");
  return {
    plasticSlots: slots,
    plasticEntries: entries,
    postTraces: used.size * ir.neurons.count,
    eligibility: reward ? slots : 0,
    roundingWords: 4,
  };
}

/** Element counts an image implies, for every count that does not come from the snapshot. */
export function imageCounts(ir: ChipIR): Omit<Record<RunStateCount, number>, SnapshotCount> {
  const t = ir.target;
  return {
    neurons: ir.neurons.count,
    cores: ir.cores.length,
    links: t.chipsX * t.meshWidth * t.chipsY * t.meshHeight * 4,
    ...learningCounts(ir),
  };
}

/** Counts that the snapshot decides for itself. */
export type SnapshotCount = "queue" | "trains" | "trainSpikes";

/** The expected count of every array, given the image and the snapshot's own sizes. */
export function expectedCounts(
  ir: ChipIR,
  own: Readonly<Record<SnapshotCount, number>>,
): Readonly<Record<RunStateCount, number>> {
  return { ...imageCounts(ir), ...own };
}

/** Sum of the train lengths: the number of spikes the train arrays must hold. */
export function trainSpikeCount(length: Uint32Array): number {
  let sum = 0;
  for (const n of length) sum += n;
  return sum;
}
