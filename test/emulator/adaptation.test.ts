/**
 * Threshold adaptation is a learning rule: `setLearning(false)` (`--freeze-learning`) stops
 * theta's jump at each spike, as Diehl & Cook freeze it for testing. Checked against the closed
 * form of a driven neuron's spike times, with and without adaptation.
 */
import { describe, expect, it } from "vitest";
import { Emulator } from "../../emulator/api.ts";
import { buildIr } from "../helpers/ir-fixtures.ts";

const MS = 1e9; // picoseconds
const TAU_PS = 20 * MS;
const REFRACTORY_PS = 2 * MS;
const V_REST = -0.065;
const V_THRESH = -0.05;
const V_INF = -0.035; // v_rest + bias * R: 30 mV above rest
const THETA_PLUS = 0.001;

function adaptiveIr() {
  return buildIr({
    models: [
      {
        name: "adaptive",
        kind: "adaptive_lif",
        tauMembranePs: TAU_PS,
        vRestV: V_REST,
        vResetV: V_REST,
        vThreshV: V_THRESH,
        refractoryPs: REFRACTORY_PS,
        biasA: 2e-10,
        rMembraneOhm: (V_INF - V_REST) / 2e-10,
        thetaPlusV: THETA_PLUS,
        tauThetaPs: Infinity,
      },
    ],
    populations: [{ name: "a", size: 1 }],
    placement: [{ population: "a", start: 0, end: 1, coreX: 0, coreY: 0 }],
    synapses: [],
    recordings: [{ kind: "spikes", population: "a" }],
  });
}

/** Time from reset (at rest) to reaching threshold + theta, in closed form. */
function riseS(thetaV: number): number {
  return (TAU_PS / 1e12) * Math.log((V_INF - V_REST) / (V_INF - V_THRESH - thetaV));
}

describe("threshold adaptation and frozen learning", () => {
  it("raises the threshold by theta_plus per spike while learning is on", () => {
    const emulator = new Emulator(adaptiveIr());
    emulator.run(200 * MS);
    const times = emulator.spikes("a").timePs;
    expect(times.length).toBeGreaterThan(3);
    // Spike k (from 0) starts rising with theta = k * theta_plus. Each spike lands on the first
    // whole picosecond at or after its crossing, so spike k may be up to k + 1 ps late.
    let expectedS = riseS(0);
    for (let k = 0; k < times.length; k++) {
      expect(Math.abs(times[k]! / 1e12 - expectedS)).toBeLessThanOrEqual((k + 1) * 1e-12 + 1e-14);
      expectedS += REFRACTORY_PS / 1e12 + riseS((k + 1) * THETA_PLUS);
    }
  });

  it("keeps the threshold fixed while learning is frozen, then adapts again", () => {
    const emulator = new Emulator(adaptiveIr(), { learning: false });
    emulator.run(200 * MS);
    const frozen = emulator.spikes("a").timePs;
    const periodS = REFRACTORY_PS / 1e12 + riseS(0);
    expect(frozen.length).toBe(Math.floor((0.2 - riseS(0)) / periodS) + 1);
    frozen.forEach((t, k) =>
      expect(Math.abs(t / 1e12 - riseS(0) - k * periodS)).toBeLessThanOrEqual(
        (k + 1) * 1e-12 + 1e-14,
      ),
    );

    // Learning back on: the next interval is longer by the first step of adaptation.
    emulator.setLearning(true);
    emulator.clearRecords();
    emulator.run(200 * MS);
    const after = emulator.spikes("a").timePs;
    const last = frozen[frozen.length - 1]!;
    // The spike after `last` still starts from theta = 0; the one after it from theta_plus.
    const i1 = after[1]! - after[0]!;
    expect(Math.abs(after[0]! - last - periodS * 1e12)).toBeLessThanOrEqual(2);
    expect(Math.abs(i1 / 1e12 - REFRACTORY_PS / 1e12 - riseS(THETA_PLUS))).toBeLessThanOrEqual(
      2e-12,
    );
  });
});
