/**
 * Neuron references: `exc`, `exc[10..19]` (end inclusive) and `exc[0, 5, 7]`, checked against
 * the population or input they name. Resolved ranges are half-open, as dsl/resolved.ts says.
 */
import { semanticDiagnostics as M } from "../../src/diagnostics/catalogue/semantic.ts";
import type { NeuronRange } from "../resolved.ts";
import type { NeuronRef } from "../syntax/ast.ts";
import type { CheckContext } from "./context.ts";
import { readExpr, readInteger } from "./read.ts";
import { didYouMean } from "./suggest.ts";

export interface Sized {
  readonly size: number;
  readonly shape: readonly number[];
}

export interface Group {
  readonly kind: "population" | "input";
  readonly entity: Sized;
}

export interface RefTarget {
  readonly groups: ReadonlyMap<string, Group>;
  /** Names declared but not resolved because of earlier errors: no second error for them. */
  readonly failed: ReadonlySet<string>;
}

/** The group a reference names, or undefined (reported unless it failed earlier). */
export function lookupGroup(
  ctx: CheckContext,
  ref: NeuronRef,
  targets: RefTarget,
): Group | undefined {
  const name = ref.name.name;
  const group = targets.groups.get(name);
  if (group !== undefined) return group;
  if (targets.failed.has(name)) return undefined;

  const declared = ctx.names.get(name);
  if (declared !== undefined) {
    ctx.report(
      M.wrongKindOfName,
      [name, `a ${declared.kind}`, "a population or input"],
      ref.name.span,
      {
        notes: [{ message: `'${name}' is declared here.`, span: declared.span }],
      },
    );
  } else {
    ctx.report(M.unknownName, ["population or input", name], ref.name.span, {
      help: didYouMean(name, targets.groups.keys()),
    });
  }
  return undefined;
}

function readIndex(
  ctx: CheckContext,
  ref: NeuronRef,
  group: Group,
  expr: import("../syntax/ast.ts").Expr,
): number | undefined {
  const value = readExpr(ctx, expr);
  const index = readInteger(ctx, value, "index", 0);
  if (index === undefined) return undefined;
  const size = group.entity.size;
  if (index >= size) {
    ctx.report(M.sliceOutOfRange, [index, ref.name.name, size, size - 1], expr.span);
    return undefined;
  }
  return index;
}

/** A contiguous range; a list of several indices is not one. */
export function resolveRange(
  ctx: CheckContext,
  ref: NeuronRef,
  targets: RefTarget,
): NeuronRange | undefined {
  const group = lookupGroup(ctx, ref, targets);
  if (group === undefined) return undefined;
  const base = { name: ref.name.name, kind: group.kind, span: ref.span };
  const slice = ref.slice;
  if (slice === undefined) return { ...base, start: 0, end: group.entity.size };

  if (slice.kind === "indices") {
    if (slice.items.length !== 1) {
      ctx.report(
        M.wrongValueKind,
        [ref.name.name, "a range such as [0..9]", "a list of indices"],
        slice.span,
      );
      return undefined;
    }
    const index = readIndex(ctx, ref, group, slice.items[0]!);
    return index === undefined ? undefined : { ...base, start: index, end: index + 1 };
  }

  const start = readIndex(ctx, ref, group, slice.start);
  const last = readIndex(ctx, ref, group, slice.end);
  if (start === undefined || last === undefined) return undefined;
  if (last < start) {
    ctx.report(M.emptySlice, [start, last, ref.name.name], slice.span);
    return undefined;
  }
  return { ...base, start, end: last + 1 };
}

/** Every index a reference names, in order, without repeats (for voltage recordings). */
export function resolveIndices(
  ctx: CheckContext,
  ref: NeuronRef,
  group: Group,
): number[] | undefined {
  const slice = ref.slice;
  if (slice === undefined) return Array.from({ length: group.entity.size }, (_, i) => i);
  if (slice.kind === "range") {
    const start = readIndex(ctx, ref, group, slice.start);
    const last = readIndex(ctx, ref, group, slice.end);
    if (start === undefined || last === undefined) return undefined;
    if (last < start) {
      ctx.report(M.emptySlice, [start, last, ref.name.name], slice.span);
      return undefined;
    }
    return Array.from({ length: last - start + 1 }, (_, i) => start + i);
  }
  const out: number[] = [];
  let ok = true;
  for (const item of slice.items) {
    const index = readIndex(ctx, ref, group, item);
    if (index === undefined) ok = false;
    else if (!out.includes(index)) out.push(index);
  }
  return ok ? out : undefined;
}
