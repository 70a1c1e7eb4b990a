/**
 * The example in docs/api.md is run as a user would run it: extracted from the page, written to
 * a .ts file inside the repository (so `import ... from "ant-neuromorphic"` resolves to this
 * package), run with Node and tsx, and its printed figures checked against what must be true.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** The ```ts blocks of a Markdown page, in order. */
function typescriptBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const fence = /^```ts\n([\s\S]*?)^```$/gm;
  for (let m = fence.exec(markdown); m !== null; m = fence.exec(markdown)) blocks.push(m[1]!);
  return blocks;
}

interface ExampleOutput {
  first: { startPs: number; endPs: number; spikes: number };
  second: { startPs: number; endPs: number; spikes: number };
  countsByPopulation: Record<string, number>;
  outSpikeTimesPs: number[];
  readoutSynapses: number;
  readoutWeightV: number;
  voltageOut0V: number;
  totalSpikes: number;
  synapticEvents: number;
  energyJ: number;
  clockedRatio: number;
}

function runExample(code: string): ExampleOutput {
  const file = join(ROOT, "test/api", `.api-doc-example-${process.pid}.tmp.ts`);
  writeFileSync(file, code);
  try {
    const child = spawnSync(process.execPath, ["--import", "tsx", file], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    return JSON.parse(child.stdout.trim().split("\n").pop() ?? "") as ExampleOutput;
  } finally {
    rmSync(file, { force: true });
  }
}

describe("docs/api.md", () => {
  const blocks = typescriptBlocks(readFileSync(join(ROOT, "docs/api.md"), "utf8"));

  it("holds exactly one runnable TypeScript example", () => {
    expect(blocks).toHaveLength(1);
  });

  it("runs its example, whose figures agree with each other", { timeout: 180_000 }, () => {
    const out = runExample(blocks[0]!);

    // A second run continues in time where the first stopped.
    expect(out.first.startPs).toBe(0);
    expect(out.first.endPs).toBe(100e9);
    expect(out.second.startPs).toBe(out.first.endPs);
    expect(out.second.endPs).toBe(200e9);

    // Every spike is counted once, whichever way it is counted.
    const byPopulation = Object.values(out.countsByPopulation).reduce((a, b) => a + b, 0);
    expect(out.first.spikes + out.second.spikes).toBe(byPopulation);
    expect(out.totalSpikes).toBe(byPopulation);
    expect(out.countsByPopulation["noise"]).toBeGreaterThan(0);

    // The cue sent at 120 ms arrives at 121 ms and makes each of the four outputs fire.
    const cued = out.outSpikeTimesPs.filter((t) => t >= 121e9 && t < 130e9);
    expect(cued).toHaveLength(4);
    expect(out.countsByPopulation["out"]).toBe(out.outSpikeTimesPs.length);

    // 20 x 4 readout synapses of 1 mV, and a membrane voltage that is a voltage.
    expect(out.readoutSynapses).toBe(80);
    expect(out.readoutWeightV).toBeCloseTo(0.001, 5);
    expect(out.voltageOut0V).toBeGreaterThan(-0.07);
    expect(out.voltageOut0V).toBeLessThan(-0.05);

    expect(out.synapticEvents).toBeGreaterThan(0);
    expect(out.energyJ).toBeGreaterThan(0);
    expect(out.clockedRatio).toBeGreaterThan(0);
  });
});
