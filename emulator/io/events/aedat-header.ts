/**
 * The ASCII header shared by the AEDAT formats: lines that start with '#' and end with a line
 * feed (the formats specify CRLF; a bare LF is accepted too). AEDAT 2.0 ends its header at the
 * first line that does not start with '#'; AEDAT 3.1 ends it with an explicit `#!END-HEADER`.
 * Also the table of sensors whose size we know.
 */
import { eventFileDiagnostics as codes } from "../../../src/diagnostics/catalogue/event-files.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { atByte, describeStart } from "./located.ts";

export interface HeaderLine {
  /** The line without its '\r\n' or '\n'. */
  readonly text: string;
  /** Byte offset of the line's '#'. */
  readonly offset: number;
}

export interface AedatHeader {
  readonly lines: readonly HeaderLine[];
  /** Byte offset of the first byte after the header. */
  readonly dataOffset: number;
}

const HASH = 0x23;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Reads header lines from the start of `bytes`. `magic` is the required first line. With an
 * `endLine`, the header must close with that line; without, it ends before the first byte that
 * is not '#'.
 */
export function readAedatHeader(
  bytes: Uint8Array,
  file: string,
  magic: string,
  endLine?: string,
): AedatHeader | Diagnostic {
  const lines: HeaderLine[] = [];
  let offset = 0;

  while (offset < bytes.length && bytes[offset] === HASH) {
    const feed = bytes.indexOf(LINE_FEED, offset);
    if (feed < 0) return atByte(codes.headerNotEnded, [endLine ?? "\\r\\n"], file, offset);

    const end = feed > offset && bytes[feed - 1] === CARRIAGE_RETURN ? feed - 1 : feed;
    const text = latin1(bytes, offset, end);
    if (lines.length === 0 && text !== magic) {
      return atByte(codes.badMagic, [magic, describeStart(bytes, magic.length)], file, 0);
    }
    lines.push({ text, offset });
    offset = feed + 1;
    if (endLine !== undefined && text === endLine) return { lines, dataOffset: offset };
  }

  if (lines.length === 0) {
    return atByte(codes.badMagic, [magic, describeStart(bytes, magic.length)], file, 0);
  }
  if (endLine !== undefined) return atByte(codes.headerNotEnded, [endLine], file, offset);
  return { lines, dataOffset: offset };
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = "";
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i] as number);
  return text;
}

/** Sensor sizes in pixels, from iniVation's device documentation. Matched by name prefix. */
export const KNOWN_SENSORS: readonly { prefix: string; width: number; height: number }[] = [
  { prefix: "DVS128", width: 128, height: 128 },
  { prefix: "DAVIS240", width: 240, height: 180 },
  { prefix: "DAVIS346", width: 346, height: 260 },
  { prefix: "DAVIS640", width: 640, height: 480 },
];

export function knownSensor(name: string): { width: number; height: number } | undefined {
  const upper = name.trim().toUpperCase();
  return KNOWN_SENSORS.find((s) => upper.startsWith(s.prefix));
}

export function knownSensorNames(): string {
  return KNOWN_SENSORS.map((s) => `'${s.prefix}'`).join(", ");
}
