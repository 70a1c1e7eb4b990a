/**
 * The image's JSON section ("meta"): everything of a ChipIR except the large per-neuron,
 * per-synapse and per-route arrays, plus the element counts that size those arrays. The schema
 * below is the documented schema of docs/image-format.md; adding an optional field to the IR
 * contract means adding it here (as optional) too.
 */
import type {
  ChipIR,
  IrCore,
  IrMappingReport,
  IrModel,
  IrPlasticityRule,
  IrPopulation,
  IrProjection,
  IrRecording,
  IrSlice,
  IrTarget,
} from "../ir/types.ts";
import { arrayOf, int, num, numOrInf, obj, oneOf, str, union, type Schema } from "./json-schema.ts";

/** Element counts that size the array sections (see SECTIONS in format.ts). */
export interface MetaCounts {
  readonly neurons: number;
  readonly fanOutEntries: number;
  readonly synapses: number;
  readonly routes: number;
  readonly routeNodes: number;
  readonly inputRates: number;
  readonly inputSpikes: number;
}

/** An input as stored in the metadata: its arrays are ranges of the input.* sections. */
export type MetaInput =
  | {
      readonly kind: "poisson";
      readonly population: number;
      readonly startPs: number;
      readonly stopPs: number;
      readonly seed: number;
      /** Range [ratesFirst, ratesFirst + ratesCount) of section input.rates_hz. */
      readonly ratesFirst: number;
      readonly ratesCount: number;
    }
  | {
      readonly kind: "spike_times";
      readonly population: number;
      /** Range of sections input.spike_neuron and input.spike_time_ps. */
      readonly spikesFirst: number;
      readonly spikesCount: number;
    }
  | {
      readonly kind: "spike_file";
      readonly population: number;
      readonly path: string;
      readonly format: "nmnist" | "aedat" | "csv";
    };

export interface ImageMeta {
  readonly formatVersion: number;
  readonly name: string;
  readonly seed: number;
  readonly counts: MetaCounts;
  readonly target: IrTarget;
  readonly models: readonly IrModel[];
  readonly populations: readonly IrPopulation[];
  readonly projections: readonly IrProjection[];
  readonly plasticityRules: readonly IrPlasticityRule[];
  readonly cores: readonly IrCore[];
  readonly slices: readonly IrSlice[];
  readonly inputs: readonly MetaInput[];
  readonly recordings: readonly IrRecording[];
  readonly mapping: IrMappingReport;
}

const count = int({ min: 0 });
const index = int({ min: 0 });
/** An index that may be -1 for "none". */
const indexOrNone = int({ min: -1 });
const nonNegative = num({ min: 0 });

const targetSchema = obj({
  name: str,
  chipsX: int({ min: 1 }),
  chipsY: int({ min: 1 }),
  meshWidth: int({ min: 1 }),
  meshHeight: int({ min: 1 }),
  maxNeuronsPerCore: numOrInf({ min: 0 }),
  maxSynapsesPerCore: numOrInf({ min: 0 }),
  synapticMemoryBitsPerCore: numOrInf({ min: 0 }),
  maxFanInAxonsPerCore: numOrInf({ min: 0 }),
  maxFanOutEntriesPerCore: numOrInf({ min: 0 }),
  routerTableEntries: numOrInf({ min: 0 }),
  weightBits: int({ min: 1 }),
  stateBits: int({ min: 1 }),
  delayBits: int({ min: 0 }),
  delayResolutionPs: nonNegative,
  decayBits: int({ min: 0 }),
  learningRules: arrayOf(str),
  learningWeightBits: int({ min: 0 }),
  learningRounding: oneOf("nearest", "stochastic"),
  energy: obj({
    synOpJ: nonNegative,
    neuronUpdateJ: nonNegative,
    neuronUpdateIdleJ: nonNegative,
    spikeOutJ: nonNegative,
    hopEastWestJ: nonNegative,
    hopNorthSouthJ: nonNegative,
    chipHopJ: nonNegative,
    learnUpdateJ: nonNegative,
    barrierJ: nonNegative,
    staticPowerPerCoreW: nonNegative,
  }),
  timing: obj({
    synOpPs: nonNegative,
    neuronUpdatePs: nonNegative,
    spikeOutPs: nonNegative,
    hopEastWestPs: nonNegative,
    hopNorthSouthPs: nonNegative,
    chipHopPs: nonNegative,
    learnUpdatePs: nonNegative,
    barrierPs: nonNegative,
  }),
});

const modelSchema = obj({
  name: str,
  kind: oneOf("lif", "if", "adaptive_lif"),
  tauMembranePs: numOrInf(),
  vRestV: num(),
  vResetV: num(),
  vThreshV: num(),
  refractoryPs: nonNegative,
  tauExcPs: numOrInf(),
  tauInhPs: numOrInf(),
  biasA: num(),
  rMembraneOhm: num(),
  resetMode: oneOf("value", "subtract"),
  thetaPlusV: num(),
  tauThetaPs: numOrInf(),
  stateLsbV: num(),
});

