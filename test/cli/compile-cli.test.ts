// `ant compile` options that live beside the compiler: --report DIR and --memory-budget.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";

function ant(...args: string[]): { status: number | null; stdout: string } {
  const run = spawnSync("node", ["src/cli/bin.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: run.status, stdout: run.stdout };
}

it("writes report.txt, report.json and report.html equal to ant report's outputs", () => {
  const dir = mkdtempSync(join(tmpdir(), "ant-compile-report-"));
  const image = join(dir, "stdp.antbin");
  const reports = join(dir, "reports");

  expect(ant("compile", "examples/stdp.ant", "-o", image, "--report", reports).status).toBe(0);
  const text = ant("report", image);
  const json = ant("report", image, "--json");
  const html = join(dir, "page.html");
  expect(ant("report", image, "--html", html).status).toBe(0);

  expect(readFileSync(join(reports, "report.txt"), "utf8")).toBe(text.stdout);
  expect(readFileSync(join(reports, "report.json"), "utf8")).toBe(json.stdout);
  expect(readFileSync(join(reports, "report.html"), "utf8")).toBe(readFileSync(html, "utf8"));
});

it("refuses a network over --memory-budget, naming the largest projection and the flag", () => {
  const run = spawnSync(
    "node",
    ["src/cli/bin.mjs", "compile", "examples/cuba.ant", "--memory-budget", "1MiB"],
    { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
  );

  expect(run.status).toBe(1);
  expect(run.stderr).toContain("the memory budget is 1.0 MiB. Projection 'exc->exc'");
  expect(run.stderr).toContain("raise --memory-budget");
  expect(ant("compile", "examples/cuba.ant", "--memory-budget", "lots").status).toBe(2);
});
