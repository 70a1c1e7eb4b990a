/**
 * Evaluation of expressions into values: quantities in SI units with their dimension, bare
 * words, strings, calls (distributions, connectors), lists, pairs, shapes and data files.
 * Units are applied and dimensions checked here; what a value means is decided by its reader.
 */
import type { Span } from "../../src/diagnostics/diagnostic.ts";
import { semanticDiagnostics as M } from "../../src/diagnostics/catalogue/semantic.ts";
import type { Expr, Ident } from "../syntax/ast.ts";
import * as D from "../units/dimension.ts";
import { lookupUnit, toSi, unitNames } from "../units/units.ts";
import type { CheckContext } from "./context.ts";
import { didYouMean } from "./suggest.ts";

export type Value =
  | {
      readonly kind: "quantity";
      readonly value: number;
      readonly dim: D.Dimension;
      readonly span: Span;
    }
  | { readonly kind: "word"; readonly name: string; readonly span: Span }
  | { readonly kind: "string"; readonly value: string; readonly span: Span }
  | {
      readonly kind: "call";
      readonly callee: Ident;
      readonly args: readonly CallValueArg[];
      readonly span: Span;
    }
  | {
      readonly kind: "list" | "tuple" | "shape" | "sequence";
      readonly items: readonly Value[];
      readonly span: Span;
    }
  | {
      readonly kind: "file";
      readonly path: string;
      readonly pathSpan: Span;
      readonly factor: number;
      readonly dim: D.Dimension;
      readonly span: Span;
    };

export interface CallValueArg {
  readonly name?: Ident;
  readonly value: Value;
  readonly span: Span;
}

/** Deeper expressions are rejected rather than risking the stack. */
const MAX_DEPTH = 200;

export function describeValue(value: Value): string {
  switch (value.kind) {
    case "quantity":
      return `${D.describeDimension(value.dim)} (${D.formatQuantity(value.value, value.dim)})`;
    case "word":
      return `the name '${value.name}'`;
    case "string":
      return "a string";
    case "call":
      return `a call of '${value.callee.name}'`;
    case "list":
      return "a list in brackets";
    case "tuple":
      return "a pair in parentheses";
    case "shape":
      return "a shape";
    case "sequence":
      return "a comma-separated list";
    case "file":
      return "a data file";
  }
}

export function withSpan(value: Value, span: Span): Value {
  return { ...value, span };
}

/** Evaluates an expression; reports problems and returns undefined when it has none to give. */
export function evaluate(ctx: CheckContext, expr: Expr, depth = 0): Value | undefined {
  if (depth > MAX_DEPTH) {
    ctx.report(M.tooDeep, [MAX_DEPTH], expr.span);
    return undefined;
  }
  switch (expr.kind) {
    case "number":
      return evaluateNumber(ctx, expr.value, expr.unit, expr.span);
    case "string":
      return { kind: "string", value: expr.value, span: expr.span };
    case "ref":
      return evaluateRef(ctx, expr.name, expr.span);
    case "call": {
      const args: CallValueArg[] = [];
      let ok = true;
      for (const arg of expr.args) {
        const value = evaluate(ctx, arg.value, depth + 1);
        if (value === undefined) ok = false;
        else args.push({ name: arg.name, value, span: arg.span });
      }
      return ok ? { kind: "call", callee: expr.callee, args, span: expr.span } : undefined;
    }
    case "unary":
      return evaluateUnary(ctx, expr.op, evaluate(ctx, expr.operand, depth + 1), expr.span);
    case "binary": {
      const left = evaluate(ctx, expr.left, depth + 1);
      const right = evaluate(ctx, expr.right, depth + 1);
      if (left === undefined || right === undefined) return undefined;
      return evaluateBinary(ctx, expr.op, left, right, expr.span);
    }
    case "tuple":
    case "shape":
    case "sequence": {
      const items = evaluateAll(ctx, expr.items, depth);
      return items && { kind: expr.kind, items, span: expr.span };
    }
    case "list": {
      const items = evaluateAll(ctx, expr.items, depth);
      if (items === undefined) return undefined;
      if (expr.unit === undefined) return { kind: "list", items, span: expr.span };
      const unit = lookupUnitOrReport(ctx, expr.unit);
      if (unit === undefined) return undefined;
      const scaled = items.map((item) => scaleByUnit(ctx, item, unit.factor, unit.dim, expr.unit!));
      if (scaled.some((item) => item === undefined)) return undefined;
      return { kind: "list", items: scaled as Value[], span: expr.span };
    }
    case "file": {
      const unit =
        expr.unit === undefined
          ? { factor: 1, dim: D.DIMENSIONLESS }
          : lookupUnitOrReport(ctx, expr.unit);
      if (unit === undefined) return undefined;
      return {
        kind: "file",
        path: expr.path,
        pathSpan: expr.pathSpan,
        factor: unit.factor,
        dim: unit.dim,
        span: expr.span,
      };
    }
  }
}

