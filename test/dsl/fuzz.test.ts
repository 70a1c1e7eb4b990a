import { describe, expect, it } from "vitest";
import { loadProgramFromText } from "../../dsl/index.ts";
import { fuzzFrontEnd, mutate, seededRandom, seedInputs, truncations } from "./fuzz-core.ts";
import { exampleFiles } from "./helpers.ts";

/** One input may take this long at most; real files check in a few milliseconds. */
const LIMIT_MS = 1000;

describe("the front end under fuzzing", () => {
  const seeds = seedInputs(exampleFiles());

  it("returns diagnostics, never a throw or an internal error, for random and broken input", () => {
    const outcome = fuzzFrontEnd(seeds, 20261204, 150, LIMIT_MS);
    expect(outcome.failures).toEqual([]);
    expect(outcome.cases).toBe(150 * (1 + seeds.length) + 41 * seeds.length);
    expect(outcome.slowestMs).toBeLessThan(LIMIT_MS);
  });

  it("reaches both the parser's and the checker's errors, so the inputs are not all noise", () => {
    const outcome = fuzzFrontEnd(seeds, 7, 30, LIMIT_MS);
    const codes = Object.keys(outcome.codes);
    expect(codes.some((c) => c.startsWith("ANT1"))).toBe(true);
    expect(codes.some((c) => c.startsWith("ANT2"))).toBe(true);
  });

  it("rejects absurd nesting with a syntax error instead of overflowing the stack", () => {
    for (const [open, close] of [
      ["(", ")"],
      ["[", "]"],
      ["-", ""],
    ] as const) {
      const text = `let a = ${open.repeat(5000)}1${close.repeat(5000)}\n`;
      const codes = loadProgramFromText("deep.ant", text).diagnostics.map((d) => d.code);
      expect(codes).toEqual(["ANT1008"]);
    }
  });

  it("still accepts nesting that a person might write", () => {
    const text = `let a = ${"(".repeat(40)}1 ms${")".repeat(40)}\nneuron C = lif { tau_m = a }\n`;
    expect(loadProgramFromText("deep.ant", text).diagnostics).toEqual([]);
  });

  it("cuts a text at both ends: the empty text and the whole text", () => {
    const cuts = truncations("network n", 4);
    expect(cuts[0]).toBe("");
    expect(cuts[4]).toBe("network n");
  });

  it("mutates the same way for the same seed", () => {
    const a = mutate(seededRandom(3), "network n\nseed 1\n");
    const b = mutate(seededRandom(3), "network n\nseed 1\n");
    expect(a).toBe(b);
  });
});
