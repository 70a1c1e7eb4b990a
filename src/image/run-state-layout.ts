/**
 * Byte layout of the `run.state` section (docs/image-format.md, "The run state section"), shared
 * by its writer and reader:
 *
 *   0       u32   J, length of the directory in bytes
 *   4       u32   reserved, 0
 *   8       J     directory: UTF-8 JSON, the scalars and the list of arrays (schema below)
 *   ...           each array in directory order, raw little-endian, starting at the next
 *                 multiple of 8 from the start of the section; the gaps are 0
 *
 * The section ends where the last array ends. An empty section (0 bytes) means "no run state".
 */
import { RUN_STATE_VERSION, type RunStateElement } from "../ir/run-state.ts";
import { arrayOf, int, obj, oneOf, str, type Schema } from "./json-schema.ts";
import { alignUp } from "./format.ts";

export const RUN_STATE_PREFIX_BYTES = 8;

export const RUN_STATE_ELEMENT_BYTES: Readonly<Record<RunStateElement, number>> = {
  u8: 1,
  i32: 4,
  u32: 4,
  f64: 8,
};

export interface RunStateDirectory {
  readonly version: number;
  readonly mode: "float" | "fixed";
  readonly runSeed: number;
  readonly nowPs: number;
  readonly horizonPs: number;
  readonly nextSeq: number;
  readonly arrays: readonly {
    readonly name: string;
    readonly type: RunStateElement;
    readonly count: number;
  }[];
}

export const directorySchema: Schema = obj({
  version: int({ min: RUN_STATE_VERSION }),
  mode: oneOf("float", "fixed"),
  runSeed: int({ min: 0 }),
  nowPs: int({ min: 0 }),
  horizonPs: int({ min: 0 }),
  nextSeq: int({ min: 0 }),
  arrays: arrayOf(
    obj({ name: str, type: oneOf("u8", "i32", "u32", "f64"), count: int({ min: 0 }) }),
  ),
});

/** Where each listed array starts (bytes from the section start) and where the last one ends. */
export function arrayOffsets(
  directoryBytes: number,
  arrays: RunStateDirectory["arrays"],
): { offsets: number[]; end: number } {
  let end = RUN_STATE_PREFIX_BYTES + directoryBytes;
  const offsets = arrays.map((a) => {
    const at = alignUp(end);
    end = at + a.count * RUN_STATE_ELEMENT_BYTES[a.type];
    return at;
  });
  return { offsets, end };
}
