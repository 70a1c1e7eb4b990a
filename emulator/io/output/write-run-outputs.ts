/**
 * Writes the recorded outputs of a run into a directory (`ant run --out DIR`): spikes as compact
 * binary and CSV, voltage traces as CSV, and the raster picture. Failures to write come back as
 * diagnostics naming the file; nothing here throws.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeDiagnostic } from "../../../src/diagnostics/catalogue/entry.ts";
import { eventFileDiagnostics as codes } from "../../../src/diagnostics/catalogue/event-files.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { spikesToCsv, voltagesToCsv } from "./csv-writers.ts";
import { renderRasterSvg, type RasterOptions } from "./raster-svg.ts";
import { encodeSpikeBinary } from "./spike-binary.ts";
import type { SpikeTable, VoltageTraces } from "./spike-table.ts";

export const OUTPUT_FILES = {
  spikesBinary: "spikes.antspk",
  spikesCsv: "spikes.csv",
  voltagesCsv: "voltages.csv",
  raster: "raster.svg",
} as const;

export interface RunOutputs {
  readonly spikes: SpikeTable;
  /** Omitted or without probes: no voltages.csv is written. */
  readonly traces?: VoltageTraces;
  readonly raster?: RasterOptions;
}

export interface WrittenOutputs {
  /** Paths written, in the order of OUTPUT_FILES. */
  readonly files: string[];
  readonly diagnostics: Diagnostic[];
}

export function writeRunOutputs(dir: string, outputs: RunOutputs): WrittenOutputs {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const write = (name: string, content: Uint8Array | string): void => {
    const path = join(dir, name);
    try {
      writeFileSync(path, content);
      files.push(path);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push(makeDiagnostic(codes.cannotWrite, [path, reason]));
    }
  };

  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { files, diagnostics: [makeDiagnostic(codes.cannotWrite, [dir, reason])] };
  }

  write(OUTPUT_FILES.spikesBinary, encodeSpikeBinary(outputs.spikes));
  write(OUTPUT_FILES.spikesCsv, spikesToCsv(outputs.spikes));
  if (outputs.traces !== undefined && outputs.traces.probes.length > 0) {
    write(OUTPUT_FILES.voltagesCsv, voltagesToCsv(outputs.traces));
  }
  const raster = renderRasterSvg(outputs.spikes, outputs.raster);
  write(OUTPUT_FILES.raster, raster.svg);
  diagnostics.push(...raster.diagnostics);
  return { files, diagnostics };
}
