/**
 * First stage of reading an image: the header and the section table, parsed with binary-parser
 * and checked before any section is touched. After this stage every section lies inside the
 * file, is aligned, does not overlap another, has the element type its id demands, a length
 * equal to count x element size, and a matching CRC-32; every byte outside the sections is zero.
 */
import { Parser } from "binary-parser";
import { imageDiagnostics as D } from "../diagnostics/catalogue/index.ts";
import { crc32, formatCrc } from "./crc32.ts";
import { fail, type ReadContext } from "./failure.ts";
import {
  ELEMENT_BYTES,
  ELEMENT_NAMES,
  HEADER_BYTES,
  HeaderOffset,
  IMAGE_MAGIC,
  IMAGE_VERSION,
  MAX_SECTIONS,
  OLDEST_IMAGE_VERSION,
  SECTIONS,
  SECTION_ALIGN_BYTES,
  TABLE_ENTRY_BYTES,
  inVersion,
  sectionById,
  type SectionName,
  type SectionSpec,
  type VersionedSectionName,
} from "./format.ts";
import { tableCrc } from "./write.ts";

export interface ImageHeader {
  readonly magic: Uint8Array;
  readonly version: number;
  readonly flags: number;
  readonly sectionCount: number;
  readonly fileBytes: bigint;
  readonly tableCrc: number;
  readonly reserved: number;
}

export interface SectionEntry {
  readonly spec: SectionSpec;
  /** Position of this entry in the table (0-based). */
  readonly entry: number;
  readonly crc: number;
  /** Byte offset in the file; every figure below is checked to be a safe integer. */
  readonly offset: number;
  readonly length: number;
  readonly count: number;
}

/** Every section of the image's version; those that other versions lack may be absent. */
export type SectionTable = Readonly<
  Record<Exclude<SectionName, VersionedSectionName>, SectionEntry>
> & {
  readonly [name in VersionedSectionName]?: SectionEntry;
};

const headerParser = new Parser()
  .endianness("little")
  .buffer("magic", { length: 8 })
  .uint16("version")
  .uint16("flags")
  .uint32("sectionCount")
  .uint64("fileBytes")
  .uint32("tableCrc")
  .uint32("reserved");

const entryParser = new Parser()
  .endianness("little")
  .uint16("id")
  .uint8("elementType")
  .uint8("reserved")
  .uint32("crc")
  .uint64("offset")
  .uint64("length")
  .uint64("count");

interface RawEntry {
  id: number;
  elementType: number;
  reserved: number;
  crc: number;
  offset: bigint;
  length: bigint;
  count: bigint;
}

export function readHeader(bytes: Uint8Array, context: ReadContext): ImageHeader {
  if (bytes.length < HEADER_BYTES) fail(context, D.tooShort, [bytes.length, HEADER_BYTES], 0);
  const header = headerParser.parse(bytes.subarray(0, HEADER_BYTES)) as ImageHeader;

  if (!IMAGE_MAGIC.every((b, i) => header.magic[i] === b))
    fail(
      context,
      D.badMagic,
      [hexBytes(header.magic)],
      0,
      "Is this an image written by 'ant compile -o'?",
    );
  if (header.version < OLDEST_IMAGE_VERSION || header.version > IMAGE_VERSION)
    fail(
      context,
      D.unknownVersion,
      [header.version, OLDEST_IMAGE_VERSION, IMAGE_VERSION],
      HeaderOffset.version,
    );
  if (header.flags !== 0) fail(context, D.unknownFlags, [hex(header.flags, 4)], HeaderOffset.flags);
  if (header.reserved !== 0)
    fail(context, D.reservedNotZero, ["header field", header.reserved], HeaderOffset.reserved);
  if (header.sectionCount > MAX_SECTIONS)
    fail(
      context,
      D.tooManySections,
      [header.sectionCount, MAX_SECTIONS],
      HeaderOffset.sectionCount,
    );

  // The recorded length is checked before the table so a cut file reads as "truncated".
  const recorded = header.fileBytes;
  if (recorded > BigInt(bytes.length))
    fail(context, D.truncated, [String(recorded), bytes.length], bytes.length);
  if (recorded < BigInt(bytes.length))
    fail(context, D.trailingBytes, [String(recorded), bytes.length], Number(recorded));

  const tableEnd = HEADER_BYTES + header.sectionCount * TABLE_ENTRY_BYTES;
  if (tableEnd > bytes.length)
    fail(
      context,
      D.tableOutsideFile,
      [header.sectionCount, tableEnd, bytes.length],
      HeaderOffset.sectionCount,
    );
  const actualCrc = tableCrc(bytes, header.sectionCount);
  if (actualCrc !== header.tableCrc)
    fail(
      context,
      D.tableCrc,
      [formatCrc(actualCrc), formatCrc(header.tableCrc)],
      HeaderOffset.tableCrc,
    );
  return header;
}

