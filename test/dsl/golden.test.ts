/**
 * Golden files for rendered diagnostics: each folder under test/golden/diagnostics holds an
 * `input.ant` (and any file it imports) and `expected.txt`, the text `ant check` prints for it.
 * Paths in the rendered text are relative to the case folder, so the files do not depend on
 * where the repository lives. Run with UPDATE_GOLDEN=1 to rewrite the expected files; then
 * read the diff: a golden file is what a user sees.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProgram } from "../../dsl/index.ts";
import { renderDiagnostics } from "../../src/diagnostics/render.ts";

const ROOT = "test/golden/diagnostics";
const UPDATE = process.env["UPDATE_GOLDEN"] === "1";

function render(folder: string): string {
  const result = loadProgram(join(folder, "input.ant"));
  const text = renderDiagnostics(result.diagnostics, result.sources);
  return text.split(`${folder}/`).join("");
}

describe("rendered diagnostics", () => {
  const cases = readdirSync(ROOT).sort();

  it("cover at least fifteen reviewed cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  for (const name of cases) {
    it(`match the golden text for '${name}'`, () => {
      const folder = join(ROOT, name);
      const actual = render(folder);
      const expectedPath = join(folder, "expected.txt");
      if (UPDATE) writeFileSync(expectedPath, actual);
      expect(existsSync(expectedPath), `${expectedPath} is missing; run with UPDATE_GOLDEN=1`).toBe(
        true,
      );
      expect(actual).not.toBe("");
      expect(actual).toBe(readFileSync(expectedPath, "utf8"));
    });
  }
});
