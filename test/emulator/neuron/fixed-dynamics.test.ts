import { describe, expect, it } from "vitest";
import {
  addInputFixed,
  advanceFixed,
  fireFixed,
  nextCrossingFixedPs,
} from "../../../emulator/neuron/fixed-dynamics.ts";
import { roundNearest } from "../../../emulator/neuron/fixed-format.ts";
import { prepareFixedTables, type FixedTables } from "../../../emulator/neuron/fixed-table.ts";
import { NeuronState } from "../../../emulator/neuron/state.ts";
import type { IrModel } from "../../../src/ir/types.ts";
import { cubaModel, PS_PER_MS, referenceV, seededRandom } from "./reference.ts";

/** The compiler's scaling (src/compiler/quantise/state.ts) for the CUBA voltages: 0.13 V span. */
function lsbFor(stateBits: number): number {
  return 0.13 / 2 ** (stateBits - 1);
}

function setUp(model: IrModel, stateBits: number): { t: FixedTables; lsb: number } {
  const lsb = lsbFor(stateBits);
  const t = prepareFixedTables([{ ...model, stateLsbV: lsb }], stateBits, 12);
  return { t, lsb };
}

function neuron(v: number, gExc = 0, gInh = 0): NeuronState {
  const s = new NeuronState(1);
  s.v[0] = v;
  s.gExc[0] = gExc;
  s.gInh[0] = gInh;
  return s;
}

function popcount(n: number): number {
  let count = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) count += x % 2;
  return count;
}

/**
 * docs/fixed-point.md, "Error bounds": without synaptic input, one advance over dt with p set
 * bits is within 0.5 (vInf's rounding) + p * (0.5 + 2^(B-F-1)) LSB of the exact closed form.
 */
function biasBoundLsb(t: FixedTables, p: number): number {
  const { stateBits, fractionBits } = t.format;
  return 0.5 + p * (0.5 + 2 ** (stateBits - fractionBits - 1));
}

/** The same with synaptic variables: p * cU + p * (p - 1) * cG, plus vInf's half LSB. */
function synapticBoundLsb(t: FixedTables, p: number): number {
  const { stateBits, fractionBits } = t.format;
  const cU = 1.5 + 3 * 2 ** (stateBits - fractionBits - 1);
  const cG = 0.5 + 2 ** (stateBits - fractionBits - 2);
  return 0.5 + p * cU + p * (p - 1) * cG;
}

describe("fixed-mode advance against the float closed form", () => {
  // vInf = -49 mV + 1e8 ohm * 0.1 nA = -39 mV: above threshold, but nothing fires here.
  const charging = cubaModel({ biasA: 1e-10 });

  for (const stateBits of [12, 16, 24]) {
    it(`charges a ${stateBits}-bit neuron with only a bias current to within the bound`, () => {
      const { t, lsb } = setUp(charging, stateBits);
      const random = seededRandom(stateBits);
      let worst = 0;
      for (let trial = 0; trial < 200; trial++) {
        const v0 = roundNearest((-0.06 + 0.03 * random()) / lsb);
        const dt = Math.floor(random() * 2 ** (20 + Math.floor(random() * 17)));
        const s = neuron(v0);
        advanceFixed(s, 0, dt, t);
        const truth = referenceV(charging, { v: v0 * lsb, gExc: 0, gInh: 0 }, dt);
        const errorLsb = Math.abs(s.v[0]! * lsb - truth) / lsb;
        expect(errorLsb).toBeLessThanOrEqual(biasBoundLsb(t, popcount(dt)));
        worst = Math.max(worst, errorLsb);
      }
      // The bound is a worst case; the rounding errors mostly cancel.
      expect(worst).toBeLessThan(8);
    });
  }

  it("decays towards rest from above with the same bound", () => {
    const { t, lsb } = setUp(cubaModel(), 16);
    const v0 = roundNearest(-0.02 / lsb);
    for (const dt of [1, 777, 2 ** 30 - 1, 3e9, 20 * PS_PER_MS, 123_456_789_012]) {
      const s = neuron(v0);
      advanceFixed(s, 0, dt, t);
      const truth = referenceV(cubaModel(), { v: v0 * lsb, gExc: 0, gInh: 0 }, dt);
      expect(Math.abs(s.v[0]! * lsb - truth) / lsb).toBeLessThanOrEqual(
        biasBoundLsb(t, popcount(dt)),
      );
    }
  });

  for (const tauExcPs of [5 * PS_PER_MS, 20 * PS_PER_MS, 40 * PS_PER_MS]) {
    it(`follows synaptic input with tauExc = ${tauExcPs / PS_PER_MS} ms within the bound`, () => {
      const model = cubaModel({ tauExcPs });
      const { t, lsb } = setUp(model, 16);
      const random = seededRandom(tauExcPs);
      for (let trial = 0; trial < 100; trial++) {
        const v0 = roundNearest((-0.06 + 0.01 * random()) / lsb);
        const gExc = roundNearest((0.02 * random()) / lsb);
        const gInh = roundNearest((-0.02 * random()) / lsb);
        const dt = Math.floor(random() * 2 ** 36);
        const s = neuron(v0, gExc, gInh);
        advanceFixed(s, 0, dt, t);
        const start = { v: v0 * lsb, gExc: gExc * lsb, gInh: gInh * lsb };
        const truth = referenceV(model, start, dt);
        expect(Math.abs(s.v[0]! * lsb - truth) / lsb).toBeLessThanOrEqual(
          synapticBoundLsb(t, popcount(dt)),
        );
        const gTruth = gExc * Math.exp(-dt / tauExcPs);
        expect(Math.abs(s.gExc[0]! - gTruth)).toBeLessThanOrEqual(popcount(dt) * 0.75);
      }
    });
  }
});

