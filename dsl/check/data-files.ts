/**
 * Small numeric data files named in a program (per-neuron Poisson rates): numbers separated by
 * commas, whitespace or new lines; `#` starts a comment. Paths are relative to the .ant file.
 */
import { dirname, resolve } from "node:path";
import type { Span } from "../../src/diagnostics/diagnostic.ts";
import { semanticDiagnostics as M } from "../../src/diagnostics/catalogue/semantic.ts";
import { readText } from "../load.ts";
import type { CheckContext } from "./context.ts";

export function resolveDataPath(sourceFile: string, path: string): string {
  return resolve(dirname(sourceFile), path);
}

export function readNumberFile(ctx: CheckContext, path: string, span: Span): number[] | undefined {
  const absolute = resolveDataPath(span.file, path);
  const text = readText(absolute);
  if (typeof text !== "string") {
    ctx.report(M.dataFileUnreadable, [path, text.reason], span);
    return undefined;
  }
  const values: number[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/#.*/, "");
    for (const word of line.split(/[\s,;]+/)) {
      if (word === "") continue;
      const value = Number(word);
      if (!Number.isFinite(value)) {
        ctx.report(M.dataFileBadValue, [i + 1, path, word.slice(0, 24)], span);
        return undefined;
      }
      values.push(value);
    }
  }
  return values;
}
