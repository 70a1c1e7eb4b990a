/**
 * The seeded random streams every compiler draw comes from. xoshiro128** (Blackman & Vigna 2018)
 * on 32-bit integers, seeded through splitmix32 so that neighbouring seeds give unrelated streams.
 * It uses only 32-bit integer arithmetic (Math.imul, >>>), so the same seed gives the same numbers
 * on every machine and Node version. One stream per projection, per drawn parameter, per seed.
 */

/** splitmix32 step: a well-mixed 32-bit value from a counter, used only for seeding. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | undefined;

  /** `seed` may be any finite number; its low and high 32-bit halves both count. */
  constructor(seed: number) {
    const low = seed >>> 0;
    const high = Math.floor(seed / 4294967296) >>> 0;
    let x = splitmix32(low ^ splitmix32(high));
    this.s0 = x;
    x = splitmix32(x);
    this.s1 = x;
    x = splitmix32(x);
    this.s2 = x;
    x = splitmix32(x);
    this.s3 = x;
    // An all-zero state would stay zero forever.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32-bit unsigned integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  nextFloat(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform in (0, 1]: safe to take the logarithm of. */
  nextOpenFloat(): number {
    return (this.nextU32() + 1) / 4294967296;
  }

  /** Uniform integer in [0, n) for n <= 2^32; the bias is at most n / 2^32. */
  nextInt(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }

  /** Standard normal by the Box-Muller transform, using both values of each pair. */
  nextNormal(): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(this.nextOpenFloat()));
    const angle = 2 * Math.PI * this.nextFloat();
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A seed for a sub-stream, derived from a parent seed and a small integer tag. */
export function deriveSeed(seed: number, tag: number): number {
  return splitmix32((seed >>> 0) ^ splitmix32(tag + 0x51ed27));
}
