/**
 * Per-core figures of a candidate partition, from one pass over every synapse: synapses and
 * synaptic memory on the post side, fan-in axons (distinct source neurons entering a core),
 * fan-out entries (per source neuron, its distinct destination cores, summed over the core).
 * Sources are visited one at a time, so "seen this source already" is a stamp per core.
 *
 * A synapse costs weightBits + delayBits + ceil(log2(neurons per core)) bits: its weight, its
 * delay, and the index of its post neuron within the core (docs/targets.md).
 */
import type { ResolvedTarget } from "../../../dsl/resolved.ts";
import type { ElaboratedGraph } from "../elaborate/index.ts";
import { forEachSegment, projectionsByPreGroup } from "./rows.ts";

export interface CoreStats {
  readonly neurons: Uint32Array;
  readonly synapses: Float64Array;
  readonly memoryBits: Float64Array;
  readonly fanIn: Uint32Array;
  readonly fanOut: Float64Array;
  /** Largest number of destination cores of one neuron on the core, and that neuron. */
  readonly maxDestCores: Uint32Array;
  readonly maxDestNeuron: Uint32Array;
}

export function indexBits(target: ResolvedTarget): number {
  return Math.max(1, Math.ceil(Math.log2(Math.max(2, target.core.maxNeurons))));
}

export function synapseBits(target: ResolvedTarget, weightBits: number): number {
  return weightBits + target.precision.delayBits + indexBits(target);
}

export function coreStats(
  graph: ElaboratedGraph,
  target: ResolvedTarget,
  coreStart: Uint32Array,
  neuronCore: Uint32Array,
): CoreStats {
  const coreCount = coreStart.length - 1;
  const neurons = new Uint32Array(coreCount);
  for (let c = 0; c < coreCount; c++) neurons[c] = coreStart[c + 1]! - coreStart[c]!;
  const synapses = new Float64Array(coreCount);
  const memoryBits = new Float64Array(coreCount);
  const fanIn = new Uint32Array(coreCount);
  const fanOut = new Float64Array(coreCount);
  const maxDestCores = new Uint32Array(coreCount);
  const maxDestNeuron = new Uint32Array(coreCount);
  const lastSource = new Int32Array(coreCount).fill(-1);
  const byGroup = projectionsByPreGroup(graph);
  const bitsOf = graph.projections.map((p) => synapseBits(target, p.weights.format.bits));
  const targets = graph.target;

  for (let g = 0; g < graph.layout.groups.length; g++) {
    const group = graph.layout.groups[g]!;
    for (let s = group.offset; s < group.offset + group.size; s++) {
      let destCores = 0;
      forEachSegment(graph, byGroup, g, s, (p, start, end) => {
        const bits = bitsOf[p.index]!;
        for (let i = start; i < end; i++) {
          const c = neuronCore[targets[i]!]!;
          synapses[c]!++;
          memoryBits[c]! += bits;
          if (lastSource[c] !== s) {
            lastSource[c] = s;
            fanIn[c]!++;
            destCores++;
          }
        }
      });
      const home = neuronCore[s]!;
      fanOut[home]! += destCores;
      if (destCores > maxDestCores[home]!) {
        maxDestCores[home] = destCores;
        maxDestNeuron[home] = s;
      }
    }
  }
  return { neurons, synapses, memoryBits, fanIn, fanOut, maxDestCores, maxDestNeuron };
}

/** Per-neuron figures that no partition can lower: distinct sources, synapses, memory. */
export interface NeuronLoads {
  readonly fanIn: Uint32Array;
  readonly synapses: Uint32Array;
  readonly memoryBits: Float64Array;
}

export function neuronLoads(graph: ElaboratedGraph, target: ResolvedTarget): NeuronLoads {
  const n = graph.layout.count;
  // One 32-byte record per neuron (last source, fan-in, synapses, memory bits), so that each
  // synapse, whose target is random, touches one cache line rather than four arrays.
  const record = new Float64Array(n * 4);
  for (let t = 0; t < n; t++) record[t * 4] = -1;
  const byGroup = projectionsByPreGroup(graph);
  const bitsOf = graph.projections.map((p) => synapseBits(target, p.weights.format.bits));
  const targets = graph.target;
  for (let g = 0; g < graph.layout.groups.length; g++) {
    const group = graph.layout.groups[g]!;
    for (let s = group.offset; s < group.offset + group.size; s++) {
      forEachSegment(graph, byGroup, g, s, (p, start, end) => {
        const bits = bitsOf[p.index]!;
        for (let i = start; i < end; i++) {
          const at = targets[i]! * 4;
          record[at + 2]!++;
          record[at + 3]! += bits;
          if (record[at] !== s) {
            record[at] = s;
            record[at + 1]!++;
          }
        }
      });
    }
  }
  const fanIn = new Uint32Array(n);
  const synapses = new Uint32Array(n);
  const memoryBits = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    fanIn[t] = record[t * 4 + 1]!;
    synapses[t] = record[t * 4 + 2]!;
    memoryBits[t] = record[t * 4 + 3]!;
  }
  return { fanIn, synapses, memoryBits };
}
