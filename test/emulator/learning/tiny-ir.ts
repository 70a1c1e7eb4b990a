/**
 * Test helper: builds a minimal, valid ChipIR by hand (one core, no routes) with the synapses and
 * plasticity rules a learning test needs, so the kernels are tested without the compiler.
 */
import type { ChipIR, IrPlasticityRule, IrTarget } from "../../../src/ir/types.ts";

export const MS_PS = 1e9;

export interface TinySynapse {
  readonly pre: number;
  readonly post: number;
  readonly projection: number;
  readonly weightLsb: number;
}

export interface TinyProjection {
  readonly plasticity: number;
  readonly weightLsbV: number;
}

export interface TinyNetwork {
  readonly neuronCount: number;
  /** Population of each neuron (default 0); populations are named p0, p1, ... */
  readonly neuronPopulation?: readonly number[];
  readonly projections: readonly TinyProjection[];
  readonly synapses: readonly TinySynapse[];
  readonly rules: readonly IrPlasticityRule[];
  readonly learningWeightBits?: number;
  readonly learningRounding?: "nearest" | "stochastic";
}

export function stdpRule(overrides: Partial<IrPlasticityRule> = {}): IrPlasticityRule {
  return {
    name: "stdp",
    kind: "stdp",
    tauPlusPs: 20 * MS_PS,
    tauMinusPs: 30 * MS_PS,
    aPlusV: 1e-3,
    aMinusV: 1.2e-3,
    wMinV: 0,
    wMaxV: 0.05,
    tauEligibilityPs: 1000 * MS_PS,
    rewardPopulation: -1,
    rewardGain: 0,
    ...overrides,
  };
}

