/**
 * Exact event-driven neuron dynamics in float64: the closed-form advance between inputs, the
 * exact search for the next threshold crossing, and the spike (reset, refractory, adaptation).
 * Called from the event engine's inner loop for every input, so every function here is flat,
 * allocation-free, and spends as few exp() calls as it can. Semantics: docs/emulator.md,
 * "Neuron dynamics".
 */
import {
  addTerm,
  breakAt,
  breaksCount,
  buildLevels,
  coefficientSignChanges,
  resetSum,
  signHorizon,
  upperBound,
} from "./exp-sum.ts";
import { KIND_IF, type ModelTable } from "./model-table.ts";
import type { NeuronState } from "./state.ts";

/** Searches never look further than this (2^52 ps, about 75 minutes): times stay exact. */
const SEARCH_CAP_PS = 2 ** 52;

/**
 * Results passed between the functions of this module. A typed array, not module-level `let`s:
 * V8 boxes a double stored in a module variable, which allocates on every write and made the
 * garbage collector a visible share of a run.
 */
const scratch = new Float64Array(8);
/** Result of `evolve`: V, gExc, gInh at the end, and dV/dt there in volts per picosecond. */
const OUT_V = 0;
const OUT_G_EXC = 1;
const OUT_G_INH = 2;
const OUT_SLOPE = 3;
/** 1 - exp(-x) of the last `decayOf`, accurate for small x too. */
const DECAYED_FRACTION = 4;
/** d/dt of the last `distance` call. */
const DISTANCE_SLOPE = 5;

/** exp(-x) for x >= 0, leaving 1 - exp(-x) in scratch[DECAYED_FRACTION]; one transcendental call, and
 *  neither value is formed by a cancelling subtraction. */
function decayOf(x: number): number {
  if (x < 0.5) {
    const em1 = Math.expm1(-x);
    scratch[DECAYED_FRACTION] = -em1;
    return 1 + em1;
  }
  const e = Math.exp(-x);
  scratch[DECAYED_FRACTION] = 1 - e;
  return e;
}

/**
 * Free (not refractory) evolution of model k from (v0, gExc0, gInh0) over tPs >= 0 picoseconds.
 * Leaky kinds use V(t) = vInf + (V0 - vInf) e^{-t/tauM} + sum_x g_x0 e^{-t/tauM} expm1(t d_x) /
 * (tauM d_x) with d_x = 1/tauM - 1/tau_x: the same closed form as REFERENCE.md, rearranged so
 * that it has no cancellation when tau_x is near tauM and becomes g_x0 (t/tauM) e^{-t/tauM} at
 * d_x = 0. One exp or expm1 per variable that is not zero.
 */
function evolve(
  m: ModelTable,
  k: number,
  v0: number,
  gExc0: number,
  gInh0: number,
  tPs: number,
): void {
  const invTauM = m.invTauMPerPs[k]!;

  if (m.kind[k] === KIND_IF) {
    let v = v0 + m.driftVPerPs[k]! * tPs;
    let gExc = 0;
    let gInh = 0;
    if (gExc0 !== 0) {
      const e = decayOf(tPs * m.invTauExcPerPs[k]!);
      gExc = gExc0 * e;
      v += gExc0 * m.gainExc[k]! * scratch[DECAYED_FRACTION]!;
    }
    if (gInh0 !== 0) {
      const e = decayOf(tPs * m.invTauInhPerPs[k]!);
      gInh = gInh0 * e;
      v += gInh0 * m.gainInh[k]! * scratch[DECAYED_FRACTION]!;
    }
    scratch[OUT_V] = v;
    scratch[OUT_G_EXC] = gExc;
    scratch[OUT_G_INH] = gInh;
    scratch[OUT_SLOPE] = m.driftVPerPs[k]! + (gExc + gInh) * invTauM;
    return;
  }

  const vInf = m.vInfV[k]!;
  const eM = Math.exp(-tPs * invTauM);
  let v = vInf + (v0 - vInf) * eM;
  let gExc = 0;
  let gInh = 0;
  if (gExc0 !== 0) {
    const d = m.dExcPerPs[k]!;
    const x = tPs * d;
    if (x > -0.5 && x < 0.5) {
      const em1 = Math.expm1(x);
      gExc = gExc0 * (eM + eM * em1);
      v += gExc0 * (d === 0 ? eM * tPs * invTauM : (eM * em1 * invTauM) / d);
    } else {
      const eX = Math.exp(-tPs * m.invTauExcPerPs[k]!);
      gExc = gExc0 * eX;
      v += (gExc0 * (eX - eM) * invTauM) / d;
    }
  }
  if (gInh0 !== 0) {
    const d = m.dInhPerPs[k]!;
    const x = tPs * d;
    if (x > -0.5 && x < 0.5) {
      const em1 = Math.expm1(x);
      gInh = gInh0 * (eM + eM * em1);
      v += gInh0 * (d === 0 ? eM * tPs * invTauM : (eM * em1 * invTauM) / d);
    } else {
      const eX = Math.exp(-tPs * m.invTauInhPerPs[k]!);
      gInh = gInh0 * eX;
      v += (gInh0 * (eX - eM) * invTauM) / d;
    }
  }
  scratch[OUT_V] = v;
  scratch[OUT_G_EXC] = gExc;
  scratch[OUT_G_INH] = gInh;
  scratch[OUT_SLOPE] = (vInf - v + gExc + gInh) * invTauM;
}

