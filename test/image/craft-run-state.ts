/**
 * Tools for making broken run state sections on purpose, written from the layout in
 * docs/image-format.md with plain DataView code (independent of src/image): split a section into
 * its directory and arrays, change one thing, lay it out again, and put it back into the image
 * with every checksum right.
 */
import { SECTION_IDS, assemble, entryOf, splitSections } from "./craft.ts";

export interface CraftedArray {
  name: string;
  type: string;
  count: number;
  payload: Uint8Array;
}

export interface CraftedRunState {
  /** The directory JSON, with its `arrays` list rebuilt from `arrays` unless told otherwise. */
  directory: Record<string, unknown>;
  arrays: CraftedArray[];
}

const BYTES: Readonly<Record<string, number>> = { u8: 1, i32: 4, u32: 4, f64: 8 };

export function parseRunState(blob: Uint8Array): CraftedRunState {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const jsonBytes = view.getUint32(0, true);
  const directory = JSON.parse(new TextDecoder().decode(blob.subarray(8, 8 + jsonBytes))) as Record<
    string,
    unknown
  >;
  let at = 8 + jsonBytes;
  const arrays = (directory["arrays"] as { name: string; type: string; count: number }[]).map(
    (a) => {
      at = Math.ceil(at / 8) * 8;
      const length = a.count * BYTES[a.type]!;
      const payload = blob.slice(at, at + length);
      at += length;
      return { ...a, payload };
    },
  );
  return { directory, arrays };
}

/** Lays a run state out again; `listed` replaces the directory's array list when given. */
export function layoutRunState(
  state: CraftedRunState,
  listed: readonly unknown[] = state.arrays.map(({ name, type, count }) => ({ name, type, count })),
): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify({ ...state.directory, arrays: listed }));
  let end = 8 + json.length;
  const offsets = state.arrays.map((a) => {
    const at = Math.ceil(end / 8) * 8;
    end = at + a.payload.length;
    return at;
  });
  const blob = new Uint8Array(end);
  new DataView(blob.buffer).setUint32(0, json.length, true);
  blob.set(json, 8);
  state.arrays.forEach((a, k) => blob.set(a.payload, offsets[k]!));
  return blob;
}

/** The run state section's payload of an image. */
export function runStateBlob(image: Uint8Array): Uint8Array {
  return splitSections(image).find((s) => s.id === SECTION_IDS["run.state"])!.payload;
}

/** The image with its run state section replaced by `blob`, checksums recomputed. */
export function withRunStateBlob(image: Uint8Array, blob: Uint8Array): Uint8Array {
  const sections = splitSections(image);
  const section = sections.find((s) => s.id === SECTION_IDS["run.state"])!;
  section.payload = blob;
  section.count = blob.length;
  return assemble(sections);
}

/** Parses the image's run state, lets `edit` change it, and writes it back. */
export function editRunState(
  image: Uint8Array,
  edit: (state: CraftedRunState) => void,
): Uint8Array {
  const state = parseRunState(runStateBlob(image));
  edit(state);
  return withRunStateBlob(image, layoutRunState(state));
}

/** Byte offset in the image where array `name` of the run state starts. */
export function runStateArrayOffset(image: Uint8Array, name: string): number {
  const blob = runStateBlob(image);
  let at = 8 + new DataView(blob.buffer).getUint32(0, true);
  for (const a of parseRunState(blob).arrays) {
    at = Math.ceil(at / 8) * 8;
    if (a.name === name) return entryOf(image, "run.state").offset + at;
    at += a.payload.length;
  }
  throw new Error(`no run state array ${name}`);
}

/** Replaces the elements of one array (same type, any length; the count follows). */
export function setArray(state: CraftedRunState, name: string, values: ArrayBufferView): void {
  const array = state.arrays.find((a) => a.name === name)!;
  array.payload = new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
  array.count = values.byteLength / BYTES[array.type]!;
}

/** A typed view of one array's elements, to change them in place. */
export function arrayOf<T>(
  state: CraftedRunState,
  name: string,
  Type: { new (buffer: ArrayBuffer): T },
): T {
  return new Type(state.arrays.find((a) => a.name === name)!.payload.buffer as ArrayBuffer);
}
