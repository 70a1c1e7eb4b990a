/**
 * Synaptic batches: the unit of work of one delivery event. A batch is a maximal run of
 * consecutive synapses of one fan-out entry that share a delay value, so one event applies all
 * of them at emission time + that delay (read from the batch's first synapse). When every entry
 * has a single delay (the common case, and the compiler's output for uniform delays) batches are
 * exactly the fan-out entries: the IR's `synStart` array is reused and the two maps between
 * entries and batches are left out, so batches cost no memory at all. Mixed delays cost two
 * Uint32 per batch and one per entry.
 */
import type { ChipIR } from "../../src/ir/types.ts";

export interface SynapseBatches {
  readonly count: number;
  /** Synapses of batch b: [batchStart[b], batchStart[b + 1]). */
  readonly batchStart: Uint32Array;
  /**
   * Batches of fan-out entry e: [entryFirstBatch[e], entryFirstBatch[e + 1]); undefined when
   * batches are the entries themselves (batch e is entry e).
   */
  readonly entryFirstBatch: Uint32Array | undefined;
  /** Fan-out entry of each batch; undefined when batches are the entries themselves. */
  readonly batchEntry: Uint32Array | undefined;
}

export function buildBatches(ir: ChipIR): SynapseBatches {
  const { synStart, delay } = ir.synapses;
  const entries = synStart.length - 1;

  // 1. Count batches; most images have one per entry.
  let count = 0;
  for (let e = 0; e < entries; e++) {
    const from = synStart[e]!;
    const to = synStart[e + 1]!;
    if (from === to) continue;
    count++;
    for (let s = from + 1; s < to; s++) if (delay[s] !== delay[s - 1]) count++;
  }

  // Empty entries would break the identity layout, so they force the general one.
  let uniform = count === entries;
  for (let e = 0; uniform && e < entries; e++) if (synStart[e] === synStart[e + 1]) uniform = false;
  if (uniform)
    return { count, batchStart: synStart, entryFirstBatch: undefined, batchEntry: undefined };

  // 2. General layout: split entries where the delay changes.
  const batchStart = new Uint32Array(count + 1);
  const entryFirstBatch = new Uint32Array(entries + 1);
  const batchEntry = new Uint32Array(count);
  let b = 0;
  for (let e = 0; e < entries; e++) {
    entryFirstBatch[e] = b;
    const from = synStart[e]!;
    const to = synStart[e + 1]!;
    for (let s = from; s < to; s++) {
      if (s === from || delay[s] !== delay[s - 1]) {
        batchStart[b] = s;
        batchEntry[b] = e;
        b++;
      }
    }
  }
  entryFirstBatch[entries] = b;
  batchStart[count] = synStart[entries]!;
  return { count, batchStart, entryFirstBatch, batchEntry };
}
