/**
 * Reader of `file` connectors: CSV rows `pre,post[,weight_V[,delay_s]]`, indices 0-based within
 * the projection's ranges. Blank lines and lines starting with `#` are skipped, as is a first
 * line that is not numeric (a header). A bad row is reported with its line number and a span
 * into the file, so the renderer can point at it.
 */
import { readFileSync } from "node:fs";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { makeDiagnostic, mappingDiagnostics } from "../../diagnostics/catalogue/index.ts";

export interface SynapseRows {
  readonly count: number;
  readonly pre: Uint32Array;
  readonly post: Uint32Array;
  /** Per row weight in volts; undefined when the file has no weight column. */
  readonly weightV: Float64Array | undefined;
  /** Per row delay in seconds; undefined when the file has no delay column. */
  readonly delayS: Float64Array | undefined;
}

/** Reads and checks a synapse file; rows is undefined when any error was reported. */
export function readSynapseFile(
  projection: string,
  path: string,
  preCount: number,
  postCount: number,
  diagnostics: Diagnostic[],
): SynapseRows | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.push(
      makeDiagnostic(mappingDiagnostics.synapseFileUnreadable, [projection, path, reason]),
    );
    return undefined;
  }
  return parseSynapseRows(path, text, preCount, postCount, diagnostics);
}

export function parseSynapseRows(
  path: string,
  text: string,
  preCount: number,
  postCount: number,
  diagnostics: Diagnostic[],
): SynapseRows | undefined {
  const pre: number[] = [];
  const post: number[] = [];
  const weightV: number[] = [];
  const delayS: number[] = [];
  let columns = 0;
  let errors = 0;
  let offset = 0;
  let lineNumber = 0;

  for (const line of text.split("\n")) {
    lineNumber++;
    const lineOffset = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const fields = trimmed.split(",").map((f) => f.trim());
    const isHeader = pre.length === 0 && errors === 0 && Number.isNaN(Number(fields[0]));
    if (isHeader && columns === 0) {
      columns = -1;
      continue;
    }
    const problem = rowProblem(fields, preCount, postCount, columns > 0 ? columns : undefined);
    if (problem !== undefined) {
      // A file with thousands of bad rows gets the first few, not thousands of diagnostics.
      if (errors++ < 10) {
        const span = { file: path, offset: lineOffset, length: line.length };
        diagnostics.push(
          makeDiagnostic(mappingDiagnostics.synapseFileBadRow, [lineNumber, path, problem], {
            span,
          }),
        );
      }
      continue;
    }
    if (columns <= 0) columns = fields.length;
    pre.push(Number(fields[0]));
    post.push(Number(fields[1]));
    if (columns >= 3) weightV.push(Number(fields[2]));
    if (columns >= 4) delayS.push(Number(fields[3]));
  }
  if (errors > 0) return undefined;
  return {
    count: pre.length,
    pre: Uint32Array.from(pre),
    post: Uint32Array.from(post),
    weightV: columns >= 3 ? Float64Array.from(weightV) : undefined,
    delayS: columns >= 4 ? Float64Array.from(delayS) : undefined,
  };
}

function rowProblem(
  fields: readonly string[],
  preCount: number,
  postCount: number,
  columns: number | undefined,
): string | undefined {
  if (fields.length < 2 || fields.length > 4)
    return `it has ${fields.length} fields, expected 2 to 4`;
  if (columns !== undefined && fields.length !== columns)
    return `it has ${fields.length} fields but earlier rows have ${columns}`;
  const index = (text: string, count: number, what: string): string | undefined => {
    const value = Number(text);
    if (text === "" || !Number.isInteger(value) || value < 0)
      return `${what} '${text}' is not a non-negative integer`;
    if (value >= count) return `${what} index ${value} is out of range (the range has ${count})`;
    return undefined;
  };
  const bad = index(fields[0]!, preCount, "pre") ?? index(fields[1]!, postCount, "post");
  if (bad !== undefined) return bad;
  for (const [i, what] of [
    [2, "weight"],
    [3, "delay"],
  ] as const) {
    const field = fields[i];
    if (field !== undefined && (field === "" || !Number.isFinite(Number(field))))
      return `${what} '${field}' is not a number`;
  }
  const delay = fields[3];
  if (delay !== undefined && Number(delay) < 0) return `delay ${delay} is negative`;
  return undefined;
}
