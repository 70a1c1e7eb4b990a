/**
 * Event-driven neuron dynamics in the target's fixed point. The state lives in a NeuronState
 * whose v, gExc, gInh and theta hold integer counts of the model's stateLsbV (times stay integer
 * picoseconds). An elapsed time dt is applied bit by bit, least significant bit first: for every
 * set bit j, one step of the model's propagator over 2^j ps (fixed-table.ts), each product
 * rounded to nearest, and V saturated to the state range after the step. An update therefore
 * costs O(bits of dt) integer multiplies and no exp. Called per event: flat and allocation-free.
 *
 * Spike times are not stepped either: nextCrossingPs dequantises the state and runs the exact
 * float search of float-dynamics.ts on that trajectory (see docs/fixed-point.md for why).
 */
import { mulRound, roundNearest, saturate } from "./fixed-format.ts";
import { TABLE_BITS, type FixedTables } from "./fixed-table.ts";
import { nextCrossingPs as floatCrossingPs } from "./float-dynamics.ts";
import type { NeuronState } from "./state.ts";

/** Decays a synaptic or theta value over dtPs by the table `decay` of model k. */
function decayBits(
  value: number,
  dtPs: number,
  decay: Float64Array,
  k: number,
  inv: number,
): number {
  let x = value;
  let rest = dtPs;
  let at = k * TABLE_BITS;
  while (rest > 0 && x !== 0) {
    const half = Math.floor(rest / 2);
    if (rest !== 2 * half) x = mulRound(x, decay[at]!, inv);
    rest = half;
    at++;
  }
  return x;
}

/**
 * Free (not refractory) evolution of neuron i over dtPs: every set bit applies the propagator
 * of its power of two. Writes v, gExc and gInh back.
 */
function propagate(s: NeuronState, i: number, dtPs: number, t: FixedTables): void {
  const k = s.model[i]!;
  const { stateMin, stateMax, invScale } = t.format;
  const vInf = t.vInfLsb[k]!;
  let v = s.v[i]!;
  let gExc = s.gExc[i]!;
  let gInh = s.gInh[i]!;

  let rest = dtPs;
  let at = k * TABLE_BITS;
  while (rest > 0) {
    const half = Math.floor(rest / 2);
    if (rest !== 2 * half) {
      const u =
        mulRound(v - vInf, t.decayM[at]!, invScale) +
        mulRound(gExc, t.couplingExc[at]!, invScale) +
        mulRound(gInh, t.couplingInh[at]!, invScale);
      v = saturate(vInf + u, stateMin, stateMax);
      gExc = mulRound(gExc, t.decayExc[at]!, invScale);
      gInh = mulRound(gInh, t.decayInh[at]!, invScale);
    }
    rest = half;
    at++;
  }

  // The `if` drift is linear in time: one rounded multiply for the whole interval.
  const drift = t.driftLsbPerPs[k]!;
  if (drift !== 0) v = saturate(v + roundNearest(drift * dtPs), stateMin, stateMax);
  s.v[i] = v;
  s.gExc[i] = gExc;
  s.gInh[i] = gInh;
}

/**
 * Brings neuron i from lastPs to tPs. While refractory, V is held and gExc, gInh decay; theta
 * decays over the whole interval. A tPs at or before lastPs leaves the state unchanged.
 */
export function advanceFixed(s: NeuronState, i: number, tPs: number, t: FixedTables): void {
  let from = s.lastPs[i]!;
  if (!(tPs > from)) return;
  const k = s.model[i]!;
  const inv = t.format.invScale;

  if (t.thetaDecays[k] && s.theta[i] !== 0)
    s.theta[i] = decayBits(s.theta[i]!, tPs - from, t.decayTheta, k, inv);

  const refractoryUntil = s.refractoryUntilPs[i]!;
  if (refractoryUntil > from) {
    const heldPs = Math.min(tPs, refractoryUntil) - from;
    s.gExc[i] = decayBits(s.gExc[i]!, heldPs, t.decayExc, k, inv);
    s.gInh[i] = decayBits(s.gInh[i]!, heldPs, t.decayInh, k, inv);
    from += heldPs;
  }
  if (tPs > from) propagate(s, i, tPs - from, t);
  s.lastPs[i] = tPs;
}

/** Adds a weight (volts) to a synaptic variable: rounded to the state LSB, then saturated. */
export function addInputFixed(
  s: NeuronState,
  i: number,
  inhibitory: boolean,
  weightV: number,
  t: FixedTables,
  lsbV: number,
): void {
  const { stateMin, stateMax } = t.format;
  const w = roundNearest(weightV / lsbV);
  if (inhibitory) s.gInh[i] = saturate(s.gInh[i]! + w, stateMin, stateMax);
  else s.gExc[i] = saturate(s.gExc[i]! + w, stateMin, stateMax);
}

/** Spike at tPs: advance, reset V (to vReset, or by subtracting vThresh - vReset), raise theta
 *  by thetaPlus (saturating), and hold V until tPs + refractory. */
export function fireFixed(s: NeuronState, i: number, tPs: number, t: FixedTables): void {
  advanceFixed(s, i, tPs, t);
  const k = s.model[i]!;
  const { stateMin, stateMax } = t.format;
  s.v[i] =
    t.float.resetSubtract[k] === 1
      ? saturate(s.v[i]! - t.resetStepLsb[k]!, stateMin, stateMax)
      : t.vResetLsb[k]!;
  s.theta[i] = saturate(s.theta[i]! + t.thetaPlusLsb[k]!, stateMin, stateMax);
  s.refractoryUntilPs[i] = tPs + t.float.refractoryPs[k]!;
}

/**
 * Next threshold crossing of neuron i up to limitPs: the exact float search run on the
 * dequantised state (slot `scratch` of the float state `f` is overwritten), with the quantised
 * constants of the model. The engine then advances the integer state to that instant and fires.
 */
export function nextCrossingFixedPs(
  s: NeuronState,
  i: number,
  limitPs: number,
  t: FixedTables,
  f: NeuronState,
  scratch: number,
): number {
  const k = s.model[i]!;
  const lsb = t.float.stateLsbV[k]!;
  f.model[scratch] = k;
  f.v[scratch] = s.v[i]! * lsb;
  f.gExc[scratch] = s.gExc[i]! * lsb;
  f.gInh[scratch] = s.gInh[i]! * lsb;
  f.theta[scratch] = s.theta[i]! * lsb;
  f.lastPs[scratch] = s.lastPs[i]!;
  f.refractoryUntilPs[scratch] = s.refractoryUntilPs[i]!;
  return floatCrossingPs(f, scratch, limitPs, t.float);
}
