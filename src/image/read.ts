/**
 * Reads a chip image back into a ChipIR, refusing anything malformed with one catalogue
 * diagnostic that names the byte offset and what was expected. Stages, each gating the next:
 *   1. header and section table (read-table.ts): bounds, layout and CRCs;
 *   2. metadata JSON: parse and check against the schema (meta.ts);
 *   3. element counts of every array section against the metadata's counts;
 *   4. values: indices in range, CSR offsets monotone, floats finite (check-ir.ts), and each
 *      synapse's post neuron inside its core, converted to a slot for images before version 3
 *      (read-slots.ts);
 *   5. assembly, deriving `neurons.core` from the cores' ranges;
 *   6. the run state, if the image holds a paused run (read-run-state.ts).
 * Nothing is sized from a figure that was not first checked against the file's length, so a
 * hostile file cannot make the reader allocate more than about its own size.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { imageDiagnostics as D, makeDiagnostic } from "../diagnostics/catalogue/index.ts";
import { IR_FORMAT_VERSION, type ChipIR, type IrInput } from "../ir/types.ts";
import { checkIrValues, type ImageArrays } from "./check-ir.ts";
import { ImageFailure, fail, type ReadContext } from "./failure.ts";
import { ELEMENT_NAMES, SECTIONS, type CountName } from "./format.ts";
import { decodeJson, SchemaMismatch } from "./json-schema.ts";
import { metaSchema, type ImageMeta, type MetaCounts } from "./meta.ts";
import { sectionArray } from "./read-arrays.ts";
import { readRunState } from "./read-run-state.ts";
import { readTargetSlots } from "./read-slots.ts";
import { readHeader, readSectionTable, type SectionTable } from "./read-table.ts";

export interface ReadImageOptions {
  /** Copy every array out of `bytes` instead of viewing it in place (default false). */
  readonly copy?: boolean;
}

/** One row of the section table, as `ant inspect` shows it. */
export interface SectionInfo {
  readonly name: string;
  readonly id: number;
  readonly elementType: string;
  readonly offset: number;
  readonly bytes: number;
  readonly count: number;
  readonly crc: number;
}

export interface ReadImageResult {
  readonly ir?: ChipIR;
  readonly diagnostics: Diagnostic[];
  /** The section table, present when the image was read without errors. */
  readonly sections?: readonly SectionInfo[];
}

export function readImage(
  bytes: Uint8Array,
  file = "<image>",
  options: ReadImageOptions = {},
): ReadImageResult {
  const context: ReadContext = { file };
  try {
    const { ir, table } = decode(bytes, context, options.copy ?? false);
    return { ir, diagnostics: [], sections: sectionInfo(table) };
  } catch (error) {
    if (error instanceof ImageFailure) return { diagnostics: [error.diagnostic] };
    const message = error instanceof Error ? error.message : String(error);
    return {
      diagnostics: [makeDiagnostic(D.internal, [message], { bytes: { file, byteOffset: 0 } })],
    };
  }
}

function decode(
  bytes: Uint8Array,
  context: ReadContext,
  copy: boolean,
): { ir: ChipIR; table: SectionTable } {
  const header = readHeader(bytes, context);
  const table = readSectionTable(bytes, header, context);
  const meta = readMeta(bytes, table, context);
  checkCounts(table, meta.counts, context);

  const arrays: ImageArrays = {
    population: sectionArray(bytes, table["neuron.population"], copy),
    index: sectionArray(bytes, table["neuron.index"], copy),
    initV: sectionArray(bytes, table["neuron.init_v"], copy),
    initGExcV: sectionArray(bytes, table["neuron.init_g_exc"], copy),
    initGInhV: sectionArray(bytes, table["neuron.init_g_inh"], copy),
    initThetaV: sectionArray(bytes, table["neuron.init_theta"], copy),
    fanOutStart: sectionArray(bytes, table["fanout.start"], copy),
    fanOutCore: sectionArray(bytes, table["fanout.core"], copy),
    fanOutProjection: sectionArray(bytes, table["fanout.projection"], copy),
    synStart: sectionArray(bytes, table["synapse.start"], copy),
    weight: sectionArray(bytes, table["synapse.weight"], copy),
    delay: sectionArray(bytes, table["synapse.delay"], copy),
    neuronRoute: sectionArray(bytes, table["route.neuron"], copy),
    nodeStart: sectionArray(bytes, table["route.node_start"], copy),
    nodeRouter: sectionArray(bytes, table["route.node_router"], copy),
    nodeParent: sectionArray(bytes, table["route.node_parent"], copy),
    nodePorts: sectionArray(bytes, table["route.node_ports"], copy),
    ratesHz: sectionArray(bytes, table["input.rates_hz"], copy),
    spikeNeuron: sectionArray(bytes, table["input.spike_neuron"], copy),
    spikeTimePs: sectionArray(bytes, table["input.spike_time_ps"], copy),
  };
  const core = checkIrValues(meta, arrays, table, context);
  const targetSlot = readTargetSlots(bytes, meta, arrays, core, table, context, copy);
  const ir = assemble(meta, arrays, core, targetSlot);

  const stateSection = table["run.state"];
  const runState =
    stateSection === undefined ? undefined : readRunState(bytes, stateSection, ir, context, copy);
  return { ir: runState === undefined ? ir : { ...ir, runState }, table };
}

