/**
 * Encodes a run state as the payload of the `run.state` section (layout in run-state-layout.ts).
 * The directory is written in schema order and the arrays as their raw bytes, so the same state
 * always gives the same bytes.
 */
import { RUN_STATE_ARRAYS, RUN_STATE_TYPES, RUN_STATE_VERSION } from "../ir/run-state.ts";
import type { IrRunState } from "../ir/run-state.ts";
import { encodeJson } from "./json-schema.ts";
import {
  RUN_STATE_PREFIX_BYTES,
  arrayOffsets,
  directorySchema,
  type RunStateDirectory,
} from "./run-state-layout.ts";

/** The section payload; empty when there is no run state. */
export function encodeRunState(state: IrRunState | undefined): Uint8Array {
  if (state === undefined) return new Uint8Array(0);

  const arrays = RUN_STATE_ARRAYS.map((spec) => {
    const array: unknown = state.arrays[spec.name];
    // A wrong array here is a bug in whoever built the state, not a problem of a user's file.
    if (!(array instanceof RUN_STATE_TYPES[spec.type]))
      throw new Error(`run state array '${spec.name}' is not a ${spec.type} array`);
    return { spec, array };
  });
  const directory: RunStateDirectory = {
    version: RUN_STATE_VERSION,
    mode: state.mode,
    runSeed: state.runSeed,
    nowPs: state.nowPs,
    horizonPs: state.horizonPs,
    nextSeq: state.nextSeq,
    arrays: arrays.map(({ spec, array }) => ({
      name: spec.name,
      type: spec.type,
      count: array.length,
    })),
  };
  const json = new TextEncoder().encode(JSON.stringify(encodeJson(directory, directorySchema)));
  const { offsets, end } = arrayOffsets(json.length, directory.arrays);

  const out = new Uint8Array(end);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, RUN_STATE_PREFIX_BYTES);
  arrays.forEach(({ array }, k) =>
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offsets[k]!),
  );
  return out;
}
