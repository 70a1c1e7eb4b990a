/**
 * Hand-built ResolvedProgram and ResolvedTarget values for compiler tests, so that the back end is
 * tested without the language front end. Defaults are the CUBA neuron and a small Loihi-like chip;
 * every helper takes overrides for what a test cares about.
 */
import type {
  Connector,
  CoreLimits,
  NeuronParams,
  ResolvedInput,
  ResolvedPopulation,
  ResolvedProgram,
  ResolvedProjection,
  ResolvedTarget,
  ValueSpec,
} from "../../dsl/resolved.ts";
import type { Span } from "../../src/diagnostics/diagnostic.ts";

export const span = (offset = 0, length = 1): Span => ({ file: "test.ant", offset, length });

export const cubaParams: NeuronParams = {
  tauMembraneS: 20e-3,
  vRestV: -49e-3,
  vResetV: -60e-3,
  vThreshV: -50e-3,
  refractoryS: 5e-3,
  tauExcS: 5e-3,
  tauInhS: 10e-3,
  biasA: 0,
  rMembraneOhm: 1e6,
  resetMode: "value",
  thetaPlusV: 0,
  tauThetaS: Infinity,
};

export const constant = (value: number): ValueSpec => ({ kind: "constant", value });

export function population(name: string, size: number, offset = 0): ResolvedPopulation {
  return { name, span: span(offset, name.length), model: "Cell", size, shape: [size], init: {} };
}

export function poissonInput(name: string, size: number, rateHz = 20): ResolvedInput {
  return {
    name,
    span: span(500, name.length),
    size,
    shape: [size],
    source: {
      kind: "poisson",
      ratesHz: new Float64Array(size).fill(rateHz),
      startS: 0,
      stopS: Infinity,
      seed: 7,
    },
  };
}

export interface ProjectionSpec {
  name?: string;
  pre: string;
  post: string;
  preKind?: "population" | "input";
  preRange?: [number, number];
  postRange?: [number, number];
  connector: Connector;
  weightV?: ValueSpec | number;
  delayS?: ValueSpec | number;
  receptor?: "exc" | "inh";
  plasticity?: string;
}

/** A projection between whole groups unless ranges are given; sizes come from `sizes`. */
export function projection(
  spec: ProjectionSpec,
  sizes: Record<string, number>,
  offset = 1000,
): ResolvedProjection {
  const w = spec.weightV ?? 1e-3;
  const d = spec.delayS ?? 1e-3;
  const range = (name: string, kind: "population" | "input", r?: [number, number]) => ({
    name,
    kind,
    start: r?.[0] ?? 0,
    end: r?.[1] ?? sizes[name]!,
    span: span(offset, name.length),
  });
  return {
    name: spec.name ?? `${spec.pre}->${spec.post}`,
    span: span(offset, 10),
    pre: range(spec.pre, spec.preKind ?? "population", spec.preRange),
    post: range(spec.post, "population", spec.postRange),
    connector: spec.connector,
    weightV: typeof w === "number" ? constant(w) : w,
    delayS: typeof d === "number" ? constant(d) : d,
    receptor: spec.receptor ?? "exc",
    plasticity: spec.plasticity,
  };
}

export interface ProgramSpec {
  populations?: ResolvedPopulation[];
  inputs?: ResolvedInput[];
  projections?: ProjectionSpec[];
  seed?: number;
}

export function program(spec: ProgramSpec): ResolvedProgram {
  const populations = spec.populations ?? [];
  const inputs = spec.inputs ?? [];
  const sizes: Record<string, number> = {};
  for (const g of [...populations, ...inputs]) sizes[g.name] = g.size;
  return {
    name: "test",
    seed: spec.seed ?? 1,
    models: [{ name: "Cell", span: span(0, 4), kind: "lif", params: cubaParams }],
    populations,
    inputs,
    projections: (spec.projections ?? []).map((p, i) => projection(p, sizes, 1000 + 20 * i)),
    plasticityRules: [],
    recordings: [],
    targets: [],
  };
}

export interface TargetSpec {
  name?: string;
  chips?: [number, number];
  mesh?: [number, number];
  core?: Partial<CoreLimits>;
  routerTableEntries?: number;
  weightBits?: number;
  restrictions?: ResolvedTarget["restrictions"];
}

/** A Loihi-like target: Davies et al. 2018 per-operation figures, small mesh by default. */
export function target(spec: TargetSpec = {}): ResolvedTarget {
  return {
    name: spec.name ?? "test-chip",
    span: span(0, 6),
    description: "test chip",
    chipsX: spec.chips?.[0] ?? 1,
    chipsY: spec.chips?.[1] ?? 1,
    meshWidth: spec.mesh?.[0] ?? 4,
    meshHeight: spec.mesh?.[1] ?? 4,
    core: {
      maxNeurons: 1024,
      maxSynapses: Infinity,
      synapticMemoryBits: 128 * 1024 * 8,
      maxFanInAxons: 4096,
      maxFanOutEntries: 4096,
      ...spec.core,
    },
    routerTableEntries: spec.routerTableEntries ?? Infinity,
    precision: {
      weightBits: spec.weightBits ?? 9,
      stateBits: 24,
      delayBits: 6,
      delayResolutionS: 1e-3,
      decayBits: 12,
    },
    delayMinS: 1e-3,
    delayMaxS: 62e-3,
    energy: {
      synOpJ: 23.6e-12,
      neuronUpdateJ: 81e-12,
      neuronUpdateIdleJ: 52e-12,
      spikeOutJ: 1.7e-12,
      hopEastWestJ: 3e-12,
      hopNorthSouthJ: 4e-12,
      chipHopJ: 150e-12,
      learnUpdateJ: 120e-12,
      barrierJ: 500e-12,
      staticPowerPerCoreW: 0.8e-3,
    },
    timing: {
      synOpS: 3.5e-9,
      neuronUpdateS: 8.4e-9,
      spikeOutS: 2.1e-9,
      hopEastWestS: 4.1e-9,
      hopNorthSouthS: 6.5e-9,
      chipHopS: 50e-9,
      learnUpdateS: 6.1e-9,
      barrierS: 113e-9,
    },
    learning: { rules: ["stdp", "reward_stdp"], weightBits: 9, rounding: "stochastic" },
    restrictions: spec.restrictions ?? {},
  };
}
