/**
 * Flat index of the plastic synapses of a ChipIR, built once when an emulator starts.
 *
 * The IR stores synapses by source (CSR by fan-out entry). Learning also needs them by target:
 * a post spike touches every incoming plastic synapse of its neuron. Plastic synapses get dense
 * *slots* 0..slotCount-1 in synapse order (a plastic fan-out entry's synapses are consecutive, so
 * its slots are too); the transposed index lists, for each post neuron, its incoming slots in
 * ascending order, which fixes the order of updates and makes them deterministic.
 */
import type { ChipIR } from "../../src/ir/types.ts";

export interface PlasticIndex {
  readonly slotCount: number;
  /** Per synapse: its slot, or -1 when the synapse is static. */
  readonly slotOfSynapse: Int32Array;
  /** Per slot: its synapse id, post neuron, fan-out entry and rule index. */
  readonly slotSynapse: Uint32Array;
  readonly slotPost: Uint32Array;
  readonly slotEntry: Uint32Array;
  readonly slotRule: Uint16Array;
  /** Per fan-out entry: rule index, or -1 when the entry's projection is static. */
  readonly entryRule: Int32Array;
  /** Per fan-out entry: its projection's volts per weight LSB. */
  readonly entryLsbV: Float64Array;
  /** Transposed index: slots of post neuron n are postSlots[postStart[n] .. postStart[n+1]). */
  readonly postStart: Uint32Array;
  readonly postSlots: Uint32Array;
  /** Per rule: its slots, ruleSlots[ruleStart[r] .. ruleStart[r+1]), for reward delivery. */
  readonly ruleStart: Uint32Array;
  readonly ruleSlots: Uint32Array;
  /** Per rule: whether any synapse uses it (post traces are kept only for those). */
  readonly ruleUsed: Uint8Array;
}

export function buildPlasticIndex(ir: ChipIR): PlasticIndex {
  const syn = ir.synapses;
  const entryCount = syn.fanOutProjection.length;
  const ruleCount = ir.plasticityRules.length;

  const entryRule = new Int32Array(entryCount);
  const entryLsbV = new Float64Array(entryCount);
  let slotCount = 0;
  for (let e = 0; e < entryCount; e++) {
    const projection = ir.projections[syn.fanOutProjection[e]!]!;
    entryRule[e] = projection.plasticity;
    entryLsbV[e] = projection.weightLsbV;
    if (projection.plasticity >= 0) slotCount += syn.synStart[e + 1]! - syn.synStart[e]!;
  }

  // Slots in synapse order: walking entries in order visits synapse ids in ascending order.
  const slotOfSynapse = new Int32Array(slotCount > 0 ? syn.count : 0).fill(-1);
  const slotSynapse = new Uint32Array(slotCount);
  const slotPost = new Uint32Array(slotCount);
  const slotEntry = new Uint32Array(slotCount);
  const slotRule = new Uint16Array(slotCount);
  const ruleUsed = new Uint8Array(ruleCount);
  let slot = 0;
  for (let e = 0; e < entryCount; e++) {
    const rule = entryRule[e]!;
    if (rule < 0) continue;
    ruleUsed[rule] = 1;
    // The synapse's targetSlot (not a plastic slot) counts from its destination core's start.
    const postBase = ir.cores[syn.fanOutCore[e]!]!.neuronStart;
    for (let s = syn.synStart[e]!; s < syn.synStart[e + 1]!; s++) {
      slotOfSynapse[s] = slot;
      slotSynapse[slot] = s;
      slotPost[slot] = postBase + syn.targetSlot[s]!;
      slotEntry[slot] = e;
      slotRule[slot] = rule;
      slot++;
    }
  }

  const [postStart, postSlots] = groupSlots(slotPost, ir.neurons.count);
  const [ruleStart, ruleSlots] = groupSlots(slotRule, ruleCount);
  return {
    slotCount,
    slotOfSynapse,
    slotSynapse,
    slotPost,
    slotEntry,
    slotRule,
    entryRule,
    entryLsbV,
    postStart,
    postSlots,
    ruleStart,
    ruleSlots,
    ruleUsed,
  };
}

/** Counting sort of slots by a key: CSR start offsets and the slots in ascending order per key. */
function groupSlots(keyOfSlot: ArrayLike<number>, keyCount: number): [Uint32Array, Uint32Array] {
  const start = new Uint32Array(keyCount + 1);
  for (let i = 0; i < keyOfSlot.length; i++) start[keyOfSlot[i]! + 1]!++;
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;

  const fill = start.slice(0, keyCount);
  const slots = new Uint32Array(keyOfSlot.length);
  for (let i = 0; i < keyOfSlot.length; i++) slots[fill[keyOfSlot[i]!]!++] = i;
  return [start, slots];
}
