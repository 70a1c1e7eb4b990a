/**
 * `ant compile FILE --target T [-o IMAGE] [--emit-ir IR.json] [--seed N] [--profile run.json] [--report DIR]
 * [--verbose] [--format text|json]`: maps a network onto a target, prints how well it fits
 * (cores, hops against in-order placement, busiest link, chip crossings, weight quantisation)
 * and writes the chip image and, on request, the IR as JSON (docs/ir.md) and the reports.
 *
 * Diagnostics go to stderr in the same form as `ant check`; `--format json` prints one JSON
 * object on stdout instead. Exit 0 when it compiles, 1 on errors in the input, 2 on a wrong
 * command line.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { hasErrors } from "../../diagnostics/diagnostic.ts";
import { makeDiagnostic, mappingDiagnostics } from "../../diagnostics/catalogue/index.ts";
import { diagnosticsToJson, renderDiagnostics } from "../../diagnostics/render.ts";
import { SourceFiles } from "../../diagnostics/sources.ts";
import { compileFile, type RunProfile } from "../../compiler/index.ts";
import { irToJson } from "../../compiler/emit/ir-json.ts";
import { formatBytes } from "../../compiler/format.ts";
import { formatCompileSummary, summariseCompile } from "../../compiler/summary.ts";
import { writeImage } from "../../image/index.ts";
import type { ChipIR } from "../../ir/types.ts";
import {
  buildReport,
  formatJsonReport,
  formatTextReport,
  renderHtmlReport,
} from "../../report/index.ts";
import { ExitCode } from "../exit-codes.ts";
import type { CliContext } from "../main.ts";

interface CompileFlags {
  target: string;
  output?: string;
  emitIr?: string;
  seed?: string;
  memoryBudget?: string;
  profile?: string;
  report?: string;
  verbose?: boolean;
  format: string;
}

export function registerCompileCommand(program: Command, context: CliContext): void {
  program
    .command("compile")
    .description("Map a network onto a target and write its chip image (.antbin).")
    .argument("<file>", "the .ant network to compile")
    .option("--target <target>", "built-in target name or target file", "ant-ref")
    .option("-o, --output <image>", "write the chip image here")
    .option("--emit-ir <json>", "write the core-mapped IR as JSON (docs/ir.md)")
    .option("--seed <n>", "seed of the placer (default: the program's seed)")
    .option("--memory-budget <size>", "refuse networks estimated to need more, e.g. 4GiB", "2GiB")
    .option("--profile <run.json>", "spike rates from 'ant run --out', for traffic estimates")
    .option(
      "--report <dir>",
      "also write report.txt, report.json and report.html (docs/reports.md)",
    )
    .option("--verbose", "tell what each phase did and how long it took (on stderr)")
    .option("--format <format>", "text or json", "text")
    .action((file: string, flags: CompileFlags) => {
      context.exitCode = runCompile(file, flags);
    });
}

function runCompile(file: string, flags: CompileFlags): number {
  // 1. The command line.
  const usage = (message: string): number => {
    process.stderr.write(`ant compile: ${message}\n`);
    return ExitCode.Usage;
  };
  if (flags.format !== "text" && flags.format !== "json")
    return usage(`--format must be 'text' or 'json', not '${flags.format}'`);
  const seed = flags.seed === undefined ? undefined : Number(flags.seed);
  if (seed !== undefined && !(Number.isSafeInteger(seed) && seed >= 0))
    return usage(`--seed must be a whole number of 0 or more, not '${flags.seed}'`);
  const memoryBudgetBytes = parseByteSize(flags.memoryBudget ?? "2GiB");
  if (memoryBudgetBytes === undefined)
    return usage(
      `--memory-budget must be a size such as 512MiB or 4GiB, not '${flags.memoryBudget}'`,
    );
  const json = flags.format === "json";

  // 2. The run profile, if any.
  const early: Diagnostic[] = [];
  const profile = flags.profile === undefined ? undefined : readProfile(flags.profile, early);
  if (hasErrors(early)) return report(early, new SourceFiles(), json);

  // 3. Compile, timing each phase.
  const phases: { phase: string; ms: number }[] = [];
  const start = performance.now();
  const result = compileFile(file, flags.target, {
    seed,
    profile,
    memoryBudgetBytes,
    onPhase: (phase, ms) => phases.push({ phase, ms }),
  });
  if (flags.verbose === true) {
    for (const p of phases)
      process.stderr.write(`ant compile: ${p.phase.padEnd(9)} ${p.ms.toFixed(1)} ms\n`);
    process.stderr.write(`ant compile: total     ${(performance.now() - start).toFixed(1)} ms\n`);
  }
  if (result.ir === undefined || hasErrors(result.diagnostics))
    return report(result.diagnostics, result.sources, json);

  // 4. Write the outputs.
  const written: { path: string; bytes: number }[] = [];
  const write = (path: string, data: Uint8Array | string): boolean => {
    try {
      writeFileSync(path, data);
      written.push({
        path,
        bytes: typeof data === "string" ? Buffer.byteLength(data) : data.length,
      });
      return true;
    } catch (error) {
      process.stderr.write(`ant compile: cannot write '${path}': ${(error as Error).message}\n`);
      return false;
    }
  };
  if (flags.output !== undefined && !write(flags.output, writeImage(result.ir)))
    return ExitCode.InputError;
  if (flags.emitIr !== undefined && !write(flags.emitIr, irToJson(result.ir)))
    return ExitCode.InputError;
  if (flags.report !== undefined && !writeReports(flags.report, result.ir, write))
    return ExitCode.InputError;

  // 5. The summary.
  const summary = summariseCompile(result.ir, flags.profile);
  if (json) {
    const diagnostics = diagnosticsToJson(result.diagnostics, result.sources);
    const out = { ok: true, summary, written, phases, diagnostics };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    process.stderr.write(renderDiagnostics(result.diagnostics, result.sources, colorOption()));
    const files = written.map((w) => `Wrote ${w.path} (${formatBytes(w.bytes)}).\n`).join("");
    process.stdout.write(formatCompileSummary(summary) + files);
  }
  return ExitCode.Ok;
}

/** The three placement reports of `ant report`, written into `dir` (created if missing). */
function writeReports(
  dir: string,
  ir: ChipIR,
  write: (path: string, data: string) => boolean,
): boolean {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    process.stderr.write(`ant compile: cannot create '${dir}': ${(error as Error).message}\n`);
    return false;
  }
  const data = buildReport({ ir });
  return (
    write(join(dir, "report.txt"), formatTextReport(data)) &&
    write(join(dir, "report.json"), formatJsonReport(data)) &&
    write(join(dir, "report.html"), renderHtmlReport(data))
  );
}

