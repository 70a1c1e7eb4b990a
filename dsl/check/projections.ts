/**
 * `connect PRE, ... -> POST, ... CONNECTOR clauses`: one projection per (pre, post) pair, each
 * with its weight and delay specs (volts, seconds), receptor, learning rule and derived seeds.
 */
import { semanticDiagnostics as M } from "../../src/diagnostics/catalogue/semantic.ts";
import type { ResolvedPlasticityRule, ResolvedProjection, ValueSpec } from "../resolved.ts";
import type { ConnectClause, ConnectDecl } from "../syntax/ast.ts";
import * as D from "../units/dimension.ts";
import type { CheckContext } from "./context.ts";
import { resolveConnector } from "./connectors.ts";
import { readExpr, readValueSpec } from "./read.ts";
import { resolveRange, type RefTarget } from "./ranges.ts";
import { deriveSeed } from "./seeds.ts";
import { didYouMean } from "./suggest.ts";

/** Delay when a connect gives none. */
export const DEFAULT_DELAY_S = 1e-3;

export interface ProjectionScope extends RefTarget {
  readonly rules: ReadonlyMap<string, ResolvedPlasticityRule>;
  readonly failedRules: ReadonlySet<string>;
  readonly rootSeed: number;
  /** Projection names taken so far, for unique suffixes. */
  readonly usedNames: Set<string>;
}

function clausesByKind(ctx: CheckContext, decl: ConnectDecl): Map<string, ConnectClause> {
  const seen = new Map<string, ConnectClause>();
  for (const clause of decl.clauses) {
    const first = seen.get(clause.kind);
    if (first !== undefined) {
      const word =
        clause.kind === "receptor"
          ? "excitatory/inhibitory"
          : clause.kind === "label"
            ? "as"
            : clause.kind;
      ctx.report(M.duplicateSetting, [word, "connect"], clause.span, {
        notes: [{ message: "It is first given here.", span: first.span }],
      });
      continue;
    }
    seen.set(clause.kind, clause);
  }
  return seen;
}

export function resolveConnect(
  ctx: CheckContext,
  decl: ConnectDecl,
  scope: ProjectionScope,
): ResolvedProjection[] {
  const clauses = clausesByKind(ctx, decl);
  const label = clauses.get("label");
  const pairCount = decl.pre.length * decl.post.length;
  if (label?.kind === "label" && pairCount > 1) {
    ctx.report(M.labelNeedsOnePair, [label.label.name, pairCount], label.span);
    return [];
  }

  const learn = clauses.get("learn");
  let plasticity: string | undefined;
  let learnOk = true;
  if (learn?.kind === "learn") {
    plasticity = learn.rule.name;
    if (!scope.rules.has(plasticity)) {
      learnOk = false;
      if (!scope.failedRules.has(plasticity)) {
        ctx.report(M.unknownName, ["plasticity rule", plasticity], learn.rule.span, {
          help: didYouMean(plasticity, scope.rules.keys()),
        });
      }
    }
  }
  const receptorClause = clauses.get("receptor");
  const receptor = receptorClause?.kind === "receptor" ? receptorClause.receptor : "exc";
  const weightClause = clauses.get("weight");
  const delayClause = clauses.get("delay");
  const explicitKernel = decl.connector.args.some(
    (a) => a.name?.name === "kernel" && a.value.kind === "list",
  );
  if (weightClause === undefined && !explicitKernel) {
    ctx.report(M.missingWeight, [], decl.span);
  }

  // Each reference is checked once, however many pairs it takes part in.
  const pres = decl.pre.map((ref) => ({ ref, range: resolveRange(ctx, ref, scope) }));
  const posts = decl.post.map((ref) => {
    const range = resolveRange(ctx, ref, scope);
    if (range?.kind === "input") {
      ctx.report(M.inputAsPost, [range.name], ref.name.span);
      return { ref, range: undefined };
    }
    return { ref, range };
  });

  const out: ResolvedProjection[] = [];
  for (const { ref: preRef, range: pre } of pres) {
    for (const { ref: postRef, range: post } of posts) {
      if (pre === undefined || post === undefined) continue;

      const name = projectionName(
        ctx,
        label?.kind === "label" ? label : undefined,
        `${pre.name}->${post.name}`,
        scope.usedNames,
      );
      if (name === undefined) continue;
      const seed = (what: string) => deriveSeed(scope.rootSeed, `projection:${name}:${what}`);

      const connector = resolveConnector(ctx, decl.connector, {
        pre,
        post,
        preShape: scope.groups.get(preRef.name.name)?.entity.shape ?? [],
        postShape: scope.groups.get(postRef.name.name)?.entity.shape ?? [],
        seed: seed("connector"),
      });
      // With an explicit kernel matrix the kernel holds the weights; weightV is then unused (0).
      const weightV: ValueSpec | undefined =
        weightClause?.kind === "weight"
          ? readValueSpec(
              ctx,
              readExpr(ctx, weightClause.value),
              "weight",
              D.VOLTAGE,
              seed("weight"),
            )
          : explicitKernel
            ? { kind: "constant", value: 0 }
            : undefined;
      const delayS: ValueSpec | undefined =
        delayClause?.kind === "delay"
          ? readValueSpec(ctx, readExpr(ctx, delayClause.value), "delay", D.TIME, seed("delay"))
          : { kind: "constant", value: DEFAULT_DELAY_S };
      if (
        delayS !== undefined &&
        delayClause !== undefined &&
        !checkDelay(ctx, delayS, delayClause.span)
      )
        continue;
      if (connector === undefined || weightV === undefined || delayS === undefined || !learnOk)
        continue;

      if (weightV.kind === "constant" && weightClause !== undefined)
        warnSign(ctx, weightV.value, receptor, weightClause.span);
      out.push({
        name,
        span: decl.span,
        pre,
        post,
        connector,
        weightV,
        delayS,
        receptor,
        plasticity,
      });
    }
  }
  return out;
}

