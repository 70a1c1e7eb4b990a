// `ant inspect` end to end: the real command in a child process on images written to a temp dir.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeImage } from "../../src/image/index.ts";
import { smallNetworkIr } from "../helpers/ir-fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "ant-inspect-"));
const good = join(dir, "small.antbin");
writeFileSync(good, writeImage(smallNetworkIr()));

function ant(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync("node", ["src/cli/bin.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("ant inspect", () => {
  it("prints the summary and section table of a good image", () => {
    const run = ant("inspect", good);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain("cores      3 used of 16");
    expect(run.stdout).toContain("synapses   30 in 18 fan-out entries");
    expect(run.stdout).toMatch(/synapse\.weight\s+i16\s+\d+\s+60\s+30\s+0x[0-9a-f]{8}/);
  });

  it("prints the same facts as JSON with --format json", () => {
    const run = ant("inspect", good, "--format", "json");
    const summary = JSON.parse(run.stdout) as { neurons: number; sections: unknown[] };

    expect(run.status).toBe(0);
    expect(summary.neurons).toBe(12);
    expect(summary.sections).toHaveLength(23);
  });

  it("refuses a corrupted image with the rendered diagnostic and exit 1", () => {
    const bytes = writeImage(smallNetworkIr());
    bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 0xff;
    const bad = join(dir, "bad.antbin");
    writeFileSync(bad, bytes);
    const run = ant("inspect", bad);

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^.*bad\.antbin: byte \d+: error\[ANT4030\]: Section '[a-z_.]+' is corrupt/,
    );
    expect(run.stderr).not.toContain("    at ");
  });

  it("reports a missing file as a diagnostic, not a stack trace", () => {
    const run = ant("inspect", join(dir, "missing.antbin"));

    expect(run.status).toBe(1);
    expect(run.stderr).toContain("error[ANT4001]: Cannot read");
  });
});
