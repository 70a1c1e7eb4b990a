/**
 * Emulator throughput on the CUBA benchmark and two variants, with Brian2 beside it when
 * /usr/bin/python3 can import brian2 (bench/brian2_cuba.py, runtime and C++ standalone).
 *
 *   cuba     examples/cuba.ant: 4,000 LIF neurons, p = 0.02 (80 synapses per neuron)
 *   cuba40k  40,000 neurons, p = 0.002: the same fan-in, ten times the neurons
 *   sparse   cuba with v_rest below threshold, driven by one Poisson input per neuron (~1 Hz)
 *   sparse40k  sparse at cuba40k's size: the network where a clock-driven simulator spends most
 *            of its time updating neurons that receive nothing
 *
 * Each network runs in its own child process, so peak memory (resourceUsage().maxRSS) belongs
 * to that network alone. Wall time counts Emulator.run only; compile time is reported apart.
 *
 *   npx tsx bench/emulator.ts [--duration 10s] [--networks cuba,cuba40k,sparse,sparse40k] [--no-brian2]
 *                             [--brian2-devices runtime,cpp_standalone] [--json]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadProgramFromText } from "../dsl/index.ts";
import { compileProgram, loadTarget } from "../src/compiler/index.ts";
import { parseDurationPs } from "../emulator/duration.ts";
import { Emulator } from "../src/index.ts";
import { readImage } from "../src/image/read.ts";
import { writeImage } from "../src/image/write.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..");
const PYTHON = "/usr/bin/python3";
const NETWORKS = ["cuba", "cuba40k", "sparse", "sparse40k"] as const;
type NetworkName = (typeof NETWORKS)[number];

/** The sparse variant's drive; bench/brian2_cuba.py uses the same figures. */
const SPARSE_DRIVE_HZ = 100;
const SPARSE_DRIVE_MV = 10;

interface AntResult {
  network: string;
  neurons: number;
  synapses: number;
  simulatedS: number;
  compileS: number;
  wallS: number;
  /** User + system CPU time of the run: less sensitive than wall time to a shared machine. */
  cpuS: number;
  spikes: number;
  rateHz: number;
  synapticEvents: number;
  events: number;
  /** Synaptic events per wall-clock second of the run. */
  synapticEventsPerS: number;
  /** Synaptic events per CPU second of the run: the figure to compare on a shared machine. */
  synapticEventsPerCpuS: number;
  heapUsedMb: number;
  /**
   * Live bytes (JS heap + array buffers, after a forced collection) held by the image and the
   * emulator after the run, per synapse: the figure the 12-bytes-per-synapse aim is about.
   */
  runBytesPerSynapse: number;
  /** The same without the recorded spikes (the run's output, which grows with its length). */
  stateBytesPerSynapse: number;
  maxRssMb: number;
}

interface BrianResult {
  network: string;
  device: string;
  wall_s: number;
  run_s: number;
  cpu_s: number;
  spikes: number;
  synaptic_events: number;
  max_rss_kb: number;
}

/** The source text of a network, derived from examples/cuba.ant by the stated substitutions. */
function networkSource(name: NetworkName): string {
  const cuba = readFileSync(join(ROOT, "examples/cuba.ant"), "utf8");
  const replace = (text: string, from: string, to: string): string => {
    if (!text.includes(from)) throw new Error(`examples/cuba.ant no longer contains '${from}'`);
    return text.split(from).join(to);
  };
  if (name === "cuba") return cuba;
  let text = cuba;
  const large = name === "cuba40k" || name === "sparse40k";
  if (large) {
    text = replace(text, "Cell[3200]", "Cell[32000]");
    text = replace(text, "Cell[800]", "Cell[8000]");
    text = replace(text, "p = 0.02", "p = 0.002");
  }
  if (name === "cuba40k") return text;
  const exc = large ? 32000 : 3200;
  const inh = large ? 8000 : 800;
  text = replace(text, "v_rest = -49 mV", "v_rest = -60 mV");
  text += [
    "",
    `input drive_e = poisson[${exc}] { rate = ${SPARSE_DRIVE_HZ} Hz }`,
    `input drive_i = poisson[${inh}] { rate = ${SPARSE_DRIVE_HZ} Hz }`,
    `connect drive_e -> exc  one_to_one  weight ${SPARSE_DRIVE_MV} mV  delay 1 ms`,
    `connect drive_i -> inh  one_to_one  weight ${SPARSE_DRIVE_MV} mV  delay 1 ms`,
    "",
  ].join("\n");
  return text;
}

