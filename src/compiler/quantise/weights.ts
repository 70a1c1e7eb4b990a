/**
 * Weight quantisation: signed integers of `bits` bits (sign included) times a per-projection
 * step `lsbV`. The step is chosen so that the largest weight the projection can produce (and, for
 * a plastic projection, its rule's [wMin, wMax]) maps onto the largest positive code
 * 2^(bits-1) - 1. Weights round to nearest; values beyond the range clip (saturate).
 *
 * The compiler quantises while it draws, so 10^8 weights never exist as float64; the accumulator
 * below keeps the error figures the IR reports per projection.
 */

export interface WeightFormat {
  readonly bits: number;
  readonly lsbV: number;
  readonly minCode: number;
  readonly maxCode: number;
}

/** `maxAbsV` is the largest magnitude to represent; 0 (all weights zero) gets a step of 1 V. */
export function weightFormat(bits: number, maxAbsV: number): WeightFormat {
  const maxCode = 2 ** (bits - 1) - 1;
  const minCode = -(2 ** (bits - 1));
  const lsbV = maxAbsV > 0 && Number.isFinite(maxAbsV) ? maxAbsV / maxCode : 1;
  return { bits, lsbV, minCode, maxCode };
}

/** Running error figures of one projection's weights. */
export class WeightStats {
  count = 0;
  nonzero = 0;
  roundedToZero = 0;
  saturated = 0;
  maxRelativeError = 0;
  private sumRelativeError = 0;

  constructor(readonly format: WeightFormat) {}

  /** The code of `valueV`, counting it `times` times (constant weights are quantised once). */
  quantise(valueV: number, times = 1): number {
    const { lsbV, minCode, maxCode } = this.format;
    let code = Math.round(valueV / lsbV);
    if (code > maxCode || code < minCode) {
      code = code > maxCode ? maxCode : minCode;
      this.saturated += times;
    }
    this.count += times;
    if (valueV !== 0) {
      this.nonzero += times;
      if (code === 0) this.roundedToZero += times;
      const relative = Math.abs(code * lsbV - valueV) / Math.abs(valueV);
      this.sumRelativeError += relative * times;
      if (relative > this.maxRelativeError) this.maxRelativeError = relative;
    }
    // Math.round(-0.4) is -0; an Int16Array stores it as 0 anyway, but keep reports clean.
    return code === 0 ? 0 : code;
  }

  /** Mean relative error over nonzero weights (0 when there are none). */
  get meanRelativeError(): number {
    return this.nonzero === 0 ? 0 : this.sumRelativeError / this.nonzero;
  }
}
