// The built-in targets: each loads cleanly, carries the published figures it cites, and maps CUBA
// (or, for TrueNorth, refuses it for the reason the hardware does).
import { describe, expect, it } from "vitest";
import { compileFile, listBuiltinTargets, loadTarget } from "../../src/compiler/index.ts";

const CUBA = "examples/cuba.ant";

describe("built-in targets", () => {
  it("lists the reference chip, Loihi, TrueNorth, SpiNNaker and a SpiNNaker board", () => {
    expect(listBuiltinTargets()).toEqual([
      "ant-ref",
      "loihi",
      "spinnaker",
      "spinnaker-board",
      "truenorth",
    ]);
  });

  it.each(listBuiltinTargets())("loads %s without diagnostics", (name) => {
    const loaded = loadTarget(name);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.target).toBeDefined();
  });

  it("finds a built-in by the name its file declares as well as by its file name", () => {
    expect(loadTarget("ant_ref").target?.name).toBe("ant_ref");
  });

  it("gives Loihi the figures of Davies et al. 2018", () => {
    const loihi = loadTarget("loihi").target!;
    expect(loihi.meshWidth * loihi.meshHeight).toBe(128);
    expect(loihi.core.maxNeurons).toBe(1024);
    expect(loihi.core.synapticMemoryBits).toBe(128 * 1024 * 8);
    expect(loihi.core.maxFanInAxons).toBe(4096);
    expect(loihi.energy.synOpJ).toBeCloseTo(23.6e-12, 20);
    expect(loihi.energy.hopNorthSouthJ).toBeCloseTo(4.0e-12, 20);
    expect(loihi.timing.barrierS).toBeCloseTo(465e-9, 15);
  });

  it("gives TrueNorth 4,096 cores of 256 x 256 with one destination core per neuron", () => {
    const truenorth = loadTarget("truenorth").target!;
    expect(truenorth.meshWidth * truenorth.meshHeight).toBe(4096);
    expect(truenorth.core.maxNeurons).toBe(256);
    expect(truenorth.core.maxFanInAxons).toBe(256);
    expect(truenorth.restrictions.maxDestinationCoresPerNeuron).toBe(1);
    expect(truenorth.restrictions.maxDistinctWeightsPerNeuron).toBe(4);
  });

  it("gives the SpiNNaker board 48 chips of 18 cores", () => {
    const board = loadTarget("spinnaker-board").target!;
    expect(board.chipsX * board.chipsY).toBe(48);
    expect(board.meshWidth * board.meshHeight).toBe(18);
  });

  it.each(["ant-ref", "loihi", "spinnaker", "spinnaker-board"])("compiles CUBA for %s", (name) => {
    const result = compileFile(CUBA, name);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.ir!.neurons.count).toBe(4000);
  });

  it("refuses CUBA on TrueNorth: a neuron there reaches one core, CUBA's reach dozens", () => {
    const result = compileFile(CUBA, "truenorth");

    expect(result.ir).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ANT3405"]);
    expect(result.diagnostics[0]!.message).toMatch(
      /^Population 'exc' neuron \d+ sends spikes to \d+ cores; target 'truenorth' lets a neuron reach at most 1\.$/,
    );
  });
});
