/**
 * Hand-built, valid `ChipIR` values for tests anywhere in the project, so that the image, the
 * reports and the emulator can be tested before (and independently of) the compiler.
 *
 * `buildIr` takes a short description in user terms (population names, neuron indices, volts,
 * seconds, mesh positions) and derives everything src/ir/types.ts requires: hardware ids (the
 * neurons of core k contiguous), cores and slices, fan-out entries in CSR order by source and
 * within a source by destination core then projection, each synapse's post neuron as its slot
 * within the destination core, weights in LSBs of a per-projection LSB, delays in units of the
 * target's resolution, XY multicast route trees (parent before child), per-core counts and a
 * mapping report.
 *
 * Mistakes in a fixture description are programming errors in a test, so they throw.
 *
 * Example: two neurons on two neighbouring cores, one excitatory synapse of 1 mV after 1 ms:
 *   buildIr({
 *     populations: [{ name: "a", size: 1 }, { name: "b", size: 1 }],
 *     placement: [
 *       { population: "a", start: 0, end: 1, coreX: 0, coreY: 0 },
 *       { population: "b", start: 0, end: 1, coreX: 1, coreY: 0 },
 *     ],
 *     synapses: [{ pre: ["a", 0], post: ["b", 0], weightV: 1e-3, delayS: 1e-3 }],
 *   });
 */
import {
  IR_FORMAT_VERSION,
  Port,
  routerId,
  type ChipIR,
  type IrCore,
  type IrInput,
  type IrModel,
  type IrPlasticityRule,
  type IrPopulation,
  type IrProjection,
  type IrRecording,
  type IrRoutes,
  type IrSlice,
  type IrSynapses,
  type IrTarget,
  type PlacementQuality,
} from "../../src/ir/types.ts";

// ---------------------------------------------------------------------------------------------
// Description types

export interface FixturePopulation {
  readonly name: string;
  /** Default "population". */
  readonly kind?: "population" | "input";
  readonly size: number;
  /** Default [size]. */
  readonly shape?: readonly number[];
  /** Model name or index; default the first model for populations, -1 for inputs. */
  readonly model?: string | number;
  /** Initial membrane voltage, one value or one per neuron; default the model's vRestV (0 V for inputs). */
  readonly initV?: number | readonly number[];
  /** Expected firing rate used for traffic estimates; default `FixtureSpec.defaultRateHz`. */
  readonly rateHz?: number;
}

export interface FixturePlacement {
  readonly population: string;
  /** Range within the population, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Position within the chip's mesh. */
  readonly coreX: number;
  readonly coreY: number;
  /** Default 0. */
  readonly chipX?: number;
  readonly chipY?: number;
}

export interface FixtureSynapse {
  readonly pre: readonly [population: string, index: number];
  readonly post: readonly [population: string, index: number];
  /** Signed weight in volts (the jump of the receptor's synaptic variable). */
  readonly weightV: number;
  /** Delay in seconds; rounded to the target's delay resolution. */
  readonly delayS: number;
  /** Projection name; default "<pre>-><post>". */
  readonly projection?: string;
}

export interface FixtureProjection {
  readonly name: string;
  /** Default "exc", or "inh" when every weight of the projection is negative. */
  readonly receptor?: "exc" | "inh";
  /** Name of a plasticity rule; default static. */
  readonly plasticity?: string;
  /** Default: the largest |weight| maps to the largest representable weight. */
  readonly weightLsbV?: number;
}

export type FixturePlasticityRule = Omit<IrPlasticityRule, "rewardPopulation"> & {
  /** Name of the reward input population; absent for plain STDP. */
  readonly rewardPopulation?: string;
};

export type FixtureInput =
  | {
      readonly kind: "poisson";
      readonly population: string;
      /** One rate for every neuron, or one per neuron. */
      readonly ratesHz: number | readonly number[];
      readonly startPs?: number;
      readonly stopPs?: number;
      readonly seed?: number;
    }
  | {
      readonly kind: "spike_times";
      readonly population: string;
      readonly neuron: readonly number[];
      readonly timePs: readonly number[];
    }
  | {
      readonly kind: "spike_file";
      readonly population: string;
      readonly path: string;
      readonly format: "nmnist" | "aedat" | "csv";
    };

export type FixtureRecording =
  | {
      readonly kind: "spikes";
      readonly population: string;
      readonly start?: number;
      readonly end?: number;
    }
  | { readonly kind: "voltage"; readonly population: string; readonly neurons: readonly number[] };

