/**
 * Per-model constants of fixed mode: the quantised voltages and, for every bit j of an elapsed
 * time, the propagator of the sub-threshold dynamics over 2^j picoseconds with its entries in
 * the decay format (fixed-format.ts). Built once per chip with float64 exp; the run itself only
 * multiplies integers.
 *
 * Why a propagator and not one decay factor per variable: between events the state (u = V - vInf,
 * gExc, gInh) evolves linearly, u' = -u/tauM + (gExc + gInh)/tauM, g' = -g/tauX, so the map over
 * t is the matrix exponential
 *
 *     [u]      [ eM(t)  kExc(t)  kInh(t) ] [u]
 *     [gExc] = [ 0      eExc(t)  0       ] [gExc]      eX(t) = exp(-t/tauX),
 *     [gInh]   [ 0      0        eInh(t) ] [gInh]      kX(t) = the voltage a unit of gX adds,
 *
 * and P(a + b) = P(a) P(b). Applying the tables of the set bits of an integer dt one after the
 * other therefore gives P(dt), up to the rounding of the entries and of each product; the
 * tauX == tauM case (kX = (t/tauM) e^{-t/tauM}) needs no special code at run time.
 */
import { chooseFormat, roundNearest, type FixedFormat } from "./fixed-format.ts";
import { KIND_IF, prepareModels, type ModelTable } from "./model-table.ts";
import type { IrModel } from "../../src/ir/types.ts";

/** Entries per model: one per bit of an elapsed time below 2^54 ps (float64 integer times). */
export const TABLE_BITS = 54;

export interface FixedTables {
  readonly format: FixedFormat;
  /**
   * The float model table with vInf, vThresh, vReset, the subtract step and thetaPlus replaced by
   * their quantised values (dequantised back to volts): the trajectory the crossing search uses.
   */
  readonly float: ModelTable;
  /** Per model, in state LSBs. */
  readonly vInfLsb: Float64Array;
  readonly vThreshLsb: Float64Array;
  readonly vResetLsb: Float64Array;
  readonly resetStepLsb: Float64Array;
  readonly thetaPlusLsb: Float64Array;
  /** `if` only: V's constant slope in LSBs per picosecond (not quantised; rounded per use). */
  readonly driftLsbPerPs: Float64Array;
  /** 1 when theta decays (adaptive_lif with a finite tauTheta). */
  readonly thetaDecays: Uint8Array;
  /** Index model * TABLE_BITS + j: propagator entries over 2^j ps, in units of 2^-F. */
  readonly decayM: Float64Array;
  readonly decayExc: Float64Array;
  readonly decayInh: Float64Array;
  readonly couplingExc: Float64Array;
  readonly couplingInh: Float64Array;
  readonly decayTheta: Float64Array;
}

/**
 * Builds the tables for a chip's models at the target's precisions. Throws a RangeError for a
 * model that cannot be simulated or a precision fixed mode does not support.
 */
export function prepareFixedTables(
  models: readonly IrModel[],
  stateBits: number,
  decayBits: number,
  fractionBits?: number,
): FixedTables {
  const format = chooseFormat(stateBits, decayBits, fractionBits);
  const float = prepareModels(models);
  const n = models.length;
  const perModel = () => new Float64Array(n);
  const perEntry = () => new Float64Array(n * TABLE_BITS);
  const t: FixedTables = {
    format,
    float,
    vInfLsb: perModel(),
    vThreshLsb: perModel(),
    vResetLsb: perModel(),
    resetStepLsb: perModel(),
    thetaPlusLsb: perModel(),
    driftLsbPerPs: perModel(),
    thetaDecays: new Uint8Array(n),
    decayM: perEntry(),
    decayExc: perEntry(),
    decayInh: perEntry(),
    couplingExc: perEntry(),
    couplingInh: perEntry(),
    decayTheta: perEntry(),
  };

  for (let k = 0; k < n; k++) {
    const lsb = float.stateLsbV[k]!;
    if (!(lsb > 0) || !Number.isFinite(lsb)) {
      throw new RangeError(`model '${float.name[k]}' has stateLsbV = ${lsb}; it must be positive`);
    }
    quantiseVoltages(t, k, lsb);
    for (let j = 0; j < TABLE_BITS; j++) fillEntry(t, k, j, 2 ** j);
  }
  return t;
}

