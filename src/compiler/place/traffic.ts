/**
 * Core-to-core traffic: one message per spike per distinct destination core (multicast forks in
 * the routers, so a source pays once per core it reaches, not once per synapse). The placer sees
 * it as an undirected weighted graph in CSR form; messages to a neuron's own core are free.
 */
import type { FanOut } from "../partition/fanout.ts";
import { forEachDestination } from "../partition/fanout.ts";

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

export function coreTraffic(
  fanOut: FanOut,
  neuronCore: Uint32Array,
  coreCount: number,
  rates: Float64Array,
): CoreTraffic {
  const pairs = new Map<number, number>();
  const coreRateHz = new Float64Array(coreCount);
  for (let s = 0; s < neuronCore.length; s++) {
    const rate = rates[s]!;
    const home = neuronCore[s]!;
    coreRateHz[home]! += rate;
    if (rate === 0) continue;
    forEachDestination(fanOut, s, (dest) => {
      if (dest === home) return;
      const a = Math.min(home, dest);
      const b = Math.max(home, dest);
      const key = a * coreCount + b;
      pairs.set(key, (pairs.get(key) ?? 0) + rate);
    });
  }

  // Sorted keys make the adjacency order, and so the annealer's choices, independent of the map.
  const keys = [...pairs.keys()].sort((x, y) => x - y);
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
    const w = pairs.get(key)!;
    neighbour[fill[a]!] = b;
    weightHz[fill[a]!++] = w;
    neighbour[fill[b]!] = a;
    weightHz[fill[b]!++] = w;
  }
  return { coreCount, start, neighbour, weightHz, coreRateHz };
}
