import { describe, expect, it } from "vitest";
import { parseCsvSpikes } from "../../../emulator/io/events/csv-spikes.ts";
import { parseSecondsToPs, formatPsAsSeconds } from "../../../emulator/io/time-text.ts";
import { ascii, mutate, seededRandom } from "./helpers/encoders.ts";
import { expectRefusedAt } from "./helpers/expect-refusal.ts";

const FILE = "spikes.csv";
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("the CSV spike reader", () => {
  it("reads 'neuron,time_s' rows after an optional header and '#' comments", () => {
    const csv = "# recorded by hand\nneuron,time_s\n3,0.001\n\n0,0.0025\r\n7,1e-3\n";
    const { spikes, diagnostics } = parseCsvSpikes(text(csv), FILE);
    expect(diagnostics).toEqual([]);
    expect(Array.from(spikes!.neuron)).toEqual([3, 7, 0]);
    expect(Array.from(spikes!.timePs)).toEqual([1e9, 1e9, 2.5e9]);
  });

  it("sorts rows by time and keeps file order among equal times", () => {
    const csv = "5,0.2\n1,0.1\n4,0.2\n2,0.1\n";
    const { spikes } = parseCsvSpikes(text(csv), FILE);
    expect(Array.from(spikes!.neuron)).toEqual([1, 2, 5, 4]);
  });

  it("converts decimal seconds to picoseconds exactly, without float rounding", () => {
    expect(parseSecondsToPs("0.001")).toBe(1_000_000_000);
    expect(parseSecondsToPs("0.1")).toBe(100_000_000_000);
    expect(parseSecondsToPs("123.456789012345")).toBe(123_456_789_012_345);
    expect(parseSecondsToPs("1.5e-12")).toBe(2);
    expect(parseSecondsToPs("-1")).toBeUndefined();
    expect(parseSecondsToPs("9008")).toBeUndefined();
    expect(formatPsAsSeconds(123_456_789_012_345)).toBe("123.456789012345");
    expect(formatPsAsSeconds(1_500_000_000)).toBe("0.0015");
  });

  it("reports every bad line with its number and byte offset, up to a limit", () => {
    const csv = "neuron,time_s\n1,0.5\nx,0.1\n2,soon\n3\n4,-0.2\n";
    const { spikes, diagnostics } = parseCsvSpikes(text(csv), FILE);
    expect(spikes).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.bytes?.byteOffset])).toEqual([
      ["ANT5511", 20],
      ["ANT5511", 26],
      ["ANT5513", 33],
      ["ANT5511", 35],
    ]);
    expect(diagnostics[0]!.message).toBe(
      "Line 3: 'x' is not a neuron index (a whole number from 0 to 4294967295).",
    );
    const many = "0,bad\n".repeat(50);
    expect(parseCsvSpikes(text(many), FILE).diagnostics.length).toBe(10);
  });

  it("refuses a header other than 'neuron,time_s'", () => {
    expectRefusedAt(parseCsvSpikes(text("# c\ntime,neuron\n"), FILE), "ANT5512", 4);
  });

  it("counts byte offsets in UTF-8 bytes, not characters", () => {
    const csv = "# µs are not used here\nneuron,time_s\n1,zz\n";
    const { diagnostics } = parseCsvSpikes(text(csv), FILE);
    expect(diagnostics[0]!.bytes!.byteOffset).toBe(
      ascii("# .s are not used here\nneuron,time_s\n").length + 1,
    );
  });

  it("refuses a neuron beyond the input's size", () => {
    const result = parseCsvSpikes(text("0,0\n9,0\n"), FILE, { input: { name: "retina", size: 9 } });
    expectRefusedAt(result, "ANT5515", 4);
    expect(result.diagnostics[0]!.message).toContain("input 'retina' has 9 neurons");
  });

  it("never throws on randomly mutated text", () => {
    const random = seededRandom(5504);
    const base = text("neuron,time_s\n1,0.5\n2,0.25\n# end\n");
    for (let trial = 0; trial < 300; trial++) {
      const result = parseCsvSpikes(mutate(base, random), FILE);
      expect(result.spikes !== undefined || result.diagnostics.length > 0).toBe(true);
    }
  });
});
