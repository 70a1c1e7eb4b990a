/**
 * The summary `ant inspect` prints of an image it read: what the network is, what it occupies
 * on the target, and the section table with sizes and checksums.
 */
import type { ChipIR } from "../ir/types.ts";
import { formatCrc } from "./crc32.ts";
import type { SectionInfo } from "./read.ts";

export interface ImageSummary {
  readonly name: string;
  readonly target: string;
  readonly chips: string;
  readonly mesh: string;
  readonly coresUsed: number;
  readonly coresAvailable: number;
  readonly populations: number;
  readonly neurons: number;
  readonly synapses: number;
  readonly fanOutEntries: number;
  readonly routes: number;
  readonly routeNodes: number;
  readonly inputs: number;
  readonly recordings: number;
  readonly fileBytes: number;
  /** The paused run the image holds (`ant run --save-state`), or null for a compiled image. */
  readonly runState: { readonly mode: "float" | "fixed"; readonly nowPs: number } | null;
  readonly sections: readonly {
    readonly name: string;
    readonly elementType: string;
    readonly offset: number;
    readonly bytes: number;
    readonly count: number;
    readonly crc32: string;
  }[];
}

export function summariseImage(
  ir: ChipIR,
  sections: readonly SectionInfo[],
  fileBytes: number,
): ImageSummary {
  const t = ir.target;
  return {
    name: ir.name,
    target: t.name,
    chips: `${t.chipsX} x ${t.chipsY}`,
    mesh: `${t.meshWidth} x ${t.meshHeight}`,
    coresUsed: ir.cores.length,
    coresAvailable: t.chipsX * t.chipsY * t.meshWidth * t.meshHeight,
    populations: ir.populations.length,
    neurons: ir.neurons.count,
    synapses: ir.synapses.count,
    fanOutEntries: ir.synapses.fanOutCore.length,
    routes: ir.routes.count,
    routeNodes: ir.routes.nodeRouter.length,
    inputs: ir.inputs.length,
    recordings: ir.recordings.length,
    fileBytes,
    runState: ir.runState ? { mode: ir.runState.mode, nowPs: ir.runState.nowPs } : null,
    sections: sections.map((s) => ({
      name: s.name,
      elementType: s.elementType,
      offset: s.offset,
      bytes: s.bytes,
      count: s.count,
      crc32: formatCrc(s.crc),
    })),
  };
}

/** The summary as aligned text for a terminal. */
export function formatImageSummary(summary: ImageSummary): string {
  const lines = [
    `image      ${summary.name}`,
    `target     ${summary.target} (${summary.chips} chips of ${summary.mesh} cores)`,
    `cores      ${summary.coresUsed} used of ${summary.coresAvailable}`,
    `neurons    ${summary.neurons} in ${summary.populations} populations`,
    `synapses   ${summary.synapses} in ${summary.fanOutEntries} fan-out entries`,
    `routes     ${summary.routes} with ${summary.routeNodes} router entries`,
    `inputs     ${summary.inputs}, recordings ${summary.recordings}`,
    `size       ${summary.fileBytes} bytes`,
    `run state  ${runStateText(summary.runState)}`,
    "",
    "section                 type        offset         bytes      elements  crc32",
  ];
  for (const s of summary.sections)
    lines.push(
      `${s.name.padEnd(22)}  ${s.elementType.padEnd(10)}  ${String(s.offset).padStart(8)}  ` +
        `${String(s.bytes).padStart(12)}  ${String(s.count).padStart(12)}  ${s.crc32}`,
    );
  return `${lines.join("\n")}\n`;
}

function runStateText(state: ImageSummary["runState"]): string {
  if (state === null) return "none (a run starts at 0 s)";
  return `paused at ${state.nowPs / 1e12} s in ${state.mode} mode ('ant run' continues it)`;
}
