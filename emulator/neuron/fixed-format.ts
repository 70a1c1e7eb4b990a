/**
 * Number formats of fixed mode and the one rounding rule every fixed-point operation uses.
 *
 * State (membrane voltage, synaptic variables, adaptive threshold) is a signed integer count of
 * the model's `stateLsbV`, saturating at the target's `stateBits`: [-2^(B-1), 2^(B-1) - 1].
 * Decay factors are unsigned integers in units of 2^-F (a Q0.F fraction; a coupling factor of
 * the `if` kind may exceed 1 and then has integer bits too). Integers are held in float64, which
 * represents them exactly up to 2^53; the format below keeps every product under that.
 *
 * Rounding: every product is rounded to the nearest integer, ties away from zero, so that a
 * positive and a negative state decay symmetrically. The error of one rounding is at most half
 * an LSB. Docs: docs/fixed-point.md.
 */

/** Widest state fixed mode supports: it leaves at least 10 fraction bits for decay factors. */
export const MAX_STATE_BITS = 40;
export const MIN_STATE_BITS = 2;

/**
 * Fraction bits of a decay factor beyond the state width. Two guard bits keep the error of a
 * stored factor, times the largest |V - vInf| (2^B), at an eighth of an LSB.
 */
export const DECAY_GUARD_BITS = 2;

/** State bits plus decay fraction bits stay at or below this, so that a product of a state
 *  (up to 2^B in magnitude, for V - vInf) and a factor up to 8 is an exact float64 integer. */
const PRODUCT_BITS = 50;

export interface FixedFormat {
  readonly stateBits: number;
  /** Smallest and largest representable state, in LSBs. */
  readonly stateMin: number;
  readonly stateMax: number;
  /** F: a decay factor d is stored as round(d * 2^F). */
  readonly fractionBits: number;
  /** 2^F and 2^-F (both exact). */
  readonly scale: number;
  readonly invScale: number;
}

/**
 * The format for a target. The decay fraction width is the target's `decayBits`, widened to
 * stateBits + DECAY_GUARD_BITS: a clockless chip needs factors for intervals far shorter than a
 * time constant, exp(-1 ps / 20 ms) = 1 - 5e-11, and a 12-bit factor rounds all of those to 1
 * (with tau = 20 ms, no decay at all for any interval below about 2^21 ps). `fractionBits`
 * overrides the choice (tests use it to show what a narrow factor does). Throws a RangeError for
 * an unsupported width.
 */
export function chooseFormat(
  stateBits: number,
  decayBits: number,
  fractionBits?: number,
): FixedFormat {
  if (!Number.isInteger(stateBits) || stateBits < MIN_STATE_BITS || stateBits > MAX_STATE_BITS) {
    throw new RangeError(
      `the target's state precision is ${stateBits} bits; fixed mode supports ` +
        `${MIN_STATE_BITS} to ${MAX_STATE_BITS} bits`,
    );
  }
  const widest = PRODUCT_BITS - stateBits;
  const f = fractionBits ?? Math.min(widest, Math.max(decayBits, stateBits + DECAY_GUARD_BITS));
  if (!Number.isInteger(f) || f < 1 || f > widest) {
    throw new RangeError(
      `decay factors of ${f} fraction bits do not fit with ${stateBits}-bit state ` +
        `(1 to ${widest} bits)`,
    );
  }
  return {
    stateBits,
    stateMin: -(2 ** (stateBits - 1)),
    stateMax: 2 ** (stateBits - 1) - 1,
    fractionBits: f,
    scale: 2 ** f,
    invScale: 2 ** -f,
  };
}

/** Nearest integer, ties away from zero; exact for |x| < 2^51, which covers every state here. */
export function roundNearest(x: number): number {
  return x >= 0 ? Math.floor(x + 0.5) : -Math.floor(0.5 - x);
}

/** state * factor / 2^F rounded to nearest (ties away from zero): one hardware multiply. */
export function mulRound(state: number, factorQ: number, invScale: number): number {
  return roundNearest(state * factorQ * invScale);
}

export function saturate(x: number, min: number, max: number): number {
  return x < min ? min : x > max ? max : x;
}
