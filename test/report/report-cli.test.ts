// `ant report` end to end: the real command in a child process on images in a temp dir.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeImage } from "../../src/image/index.ts";
import { formatTextReport, buildReport } from "../../src/report/index.ts";
import { smallNetworkIr } from "../helpers/ir-fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "ant-report-"));
const image = join(dir, "small.antbin");
writeFileSync(image, writeImage(smallNetworkIr()));

function ant(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync("node", ["src/cli/bin.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("ant report", () => {
  it("prints the text report of an image", () => {
    const run = ant("report", image);

    expect(run.status).toBe(0);
    expect(run.stdout).toBe(formatTextReport(buildReport({ ir: smallNetworkIr() })));
  });

  it("prints the same data as JSON with --json", () => {
    const run = ant("report", image, "--json");
    const data = JSON.parse(run.stdout) as { report: string; cores: unknown[] };

    expect(run.status).toBe(0);
    expect(data.report).toBe("ant-placement");
    expect(data.cores).toHaveLength(3);
  });

  it("writes the HTML page with --html, opening in the asked-for colouring", () => {
    const html = join(dir, "small.html");
    const run = ant("report", image, "--html", html, "--color-by", "traffic");

    expect(run.status).toBe(0);
    expect(existsSync(html)).toBe(true);
    expect(readFileSync(html, "utf8")).toContain('value="traffic" checked');
  });

  it("refuses an unknown colouring, or one without --html, as a usage mistake", () => {
    expect(ant("report", image, "--html", join(dir, "x.html"), "--color-by", "heat").status).toBe(
      2,
    );
    const run = ant("report", image, "--color-by", "traffic");

    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--color-by applies to the HTML page");
  });

  it("reports a missing image as a diagnostic, not a stack trace", () => {
    const run = ant("report", join(dir, "missing.antbin"));

    expect(run.status).toBe(1);
    expect(run.stderr).toContain("error[ANT4001]: Cannot read");
    expect(run.stderr).not.toContain("    at ");
  });

  it("says which file it cannot write", () => {
    const run = ant("report", image, "--html", join(dir, "no-such-dir", "r.html"));

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^ant report: cannot write '.*r\.html': ENOENT/);
  });
});
