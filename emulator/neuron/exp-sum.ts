/**
 * Root isolation for exponential polynomials f(t) = sum_k (a_k + b_k t) exp(-r_k t), t >= 0, the
 * form every sub-threshold trajectory (minus its threshold) takes between inputs. At most
 * MAX_TERMS distinct rates; b_k is nonzero only for the t * exp(-t/tauM) case and the `if` drift.
 *
 * Why it is exact: multiplying by exp(r_0 t) does not change signs, and the derivative of
 * f(t) exp(r_0 t) is again an exponential polynomial with one degree fewer (Rolle's theorem, as
 * in the generalised rule of signs). So between consecutive sign changes of that derivative,
 * f has at most one sign change. Applying this recursively down to a form with a closed-form
 * root gives every interval on which f is monotone in sign; no crossing can hide between two
 * samples. The search is then a safeguarded Newton step inside one such interval.
 *
 * Module-level scratch, no allocation: one sum at a time (the emulator is single-threaded per
 * worker). Call resetSum, addTerm for each term, then buildLevels before asking for breaks.
 */

export const MAX_TERMS = 6;
const LEVELS = 2 * MAX_TERMS;

/** Level L holds the L-th reduction of the sum; level 0 is the sum itself. */
const rate = new Float64Array(LEVELS * MAX_TERMS);
const coefA = new Float64Array(LEVELS * MAX_TERMS);
const coefB = new Float64Array(LEVELS * MAX_TERMS);
const termCount = new Int32Array(LEVELS);
/** Sign-change roots of each level inside (0, hi), ascending. */
const roots = new Float64Array(LEVELS * MAX_TERMS * 2);
const rootCount = new Int32Array(LEVELS);
let levelCount = 0;

/** Derivative of the last `evaluate` call (slot 0); a typed array because V8 boxes a double
 *  kept in a module-level `let`, which would allocate per evaluation. */
const lastDerivative = new Float64Array(1);

export function resetSum(): void {
  termCount[0] = 0;
  levelCount = 0;
}

/** Adds (a + b t) exp(-r t) to the level-0 sum, merging equal rates and keeping rates sorted. */
export function addTerm(r: number, a: number, b: number): void {
  if (a === 0 && b === 0) return;
  const n = termCount[0]!;
  let j = 0;
  while (j < n && rate[j]! < r) j++;
  if (j < n && rate[j] === r) {
    coefA[j]! += a;
    coefB[j]! += b;
    return;
  }
  if (n === MAX_TERMS) throw new RangeError("exponential sum has too many distinct rates");
  for (let k = n; k > j; k--) {
    rate[k] = rate[k - 1]!;
    coefA[k] = coefA[k - 1]!;
    coefB[k] = coefB[k - 1]!;
  }
  rate[j] = r;
  coefA[j] = a;
  coefB[j] = b;
  termCount[0] = n + 1;
}

export function terms(): number {
  return termCount[0]!;
}

/** Value of level L at t; its derivative is left in derivativeAtLast(). */
export function evaluate(level: number, t: number): number {
  const base = level * MAX_TERMS;
  const n = termCount[level]!;
  let value = 0;
  let slope = 0;
  for (let k = base; k < base + n; k++) {
    const r = rate[k]!;
    const p = coefA[k]! + coefB[k]! * t;
    const e = r === 0 ? 1 : Math.exp(-r * t);
    value += p * e;
    slope += (coefB[k]! - r * p) * e;
  }
  lastDerivative[0] = slope;
  return value;
}

export function derivativeAtLast(): number {
  return lastDerivative[0]!;
}

/**
 * The supremum of level 0 over t >= 0, bounded term by term (each term's own maximum); Infinity
 * when a term grows without bound. Cheap: no exp. Used to skip searches that cannot succeed.
 */
export function upperBound(): number {
  let bound = 0;
  for (let k = 0; k < termCount[0]!; k++) {
    const r = rate[k]!;
    const a = coefA[k]!;
    const b = coefB[k]!;
    if (r === 0) {
      if (b > 0) return Infinity;
      bound += Math.max(0, a);
    } else if (b <= 0) {
      bound += Math.max(0, a);
    } else {
      // (a + b t) e^{-rt} peaks at t = 1/r - a/b when that is positive.
      const tPeak = 1 / r - a / b;
      bound += tPeak > 0 ? (a + b * tPeak) * Math.exp(-r * tPeak) : Math.max(0, a);
    }
  }
  return bound;
}

/**
 * Sign changes of the level-0 coefficients ordered by rate: by the rule of signs for
 * exponential sums, an upper bound on the number of zeros for t > 0. Only defined when every
 * b_k is 0; returns MAX_TERMS otherwise.
 */
export function coefficientSignChanges(): number {
  let changes = 0;
  let previous = 0;
  for (let k = 0; k < termCount[0]!; k++) {
    if (coefB[k] !== 0) return MAX_TERMS;
    const s = Math.sign(coefA[k]!);
    if (s !== 0 && previous !== 0 && s !== previous) changes++;
    if (s !== 0) previous = s;
  }
  return changes;
}

