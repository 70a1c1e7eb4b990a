/**
 * Fan-out entries, once the partition has fixed which core every neuron lives on. Each source's
 * row is put in the IR's order (by destination core, then projection) in place, each run of
 * synapses sharing (destination core, projection) becomes one fan-out entry, and each synapse's
 * post neuron becomes its slot within that core (the partition keeps cores within 2^16 neurons).
 *
 * Rows produced by the connectors are usually in order already (targets ascend and cores hold
 * ascending ranges), so a row is sorted only when a check finds it out of order. This is a hot
 * loop over every synapse; it stays in one function for speed.
 */
import type { ElaboratedGraph } from "../elaborate/index.ts";
import type { Partition } from "./index.ts";
import { forEachSegment, projectionsByPreGroup } from "./rows.ts";

export interface FanOut {
  readonly entryCount: number;
  /** Entries of source s: [fanOutStart[s], fanOutStart[s + 1]). */
  readonly fanOutStart: Uint32Array;
  readonly fanOutCore: Uint32Array;
  readonly fanOutProjection: Uint16Array;
  /** Synapses of entry e: [synStart[e], synStart[e + 1]), indices into the graph's arrays. */
  readonly synStart: Uint32Array;
  /** Per synapse of the graph (in its sorted order): the post neuron's index within its core. */
  readonly targetSlot: Uint16Array;
}

/**
 * `expectedEntries` sizes the arrays (the partition's distinct (source, core) pairs, a lower
 * bound); they grow if several projections reach the same core from one source.
 */
export function buildFanOut(
  graph: ElaboratedGraph,
  partition: Pick<Partition, "neuronCore" | "coreStart">,
  expectedEntries: number,
): FanOut {
  const { neuronCore, coreStart } = partition;
  const n = graph.layout.count;
  const byGroup = projectionsByPreGroup(graph);
  const projectionCount = Math.max(1, graph.projections.length);
  let capacity = Math.max(16, Math.ceil(expectedEntries));
  let fanOutCore = new Uint32Array(capacity);
  let fanOutProjection = new Uint16Array(capacity);
  let synStart = new Uint32Array(capacity + 1);
  const fanOutStart = new Uint32Array(n + 1);
  const targetSlot = new Uint16Array(graph.synapseCount);

  let longest = 0;
  for (let s = 0; s < n; s++)
    longest = Math.max(longest, graph.rowStart[s + 1]! - graph.rowStart[s]!);
  const keys = new Float64Array(longest);
  const scratch = {
    target: new Uint32Array(longest),
    weight: new Int16Array(longest),
    delay: new Uint16Array(longest),
  };

  let entries = 0;
  for (let g = 0; g < graph.layout.groups.length; g++) {
    const group = graph.layout.groups[g]!;
    for (let s = group.offset; s < group.offset + group.size; s++) {
      fanOutStart[s] = entries;
      const rowBegin = graph.rowStart[s]!;
      const rowEnd = graph.rowStart[s + 1]!;
      if (rowEnd === rowBegin) continue;

      // Key of each synapse: destination core, then projection.
      let sorted = true;
      let previous = -1;
      forEachSegment(graph, byGroup, g, s, (p, start, end) => {
        for (let i = start; i < end; i++) {
          const key = neuronCore[graph.target[i]!]! * projectionCount + p.index;
          keys[i - rowBegin] = key;
          if (key < previous) sorted = false;
          previous = key;
        }
      });
      if (!sorted) sortRow(graph, rowBegin, rowEnd, keys, scratch);

      // Runs of equal keys are entries; a slot counts from the first neuron of the entry's core.
      let coreBase = 0;
      for (let i = rowBegin; i < rowEnd; i++) {
        const key = keys[i - rowBegin]!;
        if (i === rowBegin || key !== keys[i - rowBegin - 1]) {
          if (entries === capacity) {
            capacity = Math.ceil(capacity * 1.25) + 16;
            fanOutCore = grow(fanOutCore, capacity);
            fanOutProjection = grow(fanOutProjection, capacity);
            synStart = grow(synStart, capacity + 1);
          }
          const core = Math.floor(key / projectionCount);
          fanOutCore[entries] = core;
          fanOutProjection[entries] = key % projectionCount;
          synStart[entries] = i;
          entries++;
          coreBase = coreStart[core]!;
        }
        targetSlot[i] = graph.target[i]! - coreBase;
      }
    }
  }
  fanOutStart[n] = entries;
  synStart[entries] = graph.synapseCount;
  // The expected count is exact for one projection per pair: then no copy is made, which at a
  // hundred million entries saves a gigabyte of transient memory.
  const exact = entries === capacity;
  return {
    entryCount: entries,
    fanOutStart,
    fanOutCore: exact ? fanOutCore : fanOutCore.slice(0, entries),
    fanOutProjection: exact ? fanOutProjection : fanOutProjection.slice(0, entries),
    synStart: exact ? synStart : synStart.slice(0, entries + 1),
    targetSlot,
  };
}

/** Stable sort of one row by key, applied to targets, weights and delays together. */
function sortRow(
  graph: ElaboratedGraph,
  begin: number,
  end: number,
  keys: Float64Array,
  scratch: { target: Uint32Array; weight: Int16Array; delay: Uint16Array },
): void {
  const length = end - begin;
  const order = Array.from({ length }, (_, i) => i);
  order.sort((a, b) => keys[a]! - keys[b]! || a - b);
  const sortedKeys = order.map((i) => keys[i]!);
  for (let k = 0; k < length; k++) {
    const from = begin + order[k]!;
    scratch.target[k] = graph.target[from]!;
    scratch.weight[k] = graph.weight[from]!;
    scratch.delay[k] = graph.delay[from]!;
  }
  graph.target.set(scratch.target.subarray(0, length), begin);
  graph.weight.set(scratch.weight.subarray(0, length), begin);
  graph.delay.set(scratch.delay.subarray(0, length), begin);
  keys.set(sortedKeys, 0);
}

function grow<T extends Uint32Array | Uint16Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}

/** Calls `visit(core)` for each distinct destination core of source s, in ascending order. */
export function forEachDestination(fanOut: FanOut, s: number, visit: (core: number) => void): void {
  let previous = -1;
  for (let e = fanOut.fanOutStart[s]!; e < fanOut.fanOutStart[s + 1]!; e++) {
    const core = fanOut.fanOutCore[e]!;
    if (core !== previous) visit(core);
    previous = core;
  }
}
