/**
 * Event-file readers (inputs) and run-output writers of the emulator, in one import.
 * See docs/emulator.md, sections "Inputs" and "Outputs", for the formats.
 */
export {
  eventsToInputSpikes,
  neuronsNeeded,
  stableTimeOrder,
  PS_PER_US,
} from "./events/event-stream.ts";
export type {
  EventStream,
  EventReadResult,
  InputSpikes,
  PixelMapping,
  PolarityMode,
} from "./events/event-stream.ts";
export { parseNmnist, NMNIST_SENSOR } from "./events/nmnist.ts";
export { parseAedat2 } from "./events/aedat2.ts";
export type { Aedat2Sensor } from "./events/aedat2.ts";
export { parseAedat3 } from "./events/aedat3.ts";
export { parseCsvSpikes } from "./events/csv-spikes.ts";
export type { SpikeReadResult } from "./events/csv-spikes.ts";
export {
  parseEventBytes,
  readEventFile,
  readSpikeFile,
  spikesFromBytes,
  SPIKE_FILE_FORMATS,
} from "./events/read-event-file.ts";
export type {
  CameraFormat,
  CameraOptions,
  SpikeFileFormat,
  SpikeFileInput,
} from "./events/read-event-file.ts";
export { formatFloat, formatPsAsSeconds, parseSecondsToPs } from "./time-text.ts";
export { spikeTableFromHardware } from "./output/spike-table.ts";
export type { SpikeTable, VoltageTraces } from "./output/spike-table.ts";
export { decodeSpikeBinary, encodeSpikeBinary, SPIKE_BINARY_MAGIC } from "./output/spike-binary.ts";
export { csvField, spikesToCsv, voltagesToCsv } from "./output/csv-writers.ts";
export { escapeXml, renderRasterSvg } from "./output/raster-svg.ts";
export type { Raster, RasterOptions } from "./output/raster-svg.ts";
export { OUTPUT_FILES, writeRunOutputs } from "./output/write-run-outputs.ts";
export type { RunOutputs, WrittenOutputs } from "./output/write-run-outputs.ts";
