/**
 * Connectors of a `connect`: all_to_all, one_to_one, random(p), fixed_fan_in(n),
 * conv2d(kernel, stride, padding) and `file "syn.csv"`, checked against the sizes and shapes of
 * the ranges they join.
 */
import { existsSync } from "node:fs";
import type { Span } from "../../src/diagnostics/diagnostic.ts";
import { semanticDiagnostics as M } from "../../src/diagnostics/catalogue/semantic.ts";
import type { Connector as ResolvedConnector, NeuronRange } from "../resolved.ts";
import type { Connector } from "../syntax/ast.ts";
import * as D from "../units/dimension.ts";
import type { CheckContext } from "./context.ts";
import { resolveDataPath } from "./data-files.ts";
import { checkRange, readBoolean, readInteger, readQuantity } from "./read.ts";
import { closestName, didYouMean } from "./suggest.ts";
import { describeValue, evaluate, type Value } from "./value.ts";

const ARGUMENTS: Record<string, readonly string[]> = {
  all_to_all: ["allow_self"],
  one_to_one: [],
  random: ["p", "allow_self"],
  fixed_fan_in: ["n", "allow_self"],
  conv2d: ["kernel", "stride", "padding"],
  file: [],
};

export interface ConnectorContext {
  readonly pre: NeuronRange;
  readonly post: NeuronRange;
  /** Full shapes of the named groups (a slice of a shaped group loses its shape). */
  readonly preShape: readonly number[];
  readonly postShape: readonly number[];
  readonly seed: number;
}

export function resolveConnector(
  ctx: CheckContext,
  c: Connector,
  at: ConnectorContext,
): ResolvedConnector | undefined {
  const name = c.name.name;
  const allowed = ARGUMENTS[name];
  if (allowed === undefined) {
    ctx.report(M.unknownConnector, [name], c.name.span, {
      help: didYouMean(name, Object.keys(ARGUMENTS)),
    });
    return undefined;
  }
  const args = readArguments(ctx, c, allowed);
  if (args === undefined) return undefined;
  const allowSelf = args.has("allow_self")
    ? readBoolean(ctx, args.get("allow_self"), "allow_self")
    : true;
  if (allowSelf === undefined) return undefined;

  switch (name) {
    case "all_to_all":
      return { kind: "all_to_all", allowSelf };
    case "one_to_one": {
      const preSize = at.pre.end - at.pre.start;
      const postSize = at.post.end - at.post.start;
      if (preSize !== postSize) {
        ctx.report(M.oneToOneSizes, [at.pre.name, preSize, at.post.name, postSize], c.span);
        return undefined;
      }
      return { kind: "one_to_one" };
    }
    case "random": {
      const value = required(ctx, c, args, "p");
      const p = checkRange(
        ctx,
        readQuantity(ctx, value, "p", D.DIMENSIONLESS),
        (v) => v >= 0 && v <= 1,
        "p",
        "a probability from 0 to 1",
        D.DIMENSIONLESS,
        value?.span,
      );
      if (p === undefined) return undefined;
      if (p === 0) ctx.report(M.noSynapses, [], c.span);
      return { kind: "random", p, allowSelf, seed: at.seed };
    }
    case "fixed_fan_in": {
      const n = readInteger(ctx, required(ctx, c, args, "n"), "n", 1);
      if (n === undefined) return undefined;
      const preSize = at.pre.end - at.pre.start;
      const overlaps =
        at.pre.name === at.post.name && at.pre.start < at.post.end && at.post.start < at.pre.end;
      const available = !allowSelf && overlaps ? preSize - 1 : preSize;
      if (n > available) {
        ctx.report(M.fanInTooLarge, [n, at.pre.name, available], c.span);
        return undefined;
      }
      return { kind: "fixed_fan_in", n, allowSelf, seed: at.seed };
    }
    case "conv2d":
      return conv2d(ctx, c, args, at);
    default: {
      // `file "syn.csv"`: pre,post[,weight_V[,delay_s]] per line, read by the compiler.
      const path = resolveDataPath(c.span.file, c.path?.value ?? "");
      if (c.path === undefined || !existsSync(path)) {
        ctx.report(M.synapseFileMissing, [c.path?.value ?? ""], c.path?.span ?? c.span);
        return undefined;
      }
      return { kind: "file", path };
    }
  }
}

function readArguments(
  ctx: CheckContext,
  c: Connector,
  allowed: readonly string[],
): Map<string, Value> | undefined {
  const out = new Map<string, Value>();
  let ok = true;
  c.args.forEach((arg, index) => {
    // A positional argument takes the parameter in its place: random(0.02) means p = 0.02.
    const name = arg.name?.name ?? allowed[index];
    if (name === undefined || !allowed.includes(name)) {
      const shown = arg.name?.name ?? `#${index + 1}`;
      const best = arg.name ? closestName(arg.name.name, allowed) : undefined;
      ctx.report(M.unknownArgument, [c.name.name, shown], arg.span, {
        help: best ? `did you mean '${best}'?` : undefined,
      });
      ok = false;
      return;
    }
    if (out.has(name)) {
      ctx.report(M.duplicateSetting, [name, c.name.name], arg.span);
      ok = false;
      return;
    }
    const value = evaluate(ctx, arg.value);
    if (value === undefined) ok = false;
    else out.set(name, value);
  });
  return ok ? out : undefined;
}

