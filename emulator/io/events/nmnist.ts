/**
 * Reader for the N-MNIST binary event format (Orchard et al., "Converting Static Image Datasets
 * to Spiking Neuromorphic Datasets Using Saccades", Front. Neurosci. 2015), also used by
 * N-Caltech101.
 *
 * Each event is 5 bytes, 40 bits, big-endian:
 *   bits 39-32 x (pixels), bits 31-24 y, bit 23 polarity (1 = ON), bits 22-0 timestamp (us).
 * The published reader treats a record whose y byte is 240 as a timestamp-overflow marker, not an
 * event: every later timestamp is increased by 2^13 us per marker seen. We do exactly that.
 * In addition (our rule, not the published reader's), a timestamp more than 2^22 us below the
 * previous one is read as the 23-bit counter wrapping and adds 2^23 us; any other step backwards
 * is an error, since the data set's files are in time order.
 */
import { Parser } from "binary-parser";
import { eventFileDiagnostics as codes } from "../../../src/diagnostics/catalogue/event-files.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { EventBuffer, type EventReadResult } from "./event-stream.ts";
import { atByte, checkedUsToPs } from "./located.ts";
import { forEachRecord, recordsUntilEnd } from "./record-chunks.ts";

export const NMNIST_RECORD_BYTES = 5;
export const NMNIST_SENSOR = { width: 34, height: 34 } as const;
/** The y value that marks a timestamp overflow in the published data set. */
export const NMNIST_OVERFLOW_Y = 240;
export const NMNIST_OVERFLOW_STEP_US = 2 ** 13;
const COUNTER_RANGE_US = 2 ** 23;

interface NmnistRecord {
  x: number;
  y: number;
  polarity: number;
  timestampUs: number;
}

const records = recordsUntilEnd(
  new Parser().bit8("x").bit8("y").bit1("polarity").bit23("timestampUs"),
);

export interface SensorOptions {
  /** Sensor size; N-MNIST is 34 x 34, N-Caltech101 recordings are up to 240 x 180. */
  readonly width?: number;
  readonly height?: number;
}

export function parseNmnist(
  bytes: Uint8Array,
  file: string,
  options: SensorOptions = {},
): EventReadResult {
  const width = options.width ?? NMNIST_SENSOR.width;
  const height = options.height ?? NMNIST_SENSOR.height;
  const count = Math.floor(bytes.length / NMNIST_RECORD_BYTES);
  const events = new EventBuffer(count);
  const diagnostics: Diagnostic[] = [];

  let markers = 0;
  let wraps = 0;
  let previousRawUs = -1;
  let previousTimeUs = 0;

  forEachRecord<NmnistRecord>({
    bytes,
    start: 0,
    recordBytes: NMNIST_RECORD_BYTES,
    count,
    parser: records,
    visit: (record, index) => {
      const offset = index * NMNIST_RECORD_BYTES;
      if (record.y === NMNIST_OVERFLOW_Y) {
        markers++;
        return true;
      }

      const raw = record.timestampUs;
      if (previousRawUs - raw > COUNTER_RANGE_US / 2) wraps++;
      previousRawUs = raw;
      const timeUs = raw + markers * NMNIST_OVERFLOW_STEP_US + wraps * COUNTER_RANGE_US;

      if (timeUs < previousTimeUs) {
        diagnostics.push(
          atByte(codes.timeGoesBackwards, [timeUs, previousTimeUs, "N-MNIST"], file, offset),
        );
        return false;
      }
      if (record.x >= width || record.y >= height) {
        diagnostics.push(
          atByte(codes.outsideSensor, [record.x, record.y, width, height], file, offset),
        );
        return false;
      }
      const timePs = checkedUsToPs(timeUs, file, offset);
      if (typeof timePs !== "number") {
        diagnostics.push(timePs);
        return false;
      }

      previousTimeUs = timeUs;
      events.push(record.x, record.y, record.polarity, timePs);
      return true;
    },
  });

  const tail = bytes.length - count * NMNIST_RECORD_BYTES;
  if (diagnostics.length === 0 && tail !== 0) {
    diagnostics.push(
      atByte(
        codes.truncatedRecord,
        ["a 5-byte N-MNIST event", tail, NMNIST_RECORD_BYTES],
        file,
        count * NMNIST_RECORD_BYTES,
      ),
    );
  }

  if (diagnostics.length > 0) return { diagnostics };
  return { events: events.finish(width, height), diagnostics };
}
