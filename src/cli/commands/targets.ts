/**
 * `ant targets [--json]`: lists the built-in targets (targets/*.ant) with their headline figures.
 * Each target file is loaded with the front end, so a broken built-in shows its diagnostics here
 * instead of at compile time. JSON keeps SI units (J) and writes `null` for "unlimited".
 */
import type { Command } from "commander";
import type { ResolvedTarget } from "../../../dsl/resolved.ts";
import { hasErrors } from "../../diagnostics/diagnostic.ts";
import { renderDiagnostics } from "../../diagnostics/render.ts";
import { listBuiltinTargets, loadTarget } from "../../compiler/index.ts";
import { formatCount } from "../../compiler/format.ts";
import { ExitCode } from "../exit-codes.ts";
import type { CliContext } from "../main.ts";

/** One row of the listing; counts are `null` when the target sets them to `unlimited`. */
export interface TargetRow {
  name: string;
  /** The name the file declares (`ant_ref` in targets/ant-ref.ant). */
  declaredName: string;
  description: string;
  chips: [number, number];
  mesh: [number, number];
  cores: number;
  neuronsPerCore: number;
  fanInAxons: number | null;
  weightBits: number;
  synOpJ: number;
}

export function registerTargetsCommand(program: Command, context: CliContext): void {
  program
    .command("targets")
    .description("List the built-in targets with their headline figures.")
    .option("--json", "print the list as JSON (energies in J, null for unlimited)")
    .action((flags: { json?: boolean }) => {
      context.exitCode = runTargets(flags.json === true);
    });
}

function runTargets(json: boolean): number {
  const rows: TargetRow[] = [];
  let failed = false;
  for (const name of listBuiltinTargets()) {
    const loaded = loadTarget(name);
    if (loaded.target === undefined || hasErrors(loaded.diagnostics)) {
      process.stderr.write(renderDiagnostics(loaded.diagnostics, loaded.sources));
      failed = true;
      continue;
    }
    rows.push(targetRow(name, loaded.target));
  }

  process.stdout.write(json ? `${JSON.stringify({ targets: rows }, null, 2)}\n` : formatRows(rows));
  return failed ? ExitCode.InputError : ExitCode.Ok;
}

export function targetRow(name: string, t: ResolvedTarget): TargetRow {
  const chips = t.chipsX * t.chipsY;
  return {
    name,
    declaredName: t.name,
    description: t.description,
    chips: [t.chipsX, t.chipsY],
    mesh: [t.meshWidth, t.meshHeight],
    cores: chips * t.meshWidth * t.meshHeight,
    neuronsPerCore: t.core.maxNeurons,
    fanInAxons: Number.isFinite(t.core.maxFanInAxons) ? t.core.maxFanInAxons : null,
    weightBits: t.precision.weightBits,
    synOpJ: t.energy.synOpJ,
  };
}

function formatRows(rows: readonly TargetRow[]): string {
  const header = ["target", "chips", "mesh", "cores", "neurons/core", "fan-in", "weight", "synop"];
  const cells = rows.map((r) => [
    r.name,
    r.chips[0] * r.chips[1] === 1 ? "1" : `${r.chips[0]} x ${r.chips[1]}`,
    `${r.mesh[0]} x ${r.mesh[1]}`,
    formatCount(r.cores),
    formatCount(r.neuronsPerCore),
    r.fanInAxons === null ? "unlimited" : formatCount(r.fanInAxons),
    `${r.weightBits} bit`,
    formatEnergy(r.synOpJ),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]): string =>
    c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");

  const table = [line(header), ...cells.map(line)].join("\n");
  const notes = rows.map((r) => `  ${r.name}: ${r.description}`).join("\n");
  return `${table}\n\n${notes}\n\nsynop: energy of one synaptic operation. Sources: docs/targets.md.\n`;
}

/** Joules with a readable SI prefix: 2.36e-11 -> "23.6 pJ". */
function formatEnergy(j: number): string {
  const [scale, unit] = j >= 1e-6 ? [1e6, "uJ"] : j >= 1e-9 ? [1e9, "nJ"] : [1e12, "pJ"];
  return `${Number((j * scale).toPrecision(3))} ${unit}`;
}
