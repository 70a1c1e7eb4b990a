/**
 * Tools for making broken images on purpose. They read and write the layout of
 * docs/image-format.md with plain DataView code, independent of src/image, so a test can change
 * one thing (a count, an offset, a JSON field) and still have every checksum right, reaching the
 * check it means to exercise instead of the CRC check.
 */
import { crc32 } from "node:zlib";

export const HEADER = 32;
export const ENTRY = 32;

export interface RawSection {
  id: number;
  type: number;
  count: number;
  payload: Uint8Array;
}

export interface TableEntry {
  readonly index: number;
  /** Byte offset of the table entry itself. */
  readonly at: number;
  readonly id: number;
  readonly offset: number;
  readonly length: number;
  readonly count: number;
}

export const SECTION_IDS: Readonly<Record<string, number>> = {
  meta: 1,
  "neuron.population": 16,
  "neuron.index": 17,
  "neuron.init_v": 18,
  "neuron.init_g_exc": 19,
  "neuron.init_g_inh": 20,
  "neuron.init_theta": 21,
  "fanout.start": 32,
  "fanout.core": 33,
  "fanout.projection": 34,
  "synapse.start": 35,
  "synapse.target": 36,
  "synapse.slot": 39,
  "synapse.weight": 37,
  "synapse.delay": 38,
  "route.neuron": 48,
  "route.node_start": 49,
  "route.node_router": 50,
  "route.node_parent": 51,
  "route.node_ports": 52,
  "input.rates_hz": 64,
  "input.spike_neuron": 65,
  "input.spike_time_ps": 66,
  "run.state": 80,
};

export function tableEntries(bytes: Uint8Array): TableEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(12, true);
  return Array.from({ length: n }, (_, index) => {
    const at = HEADER + index * ENTRY;
    return {
      index,
      at,
      id: view.getUint16(at, true),
      offset: Number(view.getBigUint64(at + 8, true)),
      length: Number(view.getBigUint64(at + 16, true)),
      count: Number(view.getBigUint64(at + 24, true)),
    };
  });
}

export function entryOf(bytes: Uint8Array, name: string): TableEntry {
  const id = SECTION_IDS[name];
  const found = tableEntries(bytes).find((e) => e.id === id);
  if (found === undefined) throw new Error(`no section ${name}`);
  return found;
}

export function splitSections(bytes: Uint8Array): RawSection[] {
  return tableEntries(bytes).map((e) => ({
    id: e.id,
    type: bytes[e.at + 2]!,
    count: e.count,
    payload: bytes.slice(e.offset, e.offset + e.length),
  }));
}

/** The format version in an image's header. */
export function versionOf(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint16(8, true);
}

/** Lays sections out the way the format describes, with correct CRCs throughout. */
export function assemble(sections: readonly RawSection[], version = 3): Uint8Array {
  const align = (v: number): number => Math.ceil(v / 8) * 8;
  let end = HEADER + sections.length * ENTRY;
  const offsets = sections.map((s) => {
    const offset = align(end);
    end = offset + s.payload.length;
    return offset;
  });
  const image = new Uint8Array(align(end));
  const view = new DataView(image.buffer);
  sections.forEach((s, i) => {
    const at = HEADER + i * ENTRY;
    image.set(s.payload, offsets[i]!);
    view.setUint16(at, s.id, true);
    view.setUint8(at + 2, s.type);
    view.setBigUint64(at + 8, BigInt(offsets[i]!), true);
    view.setBigUint64(at + 16, BigInt(s.payload.length), true);
    view.setBigUint64(at + 24, BigInt(s.count), true);
  });
  image.set([0x41, 0x4e, 0x54, 0x49, 0x4d, 0x47, 0, 0], 0);
  view.setUint16(8, version, true);
  view.setUint32(12, sections.length, true);
  view.setBigUint64(16, BigInt(image.length), true);
  return fixCrcs(image);
}

/** Recomputes every section CRC and then the header's table CRC, in place. */
export function fixCrcs(image: Uint8Array): Uint8Array {
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  for (const e of tableEntries(image)) {
    if (e.offset + e.length > image.length) continue;
    view.setUint32(e.at + 4, crc32(image.subarray(e.offset, e.offset + e.length)) >>> 0, true);
  }
  const tableEnd = HEADER + tableEntries(image).length * ENTRY;
  if (tableEnd <= image.length) {
    const covered = new Uint8Array(24 + tableEnd - HEADER);
    covered.set(image.subarray(0, 24), 0);
    covered.set(image.subarray(HEADER, tableEnd), 24);
    view.setUint32(24, crc32(covered) >>> 0, true);
  }
  return image;
}

/** Rebuilds an image after editing its parsed metadata JSON. */
export function editMeta(
  bytes: Uint8Array,
  edit: (meta: Record<string, unknown>) => void,
): Uint8Array {
  const sections = splitSections(bytes);
  const meta = sections.find((s) => s.id === SECTION_IDS["meta"])!;
  const json = JSON.parse(new TextDecoder().decode(meta.payload)) as Record<string, unknown>;
  edit(json);
  meta.payload = new TextEncoder().encode(JSON.stringify(json));
  meta.count = meta.payload.length;
  return assemble(sections, versionOf(bytes));
}

/** Rebuilds an image after editing one array section's elements (same element type). */
export function editArray<T extends ArrayBufferView>(
  bytes: Uint8Array,
  name: string,
  Type: { new (buffer: ArrayBuffer): T },
  edit: (array: T) => void,
): Uint8Array {
  const sections = splitSections(bytes);
  const section = sections.find((s) => s.id === SECTION_IDS[name])!;
  const copy = section.payload.slice();
  edit(new Type(copy.buffer));
  section.payload = copy;
  return assemble(sections, versionOf(bytes));
}

/**
 * A version 3 image rewritten in the layout of version 2 (or 1): each synapse's post neuron as a
 * u32 hardware id in 'synapse.target', the destination core's first neuron plus the slot, in
 * place of the u16 'synapse.slot'; version 1 also has no run state section.
 */
export function asOlderVersion(bytes: Uint8Array, version: 1 | 2): Uint8Array {
  const sections = splitSections(bytes);
  const byName = (name: string): RawSection => sections.find((s) => s.id === SECTION_IDS[name])!;
  const meta = JSON.parse(new TextDecoder().decode(byName("meta").payload)) as {
    cores: { neuronStart: number }[];
  };
  const view = <T>(name: string, Type: { new (buffer: ArrayBuffer): T }): T =>
    new Type(byName(name).payload.slice().buffer);
  const fanOutCore = view("fanout.core", Uint32Array);
  const synStart = view("synapse.start", Uint32Array);
  const slot = view("synapse.slot", Uint16Array);

  const target = new Uint32Array(slot.length);
  for (let e = 0; e < fanOutCore.length; e++)
    for (let s = synStart[e]!; s < synStart[e + 1]!; s++)
      target[s] = meta.cores[fanOutCore[e]!]!.neuronStart + slot[s]!;
  const older = sections
    .filter((s) => version > 1 || s.id !== SECTION_IDS["run.state"])
    .map((s) =>
      s.id === SECTION_IDS["synapse.slot"]
        ? {
            id: SECTION_IDS["synapse.target"]!,
            type: 5,
            count: target.length,
            payload: new Uint8Array(target.buffer),
          }
        : s,
    );
  return assemble(older, version);
}

export { seededRandom } from "../helpers/seeded-random.ts";
