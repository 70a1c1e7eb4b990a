/**
 * The fixed facts of the chip image format (docs/image-format.md is the byte-by-byte
 * specification; keep the two in step): magic, version, header and table layout, element types
 * and the list of sections. Writer and reader both take their layout from here.
 */

/** "ANTIMG" followed by two zero bytes, so a text tool shows the name and stops. */
export const IMAGE_MAGIC = new Uint8Array([0x41, 0x4e, 0x54, 0x49, 0x4d, 0x47, 0x00, 0x00]);
/**
 * Version 2 added the run state section (version 1 images are read as having none); version 3
 * stores each synapse's post neuron as a u16 slot within its core instead of a u32 hardware id.
 */
export const IMAGE_VERSION = 3;
export const OLDEST_IMAGE_VERSION = 1;

export const HEADER_BYTES = 32;
export const TABLE_ENTRY_BYTES = 32;
/** Every section starts at a multiple of 8, so a float64 view needs no copy. */
export const SECTION_ALIGN_BYTES = 8;
/** Bounds the table the reader allocates, whatever the header claims. */
export const MAX_SECTIONS = 64;

/** Header field offsets (bytes from the start of the file). */
export const HeaderOffset = {
  magic: 0,
  version: 8,
  flags: 10,
  sectionCount: 12,
  fileBytes: 16,
  tableCrc: 24,
  reserved: 28,
} as const;

/** Section table entry field offsets (bytes from the start of the entry). */
export const EntryOffset = {
  id: 0,
  elementType: 2,
  reserved: 3,
  crc: 4,
  offset: 8,
  length: 16,
  count: 24,
} as const;

export const ElementType = {
  Json: 1,
  U8: 2,
  U16: 3,
  I16: 4,
  U32: 5,
  I32: 6,
  F64: 7,
} as const;
export type ElementTypeCode = (typeof ElementType)[keyof typeof ElementType];

export const ELEMENT_BYTES: Readonly<Record<ElementTypeCode, number>> = {
  1: 1,
  2: 1,
  3: 2,
  4: 2,
  5: 4,
  6: 4,
  7: 8,
};

export const ELEMENT_NAMES: Readonly<Record<ElementTypeCode, string>> = {
  1: "UTF-8 JSON",
  2: "u8",
  3: "u16",
  4: "i16",
  5: "u32",
  6: "i32",
  7: "f64",
};

/**
 * Which count of the metadata (`counts` in the JSON section) sizes a section; `+1` marks CSR
 * offset arrays, which hold one more element than the things they index.
 */
export type CountName =
  | "neurons"
  | "neurons+1"
  | "fanOutEntries"
  | "fanOutEntries+1"
  | "synapses"
  | "routes+1"
  | "routeNodes"
  | "inputRates"
  | "inputSpikes";

export interface SectionSpec {
  readonly id: number;
  readonly name: string;
  readonly type: ElementTypeCode;
  /** Absent for the metadata and run state sections, whose lengths are free. */
  readonly count?: CountName;
  /** The first format version that has the section; older images must not hold it. */
  readonly since?: number;
  /** The last format version that has the section; newer images must not hold it. */
  readonly until?: number;
}

/**
 * Every section, in the order the writer emits them. All are required, even when empty, in the
 * versions from a section's `since` to its `until`, and absent outside them.
 */
export const SECTIONS = [
  { id: 1, name: "meta", type: ElementType.Json },
  { id: 16, name: "neuron.population", type: ElementType.U16, count: "neurons" },
  { id: 17, name: "neuron.index", type: ElementType.U32, count: "neurons" },
  { id: 18, name: "neuron.init_v", type: ElementType.F64, count: "neurons" },
  { id: 19, name: "neuron.init_g_exc", type: ElementType.F64, count: "neurons" },
  { id: 20, name: "neuron.init_g_inh", type: ElementType.F64, count: "neurons" },
  { id: 21, name: "neuron.init_theta", type: ElementType.F64, count: "neurons" },
  { id: 32, name: "fanout.start", type: ElementType.U32, count: "neurons+1" },
  { id: 33, name: "fanout.core", type: ElementType.U32, count: "fanOutEntries" },
  { id: 34, name: "fanout.projection", type: ElementType.U16, count: "fanOutEntries" },
  { id: 35, name: "synapse.start", type: ElementType.U32, count: "fanOutEntries+1" },
  // Post neuron as a hardware id up to version 2, as a slot within the core from version 3.
  { id: 36, name: "synapse.target", type: ElementType.U32, count: "synapses", until: 2 },
  { id: 39, name: "synapse.slot", type: ElementType.U16, count: "synapses", since: 3 },
  { id: 37, name: "synapse.weight", type: ElementType.I16, count: "synapses" },
  { id: 38, name: "synapse.delay", type: ElementType.U16, count: "synapses" },
  { id: 48, name: "route.neuron", type: ElementType.I32, count: "neurons" },
  { id: 49, name: "route.node_start", type: ElementType.U32, count: "routes+1" },
  { id: 50, name: "route.node_router", type: ElementType.U32, count: "routeNodes" },
  { id: 51, name: "route.node_parent", type: ElementType.I32, count: "routeNodes" },
  { id: 52, name: "route.node_ports", type: ElementType.U8, count: "routeNodes" },
  { id: 64, name: "input.rates_hz", type: ElementType.F64, count: "inputRates" },
  { id: 65, name: "input.spike_neuron", type: ElementType.U32, count: "inputSpikes" },
  { id: 66, name: "input.spike_time_ps", type: ElementType.F64, count: "inputSpikes" },
  // A paused run to continue (read-run-state.ts); empty in compiled images.
  { id: 80, name: "run.state", type: ElementType.U8, since: 2 },
] as const satisfies readonly SectionSpec[];

export type SectionName = (typeof SECTIONS)[number]["name"];
type Spec = (typeof SECTIONS)[number];
/** Sections that images of some versions lack: added later (`since`) or retired (`until`). */
export type VersionedSectionName = Extract<Spec, { since: number } | { until: number }>["name"];
/** Sections that an image of IMAGE_VERSION holds: everything not retired. */
export type CurrentSectionName = Exclude<SectionName, Extract<Spec, { until: number }>["name"]>;

/** Whether an image of `version` holds the section (and must). */
export function inVersion(spec: SectionSpec, version: number): boolean {
  return (spec.since ?? 0) <= version && version <= (spec.until ?? Infinity);
}

/** The section with this id, if an image of `version` may hold it. */
export function sectionById(id: number, version: number = IMAGE_VERSION): SectionSpec | undefined {
  return SECTIONS.find((s) => s.id === id && inVersion(s, version));
}

/** The sections of an image of `version`, in the order the writer emits them. */
export function sectionsOf(version: number): readonly SectionSpec[] {
  return SECTIONS.filter((s) => inVersion(s, version));
}

export function alignUp(value: number, alignment: number = SECTION_ALIGN_BYTES): number {
  return Math.ceil(value / alignment) * alignment;
}