const populationSchema = obj({
  name: str,
  kind: oneOf("population", "input"),
  size: count,
  shape: arrayOf(count),
  model: indexOrNone,
});

const projectionSchema = obj({
  name: str,
  pre: index,
  post: index,
  receptor: oneOf("exc", "inh"),
  plasticity: indexOrNone,
  weightLsbV: num(),
  synapseCount: count,
  quantisation: obj({
    maxRelativeError: numOrInf(),
    meanRelativeError: numOrInf(),
    roundedToZero: count,
    saturated: count,
  }),
});

const ruleSchema = obj({
  name: str,
  kind: oneOf("stdp", "reward_stdp"),
  tauPlusPs: numOrInf(),
  tauMinusPs: numOrInf(),
  aPlusV: num(),
  aMinusV: num(),
  wMinV: num(),
  wMaxV: num(),
  tauEligibilityPs: numOrInf(),
  rewardPopulation: indexOrNone,
  rewardGain: num(),
});

const coreSchema = obj({
  chipX: index,
  chipY: index,
  x: index,
  y: index,
  router: index,
  neuronStart: index,
  neuronCount: count,
  synapseCount: count,
  fanInAxons: count,
  fanOutEntries: count,
  synapticMemoryBits: count,
  estimatedSpikeRateHz: nonNegative,
});

const sliceSchema = obj({
  population: index,
  start: index,
  end: index,
  core: index,
  neuronStart: index,
});

const inputSchema = union("kind", {
  poisson: obj({
    kind: oneOf("poisson"),
    population: index,
    startPs: numOrInf(),
    stopPs: numOrInf(),
    seed: int(),
    ratesFirst: index,
    ratesCount: count,
  }),
  spike_times: obj({
    kind: oneOf("spike_times"),
    population: index,
    spikesFirst: index,
    spikesCount: count,
  }),
  spike_file: obj({
    kind: oneOf("spike_file"),
    population: index,
    path: str,
    format: oneOf("nmnist", "aedat", "csv"),
  }),
});

const recordingSchema = union("kind", {
  spikes: obj({ kind: oneOf("spikes"), population: index, start: index, end: index }),
  voltage: obj({ kind: oneOf("voltage"), population: index, neurons: arrayOf(index) }),
});

const qualitySchema = obj({
  meanHops: nonNegative,
  maxHops: nonNegative,
  busiestLinkHz: nonNegative,
  chipCrossingsHz: nonNegative,
  crossCoreSpikesHz: nonNegative,
});

export const metaSchema: Schema = obj({
  formatVersion: int(),
  name: str,
  seed: int(),
  counts: obj({
    neurons: count,
    fanOutEntries: count,
    synapses: count,
    routes: count,
    routeNodes: count,
    inputRates: count,
    inputSpikes: count,
  }),
  target: targetSchema,
  models: arrayOf(modelSchema),
  populations: arrayOf(populationSchema),
  projections: arrayOf(projectionSchema),
  plasticityRules: arrayOf(ruleSchema),
  cores: arrayOf(coreSchema),
  slices: arrayOf(sliceSchema),
  inputs: arrayOf(inputSchema),
  recordings: arrayOf(recordingSchema),
  mapping: obj({
    coresUsed: count,
    placer: str,
    placement: qualitySchema,
    naivePlacement: qualitySchema,
    maxRoutingEntries: count,
  }),
});

/** The metadata of an IR, with each input's arrays replaced by ranges of the input sections. */
export function metaOf(ir: ChipIR): ImageMeta {
  let inputRates = 0;
  let inputSpikes = 0;
  const inputs = ir.inputs.map((input): MetaInput => {
    switch (input.kind) {
      case "poisson": {
        const ratesFirst = inputRates;
        inputRates += input.ratesHz.length;
        const { kind, population, startPs, stopPs, seed } = input;
        return {
          kind,
          population,
          startPs,
          stopPs,
          seed,
          ratesFirst,
          ratesCount: input.ratesHz.length,
        };
      }
      case "spike_times": {
        const spikesFirst = inputSpikes;
        inputSpikes += input.neuron.length;
        const { kind, population } = input;
        return { kind, population, spikesFirst, spikesCount: input.neuron.length };
      }
      case "spike_file":
        return input;
    }
  });

  return {
    formatVersion: ir.formatVersion,
    name: ir.name,
    seed: ir.seed,
    counts: {
      neurons: ir.neurons.count,
      fanOutEntries: ir.synapses.fanOutCore.length,
      synapses: ir.synapses.count,
      routes: ir.routes.count,
      routeNodes: ir.routes.nodeRouter.length,
      inputRates,
      inputSpikes,
    },
    target: ir.target,
    models: ir.models,
    populations: ir.populations,
    projections: ir.projections,
    plasticityRules: ir.plasticityRules,
    cores: ir.cores,
    slices: ir.slices,
    inputs,
    recordings: ir.recordings,
    mapping: ir.mapping,
  };
}
