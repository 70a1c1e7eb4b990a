/**
 * Neuron models: `neuron NAME = lif|if|adaptive_lif { parameters }` into ResolvedModel with
 * every parameter in SI units and defaults filled in (the defaults are listed in
 * docs/language.md; keep the two in step).
 */
import { semanticDiagnostics as M } from "../../src/diagnostics/catalogue/semantic.ts";
import type { NeuronKind, NeuronParams, ResolvedModel } from "../resolved.ts";
import type { NeuronDecl } from "../syntax/ast.ts";
import * as D from "../units/dimension.ts";
import type { CheckContext } from "./context.ts";
import { checkRange, indexFields, readChoice, readExpr, readQuantity } from "./read.ts";
import { didYouMean } from "./suggest.ts";

const KINDS: readonly NeuronKind[] = ["lif", "if", "adaptive_lif"];

interface ParamSpec {
  readonly key: keyof NeuronParams;
  readonly dim: D.Dimension;
  readonly fallback: number;
  /** Must be > 0 (time constants, resistance) or >= 0 (refractory period, theta_plus). */
  readonly sign?: "positive" | "non-negative";
  readonly adaptiveOnly?: boolean;
  /** `unlimited` is accepted and means Infinity. */
  readonly unlimited?: boolean;
}

/** Defaults: a cortical-like cell in the spirit of Vogels & Abbott (2005) and Diehl & Cook (2015). */
const PARAMS: Record<string, ParamSpec> = {
  tau_m: { key: "tauMembraneS", dim: D.TIME, fallback: 20e-3, sign: "positive" },
  v_rest: { key: "vRestV", dim: D.VOLTAGE, fallback: -65e-3 },
  v_reset: { key: "vResetV", dim: D.VOLTAGE, fallback: -65e-3 },
  v_thresh: { key: "vThreshV", dim: D.VOLTAGE, fallback: -50e-3 },
  refractory: { key: "refractoryS", dim: D.TIME, fallback: 2e-3, sign: "non-negative" },
  tau_exc: { key: "tauExcS", dim: D.TIME, fallback: 5e-3, sign: "positive" },
  tau_inh: { key: "tauInhS", dim: D.TIME, fallback: 10e-3, sign: "positive" },
  bias: { key: "biasA", dim: D.CURRENT, fallback: 0 },
  r_m: { key: "rMembraneOhm", dim: D.RESISTANCE, fallback: 100e6, sign: "positive" },
  theta_plus: {
    key: "thetaPlusV",
    dim: D.VOLTAGE,
    fallback: 0.05e-3,
    sign: "non-negative",
    adaptiveOnly: true,
  },
  tau_theta: {
    key: "tauThetaS",
    dim: D.TIME,
    fallback: 1e4,
    sign: "positive",
    adaptiveOnly: true,
    unlimited: true,
  },
};

export const neuronParameterNames: readonly string[] = [...Object.keys(PARAMS), "reset"];

export function resolveModel(ctx: CheckContext, decl: NeuronDecl): ResolvedModel | undefined {
  const name = decl.name.name;
  const kind = decl.model.name as NeuronKind;
  if (!KINDS.includes(kind)) {
    ctx.report(M.unknownNeuronKind, [decl.model.name], decl.model.span, {
      help: didYouMean(decl.model.name, KINDS),
    });
    return undefined;
  }

  const fields = indexFields(ctx, decl.fields, `Neuron model '${name}'`, neuronParameterNames);
  const values: Record<string, number> = {};
  let ok = true;
  for (const [param, spec] of Object.entries(PARAMS)) {
    const field = fields.get(param);
    const inapplicable = spec.adaptiveOnly === true && kind !== "adaptive_lif";
    if (inapplicable) {
      values[spec.key] = spec.key === "tauThetaS" ? Infinity : 0;
      if (field !== undefined) {
        ctx.report(M.paramNotForKind, [param, kind, name], field.name.span);
        ok = false;
      }
      continue;
    }
    if (field === undefined) {
      values[spec.key] = spec.fallback;
      continue;
    }
    const value = readExpr(ctx, field.value);
    const read =
      spec.unlimited && value?.kind === "word" && value.name === "unlimited"
        ? Infinity
        : readQuantity(ctx, value, param, spec.dim);
    const checked =
      spec.sign === undefined
        ? read
        : spec.sign === "positive"
          ? checkRange(ctx, read, (v) => v > 0, param, "positive", spec.dim, value?.span)
          : checkRange(ctx, read, (v) => v >= 0, param, "zero or more", spec.dim, value?.span);
    if (checked === undefined) ok = false;
    else values[spec.key] = checked;
  }

  const resetField = fields.get("reset");
  let resetMode: "value" | "subtract" = "value";
  if (resetField !== undefined) {
    const mode = readChoice(ctx, readExpr(ctx, resetField.value), "reset", [
      "value",
      "subtract",
    ] as const);
    if (mode === undefined) ok = false;
    else resetMode = mode;
  }
  if (!ok) return undefined;

  const params = { ...values, resetMode } as unknown as NeuronParams;
  if (!(params.vResetV < params.vThreshV)) {
    const span = (fields.get("v_reset") ?? fields.get("v_thresh"))?.span ?? decl.name.span;
    ctx.report(
      M.resetAboveThreshold,
      [
        D.formatQuantity(params.vResetV, D.VOLTAGE),
        D.formatQuantity(params.vThreshV, D.VOLTAGE),
        name,
      ],
      span,
    );
    return undefined;
  }
  return { name, span: decl.name.span, kind, params };
}
