/**
 * Reader for AEDAT 3.1 files (cAER/libcaer; iniVation's "AEDAT 3.1" file-format page and
 * libcaer's events/common.h and events/polarity.h).
 *
 * Header: `#!AER-DAT3.1`, `#Format: RAW` (the only packet format read here), `#Source <id>:
 * <device>` lines, others, and `#!END-HEADER`. Then packets, all little-endian:
 *   28-byte header: int16 eventType, int16 eventSource, int32 eventSize, int32 eventTSOffset,
 *   int32 eventTSOverflow, int32 eventCapacity, int32 eventNumber, int32 eventValid;
 *   then eventCapacity * eventSize bytes, of which the first eventNumber events are meaningful.
 * Polarity events (type 1) are 8 bytes: uint32 data (bit 0 valid, bit 1 polarity, bits 2-16 y,
 * bits 17-31 x; (0, 0) is the upper-left corner), int32 timestamp (us, at eventTSOffset 4).
 * The full time is eventTSOverflow * 2^31 + timestamp. Invalid events (valid bit 0) and packets
 * of other types are skipped. Times must not decrease within one source.
 */
import { Parser } from "binary-parser";
import { eventFileDiagnostics as codes } from "../../../src/diagnostics/catalogue/event-files.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { knownSensor, knownSensorNames, readAedatHeader } from "./aedat-header.ts";
import type { HeaderLine } from "./aedat-header.ts";
import { EventBuffer, type EventReadResult } from "./event-stream.ts";
import { atByte, checkedUsToPs } from "./located.ts";
import type { SensorOptions } from "./nmnist.ts";
import { forEachRecord, recordsUntilEnd } from "./record-chunks.ts";

export const AEDAT3_MAGIC = "#!AER-DAT3.1";
export const AEDAT3_END_HEADER = "#!END-HEADER";
export const AEDAT3_PACKET_HEADER_BYTES = 28;
export const POLARITY_EVENT_TYPE = 1;
const POLARITY_EVENT_BYTES = 8;
const POLARITY_TS_OFFSET = 4;
const OVERFLOW_PERIOD_US = 2 ** 31;

interface PacketHeader {
  eventType: number;
  eventSource: number;
  eventSize: number;
  eventTSOffset: number;
  eventTSOverflow: number;
  eventCapacity: number;
  eventNumber: number;
  eventValid: number;
}

const packetHeader = new Parser()
  .endianness("little")
  .int16("eventType")
  .int16("eventSource")
  .int32("eventSize")
  .int32("eventTSOffset")
  .int32("eventTSOverflow")
  .int32("eventCapacity")
  .int32("eventNumber")
  .int32("eventValid");

interface PolarityRecord {
  data: number;
  timestampUs: number;
}

const polarityRecords = recordsUntilEnd(
  new Parser().endianness("little").uint32("data").int32("timestampUs"),
);

type Sensor = { width: number; height: number };

export function parseAedat3(
  bytes: Uint8Array,
  file: string,
  options: SensorOptions = {},
): EventReadResult {
  const header = readAedatHeader(bytes, file, AEDAT3_MAGIC, AEDAT3_END_HEADER);
  if (!("lines" in header)) return { diagnostics: [header] };
  const meta = readMeta(header.lines, file, options);
  if (!("sources" in meta)) return { diagnostics: [meta] };

  const events = new EventBuffer(Math.floor((bytes.length - header.dataOffset) / 8));
  const lastTimeUs = new Map<number, number>();
  let width = options.width ?? 0;
  let height = options.height ?? 0;
  let offset = header.dataOffset;

  while (offset < bytes.length) {
    const remaining = bytes.length - offset;
    if (remaining < AEDAT3_PACKET_HEADER_BYTES) {
      const what = "a 28-byte packet header";
      const args = [what, remaining, AEDAT3_PACKET_HEADER_BYTES];
      return { diagnostics: [atByte(codes.truncatedRecord, args, file, offset)] };
    }
    const packet = packetHeader.parse(
      bytes.subarray(offset, offset + AEDAT3_PACKET_HEADER_BYTES),
    ) as PacketHeader;
    const problem = checkPacket(packet, remaining - AEDAT3_PACKET_HEADER_BYTES, file, offset);
    if (problem !== undefined) return { diagnostics: [problem] };

    const bodyStart = offset + AEDAT3_PACKET_HEADER_BYTES;
    if (packet.eventType === POLARITY_EVENT_TYPE) {
      const sensor = meta.sources.get(packet.eventSource);
      if (sensor === undefined) {
        const declared = [...meta.sources.keys()].join(", ") || "none";
        const args = [packet.eventSource, declared];
        return { diagnostics: [atByte(codes.undeclaredSource, args, file, offset + 2)] };
      }
      width = Math.max(width, sensor.width);
      height = Math.max(height, sensor.height);

      const failure = readPolarityPacket(
        bytes,
        bodyStart,
        packet,
        sensor,
        events,
        lastTimeUs,
        file,
      );
      if (failure !== undefined) return { diagnostics: [failure] };
    }
    offset = bodyStart + packet.eventCapacity * packet.eventSize;
  }

  return { events: events.finish(width, height), diagnostics: [] };
}

