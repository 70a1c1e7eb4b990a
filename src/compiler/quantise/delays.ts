/**
 * Delay quantisation: integer multiples of the target's delay resolution, clamped into
 * [delayMin, delayMax] and into what the delay field can hold (2^delayBits - 1 steps).
 * Clamping changes timing, so it is counted and warned about; rounding is only noted.
 */
import type { TargetPrecision } from "../../../dsl/resolved.ts";

export interface DelayFormat {
  readonly resolutionS: number;
  readonly minSteps: number;
  readonly maxSteps: number;
}

export function delayFormat(
  precision: TargetPrecision,
  delayMinS: number,
  delayMaxS: number,
): DelayFormat {
  const res = precision.delayResolutionS;
  // A small tolerance keeps 62 ms / 1 ms from becoming 61.99999 steps.
  const minSteps = Math.max(0, Math.ceil(delayMinS / res - 1e-9));
  const fieldMax = 2 ** Math.min(precision.delayBits, 16) - 1;
  const maxSteps = Math.min(fieldMax, Math.floor(delayMaxS / res + 1e-9));
  return { resolutionS: res, minSteps, maxSteps: Math.max(minSteps, maxSteps) };
}

export class DelayStats {
  count = 0;
  clamped = 0;
  maxRoundingS = 0;

  constructor(readonly format: DelayFormat) {}

  quantise(delayS: number, times = 1): number {
    const { resolutionS, minSteps, maxSteps } = this.format;
    let steps = Math.round(delayS / resolutionS);
    this.count += times;
    if (steps < minSteps || steps > maxSteps) {
      steps = steps < minSteps ? minSteps : maxSteps;
      this.clamped += times;
    } else {
      const change = Math.abs(steps * resolutionS - delayS);
      if (change > this.maxRoundingS) this.maxRoundingS = change;
    }
    return steps;
  }
}
