/**
 * Reads a root .ant file and, depth first, every file it imports (paths relative to the
 * importing file). Each file is parsed once even when imported twice; an import that leads back
 * to a file still being read is a cycle and is reported with the whole chain.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../src/diagnostics/diagnostic.ts";
import { makeDiagnostic } from "../src/diagnostics/catalogue/entry.ts";
import { semanticDiagnostics as M } from "../src/diagnostics/catalogue/semantic.ts";
import { syntaxDiagnostics as S } from "../src/diagnostics/catalogue/syntax.ts";
import type { SourceFiles } from "../src/diagnostics/sources.ts";
import type { SourceFileAst } from "./syntax/ast.ts";
import { parseSource } from "./syntax/parse.ts";

export interface LoadedFiles {
  /** Imports before the files that import them; the root file last. */
  readonly files: SourceFileAst[];
  readonly diagnostics: Diagnostic[];
}

export function loadFiles(
  rootPath: string,
  rootText: string | undefined,
  sources: SourceFiles,
): LoadedFiles {
  const files: SourceFileAst[] = [];
  const diagnostics: Diagnostic[] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const stackNames: string[] = [];

  const visit = (path: string, text: string): void => {
    const key = resolve(path);
    sources.add(path, text);
    stack.push(key);
    stackNames.push(path);

    const parsed = parseSource(path, text);
    diagnostics.push(...parsed.diagnostics);
    for (const decl of parsed.ast.decls) {
      if (decl.kind !== "import") continue;
      const target = join(dirname(path), decl.path);
      const targetKey = resolve(target);
      const cycleAt = stack.indexOf(targetKey);
      if (cycleAt >= 0) {
        const chain = [...stackNames.slice(cycleAt), target].map((p) => `'${p}'`).join(" imports ");
        diagnostics.push(makeDiagnostic(M.importCycle, [chain], { span: decl.pathSpan }));
        continue;
      }
      if (done.has(targetKey)) continue;
      const read = readText(target);
      if (typeof read !== "string") {
        diagnostics.push(
          makeDiagnostic(M.importMissing, [target, read.reason], { span: decl.pathSpan }),
        );
        done.add(targetKey);
        continue;
      }
      visit(target, read);
    }

    stack.pop();
    stackNames.pop();
    done.add(key);
    files.push(parsed.ast);
  };

  let text = rootText;
  if (text === undefined) {
    const read = readText(rootPath);
    if (typeof read !== "string") {
      diagnostics.push(makeDiagnostic(S.unreadableFile, [rootPath, read.reason]));
      return { files, diagnostics };
    }
    text = read;
  }
  visit(rootPath, text);
  return { files, diagnostics };
}

export function readText(path: string): string | { reason: string } {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { reason: "no such file" };
    if (code === "EISDIR") return { reason: "it is a directory" };
    if (code === "EACCES") return { reason: "permission denied" };
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}
