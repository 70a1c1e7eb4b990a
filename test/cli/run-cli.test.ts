// `ant run` end to end: the real command in a child process, on a small network in a temp dir.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "ant-run-"));
const source = join(dir, "pair.ant");
writeFileSync(
  source,
  [
    "network pair",
    "neuron C = lif { tau_m = 20 ms  v_rest = -60 mV  v_reset = -60 mV  v_thresh = -50 mV }",
    "input drive = poisson[20] { rate = 50 Hz }",
    "population p = C[10]",
    "connect drive -> p  all_to_all  weight 2 mV  delay 1 ms",
    "record spikes p",
    "",
  ].join("\n"),
);

const learner = join(dir, "learner.ant");
writeFileSync(
  learner,
  [
    "network learner",
    "neuron C = adaptive_lif { tau_m = 20 ms  v_rest = -65 mV  v_reset = -65 mV  v_thresh = -52 mV",
    "                          theta_plus = 0.1 mV  tau_theta = 1 s }",
    "input drive = poisson[24] { rate = 40 Hz }",
    "input kick = spikes[2] { times = (0, 100 ms), (1, 249 ms), (0, 250 ms), (1, 251 ms), (0, 400 ms) }",
    "population p = C[8]",
    "plasticity stdp hebb { a_plus = 0.2 mV  a_minus = 0.21 mV  w_max = 6 mV }",
    "connect drive -> p  all_to_all  weight uniform(2 mV, 4 mV)  delay uniform(1 ms, 4 ms)  learn hebb",
    "connect kick -> p  all_to_all  weight 10 mV  delay 2 ms",
    "record spikes p, kick",
    "",
  ].join("\n"),
);

/** Rows of a spikes.csv at or after `fromS`, without the header. */
function rowsFrom(csv: string, fromS: number): string[] {
  return csv
    .trim()
    .split("\n")
    .slice(1)
    .filter((row) => Number(row.split(",")[2]) >= fromS);
}

function ant(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync("node", ["src/cli/bin.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("ant run", () => {
  it("prints JSON whose energy parts add up to the total, with units in the keys", () => {
    const run = ant("run", source, "--duration", "200ms", "--seed", "7", "--json");
    const report = JSON.parse(run.stdout) as {
      energy: Record<string, number>;
      totals: Record<string, number>;
    };

    expect(run.status).toBe(0);
    const { total_j: total, ...parts } = report.energy;
    const sum = Object.values(parts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(sum).toBeCloseTo(total!, 15);
  });

  it("writes spikes, run.json and the mesh view with measured energy into --out", () => {
    const out = join(dir, "out");
    const run = ant("run", source, "--duration", "200ms", "--seed", "7", "--out", out);

    expect(run.status).toBe(0);
    for (const name of ["spikes.antspk", "spikes.csv", "raster.svg", "run.json", "mesh.html"])
      expect(existsSync(join(out, name)), name).toBe(true);
    const html = readFileSync(join(out, "mesh.html"), "utf8");
    expect(html).toContain("energy (measured)");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
  });

  it("gives the same report twice for the same seed", () => {
    const strip = (s: string): string => s.replace(/"[a-z_]*wall_s": [0-9.e+-]+/g, "");
    const a = ant("run", source, "--duration", "200ms", "--seed", "7", "--json").stdout;
    const b = ant("run", source, "--duration", "200ms", "--seed", "7", "--json").stdout;

    expect(strip(a)).toBe(strip(b));
  });

  it("continues a saved run exactly: the same spikes as one uninterrupted run", () => {
    const whole = join(dir, "whole");
    const saved = join(dir, "learner.antbin");
    const resumed = join(dir, "resumed");
    expect(
      ant("run", learner, "--duration", "500ms", "--mode", "fixed", "--out", whole).status,
    ).toBe(0);
    expect(
      ant("run", learner, "--duration", "250ms", "--mode", "fixed", "--save-state", saved).status,
    ).toBe(0);
    const run = ant("run", saved, "--duration", "250ms", "--out", resumed);

    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Ran 'learner' on 'ant_ref' in fixed mode, seed \d+, resumed at 250 ms: 250 ms simulated/,
    );
    const wholeCsv = readFileSync(join(whole, "spikes.csv"), "utf8");
    const resumedCsv = readFileSync(join(resumed, "spikes.csv"), "utf8");
    expect(rowsFrom(wholeCsv, 0.25).length).toBeGreaterThan(50);
    expect(rowsFrom(resumedCsv, 0)).toEqual(rowsFrom(wholeCsv, 0.25));
    const json = JSON.parse(readFileSync(join(resumed, "run.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect([json["start_s"], json["simulated_s"], json["mode"]]).toEqual([0.25, 0.25, "fixed"]);
  });

  it("starts a saved image again from 0 s with --restart, and refuses --compare-modes without it", () => {
    const saved = join(dir, "learner-restart.antbin");
    expect(ant("run", learner, "--duration", "100ms", "--save-state", saved).status).toBe(0);
    const restarted = ant("run", saved, "--duration", "100ms", "--restart", "--json");
    const compared = ant("run", saved, "--duration", "100ms", "--compare-modes");

    expect(restarted.status).toBe(0);
    expect((JSON.parse(restarted.stdout) as Record<string, unknown>)["start_s"]).toBe(0);
    expect(compared.status).toBe(2);
    expect(compared.stderr).toContain("error[ANT5107]");
  });

  it("refuses a duration without a unit as a usage mistake", () => {
    const run = ant("run", source, "--duration", "5");

    expect([1, 2]).toContain(run.status);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
