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

  it("refuses a duration without a unit as a usage mistake", () => {
    const run = ant("run", source, "--duration", "5");

    expect([1, 2]).toContain(run.status);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
