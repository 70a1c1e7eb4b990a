/**
 * Connectivity generators. Each one calls `sink(pre, post, item)` once per synapse, with pre and
 * post as 0-based indices within the projection's ranges and `item` the kernel element (conv2d),
 * the file row (file) or -1. Generators are pure functions of the connector and its seed: the
 * elaborator runs each twice (once to count synapses per source, once to fill), and both runs
 * must see the same synapses in the same order.
 *
 * Costs are O(synapses): `random` skips geometrically between accepted pairs instead of testing
 * every pair, `fixed_fan_in` samples distinct pre neurons with Floyd's algorithm.
 */
import type { Connector } from "../../../dsl/resolved.ts";
import { Rng } from "../random.ts";
import type { SynapseRows } from "./synapse-file.ts";

export type SynapseSink = (pre: number, post: number, item: number) => void;

export interface ConnectorPlan {
  readonly connector: Connector;
  readonly preCount: number;
  readonly postCount: number;
  /**
   * When pre and post ranges come from the same group, post index `pre + selfShift` is the pre
   * neuron itself; undefined when the ranges are different groups (no self-connections exist).
   */
  readonly selfShift: number | undefined;
  /** Rows of a `file` connector, already read and checked. */
  readonly rows?: SynapseRows;
}

/** The number of synapses the connector will produce, exact except for `random` (its mean). */
export function expectedSynapses(plan: ConnectorPlan): number {
  const { connector: c, preCount, postCount } = plan;
  const selfPairs = selfPairCount(plan);
  switch (c.kind) {
    case "all_to_all":
      return preCount * postCount - (c.allowSelf ? 0 : selfPairs);
    case "one_to_one":
      return Math.min(preCount, postCount);
    case "random":
      return c.p * (preCount * postCount - (c.allowSelf ? 0 : selfPairs));
    case "fixed_fan_in":
      return c.n * postCount;
    case "conv2d":
      return conv2dSynapseCount(c);
    case "file":
      return plan.rows?.count ?? 0;
  }
}

function selfPairCount(plan: ConnectorPlan): number {
  if (plan.selfShift === undefined) return 0;
  const first = Math.max(0, -plan.selfShift);
  const last = Math.min(plan.preCount, plan.postCount - plan.selfShift);
  return Math.max(0, last - first);
}

/** Exact synapse count of a conv2d connector: valid kernel taps per output, per axis. */
export function conv2dSynapseCount(c: Extract<Connector, { kind: "conv2d" }>): number {
  const axis = (inSize: number, outSize: number, kernel: number, stride: number): number => {
    let taps = 0;
    for (let o = 0; o < outSize; o++) {
      const first = o * stride - c.padding;
      taps += Math.min(inSize, first + kernel) - Math.max(0, first);
    }
    return taps;
  };
  return (
    axis(c.inShape[0], c.outShape[0], c.kernelH, c.strideY) *
    axis(c.inShape[1], c.outShape[1], c.kernelW, c.strideX)
  );
}

export function generateConnections(plan: ConnectorPlan, sink: SynapseSink): void {
  const c = plan.connector;
  switch (c.kind) {
    case "all_to_all":
      return allToAll(plan, c.allowSelf, sink);
    case "one_to_one": {
      const n = Math.min(plan.preCount, plan.postCount);
      for (let i = 0; i < n; i++) sink(i, i, -1);
      return;
    }
    case "random":
      return randomPairs(plan, c.p, c.allowSelf, new Rng(c.seed), sink);
    case "fixed_fan_in":
      return fixedFanIn(plan, c.n, c.allowSelf, new Rng(c.seed), sink);
    case "conv2d":
      return conv2d(c, sink);
    case "file": {
      const rows = plan.rows;
      if (rows === undefined) return;
      for (let r = 0; r < rows.count; r++) sink(rows.pre[r]!, rows.post[r]!, r);
      return;
    }
  }
}

