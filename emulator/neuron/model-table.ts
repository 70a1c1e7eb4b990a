/**
 * Per-model constants for the neuron dynamics, precomputed once from the IR so that the inner
 * loop does no division and no lookup by name. Struct of arrays indexed by model number (the
 * value of `NeuronState.model[i]`): `table.invTauMPerPs[k]` and so on.
 *
 * The semantics these constants encode are written down in docs/emulator.md, "Neuron dynamics".
 */
import type { IrModel } from "../../src/ir/types.ts";

/** Model kinds as small integers for the hot path. */
export const KIND_LIF = 0;
export const KIND_IF = 1;
export const KIND_ADAPTIVE_LIF = 2;

/**
 * A synaptic time constant within this relative distance of the membrane time constant is taken
 * as equal to it. Near-equal constants make the closed form's coefficients
 * tauX / (tauX - tauM) huge and cancel; treating them as equal keeps the t * exp(-t / tauM)
 * limit form exact, and the change in the trajectory is below one part per million.
 */
export const EQUAL_TAU_RELATIVE = 1e-6;

/** Refractory periods shorter than this are lengthened to it, so a neuron fires at most once
 *  per picosecond (otherwise a "subtract" reset that leaves V above threshold fires forever). */
export const MIN_REFRACTORY_PS = 1;

export interface ModelTable {
  readonly count: number;
  readonly name: readonly string[];
  /** KIND_LIF, KIND_IF or KIND_ADAPTIVE_LIF. */
  readonly kind: Uint8Array;
  readonly tauMPs: Float64Array;
  readonly invTauMPerPs: Float64Array;
  readonly invTauExcPerPs: Float64Array;
  readonly invTauInhPerPs: Float64Array;
  /** 0 when theta never decays (tauTheta = Infinity) or the model has no theta. */
  readonly invTauThetaPerPs: Float64Array;
  /** `lif`/`adaptive_lif`: vRest + rMembrane * bias, the voltage V relaxes to. */
  readonly vInfV: Float64Array;
  /** `if`: rMembrane * bias / tauM, the constant slope of V. 0 for the leaky kinds. */
  readonly driftVPerPs: Float64Array;
  readonly vResetV: Float64Array;
  readonly vThreshV: Float64Array;
  /** At least MIN_REFRACTORY_PS. */
  readonly refractoryPs: Float64Array;
  /** 1 for resetMode "subtract", 0 for "value". */
  readonly resetSubtract: Uint8Array;
  /** vThresh - vReset, what a "subtract" reset removes. */
  readonly resetStepV: Float64Array;
  /** 0 unless adaptive_lif. */
  readonly thetaPlusV: Float64Array;
  /**
   * Leaky kinds: 1/tauM - 1/tauX per receptor (0 when the two are equal, see
   * EQUAL_TAU_RELATIVE). The synaptic contribution to V after t is
   * g0 * exp(-t/tauM) * expm1(t * d) / (tauM * d), whose d -> 0 limit is g0 * (t/tauM) exp(-t/tauM).
   */
  readonly dExcPerPs: Float64Array;
  readonly dInhPerPs: Float64Array;
  /** `if`: tauX / tauM, the voltage a unit of g adds once it has fully decayed. */
  readonly gainExc: Float64Array;
  readonly gainInh: Float64Array;
  /** Fixed-point scaling chosen by the quantiser (one state LSB in volts). */
  readonly stateLsbV: Float64Array;
}

/** Why a model cannot be simulated, or undefined when it can. The engine turns this into a
 *  diagnostic; the compiler should never emit such a model. */
