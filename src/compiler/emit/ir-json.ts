/**
 * The ChipIR as plain JSON, for `ant compile --emit-ir` (docs/ir.md describes every field).
 * Typed arrays become JSON arrays; JSON has no Infinity, so infinite numbers (unlimited limits,
 * inputs that never stop) are written as the strings "Infinity" and "-Infinity". Keys keep the
 * order of src/ir/types.ts, so equal IRs give byte-identical files.
 */
import type { ChipIR } from "../../ir/types.ts";

export function irToJson(ir: ChipIR): string {
  return `${JSON.stringify(ir, jsonValue)}\n`;
}

function jsonValue(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return value;
}