export interface FixtureSpec {
  readonly name?: string;
  readonly seed?: number;
  readonly target?: Partial<IrTarget>;
  /** Partial models are completed from `defaultTestModel()`. Default: one default LIF model. */
  readonly models?: readonly (Partial<IrModel> & { readonly name: string })[];
  readonly populations: readonly FixturePopulation[];
  /**
   * Slices onto cores. Populations left out get one core each, in row-major order of the free
   * cores of chip (0, 0). Cores are numbered in order of first appearance.
   */
  readonly placement?: readonly FixturePlacement[];
  readonly projections?: readonly FixtureProjection[];
  readonly synapses?: readonly FixtureSynapse[];
  readonly plasticityRules?: readonly FixturePlasticityRule[];
  readonly inputs?: readonly FixtureInput[];
  readonly recordings?: readonly FixtureRecording[];
  /** Rate assumed for neurons without `rateHz` or a Poisson input; default 10 Hz. */
  readonly defaultRateHz?: number;
  /** Recorded in mapping.placer; default "fixture". */
  readonly placer?: string;
}

// ---------------------------------------------------------------------------------------------
// Defaults

/**
 * A one-chip 4 x 4 mesh with Loihi's structure and per-operation figures (Davies et al., IEEE
 * Micro 2018, Table 2). Chip-hop, barrier and static-power figures are placeholders for tests.
 */
export function defaultTestTarget(overrides: Partial<IrTarget> = {}): IrTarget {
  return {
    name: "test-4x4",
    chipsX: 1,
    chipsY: 1,
    meshWidth: 4,
    meshHeight: 4,
    maxNeuronsPerCore: 1024,
    maxSynapsesPerCore: 1 << 20,
    synapticMemoryBitsPerCore: 128 * 1024 * 8,
    maxFanInAxonsPerCore: 4096,
    maxFanOutEntriesPerCore: 4096,
    routerTableEntries: 1024,
    weightBits: 9,
    stateBits: 24,
    delayBits: 6,
    delayResolutionPs: 1e9,
    decayBits: 12,
    learningRules: ["stdp", "reward_stdp"],
    learningWeightBits: 9,
    learningRounding: "nearest",
    energy: {
      synOpJ: 23.6e-12,
      neuronUpdateJ: 81e-12,
      neuronUpdateIdleJ: 52e-12,
      spikeOutJ: 1.7e-12,
      hopEastWestJ: 3.0e-12,
      hopNorthSouthJ: 4.0e-12,
      chipHopJ: 150e-12,
      learnUpdateJ: 120e-12,
      barrierJ: 0,
      staticPowerPerCoreW: 0.8e-3,
    },
    timing: {
      synOpPs: 3500,
      neuronUpdatePs: 8400,
      spikeOutPs: 2100,
      hopEastWestPs: 4100,
      hopNorthSouthPs: 6500,
      chipHopPs: 50_000,
      learnUpdatePs: 6100,
      barrierPs: 0,
    },
    ...overrides,
  };
}

