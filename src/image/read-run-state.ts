/**
 * Reads the `run.state` section (layout in run-state-layout.ts) back into an IrRunState, after
 * the rest of the image has been read and checked. Stages, each gating the next, every refusal
 * naming the byte offset:
 *   1. prefix and directory: lengths inside the section, reserved word 0, JSON of the schema;
 *   2. the array list: exactly the arrays of RUN_STATE_ARRAYS, in order, of their element types;
 *   3. layout: the arrays end where the section ends, the gaps between them are 0;
 *   4. counts: each array as long as the image (and the snapshot's own sizes) imply;
 *   5. values (src/ir/run-state-check.ts).
 * Sizes come from the directory only after stage 3 has tied them to the section's length, so a
 * hostile directory cannot make the reader allocate.
 */
import { imageDiagnostics as D } from "../diagnostics/catalogue/index.ts";
import {
  RUN_STATE_ARRAYS,
  RUN_STATE_COUNT_MEANING,
  RUN_STATE_TYPES,
  expectedCounts,
  trainSpikeCount,
  type IrRunState,
  type RunStateArrays,
} from "../ir/run-state.ts";
import { checkRunStateValues, describeRunStateProblem } from "../ir/run-state-check.ts";
import type { ChipIR } from "../ir/types.ts";
import { fail, type ReadContext } from "./failure.ts";
import { SchemaMismatch, decodeJson } from "./json-schema.ts";
import type { SectionEntry } from "./read-table.ts";
import {
  RUN_STATE_ELEMENT_BYTES,
  RUN_STATE_PREFIX_BYTES,
  arrayOffsets,
  directorySchema,
  type RunStateDirectory,
} from "./run-state-layout.ts";

type AnyArray = Uint8Array | Int32Array | Uint32Array | Float64Array;

/** The run state of an image, or undefined when its section is empty. */
export function readRunState(
  bytes: Uint8Array,
  section: SectionEntry,
  ir: ChipIR,
  context: ReadContext,
  copy: boolean,
): IrRunState | undefined {
  if (section.length === 0) return undefined;
  const base = section.offset;
  const { directory, directoryBytes } = readDirectory(bytes, section, context);

  // 2. The array list.
  const listed = directory.arrays;
  if (listed.length !== RUN_STATE_ARRAYS.length)
    fail(
      context,
      D.runStateDirectory,
      [`it lists ${listed.length} arrays; expected ${RUN_STATE_ARRAYS.length}`],
      base + RUN_STATE_PREFIX_BYTES,
    );
  RUN_STATE_ARRAYS.forEach((spec, k) => {
    const entry = listed[k]!;
    if (entry.name !== spec.name)
      fail(context, D.runStateArrayName, [k, entry.name, spec.name], base + RUN_STATE_PREFIX_BYTES);
    if (entry.type !== spec.type)
      fail(
        context,
        D.runStateArrayType,
        [spec.name, entry.type, spec.type],
        base + RUN_STATE_PREFIX_BYTES,
      );
  });

  // 3. Layout: the section holds exactly the listed arrays, zero between them.
  const { offsets, end } = arrayOffsets(directoryBytes, listed);
  if (end !== section.length) fail(context, D.runStateLength, [section.length, end], base);
  let cursor = RUN_STATE_PREFIX_BYTES + directoryBytes;
  listed.forEach((entry, k) => {
    checkZero(bytes, base + cursor, base + offsets[k]!, context);
    cursor = offsets[k]! + entry.count * RUN_STATE_ELEMENT_BYTES[entry.type];
  });

  // 4. Counts.
  const arrays = Object.fromEntries(
    RUN_STATE_ARRAYS.map((spec, k) => [
      spec.name,
      typedArray(bytes, base + offsets[k]!, spec.type, listed[k]!.count, copy),
    ]),
  ) as unknown as RunStateArrays;
  const counts = expectedCounts(ir, {
    queue: arrays["queue.time_ps"].length,
    trains: arrays["train.length"].length,
    trainSpikes: trainSpikeCount(arrays["train.length"]),
  });
  RUN_STATE_ARRAYS.forEach((spec, k) => {
    const expected = counts[spec.count];
    const found = listed[k]!.count;
    if (found !== expected)
      fail(
        context,
        D.runStateArrayCount,
        [spec.name, found, `${expected} (${RUN_STATE_COUNT_MEANING[spec.count]})`],
        base + offsets[k]!,
      );
  });

  // 5. Values.
  const { mode, runSeed, nowPs, horizonPs, nextSeq } = directory;
  const state: IrRunState = { mode, runSeed, nowPs, horizonPs, nextSeq, arrays };
  const problem = checkRunStateValues(ir, state);
  if (problem !== undefined) {
    const k = RUN_STATE_ARRAYS.findIndex((spec) => spec.name === problem.array);
    const elementBytes = k < 0 ? 0 : RUN_STATE_ELEMENT_BYTES[RUN_STATE_ARRAYS[k]!.type];
    const at =
      k < 0
        ? base + RUN_STATE_PREFIX_BYTES
        : base + offsets[k]! + (problem.index ?? 0) * elementBytes;
    fail(context, D.runStateValue, [describeRunStateProblem(problem)], at);
  }
  return state;
}

/** Stage 1: the prefix and the JSON directory. */
function readDirectory(
  bytes: Uint8Array,
  section: SectionEntry,
  context: ReadContext,
): { directory: RunStateDirectory; directoryBytes: number } {
  const base = section.offset;
  if (section.length < RUN_STATE_PREFIX_BYTES)
    fail(context, D.runStateTooShort, [section.length, RUN_STATE_PREFIX_BYTES], base);
  const view = new DataView(bytes.buffer, bytes.byteOffset + base, section.length);
  const directoryBytes = view.getUint32(0, true);
  const reserved = view.getUint32(4, true);
  if (reserved !== 0)
    fail(context, D.reservedNotZero, ["word of the run state", reserved], base + 4);
  if (RUN_STATE_PREFIX_BYTES + directoryBytes > section.length)
    fail(
      context,
      D.runStateTooShort,
      [section.length, RUN_STATE_PREFIX_BYTES + directoryBytes],
      base,
    );

  const at = base + RUN_STATE_PREFIX_BYTES;
  let json: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(
      bytes.subarray(at, at + directoryBytes),
    );
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    fail(context, D.runStateDirectory, [`it is not UTF-8 JSON (${reason})`], at);
  }
  try {
    return { directory: decodeJson(json, directorySchema) as RunStateDirectory, directoryBytes };
  } catch (error) {
    if (!(error instanceof SchemaMismatch)) throw error;
    const why = `'${error.path}' is ${error.found}; expected ${error.expected}`;
    return fail(context, D.runStateDirectory, [why], at);
  }
}

/** A view of an array inside the file when aligned (and not asked to copy), else a copy. */
function typedArray(
  bytes: Uint8Array,
  offset: number,
  type: keyof typeof RUN_STATE_TYPES,
  count: number,
  copy: boolean,
): AnyArray {
  const Type = RUN_STATE_TYPES[type];
  const address = bytes.byteOffset + offset;
  if (!copy && address % Type.BYTES_PER_ELEMENT === 0)
    return new Type(bytes.buffer as ArrayBuffer, address, count);
  const copied = bytes.slice(offset, offset + count * Type.BYTES_PER_ELEMENT);
  return new Type(copied.buffer, 0, count);
}

function checkZero(bytes: Uint8Array, from: number, to: number, context: ReadContext): void {
  for (let i = from; i < to; i++)
    if (bytes[i] !== 0) fail(context, D.runStatePadding, [i, bytes[i]!], i);
}
