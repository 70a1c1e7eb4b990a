import { describe, expect, it } from "vitest";
import { crossingBoundPs, nextCrossingPs } from "../../../emulator/neuron/float-dynamics.ts";
import { NeuronState, prepareModels } from "../../../emulator/neuron/index.ts";
import type { IrModel } from "../../../src/ir/types.ts";
import { cubaModel, PS_PER_MS, seededRandom } from "./reference.ts";

const MODELS: IrModel[] = [
  cubaModel(),
  cubaModel({ name: "below", vRestV: -0.065 }),
  cubaModel({ name: "equal-tau", tauExcPs: 20 * PS_PER_MS, tauInhPs: 20 * PS_PER_MS }),
  cubaModel({ name: "slow-syn", tauExcPs: 40 * PS_PER_MS, vRestV: -0.06 }),
  cubaModel({ name: "if", kind: "if", vRestV: 0, biasA: 1e-11 }),
  cubaModel({ name: "if-down", kind: "if", vRestV: 0, biasA: -1e-11 }),
  cubaModel({
    name: "adaptive",
    kind: "adaptive_lif",
    vRestV: -0.065,
    thetaPlusV: 0.002,
    tauThetaPs: 50 * PS_PER_MS,
  }),
];

describe("crossingBoundPs", () => {
  const table = prepareModels(MODELS);
  const random = seededRandom(7);

  it("is never later than the exact crossing, on random states of every kind", () => {
    const s = new NeuronState(1);
    let bounded = 0;
    for (let trial = 0; trial < 4000; trial++) {
      const k = trial % MODELS.length;
      s.model[0] = k;
      s.v[0] = -0.07 + 0.0199 * random();
      s.gExc[0] = random() < 0.2 ? 0 : 0.03 * random() - 0.005;
      s.gInh[0] = random() < 0.3 ? 0 : -0.03 * random();
      s.theta[0] = MODELS[k]!.kind === "adaptive_lif" ? 0.01 * random() - 0.001 : 0;
      s.lastPs[0] = Math.floor(1e9 * random());
      s.refractoryUntilPs[0] = random() < 0.3 ? s.lastPs[0] + Math.floor(5e9 * random()) : 0;
      const limitPs = random() < 0.5 ? Infinity : s.lastPs[0] + Math.floor(100e9 * random());

      const exactPs = nextCrossingPs(s, 0, limitPs, table);
      const boundPs = crossingBoundPs(s, 0, limitPs, table);
      expect(boundPs).toBeLessThanOrEqual(exactPs);
      if (boundPs === Infinity) expect(exactPs).toBe(Infinity);
      if (boundPs > s.lastPs[0]! && exactPs !== Infinity) bounded++;
    }
    // The bound is useful: it lies after the start for most states that do cross.
    expect(bounded).toBeGreaterThan(500);
  });

  it("rules out any crossing when even the saturated inputs stay below threshold", () => {
    // "below" rests 15 mV under threshold: 20 mV of excitation decays with tau_exc = 5 ms against
    // tau_m = 20 ms, so it can add at most 5 mV; the linear bound alone would give a finite time.
    const s = new NeuronState(1);
    s.model[0] = 1;
    s.v[0] = -0.06;
    s.gExc[0] = 0.02;
    expect(nextCrossingPs(s, 0, Infinity, table)).toBe(Infinity);
    expect(crossingBoundPs(s, 0, Infinity, table)).toBe(Infinity);
    // 80 mV of excitation peaks near 12.6 mV (at 9.2 ms) and crosses; the bound stays sound.
    s.gExc[0] = 0.08;
    const exactPs = nextCrossingPs(s, 0, Infinity, table);
    expect(exactPs).toBeLessThan(Infinity);
    expect(crossingBoundPs(s, 0, Infinity, table)).toBeLessThanOrEqual(exactPs);
  });

  it("follows the exponential approach near threshold, where the linear bound is early", () => {
    // CUBA's drive alone (v_inf = -49 mV) from -50.1 mV crosses -50 mV at 20 ms * ln(1.1) =
    // 1.906 ms; the linear bound alone would say 0.1 / 1.1 * 20 ms = 1.818 ms, 88 us early.
    const s = new NeuronState(1);
    s.v[0] = -0.0501;
    const exactPs = nextCrossingPs(s, 0, Infinity, table);
    expect(Math.abs(exactPs - 20e9 * Math.log(1.1))).toBeLessThan(2);
    const boundPs = crossingBoundPs(s, 0, Infinity, table);
    expect(boundPs).toBeLessThanOrEqual(exactPs);
    expect(exactPs - boundPs).toBeLessThan(1e3);
  });

  it("is tight at a voltage just below threshold with a strong excitatory input", () => {
    const s = new NeuronState(1);
    s.v[0] = -0.0500001;
    s.gExc[0] = 0.02;
    const exactPs = nextCrossingPs(s, 0, Infinity, table);
    const boundPs = crossingBoundPs(s, 0, Infinity, table);
    expect(boundPs).toBeLessThanOrEqual(exactPs);
    expect(exactPs - boundPs).toBeLessThan(1e6);
  });
});
