/**
 * Reader for CSV spike files, the `csv` format of `spike_file` inputs: one spike per line as
 * `neuron,time_s` (0-based neuron index within the input, time in seconds as a decimal number).
 * Blank lines and lines starting with '#' are skipped; an optional header line must read
 * `neuron,time_s`. Lines may come in any order; spikes are returned sorted by time (stable).
 * Times are converted to picoseconds exactly (see time-text.ts). Up to MAX_REPORTED bad lines
 * are reported in one run, each with its line number and byte offset.
 */
import { eventFileDiagnostics as codes } from "../../../src/diagnostics/catalogue/event-files.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { parseSecondsToPs } from "../time-text.ts";
import { stableTimeOrder, type InputSpikes } from "./event-stream.ts";
import { atByte } from "./located.ts";

const MAX_REPORTED = 10;
const MAX_NEURON = 2 ** 32 - 1;

export interface SpikeReadResult {
  /** Absent when any diagnostic is an error. */
  readonly spikes?: InputSpikes;
  readonly diagnostics: Diagnostic[];
}

export interface CsvSpikeOptions {
  /** When given, neurons must be below `size`; `name` is the input, for the message. */
  readonly input?: { readonly name: string; readonly size: number };
}

export function parseCsvSpikes(
  bytes: Uint8Array,
  file: string,
  options: CsvSpikeOptions = {},
): SpikeReadResult {
  const text = new TextDecoder("utf-8").decode(bytes);
  const ascii = text.length === bytes.length;
  const byteOffset = (charOffset: number): number =>
    ascii ? charOffset : Buffer.byteLength(text.slice(0, charOffset), "utf8");

  let lineCount = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) lineCount++;
  const neuron = new Uint32Array(lineCount);
  const timePs = new Float64Array(lineCount);
  let count = 0;

  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic): boolean => diagnostics.push(d) < MAX_REPORTED;
  let sawData = false;
  let lineStart = 0;

  for (let lineNumber = 1; lineStart <= text.length; lineNumber++) {
    const feed = text.indexOf("\n", lineStart);
    const lineEnd = feed < 0 ? text.length : feed;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, "");
    const at = byteOffset(lineStart);
    lineStart = lineEnd + 1;

    const trimmed = line.trim();
    if (trimmed.length === 0 || trimmed.startsWith("#")) continue;
    const fields = trimmed.split(",").map((f) => f.trim());

    if (!sawData && !/^\d/.test(fields[0] ?? "")) {
      sawData = true;
      const header = fields.join(",").toLowerCase();
      if (
        header !== "neuron,time_s" &&
        !report(atByte(codes.csvBadHeader, [lineNumber, trimmed], file, at))
      )
        break;
      continue;
    }
    sawData = true;

    if (fields.length !== 2) {
      if (!report(atByte(codes.csvFieldCount, [lineNumber, fields.length], file, at))) break;
      continue;
    }
    const [neuronText, timeText] = fields as [string, string];
    const index = /^\d{1,10}$/.test(neuronText) ? Number(neuronText) : -1;
    if (index < 0 || index > MAX_NEURON) {
      const what = "a neuron index (a whole number from 0 to 4294967295)";
      if (!report(atByte(codes.csvBadField, [lineNumber, neuronText, what], file, at))) break;
      continue;
    }
    if (options.input !== undefined && index >= options.input.size) {
      const args = [lineNumber, index, options.input.name, options.input.size];
      if (!report(atByte(codes.neuronOutsideInput, args, file, at))) break;
      continue;
    }
    const ps = parseSecondsToPs(timeText);
    if (ps === undefined) {
      const what = "a time in seconds (a non-negative decimal number below 9007 s)";
      if (!report(atByte(codes.csvBadField, [lineNumber, timeText, what], file, at))) break;
      continue;
    }

    neuron[count] = index;
    timePs[count] = ps;
    count++;
  }

  if (diagnostics.length > 0) return { diagnostics };
  const order = stableTimeOrder(timePs.subarray(0, count));
  if (order === undefined) {
    return {
      spikes: { neuron: neuron.slice(0, count), timePs: timePs.slice(0, count) },
      diagnostics,
    };
  }
  const sortedNeuron = new Uint32Array(count);
  const sortedTime = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const from = order[i] as number;
    sortedNeuron[i] = neuron[from] as number;
    sortedTime[i] = timePs[from] as number;
  }
  return { spikes: { neuron: sortedNeuron, timePs: sortedTime }, diagnostics };
}
