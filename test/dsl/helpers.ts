/**
 * Shared helpers for the language front-end tests: which examples exist, a stable text form of a
 * resolved program (typed arrays and infinities survive JSON), and the errors of a load.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import type { ResolvedProgram } from "../../dsl/resolved.ts";

export const EXAMPLES_DIR = "examples";

/** Every top-level examples/*.ant, sorted; libraries in subfolders are reached by import. */
export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((name) => name.endsWith(".ant"))
    .sort()
    .map((name) => join(EXAMPLES_DIR, name));
}

/** A deterministic JSON text of a program, with typed arrays as plain arrays. */
export function programText(program: ResolvedProgram): string {
  return JSON.stringify(program, (_key, value: unknown) => {
    if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    return value;
  });
}

export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === "error");
}

/** One line per diagnostic, for readable failure messages. */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.code} ${d.message}`).join("\n");
}
