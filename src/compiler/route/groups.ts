/**
 * Route groups: the neurons of one core that reach the same set of destination cores share one
 * multicast tree (and one routing-table entry per router on it). Groups depend only on the
 * partition, not on placement, so placement quality and routing both use them.
 */
import type { FanOut } from "../partition/fanout.ts";
import { forEachDestination } from "../partition/fanout.ts";

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
  const neuronGroup = new Int32Array(n).fill(-1);
  const core: number[] = [];
  const destStart: number[] = [0];
  const destCore: number[] = [];
  const rateHz: number[] = [];
  const firstNeuron: number[] = [];
  let keyToGroup = new Map<string, number>();
  let currentCore = -1;
  const dests: number[] = [];

  for (let s = 0; s < n; s++) {
    if (neuronCore[s] !== currentCore) {
      currentCore = neuronCore[s]!;
      keyToGroup = new Map();
    }
    dests.length = 0;
    forEachDestination(fanOut, s, (c) => dests.push(c));
    if (dests.length === 0) continue;
    const key = dests.join(",");
    let g = keyToGroup.get(key);
    if (g === undefined) {
      g = core.length;
      keyToGroup.set(key, g);
      core.push(currentCore);
      destCore.push(...dests);
      destStart.push(destCore.length);
      rateHz.push(0);
      firstNeuron.push(s);
    }
    neuronGroup[s] = g;
    rateHz[g]! += rates[s]!;
  }
  return {
    count: core.length,
    neuronGroup,
    core: Uint32Array.from(core),
    destStart: Uint32Array.from(destStart),
    destCore: Uint32Array.from(destCore),
    rateHz: Float64Array.from(rateHz),
    firstNeuron: Uint32Array.from(firstNeuron),
  };
}
