/**
 * Keeps docs/language.md honest. Conventions for its ```ant blocks (also stated in the doc):
 *   ```ant                a whole program: it must load with no errors;
 *   ```ant fragment       declarations that use names from another block: they must parse;
 *   ```ant error          a program that shows a mistake: it must be rejected;
 *   ```ant file=PATH      written to PATH before the other blocks load, so they can import it.
 * Blocks run in a temporary folder holding a copy of examples/data, so they may name its files.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadProgram, loadProgramFromText } from "../../dsl/index.ts";
import { parseSource } from "../../dsl/syntax/parse.ts";
import { semanticDiagnostics } from "../../src/diagnostics/catalogue/semantic.ts";
import { syntaxDiagnostics } from "../../src/diagnostics/catalogue/syntax.ts";
import { errorsOf, summarize } from "./helpers.ts";

const DOC = readFileSync("docs/language.md", "utf8");

interface Block {
  readonly info: string;
  readonly text: string;
  /** 1-based line of the opening fence, for failure messages. */
  readonly line: number;
}

function antBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const fence = /^```ant([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm;
  for (const match of markdown.matchAll(fence)) {
    const line = markdown.slice(0, match.index).split("\n").length;
    blocks.push({ info: (match[1] ?? "").trim(), text: match[2] ?? "", line });
  }
  return blocks;
}

const blocks = antBlocks(DOC);
const folder = mkdtempSync(join(tmpdir(), "ant-language-doc-"));
cpSync("examples/data", join(folder, "data"), { recursive: true });
for (const block of blocks) {
  const path = /^file=(\S+)$/.exec(block.info)?.[1];
  if (path === undefined) continue;
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), block.text);
}
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("docs/language.md", () => {
  it("has examples of every kind: programs, fragments, mistakes and library files", () => {
    const kinds = new Set(blocks.map((b) => b.info.replace(/=.*/, "")));
    expect([...kinds].sort()).toEqual(["", "error", "file", "fragment"]);
    expect(blocks.filter((b) => b.info === "").length).toBeGreaterThanOrEqual(8);
  });

  it("uses no block convention other than the four the test knows", () => {
    const unknown = blocks.filter((b) => !/^(|fragment|error|file=\S+)$/.test(b.info));
    expect(unknown.map((b) => `line ${b.line}: ${b.info}`)).toEqual([]);
  });

  for (const block of blocks) {
    if (block.info === "") {
      it(`has a program at line ${block.line} that loads without errors`, () => {
        const path = join(folder, `block-${block.line}.ant`);
        writeFileSync(path, block.text);
        const result = loadProgram(path);
        expect(summarize(errorsOf(result.diagnostics))).toBe("");
      });
    } else if (block.info === "fragment") {
      it(`has a fragment at line ${block.line} that parses`, () => {
        const parsed = parseSource("fragment.ant", block.text);
        expect(summarize(parsed.diagnostics)).toBe("");
        expect(parsed.ast.decls.length).toBeGreaterThan(0);
      });
    } else if (block.info === "error") {
      it(`has a mistake at line ${block.line} that the checker rejects`, () => {
        const result = loadProgramFromText(join(folder, `error-${block.line}.ant`), block.text);
        expect(errorsOf(result.diagnostics).length).toBeGreaterThan(0);
        expect(result.program).toBeUndefined();
      });
    } else {
      it(`has a library file at line ${block.line} that loads without errors`, () => {
        const path = join(folder, block.info.slice("file=".length));
        expect(summarize(errorsOf(loadProgram(path).diagnostics))).toBe("");
      });
    }
  }

  it("lists every diagnostic code of the language, and no code that does not exist", () => {
    const catalogue = [...Object.values(syntaxDiagnostics), ...Object.values(semanticDiagnostics)];
    const listed = [...DOC.matchAll(/^\|\s*(ANT\d{4})\s*\|\s*(error|warning)\s*\|/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(listed).toEqual(catalogue.map((e) => [e.code, e.severity]));
  });

  it("states the neuron parameter defaults that the checker fills in", () => {
    // Tables may be padded by the formatter, so match them by pattern, not by exact spacing.
    const start = DOC.search(/^\|\s*parameter\s*\|\s*unit\s*\|\s*default\s*\|/m);
    const table = DOC.slice(start, DOC.indexOf("\n\n", start));
    const rows = [...table.matchAll(/^\|\s*`(\w+)`\s*\|[^|]+\|([^|]+)\|/gm)];
    expect(rows.map((r) => r[1])).toContain("theta_plus");
    expect(rows).toHaveLength(12);

    const defaults = loadProgramFromText("d.ant", "neuron D = adaptive_lif").program!.models[0]!;
    for (const [, name, written] of rows) {
      const value = written!
        .trim()
        .replace(/(\d),(\d)/g, "$1$2")
        .replace(/`/g, "");
      const text = `neuron D = adaptive_lif { ${name} = ${value} }`;
      const stated = loadProgramFromText("d.ant", text).program?.models[0];
      expect(stated?.params, `${name} = ${value}`).toEqual(defaults.params);
    }
  });
});
