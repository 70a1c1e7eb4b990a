/**
 * `ant run FILE.ant|IMAGE.antbin`: runs a network on the event-driven emulator and prints what it
 * did and what it cost (energy by kind beside a clocked chip's, busiest core and link, latency,
 * late deliveries). A thin layer over the library: it loads or compiles the image, drives an
 * `Emulator` in slices of simulated time (so Ctrl-C and the progress bar get a turn between
 * slices; slicing never changes results), and formats the report.
 *
 * An image written by `--save-state` holds a paused run; running it continues that run from the
 * saved time with the saved mode and seed, unless `--restart` asks for a fresh start.
 *
 * Steps: 1. parse options, 2. load or compile, 3. run (or compare modes), 4. print, 5. write files.
 */
import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import type { Command } from "commander";
import { SingleBar } from "cli-progress";
import type { ChipIR } from "../../ir/types.ts";
import type { ResolvedProgram, ResolvedTarget } from "../../../dsl/resolved.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { hasErrors } from "../../diagnostics/diagnostic.ts";
import { emulationDiagnostics as D, makeDiagnostic } from "../../diagnostics/catalogue/index.ts";
import { renderDiagnostics } from "../../diagnostics/render.ts";
import { SourceFiles } from "../../diagnostics/sources.ts";
import { loadImageFile, writeImage } from "../../image/index.ts";
import { Emulator, EmulationError } from "../../../emulator/api.ts";
import { compareSpikes, type ModeComparison } from "../../../emulator/compare-modes.ts";
import { parseDurationPs } from "../../../emulator/duration.ts";
import { runReportToJson } from "../../../emulator/report-json.ts";
import { formatRunSummary, formatTimePs } from "../../../emulator/report-text.ts";
import { writeRunOutputs } from "../../../emulator/io/output/write-run-outputs.ts";
import { spikeTableFromHardware } from "../../../emulator/io/output/spike-table.ts";
import { ExitCode } from "../exit-codes.ts";
import { MESH_FILE, runMeshHtml } from "./run-mesh.ts";
import type { CliContext } from "../main.ts";
import { loadProgram } from "../../../dsl/index.ts";

interface RunFlags {
  target?: string;
  duration: string;
  seed?: string;
  mode?: string;
  restart?: boolean;
  compareModes?: boolean;
  clockStep: string;
  out?: string;
  json?: boolean;
  saveState?: string;
  freezeLearning?: boolean;
}

export function registerRunCommand(program: Command, context: CliContext): void {
  program
    .command("run")
    .description(
      "Run a network (.ant) or chip image (.antbin) on the clockless emulator; report energy, traffic and the clocked baseline.",
    )
    .argument("<file>", "a .ant source (compiled first) or a .antbin chip image")
    .option("--target <target>", "target name or file for a .ant source (default: ant-ref)")
    .option("--duration <time>", "simulated time with a unit, e.g. 1s or 250ms", "1s")
    .option(
      "--seed <n>",
      "seed of the input streams (default: the image's seed, or the seed of the run it holds)",
    )
    .option(
      "--mode <mode>",
      "neuron arithmetic: float or fixed (default: float, or the mode of the run a saved image holds)",
    )
    .option("--compare-modes", "run float and fixed mode and report how their spikes differ")
    .option("--clock-step <time>", "step of the clocked baseline", "1ms")
    .option(
      "--out <dir>",
      "write spikes (binary, CSV), voltage traces, raster SVG, run.json and mesh.html (measured energy and traffic on the mesh)",
    )
    .option("--json", "print the report as JSON (energies in J, times in s)")
    .option(
      "--save-state <file>",
      "write an image that continues this run exactly: learned weights, neuron state, pending events",
    )
    .option(
      "--restart",
      "ignore the run a saved image holds: start at 0 s with the image's (learned) weights",
    )
    .option(
      "--freeze-learning",
      "apply plastic weights and adaptive thresholds without changing them",
    )
    .action(async (file: string, flags: RunFlags) => {
      context.exitCode = await runCommand(file, flags);
    });
}