/** The CUBA neuron of Vogels & Abbott (2005), as in Brian2's example. */
export function defaultTestModel(overrides: Partial<IrModel> = {}): IrModel {
  return {
    name: "cuba",
    kind: "lif",
    tauMembranePs: 20e9,
    vRestV: -0.049,
    vResetV: -0.06,
    vThreshV: -0.05,
    refractoryPs: 5e9,
    tauExcPs: 5e9,
    tauInhPs: 10e9,
    biasA: 0,
    rMembraneOhm: 1,
    resetMode: "value",
    thetaPlusV: 0,
    tauThetaPs: Infinity,
    stateLsbV: 2 ** -20,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Builder

export function buildIr(spec: FixtureSpec): ChipIR {
  const target = defaultTestTarget(spec.target);
  const models = (spec.models ?? [{ name: "cuba" }]).map((m) => defaultTestModel(m));
  const populations = spec.populations.map((p) => toPopulation(p, models));
  const popIndex = indexByName(populations, "population");

  // 1. Cores and slices; hardware ids follow core order, then slice order within a core.
  const placement = completePlacement(spec, target);
  const { coreKeys, slices, neuronCount } = layOut(placement, populations, popIndex, target);
  const hwId = hardwareIdLookup(populations, slices);

  // 2. Per hardware neuron arrays.
  const neurons = buildNeurons(spec, populations, models, slices, neuronCount);

  // 3. Projections, quantised weights and the fan-out CSR.
  const rules = (spec.plasticityRules ?? []).map((r): IrPlasticityRule => ({
    ...r,
    rewardPopulation: r.rewardPopulation === undefined ? -1 : need(popIndex, r.rewardPopulation),
  }));
  const projections = buildProjections(spec, target, popIndex, rules);
  const projIndex = indexByName(projections, "projection");
  const synapses = buildSynapses(spec, target, hwId, neurons.core, projections, projIndex);

  // 4. Routes, rates and the mapping report.
  const positions = coreKeys.map((k) => globalPosition(k, target));
  const routes = buildRoutes(synapses, neurons.core, positions, target);
  const rateHz = neuronRates(spec, populations, neurons.population, neurons.index, popIndex);
  const cores = buildCores(coreKeys, positions, target, neurons.core, synapses, rateHz);

  const naivePositions = coreKeys.map((_, k) => naivePosition(k, target));
  const inputs = (spec.inputs ?? []).map((i) => toInput(i, popIndex, populations));
  const recordings = (spec.recordings ?? []).map((r) => toRecording(r, popIndex, populations));
  return {
    formatVersion: IR_FORMAT_VERSION,
    name: spec.name ?? "fixture",
    seed: spec.seed ?? 1,
    target,
    models,
    populations,
    projections,
    plasticityRules: rules,
    cores,
    slices,
    neurons,
    synapses,
    routes,
    inputs,
    recordings,
    mapping: {
      coresUsed: cores.length,
      placer: spec.placer ?? "fixture",
      placement: placementQuality(synapses, neurons.core, positions, rateHz, target),
      naivePlacement: placementQuality(synapses, neurons.core, naivePositions, rateHz, target),
      maxRoutingEntries: maxRoutingEntries(routes),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Populations and placement

function toPopulation(p: FixturePopulation, models: readonly IrModel[]): IrPopulation {
  const kind = p.kind ?? "population";
  let model = kind === "input" ? -1 : 0;
  if (typeof p.model === "number") model = p.model;
  if (typeof p.model === "string") model = need(indexByName(models, "model"), p.model);
  return { name: p.name, kind, size: p.size, shape: p.shape ?? [p.size], model };
}

function completePlacement(spec: FixtureSpec, target: IrTarget): FixturePlacement[] {
  const given = [...(spec.placement ?? [])];
  const used = new Set(given.map((g) => `${g.chipX ?? 0},${g.chipY ?? 0},${g.coreX},${g.coreY}`));
  let next = 0;
  for (const p of spec.populations) {
    if (given.some((g) => g.population === p.name)) continue;
    while (used.has(`0,0,${next % target.meshWidth},${Math.floor(next / target.meshWidth)}`))
      next++;
    const coreX = next % target.meshWidth;
    const coreY = Math.floor(next / target.meshWidth);
    if (coreY >= target.meshHeight) throw new Error(`fixture: no free core for '${p.name}'`);
    used.add(`0,0,${coreX},${coreY}`);
    given.push({ population: p.name, start: 0, end: p.size, coreX, coreY });
  }
  return given;
}

type CoreKey = readonly [chipX: number, chipY: number, x: number, y: number];

function layOut(
  placement: readonly FixturePlacement[],
  populations: readonly IrPopulation[],
  popIndex: ReadonlyMap<string, number>,
  target: IrTarget,
): { coreKeys: CoreKey[]; slices: IrSlice[]; neuronCount: number } {
  const coreKeys: CoreKey[] = [];
  const byCore: FixturePlacement[][] = [];
  for (const p of placement) {
    const key: CoreKey = [p.chipX ?? 0, p.chipY ?? 0, p.coreX, p.coreY];
    const [cx, cy, x, y] = key;
    if (
      cx >= target.chipsX ||
      cy >= target.chipsY ||
      x >= target.meshWidth ||
      y >= target.meshHeight
    )
      throw new Error(`fixture: core (${key.join(", ")}) lies outside the target`);
    let k = coreKeys.findIndex((c) => c.every((v, i) => v === key[i]));
    if (k < 0) {
      k = coreKeys.push(key) - 1;
      byCore.push([]);
    }
    byCore[k]!.push(p);
  }

  // Every neuron of every population must be placed exactly once.
  const covered = populations.map((p) => new Uint8Array(p.size));
  const slices: IrSlice[] = [];
  let neuronStart = 0;
  byCore.forEach((list, core) => {
    for (const p of list) {
      const population = need(popIndex, p.population);
      const seen = covered[population]!;
      if (p.start < 0 || p.end > seen.length || p.start >= p.end)
        throw new Error(`fixture: bad slice [${p.start}, ${p.end}) of '${p.population}'`);
      for (let i = p.start; i < p.end; i++) {
        if (seen[i]) throw new Error(`fixture: '${p.population}'[${i}] is placed twice`);
        seen[i] = 1;
      }
      slices.push({ population, start: p.start, end: p.end, core, neuronStart });
      neuronStart += p.end - p.start;
    }
  });
  covered.forEach((seen, i) => {
    if (seen.includes(0)) throw new Error(`fixture: '${populations[i]!.name}' is not fully placed`);
  });
  return { coreKeys, slices, neuronCount: neuronStart };
}

function hardwareIdLookup(
  populations: readonly IrPopulation[],
  slices: readonly IrSlice[],
): (population: number, index: number) => number {
  const table = populations.map((p) => new Uint32Array(p.size));
  for (const s of slices)
    for (let i = s.start; i < s.end; i++) table[s.population]![i] = s.neuronStart + i - s.start;
  return (population, index) => {
    const row = table[population];
    if (row === undefined || index < 0 || index >= row.length)
      throw new Error(`fixture: neuron ${index} of population ${population} does not exist`);
    return row[index]!;
  };
}

function buildNeurons(
  spec: FixtureSpec,
  populations: readonly IrPopulation[],
  models: readonly IrModel[],
  slices: readonly IrSlice[],
  count: number,
): ChipIR["neurons"] {
  const population = new Uint16Array(count);
  const index = new Uint32Array(count);
  const core = new Uint32Array(count);
  const initV = new Float64Array(count);
  for (const s of slices) {
    const pop = populations[s.population]!;
    const init = spec.populations[s.population]!.initV;
    const restV = pop.model >= 0 ? models[pop.model]!.vRestV : 0;
    for (let i = s.start; i < s.end; i++) {
      const h = s.neuronStart + i - s.start;
      population[h] = s.population;
      index[h] = i;
      core[h] = s.core;
      initV[h] = init === undefined ? restV : typeof init === "number" ? init : init[i]!;
    }
  }
  return {
    count,
    population,
    index,
    core,
    initV,
    initGExcV: new Float64Array(count),
    initGInhV: new Float64Array(count),
    initThetaV: new Float64Array(count),
  };
}

// ---------------------------------------------------------------------------------------------
// Projections and synapses

function projectionName(s: FixtureSynapse): string {
  return s.projection ?? `${s.pre[0]}->${s.post[0]}`;
}

function buildProjections(
  spec: FixtureSpec,
  target: IrTarget,
  popIndex: ReadonlyMap<string, number>,
  rules: readonly IrPlasticityRule[],
): IrProjection[] {
  const names: string[] = (spec.projections ?? []).map((p) => p.name);
  for (const s of spec.synapses ?? [])
    if (!names.includes(projectionName(s))) names.push(projectionName(s));
  const maxWeight = 2 ** (target.weightBits - 1) - 1;

  return names.map((name): IrProjection => {
    const declared = spec.projections?.find((p) => p.name === name);
    const own = (spec.synapses ?? []).filter((s) => projectionName(s) === name);
    const first = own[0];
    const pre = first ? need(popIndex, first.pre[0]) : 0;
    const post = first ? need(popIndex, first.post[0]) : 0;
    for (const s of own)
      if (need(popIndex, s.pre[0]) !== pre || need(popIndex, s.post[0]) !== post)
        throw new Error(`fixture: projection '${name}' mixes population pairs`);

    const maxAbsV = own.reduce((m, s) => Math.max(m, Math.abs(s.weightV)), 0);
    const weightLsbV = declared?.weightLsbV ?? (maxAbsV > 0 ? maxAbsV / maxWeight : 1e-6);
    const allNegative = own.length > 0 && own.every((s) => s.weightV < 0);
    const errors = quantisationErrors(
      own.map((s) => s.weightV),
      weightLsbV,
      maxWeight,
    );
    const plasticity =
      declared?.plasticity === undefined
        ? -1
        : need(indexByName(rules, "rule"), declared.plasticity);
    return {
      name,
      pre,
      post,
      receptor: declared?.receptor ?? (allNegative ? "inh" : "exc"),
      plasticity,
      weightLsbV,
      synapseCount: own.length,
      quantisation: errors,
    };
  });
}

function quantiseWeight(weightV: number, lsbV: number, maxWeight: number): number {
  return Math.max(-maxWeight, Math.min(maxWeight, Math.round(weightV / lsbV)));
}

function quantisationErrors(
  weightsV: readonly number[],
  lsbV: number,
  maxWeight: number,
): IrProjection["quantisation"] {
  let maxRel = 0;
  let sumRel = 0;
  let nonzero = 0;
  let roundedToZero = 0;
  let saturated = 0;
  for (const w of weightsV) {
    if (w === 0) continue;
    const raw = Math.round(w / lsbV);
    const q = quantiseWeight(w, lsbV, maxWeight);
    if (q === 0) roundedToZero++;
    if (raw !== q) saturated++;
    const rel = Math.abs(q * lsbV - w) / Math.abs(w);
    maxRel = Math.max(maxRel, rel);
    sumRel += rel;
    nonzero++;
  }
  return {
    maxRelativeError: maxRel,
    meanRelativeError: nonzero === 0 ? 0 : sumRel / nonzero,
    roundedToZero,
    saturated,
  };
}

function buildSynapses(
  spec: FixtureSpec,
  target: IrTarget,
  hwId: (population: number, index: number) => number,
  neuronCore: Uint32Array,
  projections: readonly IrProjection[],
  projIndex: ReadonlyMap<string, number>,
): IrSynapses {
  const maxWeight = 2 ** (target.weightBits - 1) - 1;
  const maxDelay = 2 ** target.delayBits - 1;
  const rows = (spec.synapses ?? []).map((s, order) => {
    const projection = need(projIndex, projectionName(s));
    const p = projections[projection]!;
    const source = hwId(p.pre, s.pre[1]);
    const post = hwId(p.post, s.post[1]);
    const delay = Math.round((s.delayS * 1e12) / target.delayResolutionPs);
    if (delay < 0 || delay > maxDelay) throw new Error(`fixture: delay ${s.delayS} s does not fit`);
    const weight = quantiseWeight(s.weightV, p.weightLsbV, maxWeight);
    return { source, destCore: neuronCore[post]!, projection, post, weight, delay, order };
  });

  // CSR by source, then destination core, then projection; stable within an entry.
  rows.sort(
    (a, b) =>
      a.source - b.source ||
      a.destCore - b.destCore ||
      a.projection - b.projection ||
      a.post - b.post ||
      a.order - b.order,
  );

  const neuronCount = neuronCore.length;
  const fanOutStart = new Uint32Array(neuronCount + 1);
  const entryCore: number[] = [];
  const entryProjection: number[] = [];
  const synStart: number[] = [];
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    const newEntry =
      !prev ||
      prev.source !== r.source ||
      prev.destCore !== r.destCore ||
      prev.projection !== r.projection;
    if (!newEntry) return;
    entryCore.push(r.destCore);
    entryProjection.push(r.projection);
    synStart.push(i);
    fanOutStart[r.source + 1]!++;
  });
  synStart.push(rows.length);
  for (let s = 0; s < neuronCount; s++) fanOutStart[s + 1]! += fanOutStart[s]!;

  // A core's neurons are contiguous: its first hardware id is where a slot counts from.
  const coreStart: number[] = [];
  neuronCore.forEach((core, h) => (coreStart[core] ??= h));

  return {
    count: rows.length,
    fanOutStart,
    fanOutCore: Uint32Array.from(entryCore),
    fanOutProjection: Uint16Array.from(entryProjection),
    synStart: Uint32Array.from(synStart),
    targetSlot: Uint16Array.from(rows, (r) => r.post - coreStart[r.destCore]!),
    weight: Int16Array.from(rows, (r) => r.weight),
    delay: Uint16Array.from(rows, (r) => r.delay),
  };
}

// ---------------------------------------------------------------------------------------------
// Routes: XY (dimension-order) multicast trees, one per (source core, destination-core set)

interface Position {
  readonly x: number;
  readonly y: number;
}

function globalPosition(key: CoreKey, target: IrTarget): Position {
  return { x: key[0] * target.meshWidth + key[2], y: key[1] * target.meshHeight + key[3] };
}

/** Naive in-order placement: core k on the k-th router in row-major order of the whole board. */
function naivePosition(k: number, target: IrTarget): Position {
  const width = target.chipsX * target.meshWidth;
  return { x: k % width, y: Math.floor(k / width) };
}

function destinationCores(synapses: IrSynapses, source: number): number[] {
  const set = new Set<number>();
  for (let e = synapses.fanOutStart[source]!; e < synapses.fanOutStart[source + 1]!; e++)
    set.add(synapses.fanOutCore[e]!);
  return [...set].sort((a, b) => a - b);
}

/** The XY path from `from` to `to` as the list of routers visited, both ends included. */
function xyPath(from: Position, to: Position): Position[] {
  const path: Position[] = [from];
  let { x, y } = from;
  while (x !== to.x) path.push({ x: (x += Math.sign(to.x - x)), y });
  while (y !== to.y) path.push({ x, y: (y += Math.sign(to.y - y)) });
  return path;
}

function portTowards(from: Position, to: Position): number {
  if (to.x > from.x) return Port.East;
  if (to.x < from.x) return Port.West;
  return to.y < from.y ? Port.North : Port.South;
}

function buildRoutes(
  synapses: IrSynapses,
  neuronCore: Uint32Array,
  positions: readonly Position[],
  target: IrTarget,
): IrRoutes {
  const neuronRoute = new Int32Array(neuronCore.length).fill(-1);
  const nodeStart: number[] = [0];
  const nodeRouter: number[] = [];
  const nodeParent: number[] = [];
  const nodePorts: number[] = [];
  const shared = new Map<string, number>();

  for (let s = 0; s < neuronCore.length; s++) {
    const dests = destinationCores(synapses, s);
    if (dests.length === 0) continue;
    const key = `${neuronCore[s]}:${dests.join(",")}`;
    const existing = shared.get(key);
    if (existing !== undefined) {
      neuronRoute[s] = existing;
      continue;
    }

    // Union of XY paths: a map from router to its node, children found in path order.
    const root = positions[neuronCore[s]!]!;
    const nodes = new Map<string, { pos: Position; parent: string | undefined; ports: number }>();
    const keyOf = (p: Position): string => `${p.x},${p.y}`;
    nodes.set(keyOf(root), { pos: root, parent: undefined, ports: 0 });
    for (const d of dests) {
      const path = xyPath(root, positions[d]!);
      for (let i = 1; i < path.length; i++) {
        const node = nodes.get(keyOf(path[i - 1]!))!;
        node.ports |= portTowards(path[i - 1]!, path[i]!);
        if (!nodes.has(keyOf(path[i]!)))
          nodes.set(keyOf(path[i]!), { pos: path[i]!, parent: keyOf(path[i - 1]!), ports: 0 });
      }
      nodes.get(keyOf(path[path.length - 1]!))!.ports |= Port.Local;
    }

    // Breadth-first order puts every parent before its children.
    const order: string[] = [keyOf(root)];
    for (let i = 0; i < order.length; i++)
      for (const [k, n] of nodes) if (n.parent === order[i]) order.push(k);
    const base = nodeRouter.length;
    for (const k of order) {
      const n = nodes.get(k)!;
      nodeRouter.push(routerId(target, n.pos.x, n.pos.y));
      nodeParent.push(n.parent === undefined ? -1 : base + order.indexOf(n.parent));
      nodePorts.push(n.ports);
    }
    nodeStart.push(nodeRouter.length);
    neuronRoute[s] = nodeStart.length - 2;
    shared.set(key, neuronRoute[s]!);
  }

  return {
    count: nodeStart.length - 1,
    neuronRoute,
    nodeStart: Uint32Array.from(nodeStart),
    nodeRouter: Uint32Array.from(nodeRouter),
    nodeParent: Int32Array.from(nodeParent),
    nodePorts: Uint8Array.from(nodePorts),
  };
}

function maxRoutingEntries(routes: IrRoutes): number {
  const perRouter = new Map<number, number>();
  for (const r of routes.nodeRouter) perRouter.set(r, (perRouter.get(r) ?? 0) + 1);
  return Math.max(0, ...perRouter.values());
}

// ---------------------------------------------------------------------------------------------
// Rates, cores and placement quality

function neuronRates(
  spec: FixtureSpec,
  populations: readonly IrPopulation[],
  population: Uint16Array,
  index: Uint32Array,
  popIndex: ReadonlyMap<string, number>,
): Float64Array {
  const perPop = populations.map((_, i) => spec.populations[i]!.rateHz ?? spec.defaultRateHz ?? 10);
  const poisson = new Map<number, number | readonly number[]>();
  for (const i of spec.inputs ?? [])
    if (i.kind === "poisson") poisson.set(need(popIndex, i.population), i.ratesHz);
  return Float64Array.from(population, (p, h) => {
    const rates = poisson.get(p);
    if (rates === undefined) return perPop[p]!;
    return typeof rates === "number" ? rates : rates[index[h]!]!;
  });
}

function buildCores(
  coreKeys: readonly CoreKey[],
  positions: readonly Position[],
  target: IrTarget,
  neuronCore: Uint32Array,
  synapses: IrSynapses,
  rateHz: Float64Array,
): IrCore[] {
  const n = coreKeys.length;
  const neuronCount = new Array<number>(n).fill(0);
  const neuronStart = new Array<number>(n).fill(-1);
  const spikeRate = new Array<number>(n).fill(0);
  neuronCore.forEach((c, h) => {
    neuronCount[c]!++;
    if (neuronStart[c] === -1) neuronStart[c] = h;
    spikeRate[c]! += rateHz[h]!;
  });
  const synapseCount = new Array<number>(n).fill(0);
  const fanIn = new Array<number>(n).fill(0);
  const fanOut = new Array<number>(n).fill(0);
  for (let s = 0; s < neuronCore.length; s++) {
    for (let e = synapses.fanOutStart[s]!; e < synapses.fanOutStart[s + 1]!; e++) {
      const dest = synapses.fanOutCore[e]!;
      fanIn[dest]!++;
      fanOut[neuronCore[s]!]!++;
      synapseCount[dest]! += synapses.synStart[e + 1]! - synapses.synStart[e]!;
    }
  }
  // Synaptic memory per synapse as the compiler brief documents it.
  const bitsPerSynapse =
    target.weightBits +
    target.delayBits +
    Math.ceil(Math.log2(Math.max(2, target.maxNeuronsPerCore)));
  return coreKeys.map((key, k) => ({
    chipX: key[0],
    chipY: key[1],
    x: key[2],
    y: key[3],
    router: routerId(target, positions[k]!.x, positions[k]!.y),
    neuronStart: neuronStart[k]!,
    neuronCount: neuronCount[k]!,
    synapseCount: synapseCount[k]!,
    fanInAxons: fanIn[k]!,
    fanOutEntries: fanOut[k]!,
    synapticMemoryBits: synapseCount[k]! * bitsPerSynapse,
    estimatedSpikeRateHz: spikeRate[k]!,
  }));
}

function placementQuality(
  synapses: IrSynapses,
  neuronCore: Uint32Array,
  positions: readonly Position[],
  rateHz: Float64Array,
  target: IrTarget,
): PlacementQuality {
  let weightedHops = 0;
  let messages = 0;
  let maxHops = 0;
  let crossCore = 0;
  let chipCrossings = 0;
  const linkLoad = new Map<string, number>();
  const chipOf = (p: Position): string =>
    `${Math.floor(p.x / target.meshWidth)},${Math.floor(p.y / target.meshHeight)}`;

  for (let s = 0; s < neuronCore.length; s++) {
    const dests = destinationCores(synapses, s);
    if (dests.length === 0) continue;
    const rate = rateHz[s]!;
    const from = positions[neuronCore[s]!]!;
    const edges = new Set<string>();
    for (const d of dests) {
      const path = xyPath(from, positions[d]!);
      const hops = path.length - 1;
      weightedHops += rate * hops;
      messages += rate;
      if (rate > 0) maxHops = Math.max(maxHops, hops);
      if (hops > 0) crossCore += rate;
      for (let i = 1; i < path.length; i++)
        edges.add(`${keyOfPos(path[i - 1]!)}>${keyOfPos(path[i]!)}`);
    }
    // Multicast: a link of the tree carries one message per spike however many cores lie beyond.
    for (const e of edges) {
      linkLoad.set(e, (linkLoad.get(e) ?? 0) + rate);
      const [a, b] = e.split(">") as [string, string];
      if (chipOf(parsePos(a)) !== chipOf(parsePos(b))) chipCrossings += rate;
    }
  }
  return {
    meanHops: messages === 0 ? 0 : weightedHops / messages,
    maxHops,
    busiestLinkHz: Math.max(0, ...linkLoad.values()),
    chipCrossingsHz: chipCrossings,
    crossCoreSpikesHz: crossCore,
  };
}

function keyOfPos(p: Position): string {
  return `${p.x},${p.y}`;
}

function parsePos(key: string): Position {
  const [x, y] = key.split(",").map(Number) as [number, number];
  return { x, y };
}

// ---------------------------------------------------------------------------------------------
// Inputs and recordings

function toInput(
  i: FixtureInput,
  popIndex: ReadonlyMap<string, number>,
  populations: readonly IrPopulation[],
): IrInput {
  const population = need(popIndex, i.population);
  const size = populations[population]!.size;
  switch (i.kind) {
    case "poisson":
      return {
        kind: "poisson",
        population,
        ratesHz:
          typeof i.ratesHz === "number"
            ? new Float64Array(size).fill(i.ratesHz)
            : Float64Array.from(i.ratesHz),
        startPs: i.startPs ?? 0,
        stopPs: i.stopPs ?? Infinity,
        seed: i.seed ?? 1,
      };
    case "spike_times":
      return {
        kind: "spike_times",
        population,
        neuron: Uint32Array.from(i.neuron),
        timePs: Float64Array.from(i.timePs),
      };
    case "spike_file":
      return { kind: "spike_file", population, path: i.path, format: i.format };
  }
}

function toRecording(
  r: FixtureRecording,
  popIndex: ReadonlyMap<string, number>,
  populations: readonly IrPopulation[],
): IrRecording {
  const population = need(popIndex, r.population);
  if (r.kind === "voltage") return { kind: "voltage", population, neurons: [...r.neurons] };
  return {
    kind: "spikes",
    population,
    start: r.start ?? 0,
    end: r.end ?? populations[population]!.size,
  };
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function indexByName(
  items: readonly { readonly name: string }[],
  what: string,
): Map<string, number> {
  const map = new Map<string, number>();
  items.forEach((item, i) => {
    if (map.has(item.name)) throw new Error(`fixture: ${what} '${item.name}' is declared twice`);
    map.set(item.name, i);
  });
  return map;
}

function need(map: ReadonlyMap<string, number>, name: string): number {
  const value = map.get(name);
  if (value === undefined) throw new Error(`fixture: unknown name '${name}'`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Ready-made fixtures

/**
 * Three populations over four cores of the default 4 x 4 mesh: 4 Poisson inputs at (0,0), 6
 * excitatory neurons split over (1,0) and (3,2), 2 inhibitory at (1,0). Multicast reaches three
 * cores from the inputs; every synapse is hand-enumerated, so counts are easy to check by hand.
 */
export function smallNetworkIr(): ChipIR {
  const synapses: FixtureSynapse[] = [];
  for (let i = 0; i < 4; i++)
    for (let e = 0; e < 6; e++)
      if ((i + e) % 2 === 0)
        synapses.push({
          pre: ["in", i],
          post: ["exc", e],
          weightV: 1.5e-3 * (1 + 0.1 * i),
          delayS: 1e-3,
        });
  for (let e = 0; e < 6; e++)
    synapses.push({ pre: ["exc", e], post: ["inh", e % 2], weightV: 1.62e-3, delayS: 2e-3 });
  for (let j = 0; j < 2; j++)
    for (let e = 0; e < 6; e++)
      synapses.push({ pre: ["inh", j], post: ["exc", e], weightV: -9e-3, delayS: 1e-3 });
  return buildIr({
    name: "small",
    populations: [
      { name: "in", kind: "input", size: 4 },
      { name: "exc", size: 6, initV: [-0.06, -0.058, -0.056, -0.054, -0.052, -0.05] },
      { name: "inh", size: 2 },
    ],
    placement: [
      { population: "in", start: 0, end: 4, coreX: 0, coreY: 0 },
      { population: "exc", start: 0, end: 3, coreX: 1, coreY: 0 },
      { population: "inh", start: 0, end: 2, coreX: 1, coreY: 0 },
      { population: "exc", start: 3, end: 6, coreX: 3, coreY: 2 },
    ],
    synapses,
    inputs: [{ kind: "poisson", population: "in", ratesHz: [20, 40, 60, 80], seed: 7 }],
    recordings: [
      { kind: "spikes", population: "exc" },
      { kind: "voltage", population: "exc", neurons: [0, 5] },
    ],
  });
}

/**
 * Two populations on a 2 x 2 board of 2 x 2-core chips, so routes cross chip boundaries; a
 * plastic projection (STDP) from spike-time inputs, an adaptive model, a spike-file input, and
 * limits set to Infinity ("unlimited") to exercise every kind of field.
 */
export function multiChipIr(): ChipIR {
  const synapses: FixtureSynapse[] = [];
  for (let i = 0; i < 3; i++)
    for (let o = 0; o < 5; o++)
      synapses.push({
        pre: ["in", i],
        post: ["out", o],
        weightV: 0.5e-3 + 0.1e-3 * ((i * 5 + o) % 7),
        delayS: 1e-3 * (1 + ((i + o) % 3)),
        projection: "learn",
      });
  return buildIr({
    name: "board",
    seed: 42,
    target: {
      name: "test-board",
      chipsX: 2,
      chipsY: 2,
      meshWidth: 2,
      meshHeight: 2,
      maxSynapsesPerCore: Infinity,
      routerTableEntries: Infinity,
    },
    models: [{ name: "alif", kind: "adaptive_lif", thetaPlusV: 0.05e-3, tauThetaPs: 1e13 }],
    populations: [
      { name: "in", kind: "input", size: 3 },
      { name: "out", size: 5, model: "alif" },
      { name: "reward", kind: "input", size: 1 },
      { name: "camera", kind: "input", size: 2 },
    ],
    placement: [
      { population: "in", start: 0, end: 3, coreX: 0, coreY: 0 },
      { population: "out", start: 0, end: 2, coreX: 1, coreY: 1, chipX: 1, chipY: 0 },
      { population: "out", start: 2, end: 5, coreX: 0, coreY: 1, chipX: 1, chipY: 1 },
      { population: "reward", start: 0, end: 1, coreX: 1, coreY: 0 },
      { population: "camera", start: 0, end: 2, coreX: 1, coreY: 0 },
    ],
    projections: [{ name: "learn", plasticity: "stdp" }],
    plasticityRules: [
      {
        name: "stdp",
        kind: "reward_stdp",
        tauPlusPs: 20e9,
        tauMinusPs: 20e9,
        aPlusV: 0.01e-3,
        aMinusV: -0.012e-3,
        wMinV: 0,
        wMaxV: 1.2e-3,
        tauEligibilityPs: 200e9,
        rewardPopulation: "reward",
        rewardGain: 1,
      },
    ],
    synapses,
    inputs: [
      { kind: "spike_times", population: "in", neuron: [0, 2, 1, 0], timePs: [1e9, 2e9, 2e9, 5e9] },
      { kind: "spike_times", population: "reward", neuron: [0], timePs: [7e9] },
      { kind: "spike_file", population: "camera", path: "events/cam.aedat", format: "aedat" },
    ],
    recordings: [{ kind: "spikes", population: "out", start: 1, end: 4 }],
  });
}

/**
 * Names a browser would execute or a terminal would mangle, to check that every view escapes
 * what comes from the user's file.
 */
export function hostileNamesIr(): ChipIR {
  const evil = "<script>alert(1)</script>";
  return buildIr({
    name: `net ${evil} & "quotes" 'too'`,
    models: [{ name: `model</script><img src=x onerror=alert(2)>` }],
    populations: [
      { name: evil, size: 3 },
      { name: "Infinity", size: 2 },
      { name: "naïve ∑ 🧠", size: 1 },
    ],
    synapses: [
      { pre: [evil, 0], post: ["Infinity", 1], weightV: 1e-3, delayS: 1e-3, projection: `p<&>"'` },
      { pre: ["Infinity", 0], post: ["naïve ∑ 🧠", 0], weightV: 2e-3, delayS: 2e-3 },
    ],
  });
}

/** A network with no neurons at all: every array empty. */
export function emptyIr(): ChipIR {
  return buildIr({ name: "empty", populations: [] });
}

/** Every ready-made fixture, named, for tests that should hold for any valid IR. */
export function allFixtureIrs(): { readonly name: string; readonly ir: ChipIR }[] {
  return [
    { name: "small", ir: smallNetworkIr() },
    { name: "multi-chip", ir: multiChipIr() },
    { name: "hostile names", ir: hostileNamesIr() },
    { name: "empty", ir: emptyIr() },
  ];
}
