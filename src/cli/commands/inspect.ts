/**
 * `ant inspect IMAGE [--format text|json]`: reads a chip image and prints its summary (network,
 * target, cores, neurons, synapses, routes, and the section table with sizes and CRCs). A bad
 * image prints its diagnostic and exits 1.
 */
import type { Command } from "commander";
import { diagnosticsToJson, renderDiagnostics } from "../../diagnostics/render.ts";
import { SourceFiles } from "../../diagnostics/sources.ts";
import { formatImageSummary, loadImageFile, summariseImage } from "../../image/index.ts";
import { ExitCode } from "../exit-codes.ts";
import type { CliContext } from "../main.ts";

export function registerInspectCommand(program: Command, context: CliContext): void {
  program
    .command("inspect")
    .description("Read a chip image (.antbin) and print its summary and section table.")
    .argument("<image>", "chip image written by 'ant compile -o'")
    .option("--format <format>", "text or json", "text")
    .action((path: string, options: { format: string }) => {
      if (options.format !== "text" && options.format !== "json") {
        process.stderr.write(
          `ant inspect: --format must be 'text' or 'json', not '${options.format}'\n`,
        );
        context.exitCode = ExitCode.Usage;
        return;
      }
      const json = options.format === "json";
      const loaded = loadImageFile(path);

      if (loaded.ir === undefined || loaded.sections === undefined) {
        const sources = new SourceFiles();
        if (json)
          process.stdout.write(
            `${JSON.stringify({ diagnostics: diagnosticsToJson(loaded.diagnostics, sources) }, null, 2)}\n`,
          );
        else
          process.stderr.write(
            renderDiagnostics(loaded.diagnostics, sources, { color: useColor() }),
          );
        context.exitCode = ExitCode.InputError;
        return;
      }

      const summary = summariseImage(loaded.ir, loaded.sections, loaded.fileBytes);
      process.stdout.write(
        json ? `${JSON.stringify(summary, null, 2)}\n` : formatImageSummary(summary),
      );
      context.exitCode = ExitCode.Ok;
    });
}

function useColor(): boolean {
  return process.stderr.isTTY === true && process.env["NO_COLOR"] === undefined;
}
