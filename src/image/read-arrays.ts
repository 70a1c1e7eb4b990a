/**
 * Typed-array views of the raw sections, and the checks that make them safe to index: ranges,
 * CSR offsets that start at 0, never decrease and end at the element count, finite floats.
 * Each check stops at the first bad element and names its section, index and byte offset.
 * Hot loops over up to 10^8 elements: plain indexed loops, no allocation.
 */
import { imageDiagnostics as D } from "../diagnostics/catalogue/index.ts";
import { fail, type ReadContext } from "./failure.ts";
import { ELEMENT_BYTES, ElementType, type ElementTypeCode } from "./format.ts";
import type { SectionEntry } from "./read-table.ts";

type NumberArray = Uint8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float64Array;

interface ArrayType<T> {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

const TYPES: Readonly<Record<Exclude<ElementTypeCode, 1>, ArrayType<NumberArray>>> = {
  [ElementType.U8]: Uint8Array,
  [ElementType.U16]: Uint16Array,
  [ElementType.I16]: Int16Array,
  [ElementType.U32]: Uint32Array,
  [ElementType.I32]: Int32Array,
  [ElementType.F64]: Float64Array,
};

/**
 * A view of a section without copying when its address is aligned for its element type (the
 * section offsets are 8-aligned, so this holds whenever the file buffer itself is aligned);
 * otherwise, or when asked, a copy. A view shares memory with `bytes`.
 */
export function sectionArray<T extends NumberArray>(
  bytes: Uint8Array,
  section: SectionEntry,
  copy: boolean,
): T {
  const Type = TYPES[section.spec.type as Exclude<ElementTypeCode, 1>] as ArrayType<T>;
  const address = bytes.byteOffset + section.offset;
  if (!copy && address % Type.BYTES_PER_ELEMENT === 0)
    return new Type(bytes.buffer as ArrayBuffer, address, section.count);
  const copied = bytes.slice(section.offset, section.offset + section.length);
  return new Type(copied.buffer, 0, section.count);
}

function elementOffset(section: SectionEntry, i: number): number {
  return section.offset + i * ELEMENT_BYTES[section.spec.type];
}

/** Every element lies in [low, high); `why` explains the bound ("there are 12 cores"). */
export function checkRange(
  context: ReadContext,
  section: SectionEntry,
  array: NumberArray,
  low: number,
  high: number,
  why: string,
): void {
  for (let i = 0; i < array.length; i++) {
    const v = array[i]!;
    if (v < low || v >= high)
      fail(
        context,
        D.indexOutOfRange,
        [`Element ${i} of section '${section.spec.name}'`, v, low, high, why],
        elementOffset(section, i),
      );
  }
}

/** CSR offsets: start at 0, never decrease, end at `total`. */
export function checkCsr(
  context: ReadContext,
  section: SectionEntry,
  array: Uint32Array,
  total: number,
): void {
  const first = array[0] ?? 0;
  const last = array[array.length - 1] ?? 0;
  if (first !== 0 || last !== total)
    fail(context, D.csrEnds, [section.spec.name, total, first, last], section.offset);
  for (let i = 1; i < array.length; i++)
    if (array[i]! < array[i - 1]!)
      fail(
        context,
        D.notMonotone,
        [section.spec.name, i, array[i]!, array[i - 1]!],
        elementOffset(section, i),
      );
}

/** Every element is finite (and at least `min` when given). */
export function checkFinite(
  context: ReadContext,
  section: SectionEntry,
  array: Float64Array,
  min?: number,
): void {
  for (let i = 0; i < array.length; i++) {
    const v = array[i]!;
    if (!Number.isFinite(v) || (min !== undefined && v < min))
      fail(
        context,
        D.notFinite,
        [section.spec.name, i, String(v), min === undefined ? "" : ` of at least ${min}`],
        elementOffset(section, i),
      );
  }
}

export { elementOffset };
