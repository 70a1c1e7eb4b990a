/**
 * Runs a binary-parser record layout over a run of fixed-size records, chunk by chunk.
 *
 * The record layouts are declared with binary-parser so that each format's bit layout reads as
 * its specification. binary-parser returns one small object per record; parsing a bounded chunk
 * at a time keeps those objects short-lived (the caller copies the fields into typed arrays at
 * once), so memory stays proportional to the output arrays, not to the object count.
 *
 * Callers pass only whole records: they compute the record count from the byte length first and
 * report a trailing partial record themselves, so the parser never reads past the data.
 */
import { Parser } from "binary-parser";

/** Records parsed per call; small enough to stay in the young generation of the GC. */
const CHUNK_RECORDS = 65_536;

export interface RecordRun<T> {
  readonly bytes: Uint8Array;
  /** Byte offset of the first record. */
  readonly start: number;
  readonly recordBytes: number;
  readonly count: number;
  /** Parses records until the end of the buffer it is given (`readUntil: "eof"`). */
  readonly parser: Parser;
  /** Called once per record in file order; return false to stop early. */
  readonly visit: (record: T, index: number) => boolean;
}

/** Builds the parser for "records of this layout until the end of the buffer". */
export function recordsUntilEnd(record: Parser): Parser {
  return new Parser().array("records", { type: record, readUntil: "eof" });
}

/** Returns the number of records visited (less than `count` when `visit` stopped early). */
export function forEachRecord<T>(run: RecordRun<T>): number {
  for (let first = 0; first < run.count; first += CHUNK_RECORDS) {
    const n = Math.min(CHUNK_RECORDS, run.count - first);
    const from = run.start + first * run.recordBytes;
    const parsed = run.parser.parse(run.bytes.subarray(from, from + n * run.recordBytes)) as {
      records: T[];
    };

    for (let i = 0; i < n; i++) {
      if (!run.visit(parsed.records[i] as T, first + i)) return first + i + 1;
    }
  }
  return run.count;
}