function evaluateAll(
  ctx: CheckContext,
  exprs: readonly Expr[],
  depth: number,
): Value[] | undefined {
  const items: Value[] = [];
  let ok = true;
  for (const item of exprs) {
    const value = evaluate(ctx, item, depth + 1);
    if (value === undefined) ok = false;
    else items.push(value);
  }
  return ok ? items : undefined;
}

function lookupUnitOrReport(ctx: CheckContext, unit: Ident) {
  const info = lookupUnit(unit.name);
  if (info === undefined) {
    ctx.report(M.unknownUnit, [unit.name], unit.span, { help: didYouMean(unit.name, unitNames) });
  }
  return info;
}

function evaluateNumber(
  ctx: CheckContext,
  value: number,
  unit: Ident | undefined,
  span: Span,
): Value | undefined {
  if (unit === undefined) return { kind: "quantity", value, dim: D.DIMENSIONLESS, span };
  const info = lookupUnitOrReport(ctx, unit);
  if (info === undefined) return undefined;
  return { kind: "quantity", value: toSi(value, info), dim: info.dim, span };
}

/** `[1, 2] mV`: every plain number inside the list takes the unit. */
function scaleByUnit(
  ctx: CheckContext,
  item: Value,
  factor: number,
  dim: D.Dimension,
  unit: Ident,
): Value | undefined {
  if (item.kind === "list") {
    const items = item.items.map((inner) => scaleByUnit(ctx, inner, factor, dim, unit));
    return items.some((i) => i === undefined) ? undefined : { ...item, items: items as Value[] };
  }
  if (item.kind === "quantity" && D.sameDimension(item.dim, D.DIMENSIONLESS)) {
    return { ...item, value: toSi(item.value, { factor, dim }), dim };
  }
  ctx.report(
    M.wrongValueKind,
    [unit.name, "plain numbers inside the list", describeValue(item)],
    item.span,
  );
  return undefined;
}

function evaluateRef(ctx: CheckContext, name: string, span: Span): Value | undefined {
  const state = ctx.lets.get(name);
  if (state === undefined) return { kind: "word", name, span };
  state.used = true;
  if (state.state === "evaluating") {
    ctx.report(M.letCycle, [name], span, {
      notes: [{ message: `'${name}' is declared here.`, span: state.decl.name.span }],
    });
    return undefined;
  }
  if (state.state === "pending") {
    state.state = "evaluating";
    state.value = evaluate(ctx, state.decl.value);
    state.state = "done";
  }
  return state.value && withSpan(state.value, span);
}

function evaluateUnary(
  ctx: CheckContext,
  op: "-" | "+",
  operand: Value | undefined,
  span: Span,
): Value | undefined {
  if (operand === undefined) return undefined;
  if (operand.kind !== "quantity") {
    reportNotNumber(ctx, op, operand);
    return undefined;
  }
  return { ...operand, value: op === "-" ? -operand.value : operand.value, span };
}

function evaluateBinary(
  ctx: CheckContext,
  op: "+" | "-" | "*" | "/",
  left: Value,
  right: Value,
  span: Span,
): Value | undefined {
  if (left.kind !== "quantity") return reportNotNumber(ctx, op, left);
  if (right.kind !== "quantity") return reportNotNumber(ctx, op, right);

  if (op === "+" || op === "-") {
    if (!D.sameDimension(left.dim, right.dim)) {
      const verb = op === "+" ? "add" : "subtract";
      ctx.report(M.mixedDimensions, [verb, describeValue(left), describeValue(right)], span);
      return undefined;
    }
    const value = op === "+" ? left.value + right.value : left.value - right.value;
    return { kind: "quantity", value, dim: left.dim, span };
  }
  if (op === "/" && right.value === 0) {
    ctx.report(M.divisionByZero, [], right.span);
    return undefined;
  }
  const value = op === "*" ? left.value * right.value : left.value / right.value;
  const dim = D.multiplyDimensions(left.dim, right.dim, op === "*" ? 1 : -1);
  return { kind: "quantity", value, dim, span };
}

function reportNotNumber(ctx: CheckContext, op: string, value: Value): undefined {
  if (value.kind === "word") reportUnknownWord(ctx, value);
  else ctx.report(M.wrongValueKind, [op, "a number", describeValue(value)], value.span);
  return undefined;
}

/** A bare word where a number was expected: most likely a misspelt constant. */
export function reportUnknownWord(ctx: CheckContext, word: { name: string; span: Span }): void {
  const declared = ctx.names.get(word.name);
  if (declared !== undefined && declared.kind !== "constant") {
    ctx.report(M.wrongKindOfName, [word.name, `a ${declared.kind}`, "a number"], word.span, {
      notes: [{ message: `'${word.name}' is declared here.`, span: declared.span }],
    });
    return;
  }
  ctx.report(M.unknownName, ["constant", word.name], word.span, {
    help: didYouMean(word.name, [...ctx.lets.keys(), ...unitNames]),
  });
}
