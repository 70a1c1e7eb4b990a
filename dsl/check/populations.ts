/**
 * Populations (`population exc = Cell[3200] { v = ... }`) and the shape reader shared with
 * inputs. Sizes are capped so a typo cannot make a later phase allocate gigabytes.
 */
import type { Span } from "../../src/diagnostics/diagnostic.ts";
import { semanticDiagnostics as M } from "../../src/diagnostics/catalogue/semantic.ts";
import type { ResolvedModel, ResolvedPopulation, ValueSpec } from "../resolved.ts";
import type { Expr, PopulationDecl } from "../syntax/ast.ts";
import * as D from "../units/dimension.ts";
import type { CheckContext } from "./context.ts";
import { indexFields, readExpr, readInteger, readValueSpec } from "./read.ts";
import { deriveSeed } from "./seeds.ts";
import { didYouMean } from "./suggest.ts";

/** Largest population or input: 2^24 neurons (16,777,216). */
export const MAX_NEURONS = 1 << 24;

const INIT_FIELDS = { v: "vV", g_exc: "gExcV", g_inh: "gInhV", theta: "thetaV" } as const;

/** Reads `[28 x 28]`: positive whole numbers whose product is the size. */
export function readShape(
  ctx: CheckContext,
  name: string,
  items: readonly Expr[],
  span: Span,
): { size: number; shape: number[] } | undefined {
  const shape: number[] = [];
  for (const item of items) {
    const n = readInteger(ctx, readExpr(ctx, item), "size", 1);
    if (n === undefined) return undefined;
    shape.push(n);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  if (size > MAX_NEURONS) {
    ctx.report(M.tooLarge, [name, size, MAX_NEURONS], span);
    return undefined;
  }
  return { size, shape };
}

export function resolvePopulation(
  ctx: CheckContext,
  decl: PopulationDecl,
  models: ReadonlyMap<string, ResolvedModel>,
  failedModels: ReadonlySet<string>,
  rootSeed: number,
): ResolvedPopulation | undefined {
  const name = decl.name.name;
  const model = models.get(decl.model.name);
  let ok = model !== undefined;
  if (model === undefined && !failedModels.has(decl.model.name)) {
    reportUnknownModel(ctx, decl.model.name, decl.model.span);
  }

  const dims = readShape(ctx, name, decl.shape, decl.shapeSpan);
  if (dims === undefined) ok = false;

  const fields = indexFields(ctx, decl.fields, `Population '${name}'`, Object.keys(INIT_FIELDS));
  const init: Record<string, ValueSpec> = {};
  for (const [field, key] of Object.entries(INIT_FIELDS)) {
    const f = fields.get(field);
    if (f === undefined) continue;
    if (field === "theta" && model !== undefined && model.kind !== "adaptive_lif") {
      ctx.report(M.paramNotForKind, [field, model.kind, model.name], f.name.span);
      ok = false;
      continue;
    }
    const seed = deriveSeed(rootSeed, `population:${name}:${field}`);
    const spec = readValueSpec(ctx, readExpr(ctx, f.value), field, D.VOLTAGE, seed);
    if (spec === undefined) ok = false;
    else init[key] = spec;
  }

  if (!ok || model === undefined || dims === undefined) return undefined;
  return {
    name,
    span: decl.name.span,
    model: model.name,
    size: dims.size,
    shape: dims.shape,
    init,
  };
}

function reportUnknownModel(ctx: CheckContext, name: string, span: Span): void {
  const declared = ctx.names.get(name);
  if (declared !== undefined) {
    ctx.report(M.wrongKindOfName, [name, `a ${declared.kind}`, "a neuron model"], span, {
      notes: [{ message: `'${name}' is declared here.`, span: declared.span }],
    });
    return;
  }
  ctx.report(M.unknownName, ["neuron model", name], span, {
    help: didYouMean(name, ctx.namesOfKind("neuron model")),
  });
}