/** Compiles and runs one network in this process (the child's side). */
function runOne(name: NetworkName, durationPs: number): AntResult {
  const compileStart = performance.now();
  const loaded = loadProgramFromText(join(ROOT, `examples/${name}.bench.ant`), networkSource(name));
  if (loaded.program === undefined) throw new Error(messages(loaded.diagnostics));
  const target = loadTarget(targetPath(name));
  if (target.target === undefined) throw new Error(messages(target.diagnostics));
  const compiled = compileProgram(loaded.program, target.target);
  if (compiled.ir === undefined) throw new Error(messages(compiled.diagnostics));
  const compileS = (performance.now() - compileStart) / 1000;

  // Live memory of the run alone: the compiler's data is dropped and collected, and the
  // emulator starts from the image bytes, as `ant run image.antbin` does.
  const imageBytes = writeImage(compiled.ir);
  const synapses = compiled.ir.synapses.count;
  const baseBytes = liveBytes();
  const read = readImage(imageBytes);
  if (read.ir === undefined) throw new Error(messages(read.diagnostics));
  const ir = read.ir;
  const emulator = new Emulator(ir);
  const cpuBefore = process.cpuUsage();
  const summary = emulator.run(durationPs);
  const cpu = process.cpuUsage(cpuBefore);
  // The image's arrays are views into imageBytes (allocated before the baseline): count it.
  const runBytes = liveBytes() - baseBytes + imageBytes.byteLength;
  // The recorded spikes are the run's output and grow with its length, not with the synapses.
  const report = emulator.report();
  emulator.clearRecords();
  const stateBytes = liveBytes() - baseBytes + imageBytes.byteLength;
  const wallS = summary.wallMs / 1000;
  const modelNeurons = ir.populations
    .filter((p) => p.kind !== "input")
    .reduce((n, p) => n + p.size, 0);
  const modelSpikes = ir.populations
    .map((p, k) => (p.kind === "input" ? 0 : report.populations[k]!.spikes))
    .reduce((a, b) => a + b, 0);
  return {
    network: name,
    neurons: modelNeurons,
    synapses,
    simulatedS: durationPs / 1e12,
    compileS,
    wallS,
    cpuS: (cpu.user + cpu.system) / 1e6,
    spikes: modelSpikes,
    rateHz: modelSpikes / modelNeurons / (durationPs / 1e12),
    synapticEvents: summary.synapticEvents,
    events: summary.events,
    synapticEventsPerS: summary.synapticEvents / wallS,
    synapticEventsPerCpuS: summary.synapticEvents / ((cpu.user + cpu.system) / 1e6),
    heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
    runBytesPerSynapse: runBytes / synapses,
    stateBytesPerSynapse: stateBytes / synapses,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** JS heap plus array buffers still reachable after a full collection (the child runs with
 *  --expose-gc; without it the figure includes garbage). */
function liveBytes(): number {
  // Twice: after one collection, array buffers it found dead are often still counted (about
  // 12 bytes per synapse of the compiler's arrays for CUBA), which made the figure jump.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * The reference chip, except for cuba40k: its random wiring gives every core far more distinct
 * sources and destinations than a core's 4,096 input axons and 4,096 fan-out entries allow, so
 * it needs about 1,300 cores. It runs on sixteen ant-ref chips (4 x 4, 2,048 cores) joined by
 * chip-to-chip links, from a target file written to a temporary directory.
 */
function targetPath(name: NetworkName): string {
  if (name !== "cuba40k" && name !== "sparse40k") return "ant-ref";
  const text = readFileSync(join(ROOT, "targets/ant-ref.ant"), "utf8");
  if (!text.includes("chips = 1 x 1"))
    throw new Error("targets/ant-ref.ant no longer has 1 x 1 chips");
  const dir = mkdtempSync(join(tmpdir(), "ant-bench-"));
  const path = join(dir, "ant-ref-16.ant");
  writeFileSync(path, text.replace("chips = 1 x 1", "chips = 4 x 4"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return path;
}

function messages(diagnostics: readonly { message: string }[]): string {
  return diagnostics.map((d) => d.message).join("\n");
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function brian2Available(): boolean {
  const probe = spawnSync(PYTHON, ["-c", "import brian2"], { stdio: "ignore" });
  return probe.status === 0;
}

function runBrian2(name: NetworkName, durationS: number, device: string): BrianResult | string {
  const script = join(HERE, "brian2_cuba.py");
  const args = [script, "--network", name, "--duration", String(durationS), "--device", device];
  const child = spawnSync(PYTHON, args, { encoding: "utf8", maxBuffer: 2 ** 26 });
  if (child.status !== 0)
    return `brian2 ${device} failed: ${child.stderr.trim().split("\n").pop()}`;
  const line = child.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as BrianResult;
}

function runChild(name: NetworkName, duration: string): AntResult | string {
  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      "--single",
      name,
      "--duration",
      duration,
    ],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 2 ** 26 },
  );
  const why = child.stderr.split("\n").find((l) => l.startsWith("Error")) ?? child.stderr.trim();
  if (child.status !== 0) return `${name} failed: ${why}`;
  return JSON.parse(child.stdout.trim().split("\n").pop() ?? "") as AntResult;
}

function main(): void {
  const duration = option("duration") ?? "10s";
  const durationPs = parseDurationPs(duration);
  if (durationPs === undefined)
    throw new Error(`--duration needs a unit, e.g. 10s, not '${duration}'`);

  const single = option("single");
  if (single !== undefined) {
    process.stdout.write(`${JSON.stringify(runOne(single as NetworkName, durationPs))}\n`);
    return;
  }

  const names = (option("networks") ?? NETWORKS.join(",")).split(",") as NetworkName[];
  for (const n of names) if (!NETWORKS.includes(n)) throw new Error(`unknown network '${n}'`);
  const devices = (option("brian2-devices") ?? "runtime,cpp_standalone").split(",");
  const withBrian = !process.argv.includes("--no-brian2") && brian2Available();
  const json = process.argv.includes("--json");

  const results: { ant: AntResult | string; brian2: (BrianResult | string)[] }[] = [];
  for (const name of names) {
    const ant = runChild(name, duration);
    if (typeof ant === "string") {
      results.push({ ant, brian2: [] });
      if (!json) process.stdout.write(`${ant}\n`);
      process.exitCode = 1;
      continue;
    }
    const brian2 = withBrian ? devices.map((d) => runBrian2(name, durationPs / 1e12, d)) : [];
    results.push({ ant, brian2 });
    if (!json) printResult(ant, brian2);
  }
  if (json) process.stdout.write(`${JSON.stringify({ duration, results }, null, 2)}\n`);
  else if (!withBrian) process.stdout.write("Brian2 skipped (absent or --no-brian2).\n");
}

function printResult(ant: AntResult, brian2: readonly (BrianResult | string)[]): void {
  const f = (x: number, digits = 2): string => x.toFixed(digits);
  process.stdout.write(
    `${ant.network}: ${ant.neurons} neurons, ${ant.synapses} synapses, ${f(ant.simulatedS)} s simulated\n` +
      `  ANT      wall ${f(ant.wallS)} s (CPU ${f(ant.cpuS)} s, compile ${f(ant.compileS)} s), ` +
      `${ant.spikes} spikes ` +
      `(${f(ant.rateHz)} Hz), ${ant.synapticEvents} synaptic events, ` +
      `${f(ant.synapticEventsPerS / 1e6, 3)} M/s wall, ` +
      `${f(ant.synapticEventsPerCpuS / 1e6, 3)} M/s CPU, peak RSS ${f(ant.maxRssMb, 0)} MB, ` +
      `${f(ant.runBytesPerSynapse, 1)} live bytes per synapse while running ` +
      `(${f(ant.stateBytesPerSynapse, 1)} without the recorded spikes)\n`,
  );
  for (const b of brian2) {
    if (typeof b === "string") {
      process.stdout.write(`  ${b}\n`);
      continue;
    }
    process.stdout.write(
      `  Brian2 ${b.device}: run ${f(b.run_s)} s (total ${f(b.wall_s)} s), ${b.spikes} spikes, ` +
        `${f(b.synaptic_events / b.run_s / 1e6, 3)} M/s, peak RSS ${f(b.max_rss_kb / 1024, 0)} MB; ` +
        `ANT wall / Brian2 run = ${f(ant.wallS / b.run_s)}\n`,
    );
  }
}

main();
