/**
 * Readers that turn an evaluated value into what a field needs (a time, a whole number, a
 * distribution, one of several words) and report, in the catalogue's words, why it does not fit.
 */
import type { Span } from "../../src/diagnostics/diagnostic.ts";
import { semanticDiagnostics as M } from "../../src/diagnostics/catalogue/semantic.ts";
import type { ValueSpec } from "../resolved.ts";
import type { Expr, Field } from "../syntax/ast.ts";
import * as D from "../units/dimension.ts";
import type { CheckContext } from "./context.ts";
import { closestName, didYouMean } from "./suggest.ts";
import { describeValue, evaluate, reportUnknownWord, type Value } from "./value.ts";

/** Reads a quantity of the given dimension, in SI units. */
export function readQuantity(
  ctx: CheckContext,
  value: Value | undefined,
  what: string,
  dim: D.Dimension,
): number | undefined {
  if (value === undefined) return undefined;
  if (value.kind === "word") {
    reportUnknownWord(ctx, value);
    return undefined;
  }
  if (value.kind !== "quantity") {
    ctx.report(
      M.wrongValueKind,
      [what, D.describeDimension(dim), describeValue(value)],
      value.span,
    );
    return undefined;
  }
  if (!D.sameDimension(value.dim, dim)) {
    ctx.report(
      M.wrongDimension,
      [what, D.describeDimension(dim), describeValue(value)],
      value.span,
    );
    return undefined;
  }
  return value.value;
}

export function readExpr(ctx: CheckContext, expr: Expr | undefined): Value | undefined {
  return expr === undefined ? undefined : evaluate(ctx, expr);
}

/** Checks a condition on a read number; `rule` is the wording, e.g. "positive". */
export function checkRange(
  ctx: CheckContext,
  value: number | undefined,
  ok: (v: number) => boolean,
  what: string,
  rule: string,
  dim: D.Dimension,
  span: Span | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  if (!ok(value)) {
    ctx.report(M.outOfRange, [what, rule, D.formatQuantity(value, dim)], span);
    return undefined;
  }
  return value;
}

/** A whole number within [min, max]. */
export function readInteger(
  ctx: CheckContext,
  value: Value | undefined,
  what: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const n = readQuantity(ctx, value, what, D.DIMENSIONLESS);
  if (n === undefined || value === undefined) return undefined;
  if (!Number.isInteger(n)) {
    ctx.report(M.notInteger, [what, D.formatQuantity(n, D.DIMENSIONLESS)], value.span);
    return undefined;
  }
  const rule = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
  return checkRange(ctx, n, (v) => v >= min && v <= max, what, rule, D.DIMENSIONLESS, value.span);
}

/** One of a fixed set of words (`stochastic`, `subtract`, `true`). */
export function readChoice<T extends string>(
  ctx: CheckContext,
  value: Value | undefined,
  what: string,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const word =
    value.kind === "word" ? value.name : value.kind === "string" ? value.value : undefined;
  if (word !== undefined && (choices as readonly string[]).includes(word)) return word as T;
  const shown = choices.map((c) => `'${c}'`).join(", ");
  const found = word ?? describeValue(value);
  ctx.report(M.notAChoice, [what, shown, found], value.span, {
    help: word === undefined ? undefined : didYouMean(word, choices),
  });
  return undefined;
}

export function readBoolean(
  ctx: CheckContext,
  value: Value | undefined,
  what: string,
): boolean | undefined {
  const word = readChoice(ctx, value, what, ["true", "false"] as const);
  return word === undefined ? undefined : word === "true";
}

/** A constant or a distribution (`uniform(a, b)`, `normal(mean, sd)`) of the given dimension. */
export function readValueSpec(
  ctx: CheckContext,
  value: Value | undefined,
  what: string,
  dim: D.Dimension,
  seed: number,
): ValueSpec | undefined {
  if (value === undefined) return undefined;
  if (value.kind !== "call") {
    const constant = readQuantity(ctx, value, what, dim);
    return constant === undefined ? undefined : { kind: "constant", value: constant };
  }

  const name = value.callee.name;
  if (name !== "uniform" && name !== "normal") {
    ctx.report(M.unknownDistribution, [name], value.callee.span, {
      help: didYouMean(name, ["uniform", "normal"]),
    });
    return undefined;
  }
  if (value.args.length !== 2) {
    ctx.report(M.wrongArgumentCount, [name, 2, value.args.length], value.span);
    return undefined;
  }
  const a = readQuantity(ctx, value.args[0]?.value, what, dim);
  const b = readQuantity(ctx, value.args[1]?.value, what, dim);
  if (a === undefined || b === undefined) return undefined;

  if (name === "uniform") {
    if (a > b) {
      ctx.report(M.badUniform, [D.formatQuantity(a, dim), D.formatQuantity(b, dim)], value.span);
      return undefined;
    }
    return { kind: "uniform", low: a, high: b, seed };
  }
  if (b < 0) {
    ctx.report(M.badNormal, [D.formatQuantity(b, dim)], value.args[1]?.span);
    return undefined;
  }
  return { kind: "normal", mean: a, sd: b, seed };
}

// ---------------------------------------------------------------------------------------------
// Fields of a block

/**
 * Indexes a block's fields by name, reporting unknown names (with a suggestion), repeated
 * names, and blocks where a single value belongs. `owner` reads like "Neuron model 'Cell'".
 */
export function indexFields(
  ctx: CheckContext,
  fields: readonly Field[],
  owner: string,
  allowed: readonly string[],
  blocks: readonly string[] = [],
): Map<string, Field> {
  const byName = new Map<string, Field>();
  for (const field of fields) {
    const name = field.name.name;
    if (!allowed.includes(name) && !blocks.includes(name)) {
      const best = closestName(name, [...allowed, ...blocks]);
      ctx.report(M.unknownField, [owner, name], field.name.span, {
        help:
          best === undefined ? `the parameters are ${list(allowed)}` : `did you mean '${best}'?`,
      });
      continue;
    }
    const first = byName.get(name);
    if (first !== undefined) {
      ctx.report(M.duplicateField, [name], field.name.span, {
        notes: [{ message: `'${name}' is first given here.`, span: first.name.span }],
      });
      continue;
    }
    if (blocks.includes(name) && field.block === undefined) {
      ctx.report(M.targetNotABlock, [name], field.name.span);
      continue;
    }
    if (!blocks.includes(name) && field.block !== undefined) {
      ctx.report(M.targetBlockExpected, [name], field.name.span);
      continue;
    }
    byName.set(name, field);
  }
  return byName;
}

function list(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(", ");
}
