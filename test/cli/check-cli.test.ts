// `ant check` end to end: the real command in a child process, on files written to a temp dir.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "ant-check-"));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function ant(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync("node", ["src/cli/bin.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const clean = file(
  "clean.ant",
  "network clean\nneuron C = lif { tau_m = 20 ms }\npopulation p = C[10]\nrecord spikes p\n",
);
const broken = file(
  "broken.ant",
  "network broken\nneuron C = lif { tau_m = 20 mV }\npopulation p = D[10]\nlet a = 20 ms + 3 mV\n",
);

describe("ant check", () => {
  it("exits 0 and says ok for a clean file", () => {
    const run = ant("check", clean);

    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${clean}: ok\n`);
    expect(run.stderr).toBe("");
  });

  it("exits 1 and renders every error with file, line, column and a caret", () => {
    const run = ant("check", broken);

    expect(run.status).toBe(1);
    expect(run.stdout).toBe(`${broken}: 3 errors\n`);
    expect(run.stderr).toContain(`${broken}:2:26: error[ANT2103]: 'tau_m' must be a time`);
    expect(run.stderr).toContain("   3 | population p = D[10]\n     |                ^\n");
    expect(run.stderr).toContain("help: did you mean 'C'?");
    expect(run.stderr).toContain(`${broken}:4:9: error[ANT2102]`);
  });

  it("prints errors in source order", () => {
    const lines = ant("check", broken)
      .stderr.split("\n")
      .filter((l) => l.includes("error["));

    expect(lines.map((l) => l.split(":")[1])).toEqual(["2", "3", "4"]);
  });

  it("checks every file it is given and fails if any fails", () => {
    const run = ant("check", clean, broken);

    expect(run.status).toBe(1);
    expect(run.stdout).toBe(`${clean}: ok\n${broken}: 3 errors\n`);
  });

  it("prints the same diagnostics as JSON with --format json", () => {
    const run = ant("check", "--format", "json", broken);
    const out = JSON.parse(run.stdout) as {
      files: { ok: boolean; diagnostics: { code: string; line: number; column: number }[] }[];
    };

    expect(run.status).toBe(1);
    expect(out.files[0]!.ok).toBe(false);
    expect(out.files[0]!.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["ANT2103", 2, 26],
      ["ANT2001", 3, 16],
      ["ANT2102", 4, 9],
    ]);
  });

  it("reports a missing file as a diagnostic, not a stack trace", () => {
    const run = ant("check", join(dir, "absent.ant"));

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error\[ANT\d{4}\]: Cannot read '.*absent\.ant': no such file\./);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("exits 2 on a usage mistake", () => {
    expect(ant("check").status).toBe(2);
    expect(ant("check", "--format", "xml", clean).status).toBe(2);
  });
});
