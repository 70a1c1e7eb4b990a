// The hand-built fixture IRs other tests rely on, checked against counts and routes worked out
// by hand from the fixture descriptions.
import { describe, expect, it } from "vitest";
import { Port } from "../../src/ir/types.ts";
import { buildIr, multiChipIr, smallNetworkIr } from "../helpers/ir-fixtures.ts";

describe("buildIr", () => {
  it("numbers neurons core by core, slices in placement order within a core", () => {
    const ir = smallNetworkIr();

    expect(ir.cores.map((c) => [c.x, c.y, c.neuronStart, c.neuronCount])).toEqual([
      [0, 0, 0, 4],
      [1, 0, 4, 5],
      [3, 2, 9, 3],
    ]);
    expect(ir.slices.map((s) => [s.population, s.start, s.end, s.core, s.neuronStart])).toEqual([
      [0, 0, 4, 0, 0],
      [1, 0, 3, 1, 4],
      [2, 0, 2, 1, 7],
      [1, 3, 6, 2, 9],
    ]);
  });

  it("stores one fan-out entry per source, destination core and projection", () => {
    // Input 0 reaches exc 0, 2 (core 1) and 4 (core 2): two entries, two synapses then one.
    const { synapses } = smallNetworkIr();

    expect([...synapses.fanOutStart.subarray(0, 2)]).toEqual([0, 2]);
    expect([...synapses.fanOutCore.subarray(0, 2)]).toEqual([1, 2]);
    expect([...synapses.synStart.subarray(0, 3)]).toEqual([0, 2, 3]);
    // Hardware ids 4, 6 and 10 as slots: core 1 starts at id 4, core 2 at id 9.
    expect([...synapses.targetSlot.subarray(0, 3)]).toEqual([0, 2, 1]);
  });

  it("routes X first then Y, forking where destinations part", () => {
    // From (0,0) to cores (1,0) and (3,2): east three times, then south twice.
    const { routes } = smallNetworkIr();
    const first = routes.nodeStart[0]!;
    const end = routes.nodeStart[1]!;

    expect([...routes.nodeRouter.subarray(first, end)]).toEqual([0, 1, 2, 3, 7, 11]);
    expect([...routes.nodePorts.subarray(first, end)]).toEqual([
      Port.East,
      Port.East | Port.Local,
      Port.East,
      Port.South,
      Port.South,
      Port.Local,
    ]);
    expect([...routes.nodeParent.subarray(first, end)]).toEqual([-1, 0, 1, 2, 3, 4]);
  });

  it("quantises weights to the projection's LSB and reports the rounding error", () => {
    const ir = buildIr({
      populations: [
        { name: "a", size: 1 },
        { name: "b", size: 2 },
      ],
      synapses: [
        { pre: ["a", 0], post: ["b", 0], weightV: 255e-6, delayS: 1e-3 },
        { pre: ["a", 0], post: ["b", 1], weightV: 100.4e-6, delayS: 3e-3 },
      ],
    });
    const [projection] = ir.projections;

    expect(projection!.weightLsbV).toBeCloseTo(1e-6, 15);
    expect([...ir.synapses.weight]).toEqual([255, 100]);
    expect([...ir.synapses.delay]).toEqual([1, 3]);
    expect(projection!.quantisation.maxRelativeError).toBeCloseTo(0.4 / 100.4, 9);
  });

  it("counts a link crossing between chips in the mapping report", () => {
    // Three inputs at 10 Hz; each tree crosses the chip boundary once east and once south.
    expect(multiChipIr().mapping.placement.chipCrossingsHz).toBe(60);
  });

  it("refuses a neuron that is placed twice", () => {
    expect(() =>
      buildIr({
        populations: [{ name: "a", size: 2 }],
        placement: [
          { population: "a", start: 0, end: 2, coreX: 0, coreY: 0 },
          { population: "a", start: 1, end: 2, coreX: 1, coreY: 0 },
        ],
      }),
    ).toThrow(/placed twice/);
  });
});
