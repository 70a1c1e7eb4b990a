import { describe, expect, it } from "vitest";
import {
  advance,
  fire,
  nextCrossingPs,
  NeuronState,
  prepareModels,
} from "../../../emulator/neuron/index.ts";
import type { IrModel } from "../../../src/ir/types.ts";
import {
  bruteForceCrossingPs,
  cubaModel,
  PS_PER_MS,
  referenceV,
  seededRandom,
  type Start,
} from "./reference.ts";

function stateAt(start: Start): NeuronState {
  const s = new NeuronState(1);
  s.v[0] = start.v;
  s.gExc[0] = start.gExc;
  s.gInh[0] = start.gInh;
  s.theta[0] = start.theta ?? 0;
  return s;
}

/** Peak of V - vRest after an excitatory jump g at rest, no bias (two-exponential response). */
function peakAboveRest(model: IrModel, g: number): { tPs: number; heightV: number } {
  const rate = 1 / model.tauExcPs - 1 / model.tauMembranePs;
  const tPs = Math.log(model.tauMembranePs / model.tauExcPs) / rate;
  const heightV = referenceV(model, { v: model.vRestV, gExc: g, gInh: 0 }, tPs) - model.vRestV;
  return { tPs, heightV };
}

describe("nextCrossingPs with a constant bias", () => {
  // vInf = -65 mV + 1e8 ohm * 0.2 nA = -45 mV, above the -50 mV threshold.
  const model = cubaModel({ vRestV: -0.065, vResetV: -0.065, biasA: 2e-10, refractoryPs: 2e9 });
  const table = prepareModels([model]);
  const periodPs = 2e9 + 20e9 * Math.log((-0.045 + 0.065) / (-0.045 + 0.05));

  it("fires each spike one period after the last, to the picosecond, over many spikes", () => {
    const s = stateAt({ v: -0.065, gExc: 0, gInh: 0 });
    fire(s, 0, 0, table);
    let previous = 0;
    for (let spike = 1; spike <= 1000; spike++) {
      const t = nextCrossingPs(s, 0, Infinity, table);
      // The spike is the first integer picosecond at or after the exact crossing.
      expect(t - previous).toBe(Math.ceil(periodPs));
      fire(s, 0, t, table);
      previous = t;
    }
    const rateHz = 1000 / (previous * 1e-12);
    expect(Math.abs(rateHz * (periodPs * 1e-12) - 1)).toBeLessThan(1e-9);
  });

  it("finds the closed-form first crossing from any starting voltage", () => {
    for (const v0 of [-0.07, -0.06, -0.0501, -0.050000001]) {
      const s = stateAt({ v: v0, gExc: 0, gInh: 0 });
      const exact = 20e9 * Math.log((-0.045 - v0) / (-0.045 + 0.05));
      expect(nextCrossingPs(s, 0, Infinity, table)).toBe(Math.ceil(exact));
    }
  });

  it("returns the current time when V is already at threshold", () => {
    const s = stateAt({ v: -0.05, gExc: 0, gInh: 0 });
    s.lastPs[0] = 1234;
    expect(nextCrossingPs(s, 0, Infinity, table)).toBe(1234);
  });

  it("returns Infinity when the crossing lies beyond the limit", () => {
    const s = stateAt({ v: -0.065, gExc: 0, gInh: 0 });
    const exact = Math.ceil(20e9 * Math.log(4));
    expect(nextCrossingPs(s, 0, exact - 1, table)).toBe(Infinity);
    expect(nextCrossingPs(s, 0, exact, table)).toBe(exact);
  });

  it("never fires when vInf stays below threshold", () => {
    const quiet = prepareModels([cubaModel({ vRestV: -0.065, biasA: 1e-10 })]);
    const s = stateAt({ v: -0.06, gExc: 0, gInh: 0 });
    expect(nextCrossingPs(s, 0, Infinity, quiet)).toBe(Infinity);
  });
});