describe("the width of the decay factors", () => {
  it("would never charge a 24-bit neuron between frequent events with 12-bit factors", () => {
    const model = cubaModel({ biasA: 1e-10 });
    const lsb = lsbFor(24);
    const literal = prepareFixedTables([{ ...model, stateLsbV: lsb }], 24, 12, 12);
    const widened = prepareFixedTables([{ ...model, stateLsbV: lsb }], 24, 12);
    const v0 = roundNearest(-0.06 / lsb);
    const a = neuron(v0);
    const b = neuron(v0);
    // Events 2^20 - 1 ps apart: every set bit's factor rounds to exactly 1 in 12 bits.
    const gapPs = 2 ** 20 - 1;
    const events = 100;
    for (let k = 1; k <= events; k++) {
      advanceFixed(a, 0, k * gapPs, literal);
      advanceFixed(b, 0, k * gapPs, widened);
    }
    const truth = referenceV(model, { v: v0 * lsb, gExc: 0, gInh: 0 }, events * gapPs) / lsb;
    expect(truth - v0).toBeGreaterThan(5000);
    expect(a.v[0]).toBe(v0);
    // Each advance adds at most its own bound; the errors before it only shrink.
    expect(Math.abs(b.v[0]! - truth)).toBeLessThanOrEqual(events * biasBoundLsb(widened, 20));
  });
});

describe("fixed-mode advance of the non-leaky `if` kind", () => {
  it("integrates drift and synaptic input to within the bound plus the drift's rounding", () => {
    const model = cubaModel({ kind: "if", biasA: 1e-11, vThreshV: 0.05 });
    const { t, lsb } = setUp(model, 16);
    const random = seededRandom(11);
    for (let trial = 0; trial < 100; trial++) {
      const v0 = roundNearest((-0.06 + 0.02 * random()) / lsb);
      const gExc = roundNearest((0.01 * random()) / lsb);
      const dt = Math.floor(random() * 2 ** 33);
      const s = neuron(v0, gExc, 0);
      advanceFixed(s, 0, dt, t);
      const truth = referenceV(model, { v: v0 * lsb, gExc: gExc * lsb, gInh: 0 }, dt);
      expect(Math.abs(s.v[0]! * lsb - truth) / lsb).toBeLessThanOrEqual(
        0.5 + synapticBoundLsb(t, popcount(dt)),
      );
    }
  });
});

