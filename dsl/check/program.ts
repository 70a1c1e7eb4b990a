/**
 * Phase 2 driver: checks the parsed files of a program (imports first, the root file last) and
 * resolves them into a ResolvedProgram. The steps below run in dependency order; each reports
 * what it finds and skips what depends on an entity that already failed, so one mistake gives
 * one error, not a cascade.
 */
import { basename, extname } from "node:path";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { hasErrors } from "../../src/diagnostics/diagnostic.ts";
import { semanticDiagnostics as M } from "../../src/diagnostics/catalogue/semantic.ts";
import type {
  ResolvedInput,
  ResolvedModel,
  ResolvedPlasticityRule,
  ResolvedPopulation,
  ResolvedProgram,
  ResolvedProjection,
  ResolvedRecording,
  ResolvedTarget,
} from "../resolved.ts";
import type { Decl, SourceFileAst } from "../syntax/ast.ts";
import { CheckContext, type DeclaredKind } from "./context.ts";
import { resolveInput } from "./inputs.ts";
import { resolveModel } from "./models.ts";
import { resolveRecord, resolveRule } from "./plasticity.ts";
import { resolvePopulation } from "./populations.ts";
import { resolveConnect } from "./projections.ts";
import type { Group } from "./ranges.ts";
import { readExpr, readInteger } from "./read.ts";
import { resolveTarget } from "./targets.ts";
import { evaluate } from "./value.ts";

export interface CheckResult {
  readonly program: ResolvedProgram | undefined;
  readonly diagnostics: Diagnostic[];
}

const DEFAULT_SEED = 1;

const KIND_OF: Partial<Record<Decl["kind"], DeclaredKind>> = {
  let: "constant",
  neuron: "neuron model",
  population: "population",
  input: "input",
  plasticity: "plasticity rule",
  target: "target",
};

export function checkProgram(files: readonly SourceFileAst[]): CheckResult {
  const ctx = new CheckContext();
  const root = files[files.length - 1];
  if (root === undefined) return { program: undefined, diagnostics: [] };
  const all = files.flatMap((f) => f.decls);
  const of = <K extends Decl["kind"]>(kind: K) =>
    all.filter((d): d is Extract<Decl, { kind: K }> => d.kind === kind);

  // 1. Names: one namespace for every declaration of every file.
  declareNames(ctx, all);

  // 2. The root file's `network` and `seed`; the same lines in imports are ignored.
  const { name, seed } = readHeader(ctx, files, root);

  // 3. Constants, evaluated once each so an unused broken `let` is still reported.
  for (const decl of of("let"))
    evaluate(ctx, { kind: "ref", name: decl.name.name, span: decl.name.span });

  // 4. Models, then populations and inputs built from them.
  const models = new Map<string, ResolvedModel>();
  const failed = new Set<string>();
  for (const decl of of("neuron")) keep(models, failed, decl.name.name, resolveModel(ctx, decl));
  const populations = new Map<string, ResolvedPopulation>();
  for (const decl of of("population"))
    keep(populations, failed, decl.name.name, resolvePopulation(ctx, decl, models, failed, seed));
  const inputs = new Map<string, ResolvedInput>();
  for (const decl of of("input"))
    keep(inputs, failed, decl.name.name, resolveInput(ctx, decl, seed));

  // 5. Plasticity rules (a reward rule names an input).
  const inputNames = new Set(of("input").map((d) => d.name.name));
  const rules = new Map<string, ResolvedPlasticityRule>();
  for (const decl of of("plasticity"))
    keep(rules, failed, decl.name.name, resolveRule(ctx, decl, inputNames));

  // 6. Projections and recordings, against the groups that resolved.
  const groups = new Map<string, Group>();
  for (const p of populations.values()) groups.set(p.name, { kind: "population", entity: p });
  for (const i of inputs.values()) groups.set(i.name, { kind: "input", entity: i });
  const scope = {
    groups,
    failed,
    rules,
    failedRules: failed,
    rootSeed: seed,
    usedNames: new Set<string>(),
  };
  const projections: ResolvedProjection[] = of("connect").flatMap((d) =>
    resolveConnect(ctx, d, scope),
  );
  const recordings: ResolvedRecording[] = of("record").flatMap((d) => resolveRecord(ctx, d, scope));

  // 7. Targets.
  const targets: ResolvedTarget[] = [];
  for (const decl of of("target")) {
    const target = resolveTarget(ctx, decl);
    if (target !== undefined) targets.push(target);
  }

  // 8. Warnings about the root file's declarations that nothing uses (libraries may have many).
  warnUnused(ctx, root, populations, projections);

  const diagnostics = dedupe(ctx.diagnostics);
  if (hasErrors(diagnostics)) return { program: undefined, diagnostics };
  const program: ResolvedProgram = {
    name: name ?? basename(root.path, extname(root.path)),
    seed,
    models: [...models.values()],
    populations: [...populations.values()],
    inputs: [...inputs.values()],
    projections,
    plasticityRules: [...rules.values()],
    recordings,
    targets,
  };
  return { program, diagnostics };
}

