/**
 * Catalogue section for event files and run outputs (phase 5, codes ANT5500-ANT5999): reading
 * N-MNIST, AEDAT 2.0/3.1 and CSV spike files, and writing spike, voltage and raster outputs.
 * Every reader error carries `bytes: { file, byteOffset }`, so the messages below never repeat
 * the file name or the offset; they say what was found and what was expected.
 */
import { entry } from "./entry.ts";

export const eventFileDiagnostics = {
  cannotRead: entry("ANT5500", "error", "Cannot read event file '{0}': {1}."),
  unknownFormat: entry(
    "ANT5501",
    "error",
    "Event file format '{0}' is not known; expected one of {1}.",
  ),
  truncatedRecord: entry(
    "ANT5502",
    "error",
    "The file ends inside {0}: {1} bytes remain where {2} are needed.",
  ),
  badMagic: entry("ANT5503", "error", "The file does not start with '{0}'; it starts with '{1}'."),
  headerNotEnded: entry(
    "ANT5504",
    "error",
    "The header is not closed: expected a '{0}' line before the binary data.",
  ),
  badHeaderLine: entry("ANT5505", "error", "Header line '{0}' is malformed; expected {1}."),
  outsideSensor: entry(
    "ANT5506",
    "error",
    "An event at x = {0}, y = {1} lies outside the {2} x {3} sensor.",
  ),
  timeGoesBackwards: entry(
    "ANT5507",
    "error",
    "An event at {0} us comes after one at {1} us; {2} files are in time order.",
  ),
  packetTooLarge: entry(
    "ANT5508",
    "error",
    "A packet declares {0} events of {1} bytes ({2} bytes), but only {3} bytes remain.",
  ),
  badPacketField: entry("ANT5509", "error", "Packet header field '{0}' is {1}; expected {2}."),
  unknownSensor: entry(
    "ANT5510",
    "error",
    "Sensor '{0}' is not supported; supported sensors are {1}.",
  ),
  csvBadField: entry("ANT5511", "error", "Line {0}: '{1}' is not {2}."),
  csvBadHeader: entry(
    "ANT5512",
    "error",
    "Line {0}: header '{1}' is not understood; expected 'neuron,time_s'.",
  ),
  csvFieldCount: entry(
    "ANT5513",
    "error",
    "Line {0} has {1} fields; expected 2 ('neuron,time_s').",
  ),
  sensorDoesNotFit: entry(
    "ANT5514",
    "error",
    "Input '{0}' has {1} neurons, but events of the {2} x {3} sensor with polarity '{4}' need {5}.",
  ),
  neuronOutsideInput: entry(
    "ANT5515",
    "error",
    "Line {0}: neuron {1} does not exist; input '{2}' has {3} neurons.",
  ),
  timeTooLarge: entry(
    "ANT5516",
    "error",
    "Time {0} s is beyond the range the emulator represents exactly (2^53 ps, about 2.5 hours).",
  ),
  undeclaredSource: entry(
    "ANT5517",
    "error",
    "A packet comes from source {0}, which the header does not declare; declared: {1}.",
  ),
  sizeOutOfRange: entry("ANT5518", "error", "The file declares {0} {1}; expected {2}."),
  cannotWrite: entry("ANT5519", "error", "Cannot write '{0}': {1}."),
  internal: entry("ANT5599", "error", "Internal error while reading '{0}': {1}."),
  rasterSubsampled: entry(
    "ANT5600",
    "note",
    "The raster shows 1 spike in {0} ({1} of {2}) to keep the picture small.",
  ),
} as const;
