/**
 * Per-message transport times: exact count, sum and maximum, and a fixed log-spaced histogram
 * for percentiles (16 bins per octave of picoseconds, so a percentile is reported as its bin's
 * upper edge, at most 4.4% above the true value, and never above the exact maximum). Fixed bins
 * keep the figure deterministic and the memory constant however many messages pass.
 */

const BINS_PER_OCTAVE = 16;
const BIN_COUNT = 64 * BINS_PER_OCTAVE;

export class LatencyHistogram {
  count = 0;
  sumPs = 0;
  maxPs = 0;
  private readonly bins = new Float64Array(BIN_COUNT);

  add(latencyPs: number): void {
    this.count++;
    this.sumPs += latencyPs;
    if (latencyPs > this.maxPs) this.maxPs = latencyPs;
    const bin =
      latencyPs < 1
        ? 0
        : Math.min(BIN_COUNT - 1, Math.floor(Math.log2(latencyPs) * BINS_PER_OCTAVE) + 1);
    this.bins[bin]!++;
  }

  meanPs(): number {
    return this.count === 0 ? 0 : this.sumPs / this.count;
  }

  /** Upper edge of the bin holding quantile q (0..1), capped at the exact maximum. */
  quantilePs(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.ceil(q * this.count);
    let seen = 0;
    for (let b = 0; b < BIN_COUNT; b++) {
      seen += this.bins[b]!;
      if (seen >= rank) return b === 0 ? 0 : Math.min(this.maxPs, 2 ** (b / BINS_PER_OCTAVE));
    }
    return this.maxPs;
  }

  clear(): void {
    this.count = 0;
    this.sumPs = 0;
    this.maxPs = 0;
    this.bins.fill(0);
  }
}
