/**
 * Reader for AEDAT 2.0 files (jAER, 2010 on; iniVation's "AEDAT 2.0" file-format page).
 *
 * After the '#' header, 8-byte big-endian records: a 32-bit address then a 32-bit timestamp in
 * microseconds. The address layout depends on the sensor (jAER's chip class). Supported:
 * - DVS128 (128 x 128): bit 15 external-input event (skipped), bits 14-8 y, bits 7-1 x,
 *   bit 0 polarity (1 = ON).
 * - DAVIS240 (240 x 180): bit 31 set for APS/IMU samples (skipped), bits 30-22 y, bits 21-12 x,
 *   bit 11 polarity, bit 10 set for special/IMU events (skipped), bits 9-0 ADC sample.
 * The sensor comes from the `# AEChip:` header line (a class name containing DVS128 or DAVIS240;
 * no such line means DVS128, jAER's default) unless the caller names it. Coordinates are kept as
 * stored: jAER puts (0, 0) in the lower-left corner.
 *
 * Timestamps are 32-bit and wrap (about every 71.6 minutes). Each kept event's time advances by
 * the difference from the previous kept event taken modulo 2^32 as a signed number; a negative
 * step is an error (the format guarantees non-decreasing times), a wrap is a small positive step.
 * So a silent gap of more than 2^31 us (35.8 minutes) cannot be told from a step backwards.
 */
import { Parser } from "binary-parser";
import { eventFileDiagnostics as codes } from "../../../src/diagnostics/catalogue/event-files.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { readAedatHeader } from "./aedat-header.ts";
import { EventBuffer, type EventReadResult } from "./event-stream.ts";
import { atByte, checkedUsToPs } from "./located.ts";
import { forEachRecord, recordsUntilEnd } from "./record-chunks.ts";

export const AEDAT2_MAGIC = "#!AER-DAT2.0";
export const AEDAT2_RECORD_BYTES = 8;

export type Aedat2Sensor = "dvs128" | "davis240";

interface Aedat2Record {
  /** 1 when the record is not a polarity (DVS) event and must be skipped. */
  skip: number;
  x: number;
  y: number;
  polarity: number;
  timestampUs: number;
}

// The two address layouts, most significant bit first (binary-parser reads bits big-endian).
const dvs128Records = recordsUntilEnd(
  new Parser()
    .bit16("unused")
    .bit1("skip")
    .bit7("y")
    .bit7("x")
    .bit1("polarity")
    .uint32be("timestampUs"),
);
const davis240Records = recordsUntilEnd(
  new Parser()
    .bit1("skip")
    .bit9("y")
    .bit10("x")
    .bit1("polarity")
    .bit1("special")
    .bit10("adc")
    .uint32be("timestampUs"),
);

const SENSORS: Record<Aedat2Sensor, { width: number; height: number; parser: Parser }> = {
  dvs128: { width: 128, height: 128, parser: dvs128Records },
  davis240: { width: 240, height: 180, parser: davis240Records },
};

export interface Aedat2Options {
  readonly sensor?: Aedat2Sensor;
}

export function parseAedat2(
  bytes: Uint8Array,
  file: string,
  options: Aedat2Options = {},
): EventReadResult {
  const header = readAedatHeader(bytes, file, AEDAT2_MAGIC);
  if (!("lines" in header)) return { diagnostics: [header] };

  const sensorName = options.sensor ?? sensorFromHeader(header.lines);
  if (typeof sensorName !== "string") return { diagnostics: [sensorName(file)] };
  const sensor = SENSORS[sensorName];

  const start = header.dataOffset;
  const count = Math.floor((bytes.length - start) / AEDAT2_RECORD_BYTES);
  const events = new EventBuffer(count);
  const diagnostics: Diagnostic[] = [];
  let previousRaw = -1;
  let timeUs = 0;

  forEachRecord<Aedat2Record & { special?: number }>({
    bytes,
    start,
    recordBytes: AEDAT2_RECORD_BYTES,
    count,
    parser: sensor.parser,
    visit: (record, index) => {
      if (record.skip === 1 || record.special === 1) return true;
      const offset = start + index * AEDAT2_RECORD_BYTES;

      const raw = record.timestampUs;
      if (previousRaw < 0) {
        timeUs = raw;
      } else {
        // `| 0` takes the 32-bit difference as signed: a wrap becomes a small positive step.
        const stepUs = (raw - previousRaw) | 0;
        if (stepUs < 0) {
          diagnostics.push(
            atByte(codes.timeGoesBackwards, [timeUs + stepUs, timeUs, "AEDAT 2.0"], file, offset),
          );
          return false;
        }
        timeUs += stepUs;
      }
      previousRaw = raw;

      if (record.x >= sensor.width || record.y >= sensor.height) {
        const size = [sensor.width, sensor.height];
        diagnostics.push(atByte(codes.outsideSensor, [record.x, record.y, ...size], file, offset));
        return false;
      }
      const timePs = checkedUsToPs(timeUs, file, offset);
      if (typeof timePs !== "number") {
        diagnostics.push(timePs);
        return false;
      }
      events.push(record.x, record.y, record.polarity, timePs);
      return true;
    },
  });

  const tail = bytes.length - start - count * AEDAT2_RECORD_BYTES;
  if (diagnostics.length === 0 && tail !== 0) {
    const offset = start + count * AEDAT2_RECORD_BYTES;
    const what = "an 8-byte AEDAT 2.0 record";
    diagnostics.push(
      atByte(codes.truncatedRecord, [what, tail, AEDAT2_RECORD_BYTES], file, offset),
    );
  }

  if (diagnostics.length > 0) return { diagnostics };
  return { events: events.finish(sensor.width, sensor.height), diagnostics };
}

/** The sensor named by `# AEChip: <java class>`, or a diagnostic factory for an unknown one. */
function sensorFromHeader(
  lines: readonly { text: string; offset: number }[],
): Aedat2Sensor | ((file: string) => Diagnostic) {
  for (const line of lines) {
    const match = /^#\s*AEChip:\s*(\S+)/.exec(line.text);
    if (match === null) continue;

    const chip = (match[1] as string).toUpperCase();
    if (chip.includes("DVS128")) return "dvs128";
    if (chip.includes("DAVIS240")) return "davis240";
    return (file) =>
      atByte(codes.unknownSensor, [match[1] as string, "'DVS128', 'DAVIS240'"], file, line.offset);
  }
  return "dvs128";
}
