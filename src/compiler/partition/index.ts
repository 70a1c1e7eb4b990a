/**
 * Partitioning: cuts the logical neuron line into core-sized ranges. A core holds a contiguous
 * range of logical ids (so it may hold the end of one population and the start of the next),
 * which keeps logical ids equal to hardware ids all the way to the IR.
 *
 * Start from dense ranges of `neuronsPerCore` (the target's neurons per core, at most 2^16: see
 * limits.ts), measure every limit (partition/stats.ts), split each core that breaks one, and
 * measure again: fan-in and fan-out depend on where the cuts fall, so this repeats until nothing
 * breaks. Limits a single neuron already breaks are reported up front, because no amount of
 * splitting fixes them.
 */
import type { ResolvedTarget } from "../../../dsl/resolved.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { ElaboratedGraph } from "../elaborate/index.ts";
import { coreStats, neuronLoads, type CoreStats } from "./stats.ts";
import {
  checkSingleNeurons,
  checkRestrictions,
  neuronsPerCore,
  reportTooManyCores,
} from "./limits.ts";
import { makeDiagnostic, mappingDiagnostics } from "../../diagnostics/catalogue/index.ts";

export interface Partition {
  readonly coreCount: number;
  /** Core c holds logical ids [coreStart[c], coreStart[c + 1]). */
  readonly coreStart: Uint32Array;
  readonly neuronCore: Uint32Array;
  readonly stats: CoreStats;
  readonly rounds: number;
}

/** Splitting stops after this many rounds; each round at least halves every offending core. */
const MAX_ROUNDS = 40;

export function availableCores(target: ResolvedTarget): number {
  return target.chipsX * target.chipsY * target.meshWidth * target.meshHeight;
}

export function partition(
  graph: ElaboratedGraph,
  target: ResolvedTarget,
  diagnostics: Diagnostic[],
): Partition | undefined {
  const loads = neuronLoads(graph, target);
  if (!checkSingleNeurons(graph, target, loads, diagnostics)) return undefined;

  const available = availableCores(target);
  let cuts = denseCuts(graph.layout.count, neuronsPerCore(target));
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const neuronCore = coreOfNeuron(cuts, graph.layout.count);
    const stats = coreStats(graph, target, cuts, neuronCore);
    const factors = splitFactors(stats, target);
    const coreCount = cuts.length - 1;

    if (factors === undefined) {
      if (coreCount > available) {
        reportTooManyCores(graph, target, cuts, stats, diagnostics);
        return undefined;
      }
      if (!checkRestrictions(graph, target, cuts, neuronCore, stats, diagnostics)) return undefined;
      return { coreCount, coreStart: cuts, neuronCore, stats, rounds: round };
    }

    // A single neuron whose fan-out breaks the limit stays that way however we cut.
    for (let c = 0; c < coreCount; c++) {
      if (factors[c]! > 1 && stats.neurons[c] === 1) {
        reportSingleNeuronFanOut(graph, target, c, stats, diagnostics);
        return undefined;
      }
    }
    cuts = splitCores(cuts, factors);
    // Far more cores than the target has cannot come back under the limit by splitting further.
    if (cuts.length - 1 > 4 * available) {
      const next = coreOfNeuron(cuts, graph.layout.count);
      reportTooManyCores(graph, target, cuts, coreStats(graph, target, cuts, next), diagnostics);
      return undefined;
    }
  }
  diagnostics.push(
    makeDiagnostic(mappingDiagnostics.internal, [
      `partitioning did not settle after ${MAX_ROUNDS} rounds`,
    ]),
  );
  return undefined;
}

function denseCuts(count: number, maxNeurons: number): Uint32Array {
  const cores = Math.max(1, Math.ceil(count / maxNeurons));
  const cuts = new Uint32Array(cores + 1);
  for (let c = 0; c <= cores; c++) cuts[c] = Math.min(count, c * maxNeurons);
  return cuts;
}

export function coreOfNeuron(cuts: Uint32Array, count: number): Uint32Array {
  const neuronCore = new Uint32Array(count);
  for (let c = 0; c + 1 < cuts.length; c++) neuronCore.fill(c, cuts[c]!, cuts[c + 1]!);
  return neuronCore;
}

/**
 * How many pieces each core must become; undefined when every core fits. Synapses, memory and
 * fan-out shrink roughly in proportion to the neurons, so the ratio to the limit is the factor;
 * fan-in need not shrink (random sources stay distinct), so it halves and measures again.
 */
function splitFactors(stats: CoreStats, target: ResolvedTarget): Uint32Array | undefined {
  const limits = target.core;
  const maxNeurons = neuronsPerCore(target);
  const coreCount = stats.neurons.length;
  const factors = new Uint32Array(coreCount).fill(1);
  let any = false;
  for (let c = 0; c < coreCount; c++) {
    let k = 1;
    k = Math.max(k, Math.ceil(stats.neurons[c]! / maxNeurons));
    k = Math.max(k, Math.ceil(stats.synapses[c]! / limits.maxSynapses));
    k = Math.max(k, Math.ceil(stats.memoryBits[c]! / limits.synapticMemoryBits));
    k = Math.max(k, Math.ceil(stats.fanOut[c]! / limits.maxFanOutEntries));
    if (stats.fanIn[c]! > limits.maxFanInAxons) k = Math.max(k, 2);
    k = Math.min(k, stats.neurons[c]!);
    if (k > 1 || isOver(stats, c, target)) {
      factors[c] = Math.max(k, 1);
      any = true;
    }
  }
  return any ? factors : undefined;
}

function isOver(stats: CoreStats, c: number, target: ResolvedTarget): boolean {
  const l = target.core;
  return (
    stats.neurons[c]! > neuronsPerCore(target) ||
    stats.synapses[c]! > l.maxSynapses ||
    stats.memoryBits[c]! > l.synapticMemoryBits ||
    stats.fanIn[c]! > l.maxFanInAxons ||
    stats.fanOut[c]! > l.maxFanOutEntries
  );
}

function splitCores(cuts: Uint32Array, factors: Uint32Array): Uint32Array {
  const next: number[] = [cuts[0]!];
  for (let c = 0; c + 1 < cuts.length; c++) {
    const start = cuts[c]!;
    const size = cuts[c + 1]! - start;
    const k = factors[c]!;
    for (let piece = 1; piece <= k; piece++) next.push(start + Math.round((size * piece) / k));
  }
  return Uint32Array.from(next);
}

function reportSingleNeuronFanOut(
  graph: ElaboratedGraph,
  target: ResolvedTarget,
  core: number,
  stats: CoreStats,
  diagnostics: Diagnostic[],
): void {
  const neuron = stats.maxDestNeuron[core]!;
  const group = graph.layout.groups.find((g) => neuron >= g.offset && neuron < g.offset + g.size)!;
  diagnostics.push(
    makeDiagnostic(
      mappingDiagnostics.neuronFanOutTooLarge,
      [group.name, stats.maxDestCores[core]!, neuron - group.offset, target.core.maxFanOutEntries],
      {
        span: group.span,
        help: `lower the fan-out of '${group.name}' or give its targets fewer cores`,
      },
    ),
  );
}