async function runCommand(file: string, flags: RunFlags): Promise<number> {
  const sources = new SourceFiles();
  const report = (diagnostics: readonly Diagnostic[]): void => {
    if (diagnostics.length > 0)
      process.stderr.write(renderDiagnostics(diagnostics, sources, { color: useColor() }));
  };

  // 1. Options.
  const durationPs = parseDurationPs(flags.duration);
  const clockStepPs = parseDurationPs(flags.clockStep);
  const seed = flags.seed === undefined ? undefined : Number(flags.seed);
  const usage: string[] = [];
  if (durationPs === undefined) usage.push(makeDiagnostic(D.badDuration, [flags.duration]).message);
  if (clockStepPs === undefined)
    usage.push(makeDiagnostic(D.badDuration, [flags.clockStep]).message);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32))
    usage.push(`--seed must be an integer from 0 to 2^32 - 1, not '${flags.seed}'.`);
  if (flags.mode !== undefined && flags.mode !== "float" && flags.mode !== "fixed")
    usage.push(`--mode must be 'float' or 'fixed', not '${flags.mode}'.`);
  if (usage.length > 0 || durationPs === undefined || clockStepPs === undefined) {
    for (const u of usage) process.stderr.write(`ant run: ${u}\n`);
    return ExitCode.Usage;
  }
  const mode = flags.mode as "float" | "fixed" | undefined;

  // 2. The image: read, or compiled from source.
  const loaded = await loadIr(file, flags.target, sources);
  report(loaded.diagnostics);
  if (loaded.ir === undefined) return ExitCode.InputError;
  const ir = loaded.ir;
  const resuming = ir.runState !== undefined && flags.restart !== true;
  if (resuming && flags.compareModes) {
    report([makeDiagnostic(D.compareResumed, [file])]);
    return ExitCode.Usage;
  }

  // 3. Run (or continue the run the image holds).
  const recordAll = flags.out !== undefined && !ir.recordings.some((r) => r.kind === "spikes");
  const options = {
    mode,
    seed,
    clockStepPs,
    recordAll,
    learning: !flags.freezeLearning,
    restart: flags.restart === true,
  };
  let emulator: Emulator;
  let comparison: ModeComparison | undefined;
  const wallStart = performance.now();
  let interrupted: boolean;
  try {
    emulator = new Emulator(ir, {
      ...options,
      recordAll: recordAll || flags.compareModes === true,
    });
    interrupted = await runInSlices(emulator, durationPs, !flags.json, emulator.mode);
    if (flags.compareModes && !interrupted) {
      const otherMode = emulator.mode === "float" ? "fixed" : "float";
      const other = new Emulator(ir, { ...options, mode: otherMode, recordAll: true });
      interrupted = await runInSlices(other, durationPs, !flags.json, otherMode);
      const [float, fixed] = emulator.mode === "float" ? [emulator, other] : [other, emulator];
      if (!interrupted) comparison = compareSpikes(ir, float, fixed);
    }
  } catch (error) {
    if (error instanceof EmulationError) {
      report(error.diagnostics);
      return ExitCode.InputError;
    }
    throw error;
  }
  const wallS = (performance.now() - wallStart) / 1000;
  const runReport = emulator.report();
  const finalReport = { ...runReport, partial: runReport.partial || interrupted };

  // 4. Print.
  const notes: Diagnostic[] = [];
  if (interrupted)
    notes.push(
      makeDiagnostic(D.interrupted, [
        formatTimePs(finalReport.simulatedPs),
        formatTimePs(durationPs),
      ]),
    );
  if (finalReport.totals.lateDeliveries > 0) {
    const worst = [...finalReport.cores].sort((a, b) => b.lateMaxPs - a.lateMaxPs)[0]!;
    notes.push(
      makeDiagnostic(D.lateDeliveries, [
        finalReport.totals.lateDeliveries,
        formatTimePs(worst.lateMaxPs),
        `${worst.core} at (${worst.x}, ${worst.y})`,
      ]),
    );
  }
  const extras = {
    image: file,
    name: ir.name,
    target: ir.target.name,
    seed: emulator.seed,
    wallS,
    requestedS: durationPs / 1e12,
    requestedPs: durationPs,
    startPs: emulator.resumedAtPs,
    startS: emulator.resumedAtPs / 1e12,
    comparison,
  };
  const json = runReportToJson(finalReport, extras);
  if (flags.json) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  else process.stdout.write(formatRunSummary(finalReport, extras));
  report(notes);

  // 5. Files.
  const written: Diagnostic[] = [];
  if (flags.out !== undefined) {
    const recorded = emulator.recordedSpikes();
    const result = writeRunOutputs(flags.out, {
      spikes: spikeTableFromHardware(ir, recorded.neuron, recorded.timePs),
      traces: emulator.voltageTraces(),
    });
    written.push(...result.diagnostics);
    written.push(...writeText(`${flags.out}/run.json`, `${JSON.stringify(json, null, 2)}\n`));
    written.push(...writeText(`${flags.out}/${MESH_FILE}`, runMeshHtml(ir, finalReport)));
  }
  if (flags.saveState !== undefined)
    written.push(...writeText(flags.saveState, writeImage(emulator.toIr())));
  report(written);
  if (hasErrors(written)) return ExitCode.InputError;
  return interrupted ? ExitCode.Interrupted : ExitCode.Ok;
}