/**
 * Brings neuron i from lastPs to tPs (integer picoseconds) by the closed form. During a
 * refractory period V is held while gExc, gInh and theta decay; the end of the period inside
 * [lastPs, tPs] is handled here. A tPs at or before lastPs leaves the state unchanged.
 */
export function advance(s: NeuronState, i: number, tPs: number, m: ModelTable): void {
  let from = s.lastPs[i]!;
  if (!(tPs > from)) return;
  const k = s.model[i]!;

  const invTauTheta = m.invTauThetaPerPs[k]!;
  if (invTauTheta !== 0 && s.theta[i] !== 0) s.theta[i]! *= Math.exp(-(tPs - from) * invTauTheta);

  let gExc = s.gExc[i]!;
  let gInh = s.gInh[i]!;
  const refractoryUntil = s.refractoryUntilPs[i]!;
  if (refractoryUntil > from) {
    const heldPs = Math.min(tPs, refractoryUntil) - from;
    if (gExc !== 0) gExc *= Math.exp(-heldPs * m.invTauExcPerPs[k]!);
    if (gInh !== 0) gInh *= Math.exp(-heldPs * m.invTauInhPerPs[k]!);
    from += heldPs;
  }

  if (tPs > from) {
    evolve(m, k, s.v[i]!, gExc, gInh, tPs - from);
    s.v[i] = scratch[OUT_V]!;
    gExc = scratch[OUT_G_EXC]!;
    gInh = scratch[OUT_G_INH]!;
  }
  s.gExc[i] = gExc;
  s.gInh[i] = gInh;
  s.lastPs[i] = tPs;
}

/**
 * Spike of neuron i at tPs: advances to tPs, resets V ("value": V = vReset; "subtract":
 * V -= vThresh - vReset), raises theta by thetaPlus, and holds V until tPs + refractory.
 */
export function fire(s: NeuronState, i: number, tPs: number, m: ModelTable): void {
  advance(s, i, tPs, m);
  const k = s.model[i]!;
  if (m.resetSubtract[k] === 1) s.v[i]! -= m.resetStepV[k]!;
  else s.v[i] = m.vResetV[k]!;
  s.theta[i]! += m.thetaPlusV[k]!;
  s.refractoryUntilPs[i] = tPs + m.refractoryPs[k]!;
}

/** The saturating bound's log is taken only when the linear bound lies within this many tauM:
 *  further out, the next input usually replaces the bound before it comes due. */
const SATURATING_BOUND_AFTER = 0.125;

/** Volts added to the voltage side of the saturating bound, far above float rounding of V. */
const BOUND_MARGIN_V = 1e-12;