/**
 * A time after which level 0 keeps the sign of its slowest term, so a search can stop there:
 * Infinity when no such time is cheap to bound (for example a constant that is exactly 0).
 */
export function signHorizon(): number {
  const n = termCount[0]!;
  if (n === 0) return Infinity;
  const r0 = rate[0]!;
  if (r0 !== 0) return Infinity;
  const a0 = coefA[0]!;
  const b0 = coefB[0]!;

  // The decaying rest is bounded by C exp(-rMin t / 2), using t e^{-rt} <= 2/(r e) e^{-rt/2}.
  let c = 0;
  for (let k = 1; k < n; k++) {
    const r = rate[k]!;
    c += Math.abs(coefA[k]!) + (2 * Math.abs(coefB[k]!)) / (r * Math.E);
  }
  if (b0 !== 0) {
    // Linear drift: |a0 + b0 t| > |a0| + C once |b0| t > 2 |a0| + C, and the sign is b0's.
    return (2 * Math.abs(a0) + c) / Math.abs(b0);
  }
  if (n === 1) return 0;
  if (a0 === 0) return Infinity;
  const rMin = rate[1]!;
  return Math.max(0, (2 / rMin) * Math.log((2 * c) / Math.abs(a0)));
}

/**
 * Builds every reduction of the level-0 sum and the sign changes of each inside (0, hiT), from
 * the deepest (closed form) upwards. Afterwards breaksCount()/breakAt(j) give the points that
 * cut (0, hiT) into intervals on each of which level 0 changes sign at most once.
 */
export function buildLevels(hiT: number): void {
  levelCount = 1;
  while (termCount[levelCount - 1]! > 1 && levelCount < LEVELS) {
    reduce(levelCount - 1, levelCount);
    levelCount++;
  }
  // The deepest level has a single term (or none): its sign changes have a closed form.
  const deepest = levelCount - 1;
  rootCount[deepest] = 0;
  if (termCount[deepest] === 1) {
    const base = deepest * MAX_TERMS;
    const b = coefB[base]!;
    if (b !== 0) {
      const z = -coefA[base]! / b;
      if (z > 0 && z < hiT) pushRoot(deepest, z);
    }
  }
  for (let level = deepest - 1; level >= 1; level--) findRoots(level, hiT);
}

/** Number of monotone-sign breaks of level 0 inside (0, hiT) (the roots of level 1). */
export function breaksCount(): number {
  return levelCount > 1 ? rootCount[1]! : 0;
}

export function breakAt(j: number): number {
  return roots[MAX_TERMS * 2 + j]!;
}

/** Level `to` = d/dt [level `from` * exp(r_0 t)] * exp(-r_0 t) written with shifted rates. */
function reduce(from: number, to: number): void {
  const src = from * MAX_TERMS;
  const dst = to * MAX_TERMS;
  const r0 = rate[src]!;
  let n = 0;
  for (let k = 0; k < termCount[from]!; k++) {
    const r = rate[src + k]! - r0;
    const a = coefA[src + k]!;
    const b = coefB[src + k]!;
    const na = b - r * a;
    const nb = -r * b;
    if (na === 0 && nb === 0) continue;
    rate[dst + n] = r;
    coefA[dst + n] = na;
    coefB[dst + n] = nb;
    n++;
  }
  termCount[to] = n;
}

function pushRoot(level: number, t: number): void {
  const j = rootCount[level]!;
  roots[level * MAX_TERMS * 2 + j] = t;
  rootCount[level] = j + 1;
}

/** Sign changes of `level` in (0, hiT), given the (sorted) roots of level + 1. */
function findRoots(level: number, hiT: number): void {
  rootCount[level] = 0;
  const below = level + 1;
  const nBreaks = rootCount[below]!;
  let x = 0;
  let fx = evaluate(level, 0);
  for (let j = 0; j <= nBreaks; j++) {
    const y = j < nBreaks ? roots[below * MAX_TERMS * 2 + j]! : hiT;
    const fy = evaluate(level, y);
    if ((fx < 0 && fy >= 0) || (fx >= 0 && fy < 0)) {
      const z = refineRoot(level, x, fx, y);
      if (z > 0 && z < hiT) pushRoot(level, z);
    }
    x = y;
    fx = fy;
  }
}

/**
 * The sign change of `level` inside [lo, hi] (exactly one there), by Newton steps kept inside a
 * shrinking bracket, to a resolution far below a picosecond.
 */
function refineRoot(level: number, lo: number, fLo: number, hi: number): number {
  const rising = fLo < 0;
  let t = 0.5 * (lo + hi);
  for (let iteration = 0; iteration < 200; iteration++) {
    const tolerance = 1e-6 + 1e-14 * hi;
    if (hi - lo <= tolerance) break;
    const f = evaluate(level, t);
    const slope = lastDerivative[0]!;
    if (f < 0 === rising) lo = t;
    else hi = t;
    let next = slope !== 0 ? t - f / slope : NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - t) <= tolerance) {
      t = next;
      break;
    }
    t = next;
  }
  return t;
}