/** Rounds the model's voltages to its LSB and writes the dequantised values into the float table
 *  as well, so that the crossing search sees the same constants as the integer dynamics. */
function quantiseVoltages(t: FixedTables, k: number, lsb: number): void {
  const m = t.float;
  const { stateMin, stateMax } = t.format;
  const q = (v: number): number => Math.max(stateMin, Math.min(stateMax, roundNearest(v / lsb)));

  t.vInfLsb[k] = q(m.vInfV[k]!);
  t.vThreshLsb[k] = q(m.vThreshV[k]!);
  t.vResetLsb[k] = q(m.vResetV[k]!);
  t.resetStepLsb[k] = t.vThreshLsb[k]! - t.vResetLsb[k]!;
  t.thetaPlusLsb[k] = q(m.thetaPlusV[k]!);
  t.driftLsbPerPs[k] = m.driftVPerPs[k]! / lsb;
  t.thetaDecays[k] = m.invTauThetaPerPs[k]! > 0 ? 1 : 0;

  // This float table is our own copy (prepareModels above), so it may be changed.
  m.vInfV[k] = t.vInfLsb[k]! * lsb;
  m.vThreshV[k] = t.vThreshLsb[k]! * lsb;
  m.vResetV[k] = t.vResetLsb[k]! * lsb;
  m.resetStepV[k] = t.resetStepLsb[k]! * lsb;
  m.thetaPlusV[k] = t.thetaPlusLsb[k]! * lsb;
}

/** Propagator of model k over tPs, each entry rounded to nearest in units of 2^-F. */
function fillEntry(t: FixedTables, k: number, j: number, tPs: number): void {
  const m = t.float;
  const at = k * TABLE_BITS + j;
  const toQ = (x: number): number => roundNearest(x * t.format.scale);
  const invTauM = m.invTauMPerPs[k]!;
  const eExc = Math.exp(-tPs * m.invTauExcPerPs[k]!);
  const eInh = Math.exp(-tPs * m.invTauInhPerPs[k]!);

  t.decayExc[at] = toQ(eExc);
  t.decayInh[at] = toQ(eInh);
  t.decayTheta[at] = t.thetaDecays[k]
    ? toQ(Math.exp(-tPs * m.invTauThetaPerPs[k]!))
    : t.format.scale;

  if (m.kind[k] === KIND_IF) {
    // No leak: V keeps what it has, and a unit of g adds gain * (1 - e^{-t/tauX}).
    t.decayM[at] = t.format.scale;
    t.couplingExc[at] = toQ(m.gainExc[k]! * -Math.expm1(-tPs * m.invTauExcPerPs[k]!));
    t.couplingInh[at] = toQ(m.gainInh[k]! * -Math.expm1(-tPs * m.invTauInhPerPs[k]!));
    return;
  }
  const eM = Math.exp(-tPs * invTauM);
  t.decayM[at] = toQ(eM);
  t.couplingExc[at] = toQ(coupling(eM, eExc, m.dExcPerPs[k]!, invTauM, tPs));
  t.couplingInh[at] = toQ(coupling(eM, eInh, m.dInhPerPs[k]!, invTauM, tPs));
}

/**
 * The voltage a unit of synaptic variable adds over tPs, with d = 1/tauM - 1/tauX:
 * e^{-t/tauM} expm1(t d) / (tauM d), whose d -> 0 limit is (t/tauM) e^{-t/tauM}. The expm1 form
 * avoids cancellation for small t d; the difference form avoids overflow for large t d.
 */
function coupling(eM: number, eX: number, d: number, invTauM: number, tPs: number): number {
  if (d === 0) return eM * tPs * invTauM;
  const x = tPs * d;
  if (x > -0.5 && x < 0.5) return (eM * Math.expm1(x) * invTauM) / d;
  return ((eX - eM) * invTauM) / d;
}