export function readSectionTable(
  bytes: Uint8Array,
  header: ImageHeader,
  context: ReadContext,
): SectionTable {
  const tableEnd = HEADER_BYTES + header.sectionCount * TABLE_ENTRY_BYTES;
  const parsed = new Parser()
    .array("entries", { type: entryParser, length: header.sectionCount })
    .parse(bytes.subarray(HEADER_BYTES, tableEnd)) as { entries: RawEntry[] };

  const found = new Map<SectionName, SectionEntry>();
  parsed.entries.forEach((raw, i) => {
    const at = HEADER_BYTES + i * TABLE_ENTRY_BYTES;
    const spec = sectionById(raw.id, header.version);
    if (spec === undefined) fail(context, D.unknownSection, [i, raw.id], at);
    const name = spec.name as SectionName;
    if (found.has(name)) fail(context, D.duplicateSection, [name], at);
    if (raw.elementType !== spec.type)
      fail(context, D.wrongElementType, [name, raw.elementType, ELEMENT_NAMES[spec.type]], at + 2);
    if (raw.reserved !== 0)
      fail(context, D.reservedNotZero, [`byte of table entry ${i}`, raw.reserved], at + 3);

    // Lengths beyond the file are refused here, before anything is sized from them.
    const offset = raw.offset;
    const end = raw.offset + raw.length;
    if (end > BigInt(bytes.length))
      fail(
        context,
        D.sectionOutsideFile,
        [name, String(offset), String(end), bytes.length],
        at + 8,
      );
    if (raw.count * BigInt(ELEMENT_BYTES[spec.type]) !== raw.length)
      fail(
        context,
        D.lengthNotCount,
        [name, String(raw.length), String(raw.count), ELEMENT_BYTES[spec.type]],
        at + 16,
      );
    if (offset < BigInt(tableEnd))
      fail(context, D.sectionInHeader, [name, String(offset), tableEnd], at + 8);
    if (offset % BigInt(SECTION_ALIGN_BYTES) !== 0n)
      fail(context, D.sectionMisaligned, [name, String(offset), SECTION_ALIGN_BYTES], at + 8);
    found.set(name, {
      spec,
      entry: i,
      crc: raw.crc,
      offset: Number(offset),
      length: Number(raw.length),
      count: Number(raw.count),
    });
  });

  for (const spec of SECTIONS) {
    if (inVersion(spec, header.version) && !found.has(spec.name))
      fail(context, D.missingSection, [spec.name], HeaderOffset.sectionCount);
  }

  checkLayout([...found.values()], bytes, tableEnd, context);
  for (const section of found.values()) {
    const actual = crc32(bytes.subarray(section.offset, section.offset + section.length));
    if (actual !== section.crc)
      fail(
        context,
        D.sectionCrc,
        [section.spec.name, formatCrc(actual), formatCrc(section.crc)],
        section.offset,
      );
  }
  return Object.fromEntries(found) as SectionTable;
}

/** No two sections overlap, and every byte between and after them is zero padding. */
function checkLayout(
  sections: SectionEntry[],
  bytes: Uint8Array,
  tableEnd: number,
  context: ReadContext,
): void {
  // Empty sections sort first at their offset and never overlap anything.
  const sorted = [...sections].sort((a, b) => a.offset - b.offset || a.length - b.length);
  let cursor = tableEnd;
  let previous: SectionEntry | undefined;
  for (const s of sorted) {
    if (s.length === 0) continue;
    if (previous !== undefined && s.offset < previous.offset + previous.length)
      fail(
        context,
        D.sectionsOverlap,
        [
          s.spec.name,
          s.offset,
          s.offset + s.length,
          previous.spec.name,
          previous.offset,
          previous.offset + previous.length,
        ],
        s.offset,
      );
    checkZero(bytes, cursor, s.offset, context);
    cursor = s.offset + s.length;
    previous = s;
  }
  checkZero(bytes, cursor, bytes.length, context);
}

function checkZero(bytes: Uint8Array, from: number, to: number, context: ReadContext): void {
  for (let i = from; i < to; i++)
    if (bytes[i] !== 0) fail(context, D.paddingNotZero, [i, bytes[i]!], i);
}

function hex(value: number, digits: number): string {
  return `0x${value.toString(16).padStart(digits, "0")}`;
}

function hexBytes(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join(" ");
}