function required(
  ctx: CheckContext,
  c: Connector,
  args: Map<string, Value>,
  name: string,
): Value | undefined {
  const value = args.get(name);
  if (value === undefined) ctx.report(M.missingArgument, [c.name.name, name], c.span);
  return value;
}

/** `5 x 5` or `5`: a pair of whole numbers (a single number is square). */
function readPair(
  ctx: CheckContext,
  value: Value | undefined,
  what: string,
  min: number,
): [number, number] | undefined {
  if (value === undefined) return undefined;
  if (value.kind === "shape") {
    if (value.items.length !== 2) {
      ctx.report(
        M.wrongValueKind,
        [what, "one number or two (H x W)", describeValue(value)],
        value.span,
      );
      return undefined;
    }
    const a = readInteger(ctx, value.items[0], what, min);
    const b = readInteger(ctx, value.items[1], what, min);
    return a === undefined || b === undefined ? undefined : [a, b];
  }
  const n = readInteger(ctx, value, what, min);
  return n === undefined ? undefined : [n, n];
}

function readKernelMatrix(
  ctx: CheckContext,
  value: Value,
): { h: number; w: number; kernelV: Float64Array } | undefined {
  const rows = value.kind === "list" ? value.items : [];
  const values: number[] = [];
  let width = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.kind !== "list") {
      ctx.report(
        M.wrongValueKind,
        ["kernel", "a list of rows such as [[1, 2], [3, 4]] mV", describeValue(row)],
        row.span,
      );
      return undefined;
    }
    if (width < 0) width = row.items.length;
    if (row.items.length !== width || width === 0) {
      ctx.report(M.kernelNotRectangular, [r + 1, row.items.length, width], row.span);
      return undefined;
    }
    for (const item of row.items) {
      const v = readQuantity(ctx, item, "kernel", D.VOLTAGE);
      if (v === undefined) return undefined;
      values.push(v);
    }
  }
  if (rows.length === 0) {
    ctx.report(
      M.wrongValueKind,
      ["kernel", "a size (5 x 5) or a matrix of weights", "an empty list"],
      value.span,
    );
    return undefined;
  }
  return { h: rows.length, w: width, kernelV: Float64Array.from(values) };
}

function conv2d(
  ctx: CheckContext,
  c: Connector,
  args: Map<string, Value>,
  at: ConnectorContext,
): ResolvedConnector | undefined {
  const kernelValue = required(ctx, c, args, "kernel");
  if (kernelValue === undefined) return undefined;
  let kernelH: number;
  let kernelW: number;
  let kernelV: Float64Array | undefined;
  if (kernelValue.kind === "list") {
    const matrix = readKernelMatrix(ctx, kernelValue);
    if (matrix === undefined) return undefined;
    [kernelH, kernelW, kernelV] = [matrix.h, matrix.w, matrix.kernelV];
  } else {
    const size = readPair(ctx, kernelValue, "kernel", 1);
    if (size === undefined) return undefined;
    [kernelH, kernelW] = size;
  }
  const stride: [number, number] | undefined = args.has("stride")
    ? readPair(ctx, args.get("stride"), "stride", 1)
    : [1, 1];
  const padding = args.has("padding") ? readInteger(ctx, args.get("padding"), "padding", 0) : 0;
  if (stride === undefined || padding === undefined) return undefined;

  const inShape = twoD(ctx, at.pre, at.preShape, c.span);
  const outShape = twoD(ctx, at.post, at.postShape, c.span);
  if (inShape === undefined || outShape === undefined) return undefined;

  const expectH = Math.floor((inShape[0] + 2 * padding - kernelH) / stride[0]) + 1;
  const expectW = Math.floor((inShape[1] + 2 * padding - kernelW) / stride[1]) + 1;
  if (expectH !== outShape[0] || expectW !== outShape[1]) {
    const gives = expectH < 1 || expectW < 1 ? "no output at all" : `${expectH} x ${expectW}`;
    ctx.report(
      M.convShapeMismatch,
      [
        at.pre.name,
        shapeText(inShape),
        `${kernelH} x ${kernelW}`,
        `${stride[0]} x ${stride[1]}`,
        padding,
        gives,
        at.post.name,
        shapeText(outShape),
      ],
      c.span,
    );
    return undefined;
  }
  return {
    kind: "conv2d",
    inShape,
    outShape,
    kernelH,
    kernelW,
    strideY: stride[0],
    strideX: stride[1],
    padding,
    kernelV,
  };
}

/** A conv2d end must be a whole 2-D group (a slice has no shape of its own). */
function twoD(
  ctx: CheckContext,
  range: NeuronRange,
  shape: readonly number[],
  span: Span,
): [number, number] | undefined {
  const whole = range.start === 0 && range.end === shape.reduce((a, b) => a * b, 1);
  if (shape.length !== 2 || !whole) {
    const shown = whole ? shapeText(shape) : `a slice of ${range.end - range.start} neurons`;
    ctx.report(M.convNeeds2d, [range.name, shown], range.span ?? span);
    return undefined;
  }
  return [shape[0]!, shape[1]!];
}

function shapeText(shape: readonly number[]): string {
  return shape.join(" x ");
}