/**
 * A time no later than neuron i's next threshold crossing, found without any search: Infinity
 * when none can happen up to limitPs. Cheap (at most one log, no allocation), so the engine can
 * call it after every input and run the exact search (nextCrossingPs) only when the bound comes
 * due. It is the later of two sound bounds.
 *
 * Linear: between inputs each part of V(t) grows at most linearly from its value at the start.
 * The leak part vInf + (V0 - vInf) e^{-t/tauM} stays below V0 + max(0, vInf - V0) t/tauM
 * (1 - e^{-x} <= x); a synaptic variable g0 adds g0 K(t) with 0 <= K(t) <= t/tauM (K is the
 * integral of a decaying g against the membrane kernel), so only a positive g0 can raise V, by
 * at most g0 t/tauM; the `if` kind's drift and g terms obey the same bound. The threshold
 * vThresh + theta e^{-t/tauTheta} falls no faster than theta t/tauTheta (a negative theta only
 * rises towards 0). So V cannot reach the threshold before start + gap / slope, where the start
 * is the end of the refractory period, or the last update when theta decays (theta decays
 * during the refractory period while V is held).
 *
 * Saturating: K(t) is also at most tauX/tauM (the whole integral of the decaying g), so V(t) <=
 * vInf + (V0 - vInf) e^{-t/tauM} + C with C = sum of positive g0 tauX/tauM, and the threshold
 * never falls below vThresh + min(theta, 0) (vThresh + theta when theta does not decay). When
 * that curve stays below the lowest threshold there is no crossing at all, which is the common
 * case in a quiet network; otherwise it reaches it no earlier than tauM ln((vInf - V0) /
 * (vInf + C - threshold)). The linear bound is tight just after an input, the saturating one
 * far from it, where the exponential approach matters.
 *
 * Both are moved down by a picosecond and a relative 1e-9 (and the curve up by
 * BOUND_MARGIN_V), far more than the rounding of either side.
 */
export function crossingBoundPs(s: NeuronState, i: number, limitPs: number, m: ModelTable): number {
  const k = s.model[i]!;
  const lastPs = s.lastPs[i]!;
  const refractoryUntil = s.refractoryUntilPs[i]!;
  const startPs = refractoryUntil > lastPs ? refractoryUntil : lastPs;
  if (startPs > limitPs) return Infinity;

  // Undecayed values bound the decayed ones from above: g and theta only shrink in magnitude.
  const v = s.v[i]!;
  const theta = s.theta[i]!;
  const vThresh = m.vThreshV[k]!;
  const gap = vThresh + theta - v;
  if (!(gap > 0)) return startPs;

  const invTauM = m.invTauMPerPs[k]!;
  const gExc = s.gExc[i]!;
  const gInh = s.gInh[i]!;
  const isIf = m.kind[k] === KIND_IF;
  const leakV = isIf ? m.driftVPerPs[k]! / invTauM : m.vInfV[k]! - v;
  let slope = ((leakV > 0 ? leakV : 0) + (gExc > 0 ? gExc : 0) + (gInh > 0 ? gInh : 0)) * invTauM;
  // V is held while refractory, but theta decays from lastPs on: measure from there then.
  let originPs = startPs;
  const invTauTheta = m.invTauThetaPerPs[k]!;
  if (theta > 0 && invTauTheta !== 0) {
    slope += theta * invTauTheta;
    originPs = lastPs;
  }

  // The saturating bound, as an offset from startPs (0 when it says nothing).
  const lowThreshV = vThresh + (invTauTheta === 0 || theta < 0 ? theta : 0);
  const capV =
    (gExc > 0 ? gExc * m.gainExc[k]! : 0) + (gInh > 0 ? gInh * m.gainInh[k]! : 0) + BOUND_MARGIN_V;
  let saturatingPs = 0;
  if (isIf) {
    const roomV = lowThreshV - v - capV;
    const driftVPerPs = m.driftVPerPs[k]!;
    if (roomV > 0) {
      if (!(driftVPerPs > 0)) return Infinity;
      saturatingPs = roomV / driftVPerPs;
    }
  } else {
    const vInf = m.vInfV[k]!;
    if ((v > vInf ? v : vInf) + capV < lowThreshV) return Infinity;
  }
  if (!(slope > 0)) return Infinity;
  const linearPs = gap / slope;
  // The log is only worth its cost when the linear bound would come due soon.
  if (!isIf && linearPs < m.tauMPs[k]! * SATURATING_BOUND_AFTER) {
    const vInf = m.vInfV[k]!;
    const excessV = vInf + capV - lowThreshV;
    if (vInf - v > excessV && excessV > 0)
      saturatingPs = m.tauMPs[k]! * Math.log((vInf - v) / excessV);
  }
  const linearAt = originPs + linearPs * (1 - 1e-9);
  const saturatingAt = startPs + saturatingPs * (1 - 1e-9);
  const bound = Math.floor(linearAt > saturatingAt ? linearAt : saturatingAt) - 1;
  if (bound > limitPs) return Infinity;
  return bound > startPs ? bound : startPs;
}

