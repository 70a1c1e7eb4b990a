/**
 * Counter-based random numbers for input generation: draw k of stream s is a pure function of
 * (seed, s, k), built from the 32-bit finaliser of MurmurHash3 applied in two rounds. Each input
 * neuron is its own stream, so its spike train does not depend on how many other neurons exist,
 * on event order, or on when rates are changed; the only state per neuron is a draw counter.
 * Integer arithmetic only (Math.imul), so the bits are the same on every machine.
 */

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines two 32-bit values into a well-mixed 32-bit seed. */
export function mixSeed(a: number, b: number): number {
  return fmix32((fmix32(a >>> 0) ^ Math.imul(b >>> 0, 0x9e3779b9)) >>> 0);
}

/** Uniform double in (0, 1) (never 0, so -ln(u) is finite), 53 random bits. */
export function uniformOpen(seed: number, stream: number, counter: number): number {
  const s = mixSeed(seed, stream);
  const lo = counter >>> 0;
  const hi = Math.floor(counter / 4294967296) >>> 0;
  const a = fmix32((s ^ lo) + Math.imul(hi ^ 0x27d4eb2f, 0x165667b1));
  const b = fmix32((a ^ 0x68e31da4) + Math.imul(s ^ lo, 0x1b873593));
  // 21 bits from a, 32 from b: 53 bits; +0.5 keeps the value strictly inside (0, 1).
  return ((a >>> 11) * 4294967296 + b + 0.5) / 9007199254740992;
}
