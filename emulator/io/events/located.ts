/**
 * Builds reader diagnostics that point at a byte of the file, and the checked conversion from
 * microsecond timestamps to the emulator's integer picoseconds.
 */
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import type { CatalogueEntry } from "../../../src/diagnostics/catalogue/entry.ts";
import { makeDiagnostic } from "../../../src/diagnostics/catalogue/entry.ts";
import { eventFileDiagnostics } from "../../../src/diagnostics/catalogue/event-files.ts";
import { PS_PER_US } from "./event-stream.ts";

export function atByte(
  item: CatalogueEntry,
  args: readonly (string | number)[],
  file: string,
  byteOffset: number,
): Diagnostic {
  return makeDiagnostic(item, args, { bytes: { file, byteOffset } });
}

/** Largest microsecond count whose picosecond value is still an exact float64 integer. */
export const MAX_EXACT_US = Math.floor(Number.MAX_SAFE_INTEGER / PS_PER_US);

/** The time in picoseconds, or a diagnostic when it would lose exactness. */
export function checkedUsToPs(
  timeUs: number,
  file: string,
  byteOffset: number,
): number | Diagnostic {
  if (timeUs > MAX_EXACT_US) {
    return atByte(eventFileDiagnostics.timeTooLarge, [timeUs / 1e6], file, byteOffset);
  }
  return timeUs * PS_PER_US;
}

/** Printable form of the first bytes of a file, for "expected X, found Y" messages. */
export function describeStart(bytes: Uint8Array, length: number): string {
  let text = "";
  for (let i = 0; i < Math.min(length, bytes.length); i++) {
    const b = bytes[i] as number;
    text +=
      b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, "0")}`;
  }
  return bytes.length === 0 ? "(empty file)" : text;
}