// The trajectory being searched, relative to its start, for `distance`.
let searchModel: ModelTable | undefined;
let searchK = 0;
/** V, gExc, gInh and theta at the search start (boxed doubles otherwise, as above). */
const searchStart = new Float64Array(4);

/** V(t) - (vThresh + theta(t)) on the trajectory being searched; its slope in scratch[DISTANCE_SLOPE]. */
function distance(tPs: number): number {
  const m = searchModel!;
  const k = searchK;
  evolve(m, k, searchStart[0]!, searchStart[1]!, searchStart[2]!, tPs);
  const invTauTheta = m.invTauThetaPerPs[k]!;
  const theta0 = searchStart[3]!;
  const theta = invTauTheta === 0 ? theta0 : theta0 * Math.exp(-tPs * invTauTheta);
  scratch[DISTANCE_SLOPE] = scratch[OUT_SLOPE]! + theta * invTauTheta;
  return scratch[OUT_V]! - m.vThreshV[k]! - theta;
}

/**
 * Earliest integer picosecond t in [max(lastPs, refractoryUntilPs), limitPs] at which
 * V(t) >= vThresh + theta(t), assuming no input arrives before it; Infinity if there is none.
 * Exactly: the spike time is the first integer picosecond at or after the real crossing instant.
 * Does not change the state.
 */
export function nextCrossingPs(s: NeuronState, i: number, limitPs: number, m: ModelTable): number {
  const k = s.model[i]!;
  const invTauExc = m.invTauExcPerPs[k]!;
  const invTauInh = m.invTauInhPerPs[k]!;
  const invTauTheta = m.invTauThetaPerPs[k]!;
  let startPs = s.lastPs[i]!;
  let gExc = s.gExc[i]!;
  let gInh = s.gInh[i]!;
  let theta = s.theta[i]!;

  // A refractory neuron cannot fire before its period ends: search from there.
  const refractoryUntil = s.refractoryUntilPs[i]!;
  if (refractoryUntil > startPs) {
    const heldPs = refractoryUntil - startPs;
    if (gExc !== 0) gExc *= Math.exp(-heldPs * invTauExc);
    if (gInh !== 0) gInh *= Math.exp(-heldPs * invTauInh);
    if (theta !== 0 && invTauTheta !== 0) theta *= Math.exp(-heldPs * invTauTheta);
    startPs = refractoryUntil;
  }
  if (startPs > limitPs) return Infinity;
  const v = s.v[i]!;
  const vThresh = m.vThreshV[k]!;
  const distance0 = v - vThresh - theta;
  if (distance0 >= 0) return startPs;

  searchModel = m;
  searchK = k;
  searchStart[0] = v;
  searchStart[1] = gExc;
  searchStart[2] = gInh;
  searchStart[3] = theta;
  buildDistanceTerms(m, k, v, gExc, gInh, theta);
  if (upperBound() < 0) return Infinity;

  const hiPs = Math.min(limitPs - startPs, signHorizon(), SEARCH_CAP_PS);
  if (!(hiPs > 0)) return Infinity;

  // At most one zero on (0, inf) (rule of signs): one monotone piece, no extrema to bracket.
  if (coefficientSignChanges() <= 1) {
    const offset = crossingIn(0, distance0, hiPs);
    return offset === Infinity || startPs + offset > limitPs ? Infinity : startPs + offset;
  }

  buildLevels(hiPs);
  const breaks = breaksCount();
  let x = 0;
  let fx = distance0;
  for (let j = 0; j <= breaks; j++) {
    const y = j < breaks ? breakAt(j) : hiPs;
    const offset = crossingIn(x, fx, y);
    if (offset !== Infinity) return startPs + offset > limitPs ? Infinity : startPs + offset;
    x = y;
    fx = distance(y);
  }
  return Infinity;
}

