/**
 * Catalogue section for phase 4: Reading and writing chip images.
 * Codes ANT4000-ANT4999 belong to this phase; add entries here, never inline messages.
 * Every reader diagnostic carries the byte offset where the problem was found.
 */
import { entry } from "./entry.ts";

export const imageDiagnostics = {
  internal: entry("ANT4000", "error", "Internal error in the image phase: {0}."),

  // File and header (ANT4001-ANT4019)
  unreadable: entry("ANT4001", "error", "Cannot read '{0}': {1}."),
  tooShort: entry(
    "ANT4002",
    "error",
    "The image is {0} bytes long, shorter than the {1}-byte header; the file is empty or truncated.",
  ),
  badMagic: entry(
    "ANT4003",
    "error",
    "The file does not start with the chip image magic 'ANTIMG'; its first bytes are {0}.",
  ),
  unknownVersion: entry(
    "ANT4004",
    "error",
    "The image has format version {0}; this reader understands versions {1} to {2}.",
  ),
  unknownFlags: entry(
    "ANT4005",
    "error",
    "The image header sets flags {0}, which this reader does not know.",
  ),
  reservedNotZero: entry("ANT4006", "error", "The reserved {0} is {1}; it must be 0."),
  tooManySections: entry(
    "ANT4007",
    "error",
    "The header declares {0} sections; an image has at most {1}.",
  ),
  truncated: entry(
    "ANT4008",
    "error",
    "The image is truncated: its header records {0} bytes but the file has {1}.",
  ),
  trailingBytes: entry(
    "ANT4009",
    "error",
    "The file has {1} bytes but its header records {0}; the bytes after the image are not part of it.",
  ),
  tableOutsideFile: entry(
    "ANT4011",
    "error",
    "The section table of {0} entries ends at byte {1}, beyond the {2} bytes of the image.",
  ),
  tableCrc: entry(
    "ANT4010",
    "error",
    "The header and section table are corrupt: their CRC-32 is {0} but the header records {1}.",
  ),

  // Section table (ANT4020-ANT4039)
  unknownSection: entry("ANT4020", "error", "Section table entry {0} has unknown section id {1}."),
  duplicateSection: entry("ANT4021", "error", "Section '{0}' appears twice in the section table."),
  missingSection: entry("ANT4022", "error", "The image has no section '{0}'."),
  wrongElementType: entry(
    "ANT4023",
    "error",
    "Section '{0}' is recorded with element type code {1}; it must hold {2} elements.",
  ),
  lengthNotCount: entry(
    "ANT4024",
    "error",
    "Section '{0}' is {1} bytes long but records {2} elements of {3} bytes each.",
  ),
  sectionOutsideFile: entry(
    "ANT4025",
    "error",
    "Section '{0}' spans bytes {1} to {2}, beyond the {3} bytes of the image.",
  ),
  sectionInHeader: entry(
    "ANT4026",
    "error",
    "Section '{0}' starts at byte {1}, inside the header and section table that end at byte {2}.",
  ),
  sectionMisaligned: entry(
    "ANT4027",
    "error",
    "Section '{0}' starts at byte {1}, which is not a multiple of {2}.",
  ),
  sectionsOverlap: entry(
    "ANT4028",
    "error",
    "Section '{0}' (bytes {1} to {2}) overlaps section '{3}' (bytes {4} to {5}).",
  ),
  paddingNotZero: entry(
    "ANT4029",
    "error",
    "Byte {0} lies outside every section and must be 0 padding; it is {1}.",
  ),
  sectionCrc: entry(
    "ANT4030",
    "error",
    "Section '{0}' is corrupt: its CRC-32 is {1} but the section table records {2}.",
  ),

  // Metadata (ANT4040-ANT4059)
  metaNotJson: entry("ANT4040", "error", "The metadata section is not valid UTF-8 JSON: {0}."),
  metaField: entry("ANT4041", "error", "The metadata field '{0}' is {1}; expected {2}."),

  // Consistency between sections (ANT4060-ANT4099)
  countMismatch: entry(
    "ANT4060",
    "error",
    "Section '{0}' holds {1} elements but the metadata implies {2} ({3}).",
  ),
  indexOutOfRange: entry(
    "ANT4061",
    "error",
    "{0} is {1}, outside the valid range [{2}, {3}) ({4}).",
  ),
  notMonotone: entry(
    "ANT4062",
    "error",
    "Element {1} of section '{0}' is {2}, less than the element before it ({3}); offsets must not decrease.",
  ),
  csrEnds: entry(
    "ANT4063",
    "error",
    "Section '{0}' must run from 0 to {1}; it runs from {2} to {3}.",
  ),
  notFinite: entry(
    "ANT4064",
    "error",
    "Element {1} of section '{0}' is {2}; it must be a finite number{3}.",
  ),
  coresNotContiguous: entry(
    "ANT4065",
    "error",
    "Core {0} starts at neuron {1}, but the cores before it end at neuron {2}; each core's neurons must follow the previous core's.",
  ),
  sliceMismatch: entry(
    "ANT4066",
    "error",
    "Slice {0} ({1} neurons of population '{2}' from hardware id {3}) disagrees with the neuron table at hardware id {4}.",
  ),
  routeParent: entry(
    "ANT4067",
    "error",
    "Route node {0} has parent {1}; a parent must come earlier in the same route ({2} to {3}).",
  ),
  synapseOffCore: entry(
    "ANT4068",
    "error",
    "Synapse {0} targets neuron {1} on core {2}, but its fan-out entry {3} sends to core {4}.",
  ),
  inputSize: entry(
    "ANT4069",
    "error",
    "Input {0} gives {1} rates to population '{2}' of {3} neurons.",
  ),

  // The saved run state, section 'run.state' (ANT4070-ANT4089)
  runStateTooShort: entry(
    "ANT4070",
    "error",
    "The run state section is {0} bytes long; its directory needs at least {1}.",
  ),
  runStateDirectory: entry("ANT4071", "error", "The run state directory is not valid: {0}."),
  runStateArrayName: entry(
    "ANT4072",
    "error",
    "Array {0} of the run state is '{1}'; expected '{2}'.",
  ),
  runStateArrayType: entry(
    "ANT4073",
    "error",
    "Run state array '{0}' holds {1} elements; it must hold {2} elements.",
  ),
  runStateArrayCount: entry(
    "ANT4074",
    "error",
    "Run state array '{0}' has {1} elements; the image implies {2}.",
  ),
  runStateLength: entry(
    "ANT4075",
    "error",
    "The run state section is {0} bytes long, but its directory lays out {1} bytes.",
  ),
  runStatePadding: entry(
    "ANT4076",
    "error",
    "Byte {0} pads the run state and must be 0; it is {1}.",
  ),
  runStateValue: entry("ANT4077", "error", "In the saved run state, {0}."),

  // Consistency between sections, continued (ANT4090-ANT4099)
  slotBeyondCore: entry(
    "ANT4090",
    "error",
    "Synapse {0} targets slot {1} of core {2}, the destination of its fan-out entry {3}, but that core holds {4} neurons; a slot must be less than its core's neuron count.",
  ),
} as const;