function projectionName(
  ctx: CheckContext,
  label:
    | { label: { name: string; span: import("../../src/diagnostics/diagnostic.ts").Span } }
    | undefined,
  fallback: string,
  used: Set<string>,
): string | undefined {
  if (label !== undefined) {
    const name = label.label.name;
    const declared = ctx.names.get(name);
    if (used.has(name) || declared !== undefined) {
      ctx.report(M.duplicateName, [name], label.label.span, {
        notes: declared
          ? [{ message: `'${name}' is first declared here.`, span: declared.span }]
          : [],
      });
      return undefined;
    }
    used.add(name);
    ctx.names.set(name, { kind: "projection", span: label.label.span, decl: undefined });
    return name;
  }
  // Unlabelled: `pre->post`, then `pre->post#2`, `#3`... in source order.
  let name = fallback;
  for (let n = 2; used.has(name); n++) name = `${fallback}#${n}`;
  used.add(name);
  return name;
}

function checkDelay(
  ctx: CheckContext,
  spec: ValueSpec,
  span: import("../../src/diagnostics/diagnostic.ts").Span,
): boolean {
  const low = spec.kind === "constant" ? spec.value : spec.kind === "uniform" ? spec.low : 0;
  if (low < 0) {
    ctx.report(M.outOfRange, ["delay", "zero or more", D.formatQuantity(low, D.TIME)], span);
    return false;
  }
  return true;
}

function warnSign(
  ctx: CheckContext,
  weightV: number,
  receptor: "exc" | "inh",
  span: import("../../src/diagnostics/diagnostic.ts").Span,
): void {
  if (receptor === "inh" && weightV > 0) {
    ctx.report(
      M.receptorSign,
      ["inhibitory", "positive", D.formatQuantity(weightV, D.VOLTAGE), "excites"],
      span,
    );
  } else if (receptor === "exc" && weightV < 0) {
    ctx.report(
      M.receptorSign,
      ["excitatory", "negative", D.formatQuantity(weightV, D.VOLTAGE), "inhibits"],
      span,
    );
  }
}