/** Checks every size field before any of them is used, so nothing reads or allocates past EOF. */
function checkPacket(
  packet: PacketHeader,
  bodyBytesLeft: number,
  file: string,
  offset: number,
): Diagnostic | undefined {
  const field = (name: string, value: number, expected: string, at: number): Diagnostic =>
    atByte(codes.badPacketField, [name, value, expected], file, offset + at);

  if (packet.eventSize <= 0) return field("eventSize", packet.eventSize, "a positive size", 4);
  if (packet.eventType === POLARITY_EVENT_TYPE && packet.eventSize !== POLARITY_EVENT_BYTES) {
    return field("eventSize", packet.eventSize, "8 for polarity events", 4);
  }
  const tsLimit = packet.eventSize - 4;
  if (packet.eventTSOffset < 0 || packet.eventTSOffset > tsLimit) {
    return field("eventTSOffset", packet.eventTSOffset, `between 0 and ${tsLimit}`, 8);
  }
  if (packet.eventType === POLARITY_EVENT_TYPE && packet.eventTSOffset !== POLARITY_TS_OFFSET) {
    return field("eventTSOffset", packet.eventTSOffset, "4 for polarity events", 8);
  }
  if (packet.eventTSOverflow < 0) {
    return field("eventTSOverflow", packet.eventTSOverflow, "a non-negative count", 12);
  }
  if (packet.eventCapacity < 0) {
    return field("eventCapacity", packet.eventCapacity, "a non-negative count", 16);
  }
  if (packet.eventNumber < 0 || packet.eventNumber > packet.eventCapacity) {
    const expected = `between 0 and eventCapacity (${packet.eventCapacity})`;
    return field("eventNumber", packet.eventNumber, expected, 20);
  }
  if (packet.eventValid < 0 || packet.eventValid > packet.eventNumber) {
    const expected = `between 0 and eventNumber (${packet.eventNumber})`;
    return field("eventValid", packet.eventValid, expected, 24);
  }

  const bodyBytes = packet.eventCapacity * packet.eventSize;
  if (bodyBytes > bodyBytesLeft) {
    const args = [packet.eventCapacity, packet.eventSize, bodyBytes, bodyBytesLeft];
    return atByte(codes.packetTooLarge, args, file, offset + 16);
  }
  return undefined;
}

function readPolarityPacket(
  bytes: Uint8Array,
  bodyStart: number,
  packet: PacketHeader,
  sensor: Sensor,
  events: EventBuffer,
  lastTimeUs: Map<number, number>,
  file: string,
): Diagnostic | undefined {
  let failure: Diagnostic | undefined;
  let previousUs = lastTimeUs.get(packet.eventSource) ?? 0;

  forEachRecord<PolarityRecord>({
    bytes,
    start: bodyStart,
    recordBytes: POLARITY_EVENT_BYTES,
    count: packet.eventNumber,
    parser: polarityRecords,
    visit: (record, index) => {
      const data = record.data;
      if ((data & 1) === 0) return true;
      const at = bodyStart + index * POLARITY_EVENT_BYTES;

      if (record.timestampUs < 0) {
        const expected = "a non-negative 31-bit count of microseconds";
        const args = ["timestamp", record.timestampUs, expected];
        failure = atByte(codes.badPacketField, args, file, at + POLARITY_TS_OFFSET);
        return false;
      }
      const timeUs = packet.eventTSOverflow * OVERFLOW_PERIOD_US + record.timestampUs;
      if (timeUs < previousUs) {
        failure = atByte(codes.timeGoesBackwards, [timeUs, previousUs, "AEDAT 3.1"], file, at);
        return false;
      }

      const polarity = (data >>> 1) & 1;
      const y = (data >>> 2) & 0x7fff;
      const x = (data >>> 17) & 0x7fff;
      if (x >= sensor.width || y >= sensor.height) {
        failure = atByte(codes.outsideSensor, [x, y, sensor.width, sensor.height], file, at);
        return false;
      }
      const timePs = checkedUsToPs(timeUs, file, at);
      if (typeof timePs !== "number") {
        failure = timePs;
        return false;
      }

      previousUs = timeUs;
      events.push(x, y, polarity, timePs);
      return true;
    },
  });

  lastTimeUs.set(packet.eventSource, previousUs);
  return failure;
}

interface Meta {
  readonly sources: Map<number, Sensor>;
}

/** Checks the format line and collects `#Source <id>: <device>` lines (not the `#-Source` ones). */
function readMeta(
  lines: readonly HeaderLine[],
  file: string,
  options: SensorOptions,
): Meta | Diagnostic {
  const sources = new Map<number, Sensor>();
  let sawFormat = false;

  for (const line of lines) {
    if (line.text.startsWith("#Format:")) {
      if (line.text.trim() !== "#Format: RAW") {
        return atByte(codes.badHeaderLine, [line.text, "'#Format: RAW'"], file, line.offset);
      }
      sawFormat = true;
      continue;
    }

    const source = /^#Source (\d+): (.*)$/.exec(line.text);
    if (source === null) continue;
    const id = Number(source[1]);
    const device = (source[2] as string).trim();
    const size =
      options.width !== undefined && options.height !== undefined
        ? { width: options.width, height: options.height }
        : knownSensor(device);
    if (size === undefined) {
      return atByte(codes.unknownSensor, [device, knownSensorNames()], file, line.offset);
    }
    sources.set(id, size);
  }

  if (!sawFormat) {
    const offset = lines[1]?.offset ?? 0;
    return atByte(codes.badHeaderLine, [lines[1]?.text ?? "", "'#Format: RAW'"], file, offset);
  }
  return { sources };
}
