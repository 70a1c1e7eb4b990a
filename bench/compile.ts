/**
 * Compile time and peak memory for random networks of 10k, 100k and 1M neurons with 100 synapses
 * per neuron (`fixed_fan_in(n = 100)`), compiled from `.ant` source for a large test board.
 * Each size runs in a child process of its own, so its peak resident memory (maxRSS) is its own;
 * a size that takes over the time limit (default 180 s) is stopped and reported as such.
 *
 *   npx tsx bench/compile.ts [--sizes 10000,100000,1000000] [--limit-s 180] [--write]
 *
 * `--write` puts the table into docs/performance.md between the compile-bench markers.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SYNAPSES_PER_NEURON = 100;

/**
 * A board large enough for 1M neurons at 1,024 a core (4 x 4 chips of 32 x 32 cores), with no
 * fan-in, fan-out, memory or table limits, so that the bench measures the compiler, not a refusal.
 */
const BENCH_TARGET = `target bench_board {
  description = "compile benchmark board"
  chips = 4 x 4
  mesh = 32 x 32
  core {
    neurons = 1024
    synapses = unlimited
    synaptic_memory = unlimited
    fan_in = unlimited
    fan_out = unlimited
  }
  router { entries = unlimited }
  precision { weight = 9 bit  state = 24 bit  delay = 6 bit  delay_resolution = 1 ms  decay = 12 bit }
  delay_min = 1 ms
  delay_max = 63 ms
  energy {
    syn_op = 23.6 pJ  neuron_update = 81 pJ  spike_out = 1.7 pJ  hop_east_west = 3 pJ
    hop_north_south = 4 pJ  chip_hop = 150 pJ  learn_update = 120 pJ  static_power_per_core = 0.78 mW
  }
  timing {
    syn_op = 3.5 ns  neuron_update = 8.4 ns  spike_out = 2.1 ns  hop_east_west = 4.1 ns
    hop_north_south = 6.5 ns  chip_hop = 50 ns  learn_update = 6.1 ns
  }
}
`;

function networkSource(neurons: number): string {
  return `network bench_${neurons}

neuron Cell = lif {
  tau_m = 20 ms   v_rest = -49 mV   v_reset = -60 mV   v_thresh = -50 mV
}

population cells = Cell[${neurons}]

connect cells -> cells  fixed_fan_in(n = ${SYNAPSES_PER_NEURON})  weight 0.1 mV  delay 1 ms
`;
}

interface Measured {
  neurons: number;
  synapses?: number;
  cores?: number;
  totalMs?: number;
  phases?: Record<string, number>;
  maxRssMiB?: number;
  failure?: string;
  /** Diagnostic codes of a refusal, short enough for the table (the message is in the JSON). */
  failureCodes?: string;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Child: compile one size and print one JSON line. */
async function measureOne(neurons: number): Promise<void> {
  const { compileFile } = await import("../src/compiler/index.ts");
  const dir = mkdtempSync(join(tmpdir(), "ant-bench-compile-"));
  const source = join(dir, "net.ant");
  const target = join(dir, "bench-board.ant");
  writeFileSync(source, networkSource(neurons));
  writeFileSync(target, BENCH_TARGET);

  const phases: Record<string, number> = {};
  const start = performance.now();
  const result = compileFile(source, target, {
    onPhase: (phase, ms) => (phases[phase] = ms),
  });
  const totalMs = performance.now() - start;
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  const out: Measured = {
    neurons,
    synapses:
      result.ir?.synapses.count ??
      (phases["elaborate"] !== undefined ? neurons * SYNAPSES_PER_NEURON : undefined),
    cores: result.ir?.cores.length,
    totalMs,
    phases,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    failure: errors.length > 0 ? errors.map((d) => d.message).join(" ") : undefined,
    failureCodes: errors.length > 0 ? errors.map((d) => d.code).join(", ") : undefined,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function table(rows: readonly Measured[]): string {
  const lines = [
    "| neurons | synapses | cores | compile time | peak memory (RSS) | slowest phases |",
    "| ------: | -------: | ----: | -----------: | ----------------: | -------------- |",
  ];
  for (const r of rows) {
    if (r.failure !== undefined && r.phases === undefined) {
      lines.push(`| ${r.neurons.toLocaleString("en-US")} | | | ${r.failure} | | |`);
      continue;
    }
    const slowest = Object.entries(r.phases ?? {})
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`)
      .join(", ");
    // A run the compiler refused still shows how far it got and how long that took.
    const time = `${((r.totalMs ?? 0) / 1000).toFixed(1)} s`;
    lines.push(
      `| ${r.neurons.toLocaleString("en-US")} | ${(r.synapses ?? 0).toLocaleString("en-US")} | ` +
        `${r.cores ?? ""} | ${r.failure === undefined ? time : `${time}, then refused (${r.failureCodes ?? "error"})`} | ` +
        `${Math.round(r.maxRssMiB ?? 0).toLocaleString("en-US")} MiB | ${slowest} |`,
    );
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const one = option("one");
  if (one !== undefined) return measureOne(Number(one));

  const sizes = (option("sizes") ?? "10000,100000,1000000").split(",").map(Number);
  const limitS = Number(option("limit-s") ?? 180);
  const script = fileURLToPath(import.meta.url);
  const rows: Measured[] = [];
  for (const neurons of sizes) {
    // Node itself, not an npx wrapper, so that the time limit stops the process that works.
    const run = spawnSync(process.execPath, ["--import", "tsx", script, "--one", String(neurons)], {
      encoding: "utf8",
      timeout: limitS * 1000,
      killSignal: "SIGKILL",
      maxBuffer: 1 << 20,
    });
    const line = run.stdout?.trim().split("\n").pop();
    const row: Measured =
      run.status === 0 && line !== undefined && line.startsWith("{")
        ? (JSON.parse(line) as Measured)
        : {
            neurons,
            failure:
              run.signal !== null
                ? `stopped after ${limitS} s`
                : `failed: ${(run.stderr ?? "").trim().split("\n").pop()}`,
          };
    rows.push(row);
    console.log(JSON.stringify(row));
  }

  const machine =
    `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown"}), ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
  const text = `${table(rows)}\n\nMachine: ${machine}.\n`;
  console.log(`\n${text}`);

  if (process.argv.includes("--write")) {
    const path = fileURLToPath(new URL("../docs/performance.md", import.meta.url));
    const begin = "<!-- compile-bench:begin -->";
    const end = "<!-- compile-bench:end -->";
    const doc = existsSync(path) ? readFileSync(path, "utf8") : "";
    const block = `${begin}\n${text}${end}`;
    const updated =
      doc.includes(begin) && doc.includes(end)
        ? doc.slice(0, doc.indexOf(begin)) + block + doc.slice(doc.indexOf(end) + end.length)
        : `${doc}${doc === "" ? "" : "\n"}${block}\n`;
    writeFileSync(path, updated);
  }
}

await main();
