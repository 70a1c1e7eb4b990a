/**
 * Core-to-core traffic: one message per spike per distinct destination core (multicast forks in
 * the routers, so a source pays once per core it reaches, not once per synapse). The placer sees
 * it as an undirected weighted graph in CSR form; messages to a neuron's own core are free.
 */
import type { FanOut } from "../partition/fanout.ts";

export interface CoreTraffic {
  readonly coreCount: number;
  /** Neighbours of core c: [start[c], start[c + 1]) in `neighbour` and `weightHz`. */
  readonly start: Uint32Array;
  readonly neighbour: Uint32Array;
  /** Messages per second between the two cores, both directions together. */
  readonly weightHz: Float64Array;
  /** Spikes per second leaving each core. */
  readonly coreRateHz: Float64Array;
}

/** Up to this many cores the pair weights live in a dense matrix (32 MiB at the limit). */
const DENSE_CORE_LIMIT = 2048;

export function coreTraffic(
  fanOut: FanOut,
  neuronCore: Uint32Array,
  coreCount: number,
  rates: Float64Array,
): CoreTraffic {
  const coreRateHz = new Float64Array(coreCount);
  const dense = coreCount <= DENSE_CORE_LIMIT ? new Float64Array(coreCount * coreCount) : undefined;
  const pairs = new Map<number, number>();
  const { fanOutStart, fanOutCore } = fanOut;
  for (let s = 0; s < neuronCore.length; s++) {
    const rate = rates[s]!;
    const home = neuronCore[s]!;
    coreRateHz[home]! += rate;
    if (rate === 0) continue;
    let previous = -1;
    for (let e = fanOutStart[s]!; e < fanOutStart[s + 1]!; e++) {
      const dest = fanOutCore[e]!;
      if (dest === previous) continue;
      previous = dest;
      if (dest === home) continue;
      const key = home < dest ? home * coreCount + dest : dest * coreCount + home;
      if (dense !== undefined) dense[key]! += rate;
      else pairs.set(key, (pairs.get(key) ?? 0) + rate);
    }
  }

  // Ascending keys make the adjacency order, and so the annealer's choices, independent of the
  // container.
  let keys: number[];
  if (dense !== undefined) {
    keys = [];
    for (let key = 0; key < dense.length; key++) if (dense[key] !== 0) keys.push(key);
  } else keys = [...pairs.keys()].sort((x, y) => x - y);
  const weightOf = (key: number): number => (dense !== undefined ? dense[key]! : pairs.get(key)!);
  const degree = new Uint32Array(coreCount + 1);
  for (const key of keys) {
    degree[Math.floor(key / coreCount)]!++;
    degree[key % coreCount]!++;
  }
  const start = new Uint32Array(coreCount + 1);
  for (let c = 0; c < coreCount; c++) start[c + 1] = start[c]! + degree[c]!;
  const fill = start.slice(0, coreCount);
  const neighbour = new Uint32Array(start[coreCount]!);
  const weightHz = new Float64Array(start[coreCount]!);
  for (const key of keys) {
    const a = Math.floor(key / coreCount);
    const b = key % coreCount;
    const w = weightOf(key);
    neighbour[fill[a]!] = b;
    weightHz[fill[a]!++] = w;
    neighbour[fill[b]!] = a;
    weightHz[fill[b]!++] = w;
  }
  return { coreCount, start, neighbour, weightHz, coreRateHz };
}
