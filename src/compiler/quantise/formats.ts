/**
 * Per-projection number formats, chosen before any synapse is drawn so that weights and delays
 * can be quantised as they are generated: the weight width (the learning width for a plastic
 * projection), the weight step from the largest magnitude the projection can produce, and the
 * target's delay grid.
 */
import type {
  ResolvedPlasticityRule,
  ResolvedProjection,
  ResolvedTarget,
} from "../../../dsl/resolved.ts";
import { magnitudeBound } from "../elaborate/values.ts";
import type { SynapseRows } from "../elaborate/synapse-file.ts";
import { weightFormat, type WeightFormat } from "./weights.ts";
import { delayFormat, type DelayFormat } from "./delays.ts";

export function projectionWeightFormat(
  projection: ResolvedProjection,
  target: ResolvedTarget,
  rule: ResolvedPlasticityRule | undefined,
  rows: SynapseRows | undefined,
  kernelV: Float64Array | undefined,
): WeightFormat {
  let maxAbsV = 0;
  if (kernelV !== undefined) {
    for (const w of kernelV) maxAbsV = Math.max(maxAbsV, Math.abs(w));
  } else if (rows?.weightV !== undefined) {
    for (const w of rows.weightV) maxAbsV = Math.max(maxAbsV, Math.abs(w));
  } else {
    maxAbsV = magnitudeBound(projection.weightV);
  }
  // A learning synapse must be able to reach both ends of its rule's range.
  if (rule !== undefined) maxAbsV = Math.max(maxAbsV, Math.abs(rule.wMinV), Math.abs(rule.wMaxV));
  const bits = rule !== undefined ? target.learning.weightBits : target.precision.weightBits;
  return weightFormat(Math.min(bits, 16), maxAbsV);
}

export function targetDelayFormat(target: ResolvedTarget): DelayFormat {
  return delayFormat(target.precision, target.delayMinS, target.delayMaxS);
}
