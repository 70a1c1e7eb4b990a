import { describe, expect, it } from "vitest";
import { advance, fire, NeuronState, prepareModels } from "../../../emulator/neuron/index.ts";
import type { IrModel } from "../../../src/ir/types.ts";
import { cubaModel, PS_PER_MS, referenceV, seededRandom, type Start } from "./reference.ts";

function stateAt(model: IrModel, start: Start): NeuronState {
  const s = new NeuronState(1);
  s.v[0] = start.v;
  s.gExc[0] = start.gExc;
  s.gInh[0] = start.gInh;
  s.theta[0] = start.theta ?? 0;
  void model;
  return s;
}

function expectRelative(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

describe("advance", () => {
  const start: Start = { v: -0.055, gExc: 0.004, gInh: -0.003 };

  it("matches the closed form when the synaptic time constants differ from tauM", () => {
    const model = cubaModel({ biasA: 1e-10 });
    const table = prepareModels([model]);
    for (const tMs of [0.001, 0.3, 2, 7.5, 20, 100]) {
      const s = stateAt(model, start);
      advance(s, 0, tMs * PS_PER_MS, table);
      expectRelative(s.v[0]!, referenceV(model, start, tMs * PS_PER_MS), 1e-13);
      expectRelative(s.gExc[0]!, start.gExc * Math.exp(-tMs / 5), 1e-13);
      expectRelative(s.gInh[0]!, start.gInh * Math.exp(-tMs / 10), 1e-13);
    }
  });

  it("matches the t*exp(-t/tau) form when a synaptic time constant equals tauM", () => {
    const model = cubaModel({ tauExcPs: 20 * PS_PER_MS, tauInhPs: 20 * PS_PER_MS });
    const table = prepareModels([model]);
    for (const tMs of [0.001, 1, 20, 60]) {
      const s = stateAt(model, start);
      advance(s, 0, tMs * PS_PER_MS, table);
      expectRelative(s.v[0]!, referenceV(model, start, tMs * PS_PER_MS), 1e-13);
    }
  });

  it("treats a time constant within a part per million of tauM as equal to it", () => {
    const model = cubaModel({ tauExcPs: 20 * PS_PER_MS * (1 + 1e-8) });
    const exact = cubaModel({ tauExcPs: 20 * PS_PER_MS });
    const table = prepareModels([model]);
    const s = stateAt(model, start);
    advance(s, 0, 13 * PS_PER_MS, table);
    expectRelative(s.v[0]!, referenceV(exact, start, 13 * PS_PER_MS), 1e-13);
  });

  it("gives the same state after many short advances as after one long advance", () => {
    const random = seededRandom(7);
    for (const model of [
      cubaModel({ biasA: 2e-10 }),
      cubaModel({ tauExcPs: 20 * PS_PER_MS }),
      cubaModel({ kind: "if", biasA: 1e-11 }),
      cubaModel({ kind: "adaptive_lif", tauThetaPs: 50 * PS_PER_MS }),
    ]) {
      const table = prepareModels([model]);
      const whole = stateAt(model, { ...start, theta: 0.002 });
      const pieces = stateAt(model, { ...start, theta: 0.002 });
      advance(whole, 0, 80 * PS_PER_MS, table);
      let t = 0;
      while (t < 80 * PS_PER_MS) {
        t = Math.min(80 * PS_PER_MS, t + Math.floor(random() * 0.2 * PS_PER_MS) + 1);
        advance(pieces, 0, t, table);
      }
      for (const variable of ["v", "gExc", "gInh", "theta"] as const) {
        expectRelative(pieces[variable][0]!, whole[variable][0]!, 1e-12);
      }
    }
  });

  it("integrates an `if` neuron's bias and inputs exactly, without leak", () => {
    const model = cubaModel({ kind: "if", biasA: 1e-11, vRestV: 0.5 });
    const table = prepareModels([model]);
    const s = stateAt(model, start);
    advance(s, 0, 40 * PS_PER_MS, table);
    expectRelative(s.v[0]!, referenceV(model, start, 40 * PS_PER_MS), 1e-13);

    // Long after, each input has added exactly weight * tauX / tauM, and the bias rM*I*t/tauM.
    const far = 10_000 * PS_PER_MS;
    const t = stateAt(model, start);
    advance(t, 0, far, table);
    const expected = start.v + (1e-3 * far) / model.tauMembranePs + start.gExc / 4 + start.gInh / 2;
    expectRelative(t.v[0]!, expected, 1e-12);
  });

  it("raises an adaptive threshold by thetaPlus at a spike and lets it decay with tauTheta", () => {
    const model = cubaModel({
      kind: "adaptive_lif",
      thetaPlusV: 0.002,
      tauThetaPs: 30 * PS_PER_MS,
    });
    const table = prepareModels([model]);
    const s = stateAt(model, start);
    fire(s, 0, 0, table);
    fire(s, 0, 10 * PS_PER_MS, table);
    expectRelative(s.theta[0]!, 0.002 * Math.exp(-10 / 30) + 0.002, 1e-13);
    advance(s, 0, 40 * PS_PER_MS, table);
    expectRelative(s.theta[0]!, (0.002 * Math.exp(-10 / 30) + 0.002) * Math.exp(-1), 1e-13);
  });

  it("never decays theta when tauTheta is infinite", () => {
    const model = cubaModel({ kind: "adaptive_lif", thetaPlusV: 0.002, tauThetaPs: Infinity });
    const table = prepareModels([model]);
    const s = stateAt(model, start);
    fire(s, 0, 0, table);
    advance(s, 0, 1e6 * PS_PER_MS, table);
    expect(s.theta[0]).toBe(0.002);
  });
});

describe("refractory period and reset", () => {
  it("holds V during the refractory period while inputs still move the synaptic variables", () => {
    const model = cubaModel({ biasA: 1e-10 });
    const table = prepareModels([model]);
    const s = stateAt(model, { v: -0.05, gExc: 0, gInh: 0 });
    fire(s, 0, 0, table);
    expect(s.v[0]).toBe(model.vResetV);

    advance(s, 0, 1 * PS_PER_MS, table);
    s.gExc[0]! += 0.005;
    advance(s, 0, 3 * PS_PER_MS, table);
    expect(s.v[0]).toBe(model.vResetV);
    expectRelative(s.gExc[0]!, 0.005 * Math.exp(-2 / 5), 1e-13);

    // After the period V evolves from the reset value with the decayed input.
    advance(s, 0, 12 * PS_PER_MS, table);
    const atEnd: Start = { v: model.vResetV, gExc: 0.005 * Math.exp(-4 / 5), gInh: 0 };
    expectRelative(s.v[0]!, referenceV(model, atEnd, 7 * PS_PER_MS), 1e-13);
  });

  it("subtracts vThresh - vReset in subtract mode", () => {
    const model = cubaModel({ resetMode: "subtract" });
    const table = prepareModels([model]);
    const s = stateAt(model, { v: -0.0495, gExc: 0, gInh: 0 });
    fire(s, 0, 0, table);
    expectRelative(s.v[0]!, -0.0495 - 0.01, 1e-15);
  });

  it("refuses a model whose time constant is not a positive time", () => {
    expect(() => prepareModels([cubaModel({ tauExcPs: 0 })])).toThrow(/tauExcPs/);
  });
});
