/**
 * The public API of the language front end: read a `.ant` file and its imports, check them and
 * resolve them into a ResolvedProgram. Later phases call only these functions. The phases:
 *   1. load and parse the root file and, depth first, its imports (dsl/load.ts, dsl/syntax/);
 *   2. stop if any syntax or import error was found (a broken tree is never checked);
 *   3. check and resolve every declaration (dsl/check/program.ts).
 * An exception in any of these is a bug; it becomes an internal-error diagnostic, never a throw.
 */
import type { Diagnostic } from "../src/diagnostics/diagnostic.ts";
import { hasErrors } from "../src/diagnostics/diagnostic.ts";
import { SourceFiles } from "../src/diagnostics/sources.ts";
import { semanticDiagnostics } from "../src/diagnostics/catalogue/semantic.ts";
import { makeDiagnostic } from "../src/diagnostics/catalogue/entry.ts";
import type { ResolvedProgram } from "./resolved.ts";
import { loadFiles } from "./load.ts";
import { checkProgram } from "./check/program.ts";

export interface LoadResult {
  /** Undefined whenever any error was reported. */
  program: ResolvedProgram | undefined;
  diagnostics: Diagnostic[];
  /** Every file read, for rendering the diagnostics. */
  sources: SourceFiles;
}

/** Reads `path` and the files it imports, checks them and resolves the program. */
export function loadProgram(path: string): LoadResult {
  return load(path, undefined);
}

/** Like loadProgram but takes the root file's text; imports are still read from disk. */
export function loadProgramFromText(path: string, text: string): LoadResult {
  return load(path, text);
}

function load(path: string, text: string | undefined): LoadResult {
  const sources = new SourceFiles();
  try {
    const loaded = loadFiles(path, text, sources);
    if (hasErrors(loaded.diagnostics)) {
      return {
        program: undefined,
        diagnostics: inSourceOrder(loaded.diagnostics, sources),
        sources,
      };
    }
    const checked = checkProgram(loaded.files);
    const diagnostics = inSourceOrder([...loaded.diagnostics, ...checked.diagnostics], sources);
    return { program: checked.program, diagnostics, sources };
  } catch (error) {
    // A stack overflow on absurdly nested input is still a bug to report, not a crash.
    const message = error instanceof Error ? error.message : String(error);
    const diagnostic = makeDiagnostic(semanticDiagnostics.internal, [message]);
    return { program: undefined, diagnostics: [diagnostic], sources };
  }
}

/**
 * Diagnostics in the order a reader meets them: files in the order they were read, then by
 * offset; those without a span first. The sort is stable, so checks that report several things
 * at one place keep their order.
 */
function inSourceOrder(diagnostics: Diagnostic[], sources: SourceFiles): Diagnostic[] {
  const fileRank = new Map(sources.paths().map((path, i) => [path, i]));
  const key = (d: Diagnostic): [number, number] =>
    d.span === undefined ? [-1, 0] : [fileRank.get(d.span.file) ?? -1, d.span.offset];
  return diagnostics
    .map((d) => ({ d, k: key(d) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1])
    .map((x) => x.d);
}
