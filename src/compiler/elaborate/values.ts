/**
 * Draws of per-element values (`ValueSpec`): constants, seeded uniform and normal distributions.
 * Each spec carries its own seed, so a value stream does not depend on what else was drawn.
 */
import type { ValueSpec } from "../../../dsl/resolved.ts";
import { Rng } from "../random.ts";

export type ValueDraw = () => number;

/** A function returning successive draws of `spec`, starting from the spec's own seed. */
export function valueStream(spec: ValueSpec): ValueDraw {
  switch (spec.kind) {
    case "constant": {
      const value = spec.value;
      return () => value;
    }
    case "uniform": {
      const rng = new Rng(spec.seed);
      const { low, high } = spec;
      return () => low + (high - low) * rng.nextFloat();
    }
    case "normal": {
      const rng = new Rng(spec.seed);
      const { mean, sd } = spec;
      return () => mean + sd * rng.nextNormal();
    }
  }
}

/** `count` draws of `spec` (absent spec: `fallback` everywhere). */
export function drawValues(
  spec: ValueSpec | undefined,
  count: number,
  fallback: number,
): Float64Array {
  const out = new Float64Array(count);
  if (spec === undefined) return out.fill(fallback);
  const next = valueStream(spec);
  for (let i = 0; i < count; i++) out[i] = next();
  return out;
}

/**
 * The largest magnitude a spec yields in practice: normal draws beyond 4 standard deviations
 * (probability 6e-5) are allowed to saturate rather than waste a bit of every weight on them.
 */
export function magnitudeBound(spec: ValueSpec): number {
  switch (spec.kind) {
    case "constant":
      return Math.abs(spec.value);
    case "uniform":
      return Math.max(Math.abs(spec.low), Math.abs(spec.high));
    case "normal":
      return Math.abs(spec.mean) + 4 * Math.abs(spec.sd);
  }
}
