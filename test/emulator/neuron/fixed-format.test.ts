import { describe, expect, it } from "vitest";
import {
  chooseFormat,
  mulRound,
  roundNearest,
  saturate,
} from "../../../emulator/neuron/fixed-format.ts";

describe("fixed-point rounding", () => {
  it("rounds to nearest with ties away from zero, symmetrically for negative values", () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5].map(roundNearest)).toEqual([1, 2, 3, -1, -2, -3]);
    expect([0.49, -0.49, 1.51, -1.51].map(roundNearest)).toEqual([0, -0, 2, -2]);
  });

  it("multiplies a state by a Q-format factor and rounds the product once", () => {
    const f = chooseFormat(16, 12);
    const half = f.scale / 2;
    expect(mulRound(3, half, f.invScale)).toBe(2); // 1.5 rounds up
    expect(mulRound(-3, half, f.invScale)).toBe(-2);
    expect(mulRound(1000, f.scale, f.invScale)).toBe(1000);
  });

  it("saturates at the ends of the range", () => {
    const f = chooseFormat(8, 8);
    expect(saturate(500, f.stateMin, f.stateMax)).toBe(127);
    expect(saturate(-500, f.stateMin, f.stateMax)).toBe(-128);
  });
});

describe("chooseFormat", () => {
  it("widens the target's decay factor to two bits beyond the state width", () => {
    expect(chooseFormat(24, 12).fractionBits).toBe(26);
    expect(chooseFormat(16, 12).fractionBits).toBe(18);
    expect(chooseFormat(8, 16).fractionBits).toBe(16);
  });

  it("keeps state plus fraction bits within 50 so every product is an exact float64", () => {
    expect(chooseFormat(32, 12).fractionBits).toBe(18);
    expect(chooseFormat(40, 12).fractionBits).toBe(10);
  });

  it("accepts an explicit fraction width and rejects one that does not fit", () => {
    expect(chooseFormat(24, 12, 12).fractionBits).toBe(12);
    expect(() => chooseFormat(24, 12, 30)).toThrow(RangeError);
  });

  it("rejects a state width it cannot represent exactly", () => {
    expect(() => chooseFormat(48, 12)).toThrow(/48 bits/);
    expect(() => chooseFormat(1, 12)).toThrow(RangeError);
  });
});
