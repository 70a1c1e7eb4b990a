// Placement: the annealer against naive in-order placement on a case whose figures can be worked
// out by hand.
import { describe, expect, it } from "vitest";
import type { ProjectionSpec } from "./helpers.ts";
import { compileProgram } from "../../src/compiler/index.ts";
import { population, program, target } from "./helpers.ts";

/**
 * 1,000 neurons at 63 a core fill 16 cores, so a 4 x 4 mesh. Slice k (neurons 63k to 63k + 54)
 * sends one to one to slice 15 - k. In-order placement puts core k at (k mod 4, k div 4) and its
 * partner at (3 - k mod 4, 3 - k div 4): 6, 4, 4, 6, 4, 2, 2, 4 hops for k = 0..7, mean 4, max 6.
 * A placement that puts each pair side by side needs 1 hop.
 */
function mirrorNetwork() {
  const projections: ProjectionSpec[] = [];
  for (let k = 0; k < 8; k++) {
    const from = 63 * k;
    const to = 63 * (15 - k);
    projections.push({
      name: `pair${k}`,
      pre: "cells",
      post: "cells",
      preRange: [from, from + 55],
      postRange: [to, to + 55],
      connector: { kind: "one_to_one" },
    });
  }
  return program({ populations: [population("cells", 1000)], projections });
}

describe("placement", () => {
  const chip = target({ mesh: [4, 4], core: { maxNeurons: 63 } });
  const result = compileProgram(mirrorNetwork(), chip, { seed: 5 });
  const mapping = result.ir!.mapping;

  it("uses all 16 cores of the 4 x 4 mesh", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(mapping.coresUsed).toBe(16);
  });

  it("reports the in-order placement's hops as worked out by hand", () => {
    expect(mapping.naivePlacement.meanHops).toBeCloseTo(4, 12);
    expect(mapping.naivePlacement.maxHops).toBe(6);
  });

  it("puts every talking pair side by side, one hop apart", () => {
    expect(mapping.placement.meanHops).toBe(1);
    expect(mapping.placement.maxHops).toBe(1);
    // Each link then carries one pair's traffic: 55 neurons at 10 Hz.
    expect(mapping.placement.busiestLinkHz).toBeCloseTo(550, 9);
  });

  it("improves on in-order placement whatever the seed, although no single move goes uphill", () => {
    // In-order placement of mirrored traffic is a local maximum: every move is downhill or flat.
    for (const seed of [1, 2, 9]) {
      const other = compileProgram(mirrorNetwork(), chip, { seed });
      expect(other.ir!.mapping.placement.meanHops).toBeLessThan(2);
    }
  });

  it("estimates the same messages per second whatever the placement", () => {
    // 8 pairs x 55 neurons x 10 Hz (the default rate) leave their core.
    expect(mapping.placement.crossCoreSpikesHz).toBeCloseTo(4400, 9);
    expect(mapping.naivePlacement.crossCoreSpikesHz).toBeCloseTo(4400, 9);
  });

  it("places the same way for the same seed", () => {
    const again = compileProgram(mirrorNetwork(), chip, { seed: 5 });
    expect(again.ir!.cores.map((c) => c.router)).toEqual(result.ir!.cores.map((c) => c.router));
  });
});