describe("fixed-mode decay over a split interval", () => {
  it("matches one advance over dt1 + dt2 within (p + p1 + p2) * (0.5 + 2^(B-F-1)) LSB", () => {
    const model = cubaModel({ biasA: 1e-10 });
    const { t, lsb } = setUp(model, 16);
    const random = seededRandom(99);
    const perBit = 0.5 + 2 ** (t.format.stateBits - t.format.fractionBits - 1);
    for (let trial = 0; trial < 500; trial++) {
      const v0 = roundNearest((-0.06 + 0.03 * random()) / lsb);
      const dt1 = Math.floor(random() * 2 ** 34);
      const dt2 = Math.floor(random() * 2 ** 34);
      const whole = neuron(v0);
      advanceFixed(whole, 0, dt1 + dt2, t);
      const split = neuron(v0);
      advanceFixed(split, 0, dt1, t);
      advanceFixed(split, 0, dt1 + dt2, t);
      const k = (popcount(dt1 + dt2) + popcount(dt1) + popcount(dt2)) * perBit;
      expect(Math.abs(whole.v[0]! - split.v[0]!)).toBeLessThanOrEqual(k);
    }
  });

  it("gives exactly the same state for the same elapsed time (no hidden float state)", () => {
    const { t } = setUp(cubaModel(), 24);
    const a = neuron(-1000, 5000, -300);
    const b = neuron(-1000, 5000, -300);
    advanceFixed(a, 0, 123_456_789, t);
    advanceFixed(b, 0, 123_456_789, t);
    expect([a.v[0], a.gExc[0], a.gInh[0]]).toEqual([b.v[0], b.gExc[0], b.gInh[0]]);
    expect(Number.isInteger(a.v[0]) && Number.isInteger(a.gExc[0])).toBe(true);
  });
});

describe("fixed-mode saturation", () => {
  it("keeps V, the synaptic variables and theta inside the state range", () => {
    const stateBits = 8;
    const model = cubaModel({
      kind: "adaptive_lif",
      thetaPlusV: 0.05,
      tauThetaPs: 1e12,
      tauExcPs: 40 * PS_PER_MS,
    });
    const { t, lsb } = setUp(model, stateBits);
    const { stateMin, stateMax } = t.format;
    const s = neuron(0);
    const random = seededRandom(5);
    let tPs = 0;
    const inRange = (x: number): boolean => Number.isInteger(x) && x >= stateMin && x <= stateMax;
    for (let step = 0; step < 300; step++) {
      tPs += Math.floor(random() * 5 * PS_PER_MS);
      advanceFixed(s, 0, tPs, t);
      const inhibitory = step % 50 >= 40;
      addInputFixed(s, 0, inhibitory, inhibitory ? -0.5 : 0.5, t, lsb);
      if (step % 7 === 0) fireFixed(s, 0, tPs, t);
      for (const x of [s.v[0]!, s.gExc[0]!, s.gInh[0]!, s.theta[0]!]) expect(inRange(x)).toBe(true);
    }
    expect(s.theta[0]).toBe(stateMax);
    // Excitation far beyond the range drives V to the top of the range, not past it.
    const hot = neuron(0, stateMax, 0);
    advanceFixed(hot, 0, 10 * PS_PER_MS, t);
    expect(hot.v[0]).toBeLessThanOrEqual(stateMax);
  });
});

describe("fixed-mode threshold crossing", () => {
  // vInf = -65 mV + 1e8 ohm * 0.2 nA = -45 mV; the neuron fires regularly from reset.
  const model = cubaModel({ vRestV: -0.065, vResetV: -0.065, biasA: 2e-10, refractoryPs: 2e9 });

  it("fires at the exact crossing of the dequantised trajectory, no time step", () => {
    const { t, lsb } = setUp(model, 16);
    const s = neuron(t.vResetLsb[0]!);
    const search = new NeuronState(1);
    const vInf = t.vInfLsb[0]! * lsb;
    const theta = t.vThreshLsb[0]! * lsb;
    const vReset = t.vResetLsb[0]! * lsb;
    const quantisedPeriod = 20e9 * Math.log((vInf - vReset) / (vInf - theta));
    const truePeriod = 20e9 * Math.log((-0.045 + 0.065) / (-0.045 + 0.05));

    const first = nextCrossingFixedPs(s, 0, 1e13, t, search, 0);
    expect(first).toBe(Math.ceil(quantisedPeriod));
    // Half an LSB on each of three voltages moves the period by at most
    // tauM * 1.5 LSB / (vInf - theta - LSB).
    expect(Math.abs(first - truePeriod)).toBeLessThanOrEqual((20e9 * 1.5 * lsb) / (0.005 - lsb));

    // At the crossing the integer state is within a few LSBs of threshold (bias bound), then
    // the reset puts it back to vReset and the next period is the same up to rounding.
    advanceFixed(s, 0, first, t);
    expect(Math.abs(s.v[0]! - t.vThreshLsb[0]!)).toBeLessThanOrEqual(biasBoundLsb(t, 40));
    fireFixed(s, 0, first, t);
    const second = nextCrossingFixedPs(s, 0, 1e13, t, search, 0);
    expect(second - first).toBe(2e9 + Math.ceil(quantisedPeriod));
  });
});
