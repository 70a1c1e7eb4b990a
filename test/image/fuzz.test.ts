// A short seeded fuzz run over mutated images; bench/fuzz-image.ts runs the same for longer.
import { describe, expect, it } from "vitest";
import { writeImage } from "../../src/image/index.ts";
import { allFixtureIrs } from "../helpers/ir-fixtures.ts";
import { pausedFixtureIrs } from "../helpers/paused-irs.ts";
import { fuzzImages } from "./fuzz-core.ts";

describe("the image reader under random mutation", () => {
  it("answers every mutated image with an IR or one clear diagnostic, never a throw or a hang", () => {
    // Paused runs too, so mutations reach the run state section's directory and arrays.
    const originals = [...allFixtureIrs(), ...pausedFixtureIrs()].map(({ ir }) => writeImage(ir));
    const outcome = fuzzImages(originals, 20261203, 3000, 4000);

    expect(outcome.failures).toEqual([]);
    expect(outcome.cases).toBeGreaterThan(300);
    expect(outcome.slowestReadMs).toBeLessThan(500);
    // The checksum-preserving mutations reach the deeper checks, not only the CRC.
    expect(Object.keys(outcome.codes).length).toBeGreaterThan(10);
  });
});
