/**
 * The compact binary spike file (`spikes.antspk`) and its reader. All numbers little-endian:
 *
 *   offset 0   8 bytes  magic "ANTSPK1\0"
 *   offset 8   u32      P, number of populations
 *   offset 12  u32      N, number of spikes (so at most 2^32 - 1 per file)
 *   offset 16  P times: u32 size, u16 name length L in bytes, L bytes of UTF-8 name
 *   then       N x u32  population index (into the table above)
 *              N x u32  neuron index within the population
 *              N x f64  time in integer picoseconds
 *
 * Columns rather than records, so a reader can hand each column to a plotting tool as is;
 * 16 bytes per spike. The writer's bytes depend only on its input.
 */
import { Parser } from "binary-parser";
import { eventFileDiagnostics as codes } from "../../../src/diagnostics/catalogue/event-files.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { atByte, describeStart } from "../events/located.ts";
import type { SpikeTable } from "./spike-table.ts";

export const SPIKE_BINARY_MAGIC = "ANTSPK1\0";
const FIXED_HEADER_BYTES = 16;
const ENTRY_HEAD_BYTES = 6;
const BYTES_PER_SPIKE = 16;

export function encodeSpikeBinary(table: SpikeTable): Uint8Array {
  const names = table.populations.map((p) => new TextEncoder().encode(p.name));
  const tableBytes = names.reduce((n, name) => n + ENTRY_HEAD_BYTES + name.length, 0);
  const n = table.timePs.length;
  const bytes = new Uint8Array(FIXED_HEADER_BYTES + tableBytes + n * BYTES_PER_SPIKE);
  const view = new DataView(bytes.buffer);

  for (let i = 0; i < 8; i++) bytes[i] = SPIKE_BINARY_MAGIC.charCodeAt(i);
  view.setUint32(8, table.populations.length, true);
  view.setUint32(12, n, true);
  let at = FIXED_HEADER_BYTES;
  table.populations.forEach((p, i) => {
    const name = names[i] as Uint8Array;
    view.setUint32(at, p.size, true);
    view.setUint16(at + 4, name.length, true);
    bytes.set(name, at + ENTRY_HEAD_BYTES);
    at += ENTRY_HEAD_BYTES + name.length;
  });

  for (let k = 0; k < n; k++) view.setUint32(at + 4 * k, table.population[k] as number, true);
  at += 4 * n;
  for (let k = 0; k < n; k++) view.setUint32(at + 4 * k, table.neuron[k] as number, true);
  at += 4 * n;
  for (let k = 0; k < n; k++) view.setFloat64(at + 8 * k, table.timePs[k] as number, true);
  return bytes;
}

const fixedHeader = new Parser()
  .endianness("little")
  .seek(8)
  .uint32("populationCount")
  .uint32("spikeCount");

const entryHead = new Parser().endianness("little").uint32("size").uint16("nameBytes");

export interface SpikeBinaryResult {
  readonly spikes?: SpikeTable;
  readonly diagnostics: Diagnostic[];
}

export function decodeSpikeBinary(bytes: Uint8Array, file: string): SpikeBinaryResult {
  const refuse = (d: Diagnostic): SpikeBinaryResult => ({ diagnostics: [d] });
  if (!hasMagic(bytes)) {
    return refuse(atByte(codes.badMagic, ["ANTSPK1\\x00", describeStart(bytes, 8)], file, 0));
  }
  if (bytes.length < FIXED_HEADER_BYTES) {
    const args = ["the 16-byte header", bytes.length, FIXED_HEADER_BYTES];
    return refuse(atByte(codes.truncatedRecord, args, file, 0));
  }
  const head = fixedHeader.parse(bytes.subarray(0, FIXED_HEADER_BYTES)) as {
    populationCount: number;
    spikeCount: number;
  };

  let at = FIXED_HEADER_BYTES;
  if (head.populationCount * ENTRY_HEAD_BYTES > bytes.length - at) {
    const most = Math.floor((bytes.length - at) / ENTRY_HEAD_BYTES);
    const args = ["population count", head.populationCount, `at most ${most} for this file size`];
    return refuse(atByte(codes.sizeOutOfRange, args, file, 8));
  }
  const populations: { name: string; size: number }[] = [];
  for (let p = 0; p < head.populationCount; p++) {
    if (bytes.length - at < ENTRY_HEAD_BYTES) {
      const args = ["a population entry", bytes.length - at, ENTRY_HEAD_BYTES];
      return refuse(atByte(codes.truncatedRecord, args, file, at));
    }
    const entry = entryHead.parse(bytes.subarray(at, at + ENTRY_HEAD_BYTES)) as {
      size: number;
      nameBytes: number;
    };
    const nameStart = at + ENTRY_HEAD_BYTES;
    if (bytes.length - nameStart < entry.nameBytes) {
      const args = ["a population name", bytes.length - nameStart, entry.nameBytes];
      return refuse(atByte(codes.truncatedRecord, args, file, nameStart));
    }
    const name = new TextDecoder().decode(bytes.subarray(nameStart, nameStart + entry.nameBytes));
    populations.push({ name, size: entry.size });
    at = nameStart + entry.nameBytes;
  }

  const n = head.spikeCount;
  const expectedBytes = n * BYTES_PER_SPIKE;
  if (bytes.length - at !== expectedBytes) {
    const fit = (bytes.length - at) / BYTES_PER_SPIKE;
    const args = ["spike count", n, `${fit} (16 bytes per spike follow the table)`];
    return refuse(atByte(codes.sizeOutOfRange, args, file, 12));
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const population = new Uint32Array(n);
  const neuron = new Uint32Array(n);
  const timePs = new Float64Array(n);
  const neuronAt = at + 4 * n;
  const timeAt = at + 8 * n;
  for (let k = 0; k < n; k++) {
    const p = view.getUint32(at + 4 * k, true);
    const entry = populations[p];
    if (entry === undefined) {
      const args = ["population index", p, `below ${populations.length}`];
      return refuse(atByte(codes.sizeOutOfRange, args, file, at + 4 * k));
    }
    const i = view.getUint32(neuronAt + 4 * k, true);
    if (i >= entry.size) {
      const args = [`neuron index in '${entry.name}'`, i, `below ${entry.size}`];
      return refuse(atByte(codes.sizeOutOfRange, args, file, neuronAt + 4 * k));
    }
    const t = view.getFloat64(timeAt + 8 * k, true);
    if (!(Number.isSafeInteger(t) && t >= 0)) {
      const args = ["spike time", t, "a whole non-negative number of picoseconds"];
      return refuse(atByte(codes.sizeOutOfRange, args, file, timeAt + 8 * k));
    }
    population[k] = p;
    neuron[k] = i;
    timePs[k] = t;
  }
  return { spikes: { populations, population, neuron, timePs }, diagnostics: [] };
}

function hasMagic(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < 8; i++) if (bytes[i] !== SPIKE_BINARY_MAGIC.charCodeAt(i)) return false;
  return true;
}