/** Writes V(t) - vThresh - theta(t) as an exponential polynomial for the root isolation. */
function buildDistanceTerms(
  m: ModelTable,
  k: number,
  v: number,
  gExc: number,
  gInh: number,
  theta: number,
): void {
  resetSum();
  const invTauTheta = m.invTauThetaPerPs[k]!;
  const vThresh = m.vThreshV[k]!;
  if (invTauTheta === 0) addTerm(0, -vThresh - theta, 0);
  else {
    addTerm(0, -vThresh, 0);
    addTerm(invTauTheta, -theta, 0);
  }

  if (m.kind[k] === KIND_IF) {
    const gainExc = m.gainExc[k]!;
    const gainInh = m.gainInh[k]!;
    addTerm(0, v + gExc * gainExc + gInh * gainInh, m.driftVPerPs[k]!);
    addTerm(m.invTauExcPerPs[k]!, -gExc * gainExc, 0);
    addTerm(m.invTauInhPerPs[k]!, -gInh * gainInh, 0);
    return;
  }

  const invTauM = m.invTauMPerPs[k]!;
  const vInf = m.vInfV[k]!;
  const dExc = m.dExcPerPs[k]!;
  const dInh = m.dInhPerPs[k]!;
  addTerm(0, vInf, 0);
  let membraneA = v - vInf;
  let membraneB = 0;
  if (dExc === 0) membraneB += gExc * invTauM;
  else {
    const amplitude = (gExc * invTauM) / dExc;
    membraneA -= amplitude;
    addTerm(m.invTauExcPerPs[k]!, amplitude, 0);
  }
  if (dInh === 0) membraneB += gInh * invTauM;
  else {
    const amplitude = (gInh * invTauM) / dInh;
    membraneA -= amplitude;
    addTerm(m.invTauInhPerPs[k]!, amplitude, 0);
  }
  addTerm(invTauM, membraneA, membraneB);
}

/**
 * On [x, y], where the distance changes sign at most once and is negative at x: the first
 * integer picosecond at or after the crossing, relative to the search start; Infinity if the
 * distance is still negative at y.
 */
function crossingIn(x: number, fx: number, y: number): number {
  const fy = distance(y);
  if (fy < 0) return Infinity;

  // Newton from a secant guess, kept inside the bracket [lo, hi] (lo below, hi at or above).
  let lo = x;
  let hi = y;
  let t = x + (y - x) * (-fx / (fy - fx));
  if (!(t > lo && t < hi)) t = 0.5 * (lo + hi);
  for (let iteration = 0; iteration < 100 && hi - lo > 0.5; iteration++) {
    const f = distance(t);
    if (f < 0) lo = t;
    else hi = t;
    const slope = scratch[DISTANCE_SLOPE]!;
    let next = slope > 0 ? t - f / slope : NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - t) < 0.25) {
      // Close enough: the integer step below settles it with at most a few evaluations.
      t = next;
      break;
    }
    t = next;
  }

  // Smallest integer n > x with n >= y or distance(n) >= 0: the crossing lies in (n - 1, n].
  const first = Math.floor(x) + 1;
  const last = Math.ceil(y);
  let n = Math.min(last, Math.max(first, Math.ceil(t)));
  while (n > first && distance(n - 1) >= 0) n--;
  while (n < last && n < y && distance(n) < 0) n++;
  return n;
}