function allToAll(plan: ConnectorPlan, allowSelf: boolean, sink: SynapseSink): void {
  const skipSelf = !allowSelf && plan.selfShift !== undefined;
  const shift = plan.selfShift ?? 0;
  for (let i = 0; i < plan.preCount; i++) {
    for (let j = 0; j < plan.postCount; j++) {
      if (skipSelf && j === i + shift) continue;
      sink(i, j, -1);
    }
  }
}

/**
 * Bernoulli(p) on every pair, row by row: the gap to the next accepted pair is geometric,
 * floor(ln U / ln(1 - p)), so the cost is one draw per synapse, not one per pair.
 */
function randomPairs(
  plan: ConnectorPlan,
  p: number,
  allowSelf: boolean,
  rng: Rng,
  sink: SynapseSink,
): void {
  if (p <= 0) return;
  if (p >= 1) return allToAll(plan, allowSelf, sink);
  const skipSelf = !allowSelf && plan.selfShift !== undefined;
  const shift = plan.selfShift ?? 0;
  const logQ = Math.log1p(-p);
  const postCount = plan.postCount;
  for (let i = 0; i < plan.preCount; i++) {
    let j = -1;
    for (;;) {
      j += 1 + Math.floor(Math.log(rng.nextOpenFloat()) / logQ);
      if (j >= postCount) break;
      if (skipSelf && j === i + shift) continue;
      sink(i, j, -1);
    }
  }
}

/**
 * Each post neuron draws `n` distinct pre neurons (Floyd's algorithm, a stamp array as the set).
 * Without self-connections the pool is the other preCount - 1 neurons.
 */
function fixedFanIn(
  plan: ConnectorPlan,
  n: number,
  allowSelf: boolean,
  rng: Rng,
  sink: SynapseSink,
): void {
  const stamp = new Int32Array(plan.preCount).fill(-1);
  for (let j = 0; j < plan.postCount; j++) {
    const selfPre = plan.selfShift === undefined ? -1 : j - plan.selfShift;
    const excluded = !allowSelf && selfPre >= 0 && selfPre < plan.preCount ? selfPre : -1;
    const pool = excluded >= 0 ? plan.preCount - 1 : plan.preCount;
    for (let k = pool - n; k < pool; k++) {
      const t = rng.nextInt(k + 1);
      const pick = stamp[toPre(t, excluded)] === j ? k : t;
      const pre = toPre(pick, excluded);
      stamp[pre] = j;
      sink(pre, j, -1);
    }
  }
}

/** Maps an index in the pool (which skips `excluded`) to a pre index. */
function toPre(index: number, excluded: number): number {
  return excluded >= 0 && index >= excluded ? index + 1 : index;
}

/**
 * Source-major convolution: for input pixel (iy, ix), the outputs it feeds are those with
 * oy * strideY - padding + ky = iy. Kernel rows are walked from the bottom so that outputs come
 * out in ascending order within each source.
 */
function conv2d(c: Extract<Connector, { kind: "conv2d" }>, sink: SynapseSink): void {
  const [inH, inW] = c.inShape;
  const [outH, outW] = c.outShape;
  for (let iy = 0; iy < inH; iy++) {
    for (let ix = 0; ix < inW; ix++) {
      const pre = iy * inW + ix;
      for (let ky = c.kernelH - 1; ky >= 0; ky--) {
        const ny = iy + c.padding - ky;
        if (ny < 0 || ny % c.strideY !== 0) continue;
        const oy = ny / c.strideY;
        if (oy >= outH) continue;
        for (let kx = c.kernelW - 1; kx >= 0; kx--) {
          const nx = ix + c.padding - kx;
          if (nx < 0 || nx % c.strideX !== 0) continue;
          const ox = nx / c.strideX;
          if (ox >= outW) continue;
          sink(pre, oy * outW + ox, ky * c.kernelW + kx);
        }
      }
    }
  }
}