/** Prints diagnostics of a failed compile and returns its exit code. */
function report(diagnostics: readonly Diagnostic[], sources: SourceFiles, json: boolean): number {
  if (json) {
    const out = { ok: false, diagnostics: diagnosticsToJson(diagnostics, sources) };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else process.stderr.write(renderDiagnostics(diagnostics, sources, colorOption()));
  return ExitCode.InputError;
}

/** Reads the `populations` of a run.json written by `ant run --out`. */
function readProfile(path: string, diagnostics: Diagnostic[]): RunProfile | undefined {
  const fail = (why: string): undefined => {
    diagnostics.push(makeDiagnostic(mappingDiagnostics.profileUnreadable, [path, why]));
    return undefined;
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    return fail((error as Error).message);
  }
  const populations = (parsed as { populations?: unknown }).populations;
  if (!Array.isArray(populations)) return fail("it has no 'populations' array");
  const entries: { name: string; rate_hz: number }[] = [];
  for (const entry of populations as unknown[]) {
    const { name, rate_hz: rate } = (entry ?? {}) as { name?: unknown; rate_hz?: unknown };
    if (typeof name !== "string" || typeof rate !== "number")
      return fail("every population needs a string 'name' and a number 'rate_hz'");
    entries.push({ name, rate_hz: rate });
  }
  return { populations: entries };
}

function colorOption(): { color: boolean } {
  return { color: process.stderr.isTTY === true && process.env["NO_COLOR"] === undefined };
}

/** "512MiB", "4GiB", "1.5 GiB", "1000000B" in bytes; undefined when it is not such a size. */
function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB|TiB)\s*$/.exec(text);
  if (match === null) return undefined;
  const power = ["B", "KiB", "MiB", "GiB", "TiB"].indexOf(match[2]!);
  const bytes = Math.round(Number(match[1]) * 1024 ** power);
  return bytes > 0 ? bytes : undefined;
}
