// Issue 3 (compiling 1M neurons): the shortcuts that keep routing and placement quality linear in
// the destinations must agree with the explicit XY trees, and a network whose routes do not fit
// the memory budget is refused with a diagnostic before the route arrays are allocated.
import { describe, expect, it } from "vitest";
import { compileProgram } from "../../src/compiler/index.ts";
import { Rng } from "../../src/compiler/random.ts";
import {
  buildXYTree,
  columnScratch,
  countXYTreeNodes,
  treeBuffer,
} from "../../src/compiler/route/xy-tree.ts";
import { population, program, target } from "./helpers.ts";

describe("route trees at scale", () => {
  it("counts exactly the nodes that the tree builder makes", () => {
    const width = 24;
    const height = 17;
    const scratch = columnScratch(width, height);
    const tree = treeBuffer(width * height);
    const destX = new Int32Array(width * height);
    const destY = new Int32Array(width * height);
    const rng = new Rng(3);
    for (let trial = 0; trial < 500; trial++) {
      const sx = rng.nextInt(width);
      const sy = rng.nextInt(height);
      const count = rng.nextInt(40);
      for (let i = 0; i < count; i++) {
        destX[i] = rng.nextInt(width);
        destY[i] = rng.nextInt(height);
      }
      const counted = countXYTreeNodes(sx, sy, destX, destY, count, scratch);
      buildXYTree(tree, sx, sy, destX, destY, count, scratch);
      expect(counted).toBe(tree.count);
    }
  });

  it("refuses a network whose multicast routes exceed the memory budget, before routing", () => {
    const random = { kind: "fixed_fan_in", n: 20, allowSelf: false, seed: 7 } as const;
    const compile = (memoryBudgetBytes: number) =>
      compileProgram(
        program({
          populations: [population("cells", 400)],
          projections: [{ pre: "cells", post: "cells", connector: random }],
        }),
        target({ mesh: [8, 8], core: { maxNeurons: 10 } }),
        { memoryBudgetBytes },
      );
    expect(compile(64 * 1024 ** 2).diagnostics.filter((d) => d.severity === "error")).toEqual([]);

    // Enough for the synapses and fan-out entries (about 150 KB), not for a tree per neuron.
    const refused = compile(200_000);
    expect(refused.ir).toBeUndefined();
    expect(refused.diagnostics.map((d) => d.code)).toEqual(["ANT3602"]);
    expect(refused.diagnostics[0]!.message).toMatch(/^The multicast routes need about /);
  });
});
