/**
 * Writes a ChipIR as a chip image of the current version (docs/image-format.md): header, section
 * table, the JSON metadata section, one raw little-endian section per large array and the run
 * state section (empty unless the IR carries a paused run), each 8-byte aligned and zero-padded.
 * The output depends only on the IR's values, so writing twice gives the same bytes.
 */
import type { ChipIR } from "../ir/types.ts";
import { crc32 } from "./crc32.ts";
import {
  EntryOffset,
  HEADER_BYTES,
  HeaderOffset,
  IMAGE_MAGIC,
  IMAGE_VERSION,
  TABLE_ENTRY_BYTES,
  alignUp,
  sectionsOf,
  type CurrentSectionName,
} from "./format.ts";
import { encodeJson } from "./json-schema.ts";
import { metaOf, metaSchema } from "./meta.ts";
import { encodeRunState } from "./write-run-state.ts";

type Payload = { readonly bytes: Uint8Array; readonly count: number };

/** Typed arrays are little-endian on every platform Node supports in practice; checked here. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function writeImage(ir: ChipIR): Uint8Array {
  if (!LITTLE_ENDIAN) throw new Error("chip images can only be written on little-endian hosts");
  const payloads = sectionPayloads(ir);
  const sections = sectionsOf(IMAGE_VERSION);
  const payloadOf = (name: string): Payload => payloads[name as CurrentSectionName];

  // 1. Lay out: header, table, then the sections in table order, each aligned.
  const tableEnd = HEADER_BYTES + sections.length * TABLE_ENTRY_BYTES;
  const offsets: number[] = [];
  let end = tableEnd;
  for (const spec of sections) {
    const offset = alignUp(end);
    offsets.push(offset);
    end = offset + payloadOf(spec.name).bytes.length;
  }
  const fileBytes = alignUp(end);

  // 2. Copy the sections and fill the table.
  const image = new Uint8Array(fileBytes);
  const view = new DataView(image.buffer);
  sections.forEach((spec, i) => {
    const { bytes, count } = payloadOf(spec.name);
    const offset = offsets[i]!;
    image.set(bytes, offset);
    const at = HEADER_BYTES + i * TABLE_ENTRY_BYTES;
    view.setUint16(at + EntryOffset.id, spec.id, true);
    view.setUint8(at + EntryOffset.elementType, spec.type);
    view.setUint32(at + EntryOffset.crc, crc32(bytes), true);
    view.setBigUint64(at + EntryOffset.offset, BigInt(offset), true);
    view.setBigUint64(at + EntryOffset.length, BigInt(bytes.length), true);
    view.setBigUint64(at + EntryOffset.count, BigInt(count), true);
  });

  // 3. The header, whose CRC covers its first 24 bytes and the whole table.
  image.set(IMAGE_MAGIC, HeaderOffset.magic);
  view.setUint16(HeaderOffset.version, IMAGE_VERSION, true);
  view.setUint16(HeaderOffset.flags, 0, true);
  view.setUint32(HeaderOffset.sectionCount, sections.length, true);
  view.setBigUint64(HeaderOffset.fileBytes, BigInt(fileBytes), true);
  view.setUint32(HeaderOffset.tableCrc, tableCrc(image, sections.length), true);
  return image;
}

/** CRC-32 of header bytes [0, 24) followed by the section table. */
export function tableCrc(image: Uint8Array, sectionCount: number): number {
  const tableEnd = HEADER_BYTES + sectionCount * TABLE_ENTRY_BYTES;
  const covered = new Uint8Array(HeaderOffset.tableCrc + (tableEnd - HEADER_BYTES));
  covered.set(image.subarray(0, HeaderOffset.tableCrc), 0);
  covered.set(image.subarray(HEADER_BYTES, tableEnd), HeaderOffset.tableCrc);
  return crc32(covered);
}

function sectionPayloads(ir: ChipIR): Record<CurrentSectionName, Payload> {
  const json = JSON.stringify(encodeJson(metaOf(ir), metaSchema));
  const rates: Float64Array[] = [];
  const spikeNeurons: Uint32Array[] = [];
  const spikeTimes: Float64Array[] = [];
  for (const input of ir.inputs) {
    if (input.kind === "poisson") rates.push(input.ratesHz);
    if (input.kind === "spike_times") {
      if (input.neuron.length !== input.timePs.length)
        throw new Error("a spike_times input has different numbers of neurons and times");
      spikeNeurons.push(input.neuron);
      spikeTimes.push(input.timePs);
    }
  }

  const { neurons, synapses, routes } = ir;
  const utf8 = new TextEncoder().encode(json);
  const runState = encodeRunState(ir.runState);
  return {
    meta: { bytes: utf8, count: utf8.length },
    "neuron.population": raw(neurons.population),
    "neuron.index": raw(neurons.index),
    "neuron.init_v": raw(neurons.initV),
    "neuron.init_g_exc": raw(neurons.initGExcV),
    "neuron.init_g_inh": raw(neurons.initGInhV),
    "neuron.init_theta": raw(neurons.initThetaV),
    "fanout.start": raw(synapses.fanOutStart),
    "fanout.core": raw(synapses.fanOutCore),
    "fanout.projection": raw(synapses.fanOutProjection),
    "synapse.start": raw(synapses.synStart),
    "synapse.slot": raw(synapses.targetSlot),
    "synapse.weight": raw(synapses.weight),
    "synapse.delay": raw(synapses.delay),
    "route.neuron": raw(routes.neuronRoute),
    "route.node_start": raw(routes.nodeStart),
    "route.node_router": raw(routes.nodeRouter),
    "route.node_parent": raw(routes.nodeParent),
    "route.node_ports": raw(routes.nodePorts),
    "input.rates_hz": raw(concat(rates, Float64Array)),
    "input.spike_neuron": raw(concat(spikeNeurons, Uint32Array)),
    "input.spike_time_ps": raw(concat(spikeTimes, Float64Array)),
    "run.state": { bytes: runState, count: runState.length },
  };
}

function raw(array: ArrayBufferView & { readonly length: number }): Payload {
  return {
    bytes: new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
    count: array.length,
  };
}

function concat<T extends Float64Array | Uint32Array>(
  parts: readonly T[],
  Type: { new (length: number): T },
): T {
  const out = new Type(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p as ArrayLike<number> as never, at);
    at += p.length;
  }
  return out;
}
