/**
 * `ant report IMAGE [--json] [--html FILE] [--color-by utilisation|traffic]`: reads a chip image
 * and prints its placement report: per core its position, slices, counts, shares of each limit
 * and estimated traffic, then totals, mapping quality and quantisation error. `--json` prints
 * the same data as JSON; `--html FILE` also writes the self-contained mesh view. A bad image
 * prints its diagnostic and exits 1; see docs/reports.md.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { diagnosticsToJson, renderDiagnostics } from "../../diagnostics/render.ts";
import { SourceFiles } from "../../diagnostics/sources.ts";
import { loadImageFile } from "../../image/index.ts";
import {
  buildReport,
  CLI_COLOUR_MODES,
  formatJsonReport,
  formatTextReport,
  renderHtmlReport,
  type ColourMode,
} from "../../report/index.ts";
import { ExitCode } from "../exit-codes.ts";
import type { CliContext } from "../main.ts";

interface ReportFlags {
  json?: boolean;
  html?: string;
  colorBy?: string;
}

export function registerReportCommand(program: Command, context: CliContext): void {
  program
    .command("report")
    .description("Print the placement report of a chip image; optionally write an HTML mesh view.")
    .argument("<image>", "chip image written by 'ant compile -o'")
    .option("--json", "print the report as JSON (schema in docs/reports.md)")
    .option("--html <file>", "also write a self-contained HTML page that draws the mesh")
    .option("--color-by <mode>", "colouring the HTML page opens with: utilisation or traffic")
    .action((path: string, flags: ReportFlags) => {
      context.exitCode = runReport(path, flags);
    });
}

function runReport(path: string, flags: ReportFlags): number {
  // 1. Options.
  const colourBy = flags.colorBy as ColourMode | undefined;
  if (colourBy !== undefined && !CLI_COLOUR_MODES.includes(colourBy)) {
    process.stderr.write(
      `ant report: --color-by must be 'utilisation' or 'traffic', not '${flags.colorBy}'\n`,
    );
    return ExitCode.Usage;
  }
  if (colourBy !== undefined && flags.html === undefined) {
    process.stderr.write("ant report: --color-by applies to the HTML page: add --html FILE\n");
    return ExitCode.Usage;
  }

  // 2. Load the image; a bad one becomes its diagnostic.
  const loaded = loadImageFile(path);
  if (loaded.ir === undefined) {
    const sources = new SourceFiles();
    if (flags.json)
      process.stdout.write(
        `${JSON.stringify({ diagnostics: diagnosticsToJson(loaded.diagnostics, sources) }, null, 2)}\n`,
      );
    else process.stderr.write(renderDiagnostics(loaded.diagnostics, sources, colorOption()));
    return ExitCode.InputError;
  }

  // 3. Build once, render each asked-for view from the same data.
  const data = buildReport({ ir: loaded.ir });
  if (flags.html !== undefined) {
    try {
      writeFileSync(flags.html, renderHtmlReport(data, { colourBy }));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`ant report: cannot write '${flags.html}': ${reason}\n`);
      return ExitCode.InputError;
    }
  }
  process.stdout.write(flags.json ? formatJsonReport(data) : formatTextReport(data));
  return ExitCode.Ok;
}

function colorOption(): { color: boolean } {
  return { color: process.stderr.isTTY === true && process.env["NO_COLOR"] === undefined };
}
