/**
 * The public API of the language front end: read a `.ant` file and its imports, check them and
 * resolve them into a ResolvedProgram. Later phases call only these functions.
 */
import type { Diagnostic } from "../src/diagnostics/diagnostic.ts";
import type { ResolvedProgram } from "./resolved.ts";
import { SourceFiles } from "../src/diagnostics/sources.ts";
import { semanticDiagnostics } from "../src/diagnostics/catalogue/semantic.ts";
import { makeDiagnostic } from "../src/diagnostics/catalogue/entry.ts";

export interface LoadResult {
  /** Undefined whenever any error was reported. */
  program: ResolvedProgram | undefined;
  diagnostics: Diagnostic[];
  /** Every file read, for rendering the diagnostics. */
  sources: SourceFiles;
}

/** Reads `path` and the files it imports, checks them and resolves the program. */
export function loadProgram(path: string): LoadResult {
  return loadProgramFromText(path, undefined);
}

/** Like loadProgram but takes the root file's text; imports are still read from disk. */
export function loadProgramFromText(path: string, text: string | undefined): LoadResult {
  const sources = new SourceFiles();
  if (text !== undefined) sources.add(path, text);
  // Resolution lands in the following commits; until then every load reports that it is missing.
  const diagnostics = [
    makeDiagnostic(semanticDiagnostics.internal, ["the front end is not implemented yet"]),
  ];
  return { program: undefined, diagnostics, sources };
}
