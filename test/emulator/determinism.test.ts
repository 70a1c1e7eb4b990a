import { describe, expect, it } from "vitest";
import { Emulator } from "../../emulator/api.ts";
import { smallNetworkIr } from "../helpers/ir-fixtures.ts";

const S = 1e12;

function summary(emulator: Emulator): string {
  const spikes = ["in", "exc", "inh"].map((p) => {
    const s = emulator.spikes(p);
    return [Array.from(s.neuron), Array.from(s.timePs)];
  });
  return JSON.stringify({ spikes, report: emulator.report(), traces: emulator.voltageTraces() });
}

describe("determinism", () => {
  it("gives bit-identical spikes, traces and reports for the same image and seed", () => {
    const a = new Emulator(smallNetworkIr(), { recordAll: true });
    const b = new Emulator(smallNetworkIr(), { recordAll: true });
    a.run(1 * S);
    b.run(1 * S);
    expect(summary(a)).toBe(summary(b));
  });

  it("gives the same spikes whether a run is done in one piece or in several", () => {
    const whole = new Emulator(smallNetworkIr(), { recordAll: true });
    whole.run(1 * S);
    const parts = new Emulator(smallNetworkIr(), { recordAll: true });
    parts.run(0.25 * S);
    parts.run(0.5 * S);
    parts.run(0.25 * S);
    for (const p of ["in", "exc", "inh"]) {
      expect(Array.from(parts.spikes(p).timePs)).toEqual(Array.from(whole.spikes(p).timePs));
      expect(Array.from(parts.spikes(p).neuron)).toEqual(Array.from(whole.spikes(p).neuron));
    }
  });

  it("does not change a run by reading voltages in the middle of it", () => {
    const quiet = new Emulator(smallNetworkIr(), { recordAll: true });
    quiet.run(1 * S);
    const probed = new Emulator(smallNetworkIr(), { recordAll: true });
    for (let k = 0; k < 10; k++) {
      probed.run(0.1 * S);
      for (let i = 0; i < 6; i++) probed.voltage("exc", i);
    }
    expect(Array.from(probed.spikes("exc").timePs)).toEqual(Array.from(quiet.spikes("exc").timePs));
  });
});