describe("nextCrossingPs with a rising synaptic current and no bias", () => {
  const model = cubaModel({ vRestV: -0.065 });
  const table = prepareModels([model]);
  const unit = peakAboveRest(model, 1);
  const gToReach = (0.015 / unit.heightV) * 1; // the jump whose peak touches -50 mV exactly

  it("matches a brute-force scan of the reference trajectory", () => {
    for (const factor of [1.01, 1.2, 2, 5]) {
      const start = { v: -0.065, gExc: gToReach * factor, gInh: 0 };
      const expected = bruteForceCrossingPs(model, start, 60 * PS_PER_MS, 1e6);
      expect(expected).toBeLessThan(Infinity);
      expect(nextCrossingPs(stateAt(start), 0, Infinity, table)).toBe(expected);
    }
  });

  it("returns Infinity when the maximum is a picovolt below threshold", () => {
    // Threshold just above the peak: the trajectory rises, turns, and decays back to rest.
    const peakV = -0.065 + gToReach * unit.heightV;
    const below = prepareModels([cubaModel({ vRestV: -0.065, vThreshV: peakV + 1e-12 })]);
    expect(
      nextCrossingPs(stateAt({ v: -0.065, gExc: gToReach, gInh: 0 }), 0, Infinity, below),
    ).toBe(Infinity);
  });

  it("finds the crossing when the maximum is a picovolt above threshold", () => {
    // The excursion above threshold lasts well under a microsecond; a sampled search misses it.
    const peakV = -0.065 + gToReach * unit.heightV;
    const thinModel = cubaModel({ vRestV: -0.065, vThreshV: peakV - 1e-12 });
    const start = { v: -0.065, gExc: gToReach, gInh: 0 };
    const t = nextCrossingPs(stateAt(start), 0, Infinity, prepareModels([thinModel]));
    expect(Math.abs(t - unit.tPs)).toBeLessThan(1e6);
    expect(referenceV(thinModel, start, t)).toBeGreaterThanOrEqual(thinModel.vThreshV - 1e-16);
    expect(referenceV(thinModel, start, t - 1)).toBeLessThan(thinModel.vThreshV + 1e-16);
  });
});

describe("nextCrossingPs against a brute-force scan on random states", () => {
  const cases: [string, IrModel][] = [
    ["CUBA (vInf above threshold)", cubaModel()],
    ["CUBA with tauExc == tauM", cubaModel({ tauExcPs: 20 * PS_PER_MS })],
    ["a leaky neuron below threshold at rest", cubaModel({ vRestV: -0.065, biasA: 1e-10 })],
    ["an `if` neuron with a negative drift", cubaModel({ kind: "if", biasA: -2e-11 })],
    [
      "an adaptive neuron with a decaying threshold",
      cubaModel({ kind: "adaptive_lif", vRestV: -0.065, biasA: 1.5e-10, tauThetaPs: 15e9 }),
    ],
  ];
  for (const [name, model] of cases) {
    it(`agrees for ${name}`, () => {
      const table = prepareModels([model]);
      const random = seededRandom(name.length);
      let crossings = 0;
      for (let trial = 0; trial < 40; trial++) {
        const start: Start = {
          v: -0.065 + 0.0149 * random(),
          gExc: 0.05 * random(),
          gInh: random() < 0.5 ? -0.03 * random() * random() : 0,
          theta: model.kind === "adaptive_lif" ? 0.01 * random() : 0,
        };
        const expected = bruteForceCrossingPs(model, start, 100 * PS_PER_MS, 2e6);
        expect(nextCrossingPs(stateAt(start), 0, 100 * PS_PER_MS, table)).toBe(expected);
        if (expected !== Infinity) crossings++;
      }
      expect(crossings).toBeGreaterThan(3);
    });
  }
});

describe("nextCrossingPs during a refractory period", () => {
  it("does not fire before the period ends, and fires at its end when V is held above", () => {
    const model = cubaModel({ resetMode: "subtract", vResetV: -0.0502 });
    const table = prepareModels([model]);
    const s = stateAt({ v: -0.0498, gExc: 0, gInh: 0 });
    fire(s, 0, 0, table);
    // -49.8 mV minus 0.2 mV is exactly threshold: held there, it fires when the period ends.
    expect(nextCrossingPs(s, 0, Infinity, table)).toBe(5 * PS_PER_MS);
  });

  it("predicts from the end of the period with the synaptic variables decayed meanwhile", () => {
    const model = cubaModel();
    const table = prepareModels([model]);
    const s = stateAt({ v: -0.05, gExc: 0, gInh: 0 });
    fire(s, 0, 0, table);
    advance(s, 0, 1 * PS_PER_MS, table);
    s.gExc[0]! += 0.02;
    const atEnd: Start = { v: -0.06, gExc: 0.02 * Math.exp(-4 / 5), gInh: 0 };
    const expected = bruteForceCrossingPs(model, atEnd, 100 * PS_PER_MS, 1e6);
    expect(nextCrossingPs(s, 0, Infinity, table)).toBe(5 * PS_PER_MS + expected);
  });
});
