/**
 * `ant check FILE... [--format text|json]`: runs the front end (parse, imports, units, semantic
 * checks) on each file and prints every diagnostic. Exit 0 when no file has an error (warnings
 * allowed), 1 when any has, 2 on a usage mistake, 70 when the front end hit an internal error. Files are checked independently, so one broken
 * file does not hide the diagnostics of the next.
 */
import type { Command } from "commander";
import { loadProgram } from "../../../dsl/index.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { hasErrors } from "../../diagnostics/diagnostic.ts";
import { diagnosticsToJson, renderDiagnostics } from "../../diagnostics/render.ts";
import { semanticDiagnostics } from "../../diagnostics/catalogue/semantic.ts";
import { ExitCode } from "../exit-codes.ts";
import type { CliContext } from "../main.ts";

interface CheckFlags {
  format: string;
  quiet?: boolean;
}

export function registerCheckCommand(program: Command, context: CliContext): void {
  program
    .command("check")
    .description("Check .ant files: syntax, imports, units and semantics; print every problem.")
    .argument("<files...>", ".ant source files (each checked with the files it imports)")
    .option("--format <format>", "text or json", "text")
    .option("-q, --quiet", "print nothing for clean files")
    .action((files: string[], flags: CheckFlags) => {
      context.exitCode = runCheck(files, flags);
    });
}

function runCheck(files: readonly string[], flags: CheckFlags): number {
  if (flags.format !== "text" && flags.format !== "json") {
    process.stderr.write(`ant check: --format must be 'text' or 'json', not '${flags.format}'\n`);
    return ExitCode.Usage;
  }

  let failed = false;
  let internal = false;
  const jsonFiles: { file: string; ok: boolean; diagnostics: unknown[] }[] = [];
  for (const file of files) {
    const loaded = loadProgram(file);
    const ok = loaded.program !== undefined && !hasErrors(loaded.diagnostics);
    failed ||= !ok;
    // The front end turns its own exceptions into ANT2000 so the other files still get checked;
    // the exit code still tells a script that ANT, not the input, is at fault.
    internal ||= loaded.diagnostics.some((d) => d.code === semanticDiagnostics.internal.code);

    if (flags.format === "json") {
      const diagnostics = diagnosticsToJson(loaded.diagnostics, loaded.sources);
      jsonFiles.push({ file, ok, diagnostics });
      continue;
    }
    if (loaded.diagnostics.length > 0) {
      process.stderr.write(renderDiagnostics(loaded.diagnostics, loaded.sources, colorOption()));
    }
    if (!flags.quiet || !ok) process.stdout.write(`${file}: ${verdict(loaded.diagnostics)}\n`);
  }

  if (flags.format === "json") {
    process.stdout.write(`${JSON.stringify({ files: jsonFiles }, null, 2)}\n`);
  }
  if (internal) return ExitCode.Internal;
  return failed ? ExitCode.InputError : ExitCode.Ok;
}

/** "ok", "ok, 1 warning", "2 errors, 1 warning". */
function verdict(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts: string[] = [];
  if (errors > 0) parts.push(plural(errors, "error"));
  if (warnings > 0) parts.push(plural(warnings, "warning"));
  if (errors === 0) parts.unshift("ok");
  return parts.join(", ");
}

function colorOption(): { color: boolean } {
  return { color: process.stderr.isTTY === true && process.env["NO_COLOR"] === undefined };
}
