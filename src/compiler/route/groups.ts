/**
 * Route groups: the neurons of one core that reach the same set of destination cores share one
 * multicast tree (and one routing-table entry per router on it). Groups depend only on the
 * partition, not on placement, so placement quality and routing both use them.
 *
 * Groups are numbered in order of their first neuron. Finding a neuron's group is a lookup in
 * one open-addressing hash table over (core, destination set), with the sets compared in place
 * in the fan-out arrays: no strings or per-neuron objects, since a random network has about one
 * group per neuron.
 */
import type { FanOut } from "../partition/fanout.ts";

export interface RouteGroups {
  readonly count: number;
  /** Group of each neuron, -1 when its spikes go nowhere. */
  readonly neuronGroup: Int32Array;
  readonly core: Uint32Array;
  /** Destination cores of group g: destCore[destStart[g] .. destStart[g + 1]), ascending. */
  readonly destStart: Uint32Array;
  readonly destCore: Uint32Array;
  /** Summed spike rate of the group's neurons. */
  readonly rateHz: Float64Array;
  /** One neuron of the group, to name its population in messages. */
  readonly firstNeuron: Uint32Array;
}

export function routeGroups(
  fanOut: FanOut,
  neuronCore: Uint32Array,
  rates: Float64Array,
): RouteGroups {
  const n = neuronCore.length;
  const { fanOutStart, fanOutCore } = fanOut;
  const neuronGroup = new Int32Array(n).fill(-1);

  // At most one group per neuron. A group's destinations are those of its first neuron, read
  // from the fan-out entries (sorted by core, so duplicates are adjacent) until the end.
  const core = new Uint32Array(n);
  const length = new Uint32Array(n);
  const rateHz = new Float64Array(n);
  const firstNeuron = new Uint32Array(n);
  const hashOf = new Uint32Array(n);
  let tableBits = 4;
  while (1 << tableBits < 2 * n) tableBits++;
  const table = new Int32Array(1 << tableBits).fill(-1);
  const mask = (1 << tableBits) - 1;
  let count = 0;
  let total = 0;

  for (let s = 0; s < n; s++) {
    const home = neuronCore[s]!;
    const begin = fanOutStart[s]!;
    const end = fanOutStart[s + 1]!;
    let distinct = 0;
    let hash = Math.imul(home ^ 0x9e3779b9, 0x85ebca6b);
    let previous = -1;
    for (let e = begin; e < end; e++) {
      const c = fanOutCore[e]!;
      if (c === previous) continue;
      previous = c;
      distinct++;
      hash = Math.imul(hash ^ c, 0x01000193) ^ (hash >>> 15);
    }
    if (distinct === 0) continue;
    hash = (hash ^ distinct) >>> 0;

    // Probe for an equal set on the same core.
    let slot = hash & mask;
    let g = -1;
    for (;;) {
      const candidate = table[slot]!;
      if (candidate < 0) break;
      if (
        hashOf[candidate] === hash &&
        core[candidate] === home &&
        length[candidate] === distinct
      ) {
        const other = firstNeuron[candidate]!;
        if (
          sameDestinations(fanOutCore, fanOutStart[other]!, fanOutStart[other + 1]!, begin, end)
        ) {
          g = candidate;
          break;
        }
      }
      slot = (slot + 1) & mask;
    }
    if (g < 0) {
      g = count++;
      table[slot] = g;
      hashOf[g] = hash;
      core[g] = home;
      length[g] = distinct;
      firstNeuron[g] = s;
      total += distinct;
    }
    neuronGroup[s] = g;
    rateHz[g]! += rates[s]!;
  }

  const destStart = new Uint32Array(count + 1);
  for (let g = 0; g < count; g++) destStart[g + 1] = destStart[g]! + length[g]!;
  return {
    count,
    neuronGroup,
    core: core.slice(0, count),
    destStart,
    destCore: destinationList(fanOut, firstNeuron, count, total),
    rateHz: rateHz.slice(0, count),
    firstNeuron: firstNeuron.slice(0, count),
  };
}

/**
 * The groups' destinations, concatenated. When there are as many as fan-out entries, every
 * neuron with spikes to send leads its own group and no entry repeats a core: the list is then
 * the fan-out's own core array, shared rather than copied (a random network at 1M neurons would
 * otherwise copy 400 MB).
 */
function destinationList(
  fanOut: FanOut,
  firstNeuron: Uint32Array,
  count: number,
  total: number,
): Uint32Array {
  const { fanOutStart, fanOutCore } = fanOut;
  if (total === fanOut.entryCount && fanOutCore.length === total) return fanOutCore;
  const destCore = new Uint32Array(total);
  let at = 0;
  for (let g = 0; g < count; g++) {
    const s = firstNeuron[g]!;
    let previous = -1;
    for (let e = fanOutStart[s]!; e < fanOutStart[s + 1]!; e++) {
      const c = fanOutCore[e]!;
      if (c !== previous) destCore[at++] = c;
      previous = c;
    }
  }
  return destCore;
}

/** Whether two runs of fan-out entries reach the same cores (runs sorted, repeats adjacent). */
function sameDestinations(
  cores: Uint32Array,
  a: number,
  aEnd: number,
  b: number,
  bEnd: number,
): boolean {
  let previousA = -1;
  let previousB = -1;
  for (;;) {
    while (a < aEnd && cores[a] === previousA) a++;
    while (b < bEnd && cores[b] === previousB) b++;
    if (a === aEnd || b === bEnd) return a === aEnd && b === bEnd;
    if (cores[a] !== cores[b]) return false;
    previousA = cores[a++]!;
    previousB = cores[b++]!;
  }
}