function sectionInfo(table: SectionTable): SectionInfo[] {
  return Object.values(table)
    .sort((a, b) => a.offset - b.offset || a.entry - b.entry)
    .map((s) => ({
      name: s.spec.name,
      id: s.spec.id,
      elementType: ELEMENT_NAMES[s.spec.type],
      offset: s.offset,
      bytes: s.length,
      count: s.count,
      crc: s.crc,
    }));
}

function readMeta(bytes: Uint8Array, table: SectionTable, context: ReadContext): ImageMeta {
  const section = table.meta;
  let json: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(
      bytes.subarray(section.offset, section.offset + section.length),
    );
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    fail(context, D.metaNotJson, [reason], section.offset);
  }

  let meta: ImageMeta;
  try {
    meta = decodeJson(json, metaSchema) as ImageMeta;
  } catch (error) {
    if (!(error instanceof SchemaMismatch)) throw error;
    fail(context, D.metaField, [error.path, error.found, error.expected], section.offset);
  }
  if (meta.formatVersion !== IR_FORMAT_VERSION)
    fail(
      context,
      D.metaField,
      ["$.formatVersion", meta.formatVersion, `${IR_FORMAT_VERSION}`],
      section.offset,
    );
  return meta;
}

function expectedCount(name: CountName, counts: MetaCounts): { value: number; why: string } {
  const plusOne = name.endsWith("+1");
  const key = (plusOne ? name.slice(0, -2) : name) as keyof MetaCounts;
  const value = counts[key] + (plusOne ? 1 : 0);
  return { value, why: plusOne ? `${counts[key]} ${key} plus one` : `${key}` };
}

function checkCounts(table: SectionTable, counts: MetaCounts, context: ReadContext): void {
  for (const spec of SECTIONS) {
    if (!("count" in spec)) continue;
    const section = table[spec.name];
    // Absent only from versions without it: the table check saw to that.
    if (section === undefined) continue;
    const expected = expectedCount(spec.count, counts);
    if (section.count !== expected.value)
      fail(
        context,
        D.countMismatch,
        [spec.name, section.count, expected.value, expected.why],
        section.offset,
      );
  }
}

function assemble(
  meta: ImageMeta,
  a: ImageArrays,
  core: Uint32Array,
  targetSlot: Uint16Array,
): ChipIR {
  const inputs = meta.inputs.map((input): IrInput => {
    switch (input.kind) {
      case "poisson": {
        const { kind, population, startPs, stopPs, seed, ratesFirst, ratesCount } = input;
        const ratesHz = a.ratesHz.subarray(ratesFirst, ratesFirst + ratesCount);
        return { kind, population, ratesHz, startPs, stopPs, seed };
      }
      case "spike_times": {
        const { kind, population, spikesFirst: first, spikesCount: n } = input;
        return {
          kind,
          population,
          neuron: a.spikeNeuron.subarray(first, first + n),
          timePs: a.spikeTimePs.subarray(first, first + n),
        };
      }
      case "spike_file":
        return input;
    }
  });

  const { counts } = meta;
  return {
    formatVersion: meta.formatVersion,
    name: meta.name,
    seed: meta.seed,
    target: meta.target,
    models: meta.models,
    populations: meta.populations,
    projections: meta.projections,
    plasticityRules: meta.plasticityRules,
    cores: meta.cores,
    slices: meta.slices,
    neurons: {
      count: counts.neurons,
      population: a.population,
      index: a.index,
      core,
      initV: a.initV,
      initGExcV: a.initGExcV,
      initGInhV: a.initGInhV,
      initThetaV: a.initThetaV,
    },
    synapses: {
      count: counts.synapses,
      fanOutStart: a.fanOutStart,
      fanOutCore: a.fanOutCore,
      fanOutProjection: a.fanOutProjection,
      synStart: a.synStart,
      targetSlot,
      weight: a.weight,
      delay: a.delay,
    },
    routes: {
      count: counts.routes,
      neuronRoute: a.neuronRoute,
      nodeStart: a.nodeStart,
      nodeRouter: a.nodeRouter,
      nodeParent: a.nodeParent,
      nodePorts: a.nodePorts,
    },
    inputs,
    recordings: meta.recordings,
    mapping: meta.mapping,
  };
}
