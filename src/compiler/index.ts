/**
 * The compiler's public API: compile a resolved program for a target, list and load targets,
 * and compile a `.ant` file in one call. The phases themselves live in the folders next to this
 * file; compile.ts runs them in order.
 */
import type { ResolvedTarget } from "../../dsl/resolved.ts";
import { loadProgram } from "../../dsl/index.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import type { SourceFiles } from "../diagnostics/sources.ts";
import type { ChipIR } from "../ir/types.ts";
import { compileProgram, type CompileOptions } from "./compile.ts";
import { loadTarget } from "./targets/builtin.ts";

export { compileProgram, DEFAULT_MEMORY_BUDGET_BYTES } from "./compile.ts";
export type { CompileOptions, CompileResult } from "./compile.ts";
export { listBuiltinTargets, loadTarget, BUILTIN_TARGET_DIR } from "./targets/builtin.ts";
export type { TargetLoad } from "./targets/builtin.ts";
export type { RunProfile } from "./place/rates.ts";
export { DEFAULT_NEURON_RATE_HZ } from "./place/rates.ts";

export interface FileCompileResult {
  ir: ChipIR | undefined;
  diagnostics: Diagnostic[];
  /** Every file read (program, imports, target), for rendering the diagnostics. */
  sources: SourceFiles;
  target?: ResolvedTarget;
}

/**
 * Loads `path`, picks the target (one the program itself declares under that name, else a
 * built-in name or a target file path) and compiles.
 */
export function compileFile(
  path: string,
  targetNameOrPath: string,
  options: CompileOptions = {},
): FileCompileResult {
  const loaded = loadProgram(path);
  const sources = loaded.sources;
  if (loaded.program === undefined || hasErrors(loaded.diagnostics))
    return { ir: undefined, diagnostics: loaded.diagnostics, sources };

  let target = loaded.program.targets.find((t) => t.name === targetNameOrPath);
  const diagnostics = [...loaded.diagnostics];
  if (target === undefined) {
    const found = loadTarget(targetNameOrPath);
    for (const file of found.sources.paths()) sources.add(file, found.sources.text(file) ?? "");
    diagnostics.push(...found.diagnostics);
    if (found.target === undefined || hasErrors(found.diagnostics))
      return { ir: undefined, diagnostics, sources };
    target = found.target;
  }
  const result = compileProgram(loaded.program, target, options);
  return { ir: result.ir, diagnostics: [...diagnostics, ...result.diagnostics], sources, target };
}
