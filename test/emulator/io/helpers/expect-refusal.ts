/** Shared checks for readers that must refuse bad input cleanly. */
import { expect } from "vitest";
import type { Diagnostic } from "../../../../src/diagnostics/diagnostic.ts";

/** The result carries no data and at least one error that names a byte inside the file. */
export function expectRefusedAt(
  result: { diagnostics: Diagnostic[]; events?: unknown; spikes?: unknown },
  code: string,
  byteOffset: number,
): void {
  expect(result.events).toBeUndefined();
  expect(result.spikes).toBeUndefined();
  const first = result.diagnostics[0];
  expect(first?.code).toBe(code);
  expect(first?.severity).toBe("error");
  expect(first?.bytes?.byteOffset).toBe(byteOffset);
}

/** Either a clean read or a clean refusal: never both, never an offset outside the file. */
export function expectWellBehaved(
  result: { diagnostics: Diagnostic[]; events?: unknown },
  file: string,
  length: number,
): void {
  if (result.events !== undefined) {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    return;
  }
  expect(result.diagnostics.length).toBeGreaterThan(0);
  for (const d of result.diagnostics) {
    expect(d.code).toMatch(/^ANT5[5-9]\d\d$/);
    expect(d.code).not.toBe("ANT5599");
    expect(d.bytes?.file).toBe(file);
    expect(d.bytes?.byteOffset).toBeGreaterThanOrEqual(0);
    expect(d.bytes?.byteOffset).toBeLessThanOrEqual(length);
  }
}