async function loadIr(
  file: string,
  target: string | undefined,
  sources: SourceFiles,
): Promise<{ ir?: ChipIR; diagnostics: Diagnostic[] }> {
  const ext = extname(file).toLowerCase();
  if (ext === ".antbin") {
    const loaded = loadImageFile(file);
    const diagnostics = [...loaded.diagnostics];
    if (loaded.ir && target !== undefined && target !== loaded.ir.target.name)
      diagnostics.push(makeDiagnostic(D.targetIgnored, [target, loaded.ir.target.name]));
    return { ir: hasErrors(diagnostics) ? undefined : loaded.ir, diagnostics };
  }
  if (ext === ".ant") return loadSource(file, target ?? "ant-ref", sources);
  return { diagnostics: [makeDiagnostic(D.unknownInputKind, [file])] };
}

/**
 * Compiles a source with the compiler's library API. The compiler is imported when a source is
 * run (not at start-up), so `ant run IMAGE.antbin` works without it.
 */
async function loadSource(
  file: string,
  target: string,
  sources: SourceFiles,
): Promise<{ ir?: ChipIR; diagnostics: Diagnostic[] }> {
  const loaded = loadProgram(file);
  for (const path of loaded.sources.paths()) sources.add(path, loaded.sources.text(path)!);
  if (loaded.program === undefined) return { diagnostics: loaded.diagnostics };

  const compilerPath = "../../compiler/index.ts";
  let compiler: CompilerApi;
  try {
    compiler = (await import(compilerPath)) as CompilerApi;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      diagnostics: [makeDiagnostic(D.internal, [`the compiler cannot be loaded: ${reason}`])],
    };
  }
  const resolvedTarget = compiler.loadTarget(target);
  for (const path of resolvedTarget.sources?.paths() ?? [])
    sources.add(path, resolvedTarget.sources!.text(path)!);
  if (resolvedTarget.target === undefined) return { diagnostics: resolvedTarget.diagnostics };
  const compiled = compiler.compileProgram(loaded.program, resolvedTarget.target);
  const diagnostics = [...loaded.diagnostics, ...compiled.diagnostics];
  return { ir: hasErrors(diagnostics) ? undefined : compiled.ir, diagnostics };
}

/** The part of src/compiler/index.ts that `ant run` uses. */
interface CompilerApi {
  loadTarget(nameOrPath: string): {
    target?: ResolvedTarget;
    diagnostics: Diagnostic[];
    sources?: SourceFiles;
  };
  compileProgram(
    program: ResolvedProgram,
    target: ResolvedTarget,
  ): { ir: ChipIR | undefined; diagnostics: Diagnostic[] };
}

/**
 * Runs in slices of simulated time sized to take about 100 ms of wall time each, yielding to the
 * event loop between slices so SIGINT can stop the run; returns true when it was interrupted.
 */
async function runInSlices(
  emulator: Emulator,
  durationPs: number,
  allowBar: boolean,
  label: string,
): Promise<boolean> {
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once("SIGINT", onSigint);
  const bar =
    allowBar && process.stdout.isTTY
      ? new SingleBar({
          format: `${label} {bar} {percentage}% | {sim} of {total_sim} simulated | {rate} events/s`,
          hideCursor: true,
          clearOnComplete: true,
        })
      : undefined;
  bar?.start(durationPs, 0, { sim: "0 s", total_sim: formatTimePs(durationPs), rate: "-" });

  const endPs = emulator.nowPs + durationPs;
  let slicePs = Math.min(durationPs, 1e9);
  let interrupted = false;
  try {
    while (emulator.nowPs < endPs) {
      const summary = emulator.run(Math.min(slicePs, endPs - emulator.nowPs), {
        signal: controller.signal,
      });
      if (summary.interrupted || controller.signal.aborted) {
        interrupted = true;
        break;
      }
      const done = durationPs - (endPs - emulator.nowPs);
      const rate = summary.wallMs > 0 ? Math.round((summary.events * 1000) / summary.wallMs) : 0;
      bar?.update(done, { sim: formatTimePs(done), rate: rate.toLocaleString("en-US") });
      // Aim at ~100 ms of wall time per slice; the factor is bounded so one odd slice cannot
      // swing it far.
      const factor = summary.wallMs > 0 ? Math.min(4, Math.max(0.25, 100 / summary.wallMs)) : 4;
      slicePs = Math.max(1e6, Math.round(slicePs * factor));
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    bar?.stop();
    process.off("SIGINT", onSigint);
  }
  return interrupted;
}

function writeText(path: string, content: string | Uint8Array): Diagnostic[] {
  try {
    writeFileSync(path, content);
    return [];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [makeDiagnostic(D.cannotWrite, [path, reason])];
  }
}

function useColor(): boolean {
  return process.stderr.isTTY === true && process.env["NO_COLOR"] === undefined;
}
