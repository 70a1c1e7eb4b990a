/**
 * Derived seeds. Every random draw in a program gets its own 32-bit seed computed from the root
 * seed and a label naming what is drawn (`population:exc:v`, `projection:exc->inh:connector`), so
 * renaming or reordering unrelated declarations never changes another entity's numbers:
 *   h = FNV-1a-32(UTF-8 bytes of label)
 *   seed = fmix32(h XOR (root * 0x9E3779B1 mod 2^32))
 * where fmix32 is MurmurHash3's finaliser (xor-shift-multiply), to spread nearby inputs.
 */

export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

export function deriveSeed(rootSeed: number, label: string): number {
  return fmix32(fnv1a32(label) ^ (Math.imul(rootSeed >>> 0, 0x9e3779b1) >>> 0));
}
