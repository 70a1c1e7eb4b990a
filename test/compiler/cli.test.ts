// `ant compile` and `ant targets` end to end: the real command in a child process.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "ant-compile-"));

function ant(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync("node", ["src/cli/bin.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const TOO_BIG = `network too_big

neuron Cell = lif {
  tau_m = 20 ms   v_rest = -49 mV   v_reset = -60 mV   v_thresh = -50 mV
}

population huge = Cell[140000]
`;

describe("ant compile", () => {
  it("writes an image that ant inspect reads, and an IR as JSON", () => {
    const image = join(dir, "cuba.antbin");
    const ir = join(dir, "cuba.json");
    const run = ant(
      "compile",
      "examples/cuba.ant",
      "--target",
      "ant-ref",
      "-o",
      image,
      "--emit-ir",
      ir,
    );

    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Compiled 'cuba' for target 'ant_ref': \d+ of 128 cores on 1 chip, 4,000 neurons/,
    );
    expect(run.stdout).toMatch(/mean hops per message\s+[\d.]+\s+\([\d.]+\)/);
    expect(existsSync(image)).toBe(true);
    const parsed = JSON.parse(readFileSync(ir, "utf8")) as {
      name: string;
      neurons: { count: number };
    };
    expect(parsed.name).toBe("cuba");
    expect(parsed.neurons.count).toBe(4000);

    const inspect = ant("inspect", image);
    expect(inspect.status).toBe(0);
    expect(inspect.stdout).toContain("neurons    4000 in 2 populations");
  });

  it("refuses a network too big for the target, naming the population and the shortfall", () => {
    const file = join(dir, "too-big.ant");
    writeFileSync(file, TOO_BIG);
    const run = ant("compile", file, "--target", "ant-ref");

    // 140,000 neurons at 1,024 a core need 137 cores; ant-ref has 128.
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "error[ANT3404]: The network needs 137 cores but target 'ant_ref' has 128 (1 chip of 128 cores), 9 too few. Population 'huge' alone takes 137 cores, limited by neurons per core (1,024 per core).",
    );
    expect(run.stderr).toContain("too-big.ant:7:12");
    expect(run.stderr).toContain("^~~~");
  });

  it("reports the outcome as JSON with --format json", () => {
    const run = ant("compile", "examples/cuba.ant", "--target", "spinnaker", "--format", "json");
    const out = JSON.parse(run.stdout) as { ok: boolean; summary: { coresUsed: number } };

    expect(run.status).toBe(0);
    expect(out.ok).toBe(true);
    // 4,000 neurons at 1,000 a core.
    expect(out.summary.coresUsed).toBe(4);
  });

  it("names the built-in targets when asked for one that does not exist", () => {
    const run = ant("compile", "examples/cuba.ant", "--target", "akida");

    expect(run.status).toBe(1);
    expect(run.stderr).toContain("There is no built-in target named 'akida'");
    expect(run.stderr).toContain("'loihi'");
  });

  it("exits 2 on a seed that is not a number", () => {
    expect(ant("compile", "examples/cuba.ant", "--seed", "many").status).toBe(2);
  });
});

describe("ant targets", () => {
  it("lists every built-in target with its headline figures", () => {
    const run = ant("targets");

    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^loihi\s+1\s+16 x 8\s+128\s+1,024\s+4,096\s+9 bit\s+23\.6 pJ$/m);
    expect(run.stdout).toMatch(/^truenorth\s+1\s+64 x 64\s+4,096\s+256\s+256\s+9 bit\s+26 pJ$/m);
  });

  it("prints the same list as JSON with --json", () => {
    const run = ant("targets", "--json");
    const out = JSON.parse(run.stdout) as { targets: { name: string; cores: number }[] };

    expect(out.targets.map((t) => [t.name, t.cores])).toEqual([
      ["ant-ref", 128],
      ["loihi", 128],
      ["spinnaker", 18],
      ["spinnaker-board", 864],
      ["truenorth", 4096],
    ]);
  });
});