export function tinyIr(net: TinyNetwork): ChipIR {
  // CSR by source, then by projection: one fan-out entry per (source, projection) on one core.
  const sorted = [...net.synapses].sort((a, b) => a.pre - b.pre || a.projection - b.projection);
  const fanOutStart = new Uint32Array(net.neuronCount + 1);
  const entryProjection: number[] = [];
  const synStart: number[] = [];
  let s = 0;
  for (let n = 0; n < net.neuronCount; n++) {
    fanOutStart[n] = entryProjection.length;
    while (s < sorted.length && sorted[s]!.pre === n) {
      const projection = sorted[s]!.projection;
      entryProjection.push(projection);
      synStart.push(s);
      while (s < sorted.length && sorted[s]!.pre === n && sorted[s]!.projection === projection) s++;
    }
  }
  fanOutStart[net.neuronCount] = entryProjection.length;
  synStart.push(sorted.length);

  const populationOf = net.neuronPopulation ?? new Array<number>(net.neuronCount).fill(0);
  const populationCount = Math.max(...populationOf) + 1;
  const target: IrTarget = {
    name: "tiny",
    chipsX: 1,
    chipsY: 1,
    meshWidth: 1,
    meshHeight: 1,
    maxNeuronsPerCore: 1024,
    maxSynapsesPerCore: 1 << 20,
    synapticMemoryBitsPerCore: 1 << 24,
    maxFanInAxonsPerCore: 4096,
    maxFanOutEntriesPerCore: 4096,
    routerTableEntries: 1024,
    weightBits: 8,
    stateBits: 16,
    delayBits: 6,
    delayResolutionPs: 1e9,
    decayBits: 12,
    learningRules: ["stdp", "reward_stdp"],
    learningWeightBits: net.learningWeightBits ?? 8,
    learningRounding: net.learningRounding ?? "nearest",
    energy: {
      synOpJ: 23.6e-12,
      neuronUpdateJ: 81e-12,
      neuronUpdateIdleJ: 52e-12,
      spikeOutJ: 1.7e-12,
      hopEastWestJ: 3e-12,
      hopNorthSouthJ: 4e-12,
      chipHopJ: 0,
      learnUpdateJ: 120e-12,
      barrierJ: 0,
      staticPowerPerCoreW: 0,
    },
    timing: {
      synOpPs: 3500,
      neuronUpdatePs: 8400,
      spikeOutPs: 2100,
      hopEastWestPs: 4100,
      hopNorthSouthPs: 6500,
      chipHopPs: 0,
      learnUpdatePs: 6100,
      barrierPs: 0,
    },
  };

  const index = new Uint32Array(net.neuronCount);
  const seen = new Array<number>(populationCount).fill(0);
  for (let n = 0; n < net.neuronCount; n++) index[n] = seen[populationOf[n]!]!++;

  return {
    formatVersion: 1,
    name: "tiny",
    seed: 1,
    target,
    models: [],
    populations: seen.map((size, p) => ({
      name: `p${p}`,
      kind: "population" as const,
      size,
      shape: [size],
      model: -1,
    })),
    projections: net.projections.map((p, i) => ({
      name: `proj${i}`,
      pre: 0,
      post: 0,
      receptor: "exc" as const,
      plasticity: p.plasticity,
      weightLsbV: p.weightLsbV,
      synapseCount: sorted.filter((x) => x.projection === i).length,
      quantisation: { maxRelativeError: 0, meanRelativeError: 0, roundedToZero: 0, saturated: 0 },
    })),
    plasticityRules: net.rules,
    cores: [
      {
        chipX: 0,
        chipY: 0,
        x: 0,
        y: 0,
        router: 0,
        neuronStart: 0,
        neuronCount: net.neuronCount,
        synapseCount: sorted.length,
        fanInAxons: 0,
        fanOutEntries: entryProjection.length,
        synapticMemoryBits: 0,
        estimatedSpikeRateHz: 0,
      },
    ],
    slices: [],
    neurons: {
      count: net.neuronCount,
      population: Uint16Array.from(populationOf),
      index,
      core: new Uint32Array(net.neuronCount),
      initV: new Float64Array(net.neuronCount),
      initGExcV: new Float64Array(net.neuronCount),
      initGInhV: new Float64Array(net.neuronCount),
      initThetaV: new Float64Array(net.neuronCount),
    },
    synapses: {
      count: sorted.length,
      fanOutStart,
      fanOutCore: new Uint32Array(entryProjection.length),
      fanOutProjection: Uint16Array.from(entryProjection),
      synStart: Uint32Array.from(synStart),
      // One core starting at neuron 0: a slot is the hardware id.
      targetSlot: Uint16Array.from(sorted.map((x) => x.post)),
      weight: Int16Array.from(sorted.map((x) => x.weightLsb)),
      delay: new Uint16Array(sorted.length),
    },
    routes: {
      count: 0,
      neuronRoute: new Int32Array(net.neuronCount).fill(-1),
      nodeStart: new Uint32Array(1),
      nodeRouter: new Uint32Array(0),
      nodeParent: new Int32Array(0),
      nodePorts: new Uint8Array(0),
    },
    inputs: [],
    recordings: [],
    mapping: {
      coresUsed: 1,
      placer: "none",
      placement: {
        meanHops: 0,
        maxHops: 0,
        busiestLinkHz: 0,
        chipCrossingsHz: 0,
        crossCoreSpikesHz: 0,
      },
      naivePlacement: {
        meanHops: 0,
        maxHops: 0,
        busiestLinkHz: 0,
        chipCrossingsHz: 0,
        crossCoreSpikesHz: 0,
      },
      maxRoutingEntries: 0,
    },
  };
}

/** Delivers a spike of source neuron `pre` to all its plastic fan-out entries, as the engine would. */
export function deliver(
  engine: { onPreSpikeDelivered(e: number, from: number, to: number, t: number): void },
  ir: ChipIR,
  pre: number,
  tPs: number,
): void {
  const syn = ir.synapses;
  for (let e = syn.fanOutStart[pre]!; e < syn.fanOutStart[pre + 1]!; e++) {
    if (ir.projections[syn.fanOutProjection[e]!]!.plasticity < 0) continue;
    engine.onPreSpikeDelivered(e, syn.synStart[e]!, syn.synStart[e + 1]!, tPs);
  }
}
