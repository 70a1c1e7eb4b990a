/**
 * Fixed-point learned weights: a weight is an integer number of its projection's weight LSBs
 * (`weightLsbV`), kept inside a signed `learningWeightBits`-bit range and inside the rule's
 * [wMin, wMax]. An update computed in volts is divided by the LSB and rounded once, at the moment
 * it is added to the stored integer:
 *
 * - "nearest": to the nearest integer, ties to even. Deterministic, but an update smaller than
 *   half an LSB is lost every time, so small learning rates stall at low precision.
 * - "stochastic": down or up with probability equal to the fractional part, drawn from a seeded
 *   stream. Unbiased on average; the same seed and event order give the same weights.
 */
import type { RoundingStream } from "./prng.ts";

export type LearningRounding = "nearest" | "stochastic";

/** Inclusive integer bounds of a learned weight, in LSBs. */
export interface FixedBounds {
  readonly lo: number;
  readonly hi: number;
}

export function fixedBounds(wMinV: number, wMaxV: number, lsbV: number, bits: number): FixedBounds {
  const rangeHi = 2 ** (bits - 1) - 1;
  const rangeLo = -(2 ** (bits - 1));

  // A bound that is not a whole number of LSBs is pulled inward, so a stored weight never
  // represents a value outside [wMin, wMax].
  // (+ 0 turns a -0 from ceil into 0.)
  const lo = Math.max(rangeLo, Math.ceil(wMinV / lsbV - 1e-9)) + 0;
  const hi = Math.min(rangeHi, Math.floor(wMaxV / lsbV + 1e-9));
  return { lo, hi: Math.max(lo, hi) };
}

/** Round half to even: the IEEE default, and free of the upward bias of Math.round. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const frac = x - floor;
  if (frac > 0.5) return floor + 1;
  if (frac < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Rounds a value in LSBs with the given rule; `stream` is used only by "stochastic". */
export function roundLsb(x: number, rounding: LearningRounding, stream: RoundingStream): number {
  if (rounding === "nearest") return roundHalfEven(x);
  const floor = Math.floor(x);
  const frac = x - floor;
  if (frac === 0) return floor;
  return stream.nextUnit() < frac ? floor + 1 : floor;
}