function keep<T>(
  into: Map<string, T>,
  failed: Set<string>,
  name: string,
  value: T | undefined,
): void {
  if (value === undefined) failed.add(name);
  else if (!into.has(name)) into.set(name, value);
}

function declareNames(ctx: CheckContext, all: readonly Decl[]): void {
  for (const decl of all) {
    const kind = KIND_OF[decl.kind];
    if (kind === undefined || !("name" in decl)) continue;
    const name = decl.name.name;
    const first = ctx.names.get(name);
    if (first !== undefined) {
      ctx.report(M.duplicateName, [name], decl.name.span, {
        notes: [{ message: `'${name}' is first declared here.`, span: first.span }],
      });
      continue;
    }
    ctx.names.set(name, { kind, span: decl.name.span, decl });
    if (decl.kind === "let")
      ctx.lets.set(name, { decl, state: "pending", value: undefined, used: false });
  }
}

function readHeader(
  ctx: CheckContext,
  files: readonly SourceFileAst[],
  root: SourceFileAst,
): { name: string | undefined; seed: number } {
  let name: string | undefined;
  let seed = DEFAULT_SEED;
  let seedSeen = false;
  for (const file of files) {
    for (const decl of file.decls) {
      if (decl.kind !== "network" && decl.kind !== "seed") continue;
      if (file !== root) {
        ctx.report(M.ignoredInImport, [decl.kind], decl.span);
        continue;
      }
      if (decl.kind === "network") {
        if (name !== undefined) ctx.report(M.duplicateSetting, ["network", file.path], decl.span);
        else name = decl.name.name;
        continue;
      }
      if (seedSeen) {
        ctx.report(M.duplicateSetting, ["seed", file.path], decl.span);
        continue;
      }
      seedSeen = true;
      seed = readInteger(ctx, readExpr(ctx, decl.value), "seed", 0, 0xffffffff) ?? DEFAULT_SEED;
    }
  }
  return { name, seed };
}

function warnUnused(
  ctx: CheckContext,
  root: SourceFileAst,
  populations: ReadonlyMap<string, ResolvedPopulation>,
  projections: readonly ResolvedProjection[],
): void {
  const usedModels = new Set([...populations.values()].map((p) => p.model));
  const usedRules = new Set(projections.map((p) => p.plasticity));
  for (const decl of root.decls) {
    if (decl.kind === "neuron" && !usedModels.has(decl.name.name) && populations.size > 0)
      ctx.report(M.unusedDeclaration, ["neuron model", decl.name.name], decl.name.span);
    if (decl.kind === "plasticity" && !usedRules.has(decl.name.name))
      ctx.report(M.unusedDeclaration, ["plasticity rule", decl.name.name], decl.name.span);
  }
}

/** Drops repeats of the same diagnostic at the same place (a connect over several pairs). */
function dedupe(diags: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const key = `${d.code}|${d.span?.file}|${d.span?.offset}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
