/**
 * Entry points: read an event file from disk by format name, and turn any supported file into
 * the spikes of one `spike_file` input. Every failure (missing file, malformed bytes, even a bug
 * in a reader) comes back as a catalogue diagnostic; nothing here throws.
 */
import { readFileSync } from "node:fs";
import { makeDiagnostic } from "../../../src/diagnostics/catalogue/entry.ts";
import { eventFileDiagnostics as codes } from "../../../src/diagnostics/catalogue/event-files.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { AEDAT2_MAGIC, parseAedat2, type Aedat2Sensor } from "./aedat2.ts";
import { AEDAT3_MAGIC, parseAedat3 } from "./aedat3.ts";
import { parseCsvSpikes, type SpikeReadResult } from "./csv-spikes.ts";
import {
  eventsToInputSpikes,
  neuronsNeeded,
  type EventReadResult,
  type PixelMapping,
  type PolarityMode,
} from "./event-stream.ts";
import { atByte, describeStart } from "./located.ts";
import { parseNmnist } from "./nmnist.ts";

/** Sensor recordings. `aedat` picks 2.0 or 3.1 from the file's first line. */
export type CameraFormat = "nmnist" | "aedat" | "aedat2" | "aedat3";
export type SpikeFileFormat = CameraFormat | "csv";
export const SPIKE_FILE_FORMATS: readonly SpikeFileFormat[] = [
  "nmnist",
  "aedat",
  "aedat2",
  "aedat3",
  "csv",
];

export interface CameraOptions {
  /** Sensor size, for N-MNIST-format files other than N-MNIST and for unlisted AEDAT 3.1 devices. */
  readonly width?: number;
  readonly height?: number;
  /** AEDAT 2.0 address layout, when the header does not name the chip. */
  readonly sensor?: Aedat2Sensor;
}

export function parseEventBytes(
  bytes: Uint8Array,
  file: string,
  format: CameraFormat,
  options: CameraOptions = {},
): EventReadResult {
  try {
    switch (format) {
      case "nmnist":
        return parseNmnist(bytes, file, options);
      case "aedat2":
        return parseAedat2(bytes, file, options);
      case "aedat3":
        return parseAedat3(bytes, file, options);
      case "aedat":
        return parseAedat(bytes, file, options);
      default:
        return { diagnostics: [unknownFormat(format, file)] };
    }
  } catch (error) {
    return { diagnostics: [internalError(file, error)] };
  }
}

export function readEventFile(
  path: string,
  format: CameraFormat,
  options: CameraOptions = {},
): EventReadResult {
  const bytes = readBytes(path);
  if (!(bytes instanceof Uint8Array)) return { diagnostics: [bytes] };
  return parseEventBytes(bytes, path, format, options);
}

export interface SpikeFileInput {
  /** The input's name, for messages. */
  readonly name: string;
  /** Number of neurons of the input. */
  readonly size: number;
  /**
   * How camera events become neurons. Default: "separate" when the input has exactly two
   * neurons per pixel, "both" otherwise.
   */
  readonly polarity?: PolarityMode;
}

/** Reads a `spike_file` input: events mapped to neurons (row-major, see eventsToInputSpikes). */
export function readSpikeFile(
  path: string,
  format: SpikeFileFormat,
  input: SpikeFileInput,
  options: CameraOptions = {},
): SpikeReadResult {
  const bytes = readBytes(path);
  if (!(bytes instanceof Uint8Array)) return { diagnostics: [bytes] };
  return spikesFromBytes(bytes, path, format, input, options);
}

export function spikesFromBytes(
  bytes: Uint8Array,
  file: string,
  format: SpikeFileFormat,
  input: SpikeFileInput,
  options: CameraOptions = {},
): SpikeReadResult {
  if (format === "csv") {
    try {
      return parseCsvSpikes(bytes, file, { input: { name: input.name, size: input.size } });
    } catch (error) {
      return { diagnostics: [internalError(file, error)] };
    }
  }

  const read = parseEventBytes(bytes, file, format, options);
  if (read.events === undefined) return { diagnostics: read.diagnostics };
  const { width, height } = read.events;
  const plane = width * height;
  const mapping: PixelMapping = {
    width,
    height,
    polarity: input.polarity ?? (input.size === 2 * plane && plane > 0 ? "separate" : "both"),
  };

  const needed = neuronsNeeded(mapping);
  if (needed > input.size) {
    const args = [input.name, input.size, width, height, mapping.polarity, needed];
    return { diagnostics: [atByte(codes.sensorDoesNotFit, args, file, 0)] };
  }
  return { spikes: eventsToInputSpikes(read.events, mapping), diagnostics: read.diagnostics };
}

function parseAedat(bytes: Uint8Array, file: string, options: CameraOptions): EventReadResult {
  const start = describeStart(bytes, AEDAT2_MAGIC.length);
  if (start === AEDAT2_MAGIC) return parseAedat2(bytes, file, options);
  if (start === AEDAT3_MAGIC) return parseAedat3(bytes, file, options);
  const expected = `${AEDAT2_MAGIC}' or '${AEDAT3_MAGIC}`;
  return { diagnostics: [atByte(codes.badMagic, [expected, start], file, 0)] };
}

function readBytes(path: string): Uint8Array | Diagnostic {
  try {
    return readFileSync(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return makeDiagnostic(codes.cannotRead, [path, reason]);
  }
}

function unknownFormat(format: string, file: string): Diagnostic {
  const expected = SPIKE_FILE_FORMATS.map((f) => `'${f}'`).join(", ");
  return atByte(codes.unknownFormat, [format, expected], file, 0);
}

function internalError(file: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return makeDiagnostic(codes.internal, [file, reason]);
}
