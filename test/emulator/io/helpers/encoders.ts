/**
 * Tiny writers for the event formats, used by the tests to build files of exactly known content.
 * They follow the published layouts directly (DataView, explicit endianness), independently of
 * the readers' binary-parser declarations, so a layout mistake in a reader shows up as a failure.
 */

export interface NmnistEvent {
  readonly x: number;
  readonly y: number;
  readonly polarity: number;
  /** Raw 23-bit field. */
  readonly timestampUs: number;
}

export function encodeNmnist(events: readonly NmnistEvent[]): Uint8Array {
  const bytes = new Uint8Array(events.length * 5);
  events.forEach((e, i) => {
    bytes[i * 5] = e.x;
    bytes[i * 5 + 1] = e.y;
    bytes[i * 5 + 2] = (e.polarity << 7) | ((e.timestampUs >> 16) & 0x7f);
    bytes[i * 5 + 3] = (e.timestampUs >> 8) & 0xff;
    bytes[i * 5 + 4] = e.timestampUs & 0xff;
  });
  return bytes;
}

export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function dvs128Address(x: number, y: number, polarity: number): number {
  return (y << 8) | (x << 1) | polarity;
}

export function davis240Address(x: number, y: number, polarity: number): number {
  return ((y << 22) | (x << 12) | (polarity << 11)) >>> 0;
}

export function encodeAedat2(
  headerLines: readonly string[],
  records: readonly { address: number; timestampUs: number }[],
): Uint8Array {
  const header = ascii(headerLines.map((l) => `${l}\r\n`).join(""));
  const body = new Uint8Array(records.length * 8);
  const view = new DataView(body.buffer);
  records.forEach((r, i) => {
    view.setUint32(i * 8, r.address >>> 0, false);
    view.setUint32(i * 8 + 4, r.timestampUs >>> 0, false);
  });
  return concat(header, body);
}

export const AEDAT3_HEADER = [
  "#!AER-DAT3.1",
  "#Format: RAW",
  "#Source 1: DVS128",
  "#Start-Time: 2016-04-01 12:00:00 (TZ+0000)",
  "#!END-HEADER",
];

export interface PolarityEvent {
  readonly x: number;
  readonly y: number;
  readonly polarity: number;
  readonly timestampUs: number;
  readonly valid?: boolean;
}

export function polarityBody(events: readonly PolarityEvent[]): Uint8Array {
  const body = new Uint8Array(events.length * 8);
  const view = new DataView(body.buffer);
  events.forEach((e, i) => {
    const valid = e.valid === false ? 0 : 1;
    const data = ((e.x << 17) | (e.y << 2) | (e.polarity << 1) | valid) >>> 0;
    view.setUint32(i * 8, data, true);
    view.setInt32(i * 8 + 4, e.timestampUs, true);
  });
  return body;
}

export interface Packet {
  readonly type: number;
  readonly source: number;
  readonly size: number;
  readonly tsOffset: number;
  readonly overflow: number;
  readonly capacity: number;
  readonly number: number;
  readonly valid: number;
  readonly body: Uint8Array;
}

export function polarityPacket(events: readonly PolarityEvent[], overflow = 0, source = 1): Packet {
  const valid = events.filter((e) => e.valid !== false).length;
  return {
    type: 1,
    source,
    size: 8,
    tsOffset: 4,
    overflow,
    capacity: events.length,
    number: events.length,
    valid,
    body: polarityBody(events),
  };
}

export function encodePacket(p: Packet): Uint8Array {
  const header = new Uint8Array(28);
  const view = new DataView(header.buffer);
  view.setInt16(0, p.type, true);
  view.setInt16(2, p.source, true);
  view.setInt32(4, p.size, true);
  view.setInt32(8, p.tsOffset, true);
  view.setInt32(12, p.overflow, true);
  view.setInt32(16, p.capacity, true);
  view.setInt32(20, p.number, true);
  view.setInt32(24, p.valid, true);
  return concat(header, p.body);
}

export function encodeAedat3(
  headerLines: readonly string[],
  packets: readonly Packet[],
): Uint8Array {
  const header = ascii(headerLines.map((l) => `${l}\r\n`).join(""));
  return concat(header, ...packets.map(encodePacket));
}

export { seededRandom } from "../../../helpers/seeded-random.ts";

/** A copy of `bytes` with a few random bytes overwritten, inserted or removed. */
export function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  const out = Array.from(bytes);
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = random();
    const value = Math.floor(random() * 256);
    if (kind < 0.6 && out.length > 0) out[Math.min(at, out.length - 1)] = value;
    else if (kind < 0.8) out.splice(at, 0, value);
    else out.splice(at, 1);
  }
  return Uint8Array.from(out);
}
