/**
 * Plasticity rules (`plasticity stdp NAME { ... }`, `plasticity reward_stdp NAME { ... }`) and
 * recordings (`record spikes ...`, `record voltage ...`).
 */
import { semanticDiagnostics as M } from "../../src/diagnostics/catalogue/semantic.ts";
import type { ResolvedPlasticityRule, ResolvedRecording } from "../resolved.ts";
import type { Field, PlasticityDecl, RecordDecl } from "../syntax/ast.ts";
import * as D from "../units/dimension.ts";
import type { CheckContext } from "./context.ts";
import { checkRange, indexFields, readExpr, readQuantity } from "./read.ts";
import { lookupGroup, resolveIndices, resolveRange, type RefTarget } from "./ranges.ts";
import { didYouMean } from "./suggest.ts";

const STDP_FIELDS = ["tau_plus", "tau_minus", "a_plus", "a_minus", "w_min", "w_max"];
const REWARD_FIELDS = [...STDP_FIELDS, "tau_eligibility", "reward", "gain"];

/** Recording the voltage of more neurons than this draws a warning. */
const MANY_TRACES = 1000;

export function resolveRule(
  ctx: CheckContext,
  decl: PlasticityDecl,
  inputs: ReadonlySet<string>,
): ResolvedPlasticityRule | undefined {
  const name = decl.name.name;
  const kind = decl.rule.name;
  if (kind !== "stdp" && kind !== "reward_stdp") {
    ctx.report(M.unknownRuleKind, [kind], decl.rule.span, {
      help: didYouMean(kind, ["stdp", "reward_stdp"]),
    });
    return undefined;
  }
  const owner = `The ${kind} rule '${name}'`;
  const fields = indexFields(
    ctx,
    decl.fields,
    owner,
    kind === "stdp" ? STDP_FIELDS : REWARD_FIELDS,
  );
  let ok = true;

  const read = (
    field: string,
    dim: D.Dimension,
    fallback: number | undefined,
    rule?: "positive" | "non-negative",
  ) => {
    const f: Field | undefined = fields.get(field);
    if (f === undefined) {
      if (fallback === undefined) {
        ctx.report(M.missingField, [owner, field], decl.name.span);
        ok = false;
      }
      return fallback ?? 0;
    }
    const value = readExpr(ctx, f.value);
    let v = readQuantity(ctx, value, field, dim);
    if (rule === "positive")
      v = checkRange(ctx, v, (x) => x > 0, field, "positive", dim, value?.span);
    if (rule === "non-negative")
      v = checkRange(ctx, v, (x) => x >= 0, field, "zero or more", dim, value?.span);
    if (v === undefined) ok = false;
    return v ?? 0;
  };

  // Defaults for time constants follow Song, Miller & Abbott (2000): 20 ms on both sides.
  const tauPlusS = read("tau_plus", D.TIME, 20e-3, "positive");
  const tauMinusS = read("tau_minus", D.TIME, 20e-3, "positive");
  const aPlusV = read("a_plus", D.VOLTAGE, undefined, "non-negative");
  const aMinusV = read("a_minus", D.VOLTAGE, undefined, "non-negative");
  const wMinV = read("w_min", D.VOLTAGE, 0);
  const wMaxV = read("w_max", D.VOLTAGE, undefined);
  if (ok && wMinV > wMaxV) {
    ctx.report(
      M.badWeightBounds,
      [D.formatQuantity(wMinV, D.VOLTAGE), D.formatQuantity(wMaxV, D.VOLTAGE), name],
      fields.get("w_min")?.span ?? decl.name.span,
    );
    ok = false;
  }
  const base = {
    name,
    span: decl.name.span,
    kind,
    tauPlusS,
    tauMinusS,
    aPlusV,
    aMinusV,
    wMinV,
    wMaxV,
  } as const;
  if (kind === "stdp") return ok ? base : undefined;

  // Izhikevich (2007) uses an eligibility time constant of about 1 s.
  const tauEligibilityS = read("tau_eligibility", D.TIME, 1, "positive");
  const rewardGain = read("gain", D.DIMENSIONLESS, 1);
  const rewardField = fields.get("reward");
  let rewardInput: string | undefined;
  if (rewardField === undefined) {
    ctx.report(M.missingField, [owner, "reward"], decl.name.span);
    ok = false;
  } else {
    const value = readExpr(ctx, rewardField.value);
    if (value?.kind === "word" && inputs.has(value.name)) rewardInput = value.name;
    else if (value !== undefined) {
      const shown = value.kind === "word" ? value.name : "";
      ctx.report(M.unknownName, ["reward input", shown], value.span, {
        help: didYouMean(shown, inputs),
      });
      ok = false;
    } else ok = false;
  }
  return ok ? { ...base, tauEligibilityS, rewardInput, rewardGain } : undefined;
}

export function resolveRecord(
  ctx: CheckContext,
  decl: RecordDecl,
  targets: RefTarget,
): ResolvedRecording[] {
  const what = decl.what.name;
  if (what !== "spikes" && what !== "voltage") {
    ctx.report(M.unknownRecordKind, [what], decl.what.span, {
      help: didYouMean(what, ["spikes", "voltage"]),
    });
    return [];
  }
  const out: ResolvedRecording[] = [];
  for (const ref of decl.refs) {
    if (what === "spikes") {
      const range = resolveRange(ctx, ref, targets);
      if (range !== undefined) out.push({ kind: "spikes", span: ref.span, range });
      continue;
    }
    const group = lookupGroup(ctx, ref, targets);
    if (group === undefined) continue;
    if (group.kind === "input") {
      ctx.report(M.voltageOfInput, [ref.name.name], ref.name.span);
      continue;
    }
    const neurons = resolveIndices(ctx, ref, group);
    if (neurons === undefined) continue;
    if (ref.slice === undefined && neurons.length > MANY_TRACES) {
      ctx.report(M.manyVoltageTraces, [neurons.length, ref.name.name], ref.span);
    }
    out.push({ kind: "voltage", span: ref.span, population: ref.name.name, neurons });
  }
  return out;
}
