import { describe, expect, it } from "vitest";
import { parseNmnist } from "../../../emulator/io/events/nmnist.ts";
import { encodeNmnist, mutate, seededRandom } from "./helpers/encoders.ts";
import { expectRefusedAt, expectWellBehaved } from "./helpers/expect-refusal.ts";

const FILE = "digit.bin";
const US = 1_000_000; // picoseconds per microsecond

const sample = encodeNmnist([
  { x: 0, y: 0, polarity: 1, timestampUs: 10 },
  { x: 33, y: 5, polarity: 0, timestampUs: 10 },
  { x: 7, y: 33, polarity: 1, timestampUs: 4_000_000 },
  { x: 12, y: 20, polarity: 0, timestampUs: 8_388_607 },
]);

describe("the N-MNIST reader", () => {
  it("decodes x, y, polarity and the 23-bit microsecond timestamp of each 40-bit event", () => {
    const { events, diagnostics } = parseNmnist(sample, FILE);
    expect(diagnostics).toEqual([]);
    expect(Array.from(events!.x)).toEqual([0, 33, 7, 12]);
    expect(Array.from(events!.y)).toEqual([0, 5, 33, 20]);
    expect(Array.from(events!.polarity)).toEqual([1, 0, 1, 0]);
    expect(Array.from(events!.timePs)).toEqual([10 * US, 10 * US, 4_000_000 * US, 8_388_607 * US]);
    expect([events!.width, events!.height]).toEqual([34, 34]);
  });

  it("treats y = 240 as an overflow marker that adds 2^13 us to every later event", () => {
    const bytes = encodeNmnist([
      { x: 1, y: 1, polarity: 1, timestampUs: 8000 },
      { x: 0, y: 240, polarity: 0, timestampUs: 0 },
      { x: 2, y: 2, polarity: 1, timestampUs: 100 },
      { x: 0, y: 240, polarity: 0, timestampUs: 0 },
      { x: 3, y: 3, polarity: 0, timestampUs: 50 },
    ]);
    const { events } = parseNmnist(bytes, FILE);
    expect(Array.from(events!.x)).toEqual([1, 2, 3]);
    expect(Array.from(events!.timePs)).toEqual([8000 * US, (8192 + 100) * US, (16384 + 50) * US]);
  });

  it("reads a drop of more than 2^22 us as the 23-bit counter wrapping", () => {
    const bytes = encodeNmnist([
      { x: 1, y: 1, polarity: 1, timestampUs: 8_388_600 },
      { x: 2, y: 2, polarity: 1, timestampUs: 5 },
      { x: 3, y: 3, polarity: 1, timestampUs: 8_388_000 },
      { x: 4, y: 4, polarity: 1, timestampUs: 1 },
    ]);
    const { events } = parseNmnist(bytes, FILE);
    expect(Array.from(events!.timePs)).toEqual([
      8_388_600 * US,
      (8_388_608 + 5) * US,
      (8_388_608 + 8_388_000) * US,
      (2 * 8_388_608 + 1) * US,
    ]);
  });

  it("refuses a small step backwards in time at the offending record", () => {
    const bytes = encodeNmnist([
      { x: 1, y: 1, polarity: 1, timestampUs: 500 },
      { x: 2, y: 2, polarity: 1, timestampUs: 499 },
    ]);
    expectRefusedAt(parseNmnist(bytes, FILE), "ANT5507", 5);
  });

  it("refuses an event outside the 34 x 34 sensor and accepts it on a larger one", () => {
    const bytes = encodeNmnist([
      { x: 1, y: 1, polarity: 1, timestampUs: 1 },
      { x: 34, y: 1, polarity: 1, timestampUs: 2 },
    ]);
    expectRefusedAt(parseNmnist(bytes, FILE), "ANT5506", 5);
    const wide = parseNmnist(bytes, FILE, { width: 240, height: 180 });
    expect(Array.from(wide.events!.x)).toEqual([1, 34]);
  });

  it("reads an empty file as an empty recording", () => {
    const { events, diagnostics } = parseNmnist(new Uint8Array(0), FILE);
    expect(diagnostics).toEqual([]);
    expect(events!.timePs.length).toBe(0);
  });

  it("refuses a file cut at any byte inside a record, naming where the partial record starts", () => {
    for (let cut = 0; cut < sample.length; cut++) {
      const result = parseNmnist(sample.subarray(0, cut), FILE);
      if (cut % 5 === 0) {
        expect(result.events!.timePs.length).toBe(cut / 5);
      } else {
        expectRefusedAt(result, "ANT5502", cut - (cut % 5));
      }
    }
  });

  it("never throws on randomly mutated files and always names a byte inside the file", () => {
    const random = seededRandom(5501);
    for (let trial = 0; trial < 300; trial++) {
      const bytes = mutate(sample, random);
      expectWellBehaved(parseNmnist(bytes, FILE), FILE, bytes.length);
    }
  });
});
