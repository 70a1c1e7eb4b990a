// The MNIST digits of the `mnist` package, the held-out split and rate coding.
import { describe, expect, it } from "vitest";
import {
  CLASSES,
  PIXELS,
  digitPixels,
  loadMnistDigits,
  splitDigits,
} from "../../examples/digits/mnist-data.ts";
import {
  INTENSITY_STEP_HZ,
  MAX_RATE_HZ,
  digitRatesHz,
} from "../../examples/digits/rate-encoding.ts";

const digits = loadMnistDigits();

describe("MNIST digits", () => {
  it("loads the 10,000 real digits with 784 intensities in [0, 1] each", () => {
    expect(digits.count).toBe(10000);
    expect(digits.pixels.length).toBe(10000 * PIXELS);
    let min = Infinity;
    let max = -Infinity;
    for (const v of digits.pixels) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect([min, max]).toEqual([0, 1]);
  });

  it("has every class, each with between 800 and 1,200 digits", () => {
    const perClass = new Array<number>(CLASSES).fill(0);
    for (const label of digits.labels) perClass[label]!++;
    for (const n of perClass) expect(n).toBeGreaterThan(800);
    for (const n of perClass) expect(n).toBeLessThan(1200);
  });

  it("splits into disjoint training and test sets, the same for the same seed", () => {
    const [train, test] = splitDigits(digits, 1000, 42);
    const [train2] = splitDigits(digits, 1000, 42);
    const [train3] = splitDigits(digits, 1000, 43);
    expect(train.count + test.count).toBe(10000);
    expect(train.labels).toEqual(train2.labels);
    expect(train.labels).not.toEqual(train3.labels);

    // Every digit lands exactly once: the multiset of images is unchanged.
    const key = (set: typeof train, i: number) => digitPixels(set, i).join(",");
    const seen = new Set<string>();
    for (let i = 0; i < train.count; i++) seen.add(key(train, i));
    let overlap = 0;
    for (let i = 0; i < test.count; i++) if (seen.has(key(test, i))) overlap++;
    // MNIST holds a handful of duplicate images; a leaking split would share about 1000.
    expect(overlap).toBeLessThan(5);
  });
});

describe("rate coding", () => {
  it("drives a white pixel at 63.75 Hz and scales the others in proportion", () => {
    expect(Array.from(digitRatesHz([0, 0.5, 1]))).toEqual([0, MAX_RATE_HZ / 2, MAX_RATE_HZ]);
  });

  it("adds about 32 Hz to the white-pixel rate per intensity step", () => {
    expect(digitRatesHz([1], 2)[0]).toBeCloseTo(MAX_RATE_HZ + 2 * 31.875, 12);
    expect(INTENSITY_STEP_HZ).toBeCloseTo(32, 0);
  });
});