export function checkModel(model: IrModel): string | undefined {
  const positive: [string, number][] = [
    ["tauMembranePs", model.tauMembranePs],
    ["tauExcPs", model.tauExcPs],
    ["tauInhPs", model.tauInhPs],
  ];
  for (const [field, value] of positive) {
    if (!(value > 0) || !Number.isFinite(value)) {
      return `model '${model.name}' has ${field} = ${value}; it must be a positive finite time`;
    }
  }
  if (model.kind === "adaptive_lif" && !(model.tauThetaPs > 0)) {
    return `model '${model.name}' has tauThetaPs = ${model.tauThetaPs}; it must be positive`;
  }
  if (!(model.refractoryPs >= 0) || !Number.isFinite(model.refractoryPs)) {
    return `model '${model.name}' has refractoryPs = ${model.refractoryPs}; it must be >= 0`;
  }
  const volts: [string, number][] = [
    ["vRestV", model.vRestV],
    ["vResetV", model.vResetV],
    ["vThreshV", model.vThreshV],
    ["biasA * rMembraneOhm", model.biasA * model.rMembraneOhm],
    ["thetaPlusV", model.thetaPlusV],
  ];
  for (const [field, value] of volts) {
    if (!Number.isFinite(value)) return `model '${model.name}' has ${field} = ${value}`;
  }
  if (model.resetMode === "subtract" && !(model.vThreshV > model.vResetV)) {
    return `model '${model.name}' resets by subtraction but vThreshV <= vResetV`;
  }
  return undefined;
}

/** Precomputes the constants of every model. Throws a RangeError naming the model and the
 *  field when a model cannot be simulated (see checkModel). */
export function prepareModels(models: readonly IrModel[]): ModelTable {
  const n = models.length;
  const f = () => new Float64Array(n);
  const table = {
    count: n,
    name: models.map((m) => m.name),
    kind: new Uint8Array(n),
    tauMPs: f(),
    invTauMPerPs: f(),
    invTauExcPerPs: f(),
    invTauInhPerPs: f(),
    invTauThetaPerPs: f(),
    vInfV: f(),
    driftVPerPs: f(),
    vResetV: f(),
    vThreshV: f(),
    refractoryPs: f(),
    resetSubtract: new Uint8Array(n),
    resetStepV: f(),
    thetaPlusV: f(),
    dExcPerPs: f(),
    dInhPerPs: f(),
    gainExc: f(),
    gainInh: f(),
    stateLsbV: f(),
  } satisfies ModelTable;

  models.forEach((model, k) => {
    const problem = checkModel(model);
    if (problem !== undefined) throw new RangeError(problem);

    const tauM = model.tauMembranePs;
    // Only the leaky kinds have the tauX == tauM special case; `if` keeps its constants as given.
    const leaky = model.kind !== "if";
    const tauExc = leaky ? snapToMembrane(model.tauExcPs, tauM) : model.tauExcPs;
    const tauInh = leaky ? snapToMembrane(model.tauInhPs, tauM) : model.tauInhPs;
    const adaptive = model.kind === "adaptive_lif";
    const biasV = model.rMembraneOhm * model.biasA;

    table.kind[k] =
      model.kind === "lif" ? KIND_LIF : model.kind === "if" ? KIND_IF : KIND_ADAPTIVE_LIF;
    table.tauMPs[k] = tauM;
    table.invTauMPerPs[k] = 1 / tauM;
    table.invTauExcPerPs[k] = 1 / tauExc;
    table.invTauInhPerPs[k] = 1 / tauInh;
    table.invTauThetaPerPs[k] =
      adaptive && Number.isFinite(model.tauThetaPs) ? 1 / model.tauThetaPs : 0;
    table.vInfV[k] = model.kind === "if" ? 0 : model.vRestV + biasV;
    table.driftVPerPs[k] = model.kind === "if" ? biasV / tauM : 0;
    table.vResetV[k] = model.vResetV;
    table.vThreshV[k] = model.vThreshV;
    table.refractoryPs[k] = Math.max(MIN_REFRACTORY_PS, model.refractoryPs);
    table.resetSubtract[k] = model.resetMode === "subtract" ? 1 : 0;
    table.resetStepV[k] = model.vThreshV - model.vResetV;
    table.thetaPlusV[k] = adaptive ? model.thetaPlusV : 0;
    table.dExcPerPs[k] = tauExc === tauM ? 0 : 1 / tauM - 1 / tauExc;
    table.dInhPerPs[k] = tauInh === tauM ? 0 : 1 / tauM - 1 / tauInh;
    table.gainExc[k] = tauExc / tauM;
    table.gainInh[k] = tauInh / tauM;
    table.stateLsbV[k] = model.stateLsbV;
  });
  return table;
}

function snapToMembrane(tauPs: number, tauMPs: number): number {
  return Math.abs(tauPs - tauMPs) <= EQUAL_TAU_RELATIVE * tauMPs ? tauMPs : tauPs;
}
