/**
 * Built-in targets (`targets/*.ant` at the root of the checkout) and loading a target by name or
 * path. Target files are ordinary `.ant` files read by the front end, so a user's own target
 * description gets the same checks and diagnostics as a built-in one.
 */
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { ResolvedTarget } from "../../../dsl/resolved.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { hasErrors } from "../../diagnostics/diagnostic.ts";
import { makeDiagnostic, mappingDiagnostics } from "../../diagnostics/catalogue/index.ts";
import { SourceFiles } from "../../diagnostics/sources.ts";
import { loadProgram } from "../../../dsl/index.ts";

export const BUILTIN_TARGET_DIR = fileURLToPath(new URL("../../../targets/", import.meta.url));

/** Names of the built-in targets, sorted. */
export function listBuiltinTargets(): string[] {
  if (!existsSync(BUILTIN_TARGET_DIR)) return [];
  return readdirSync(BUILTIN_TARGET_DIR)
    .filter((f) => f.endsWith(".ant"))
    .map((f) => f.slice(0, -".ant".length))
    .sort();
}

export interface TargetLoad {
  target?: ResolvedTarget;
  diagnostics: Diagnostic[];
  sources: SourceFiles;
}

/** A built-in name (`loihi`) or a path to a `.ant` file that declares exactly one target. */
export function loadTarget(nameOrPath: string): TargetLoad {
  // A target file's declared name cannot hold '-', so `ant_ref` also finds targets/ant-ref.ant.
  const fileName = [nameOrPath, nameOrPath.replaceAll("_", "-")].find((n) =>
    listBuiltinTargets().includes(n),
  );
  const builtin = fileName === undefined ? undefined : join(BUILTIN_TARGET_DIR, `${fileName}.ant`);
  const path = builtin ?? nameOrPath;
  if (builtin === undefined && !existsSync(path)) {
    const names = listBuiltinTargets().map((n) => `'${n}'`);
    return {
      diagnostics: [
        makeDiagnostic(mappingDiagnostics.unknownTarget, [nameOrPath, names.join(", ") || "none"]),
      ],
      sources: new SourceFiles(),
    };
  }
  const loaded = loadProgram(path);
  if (loaded.program === undefined || hasErrors(loaded.diagnostics))
    return { diagnostics: loaded.diagnostics, sources: loaded.sources };
  const targets = loaded.program.targets;
  if (targets.length !== 1) {
    const entry =
      targets.length === 0
        ? makeDiagnostic(mappingDiagnostics.targetFileHasNoTarget, [path])
        : makeDiagnostic(mappingDiagnostics.targetFileHasManyTargets, [
            path,
            targets.length,
            targets.map((t) => `'${t.name}'`).join(", "),
          ]);
    return { diagnostics: [...loaded.diagnostics, entry], sources: loaded.sources };
  }
  return { target: targets[0], diagnostics: loaded.diagnostics, sources: loaded.sources };
}
