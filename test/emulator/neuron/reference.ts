/**
 * Test helpers for the neuron dynamics: model descriptions in user terms, and an independent
 * implementation of the closed form exactly as REFERENCE.md writes it (the A_x form, and the
 * t * exp(-t/tau) form when tau_x == tau_m), used as the truth the emulator is checked against.
 */
import type { IrModel } from "../../../src/ir/types.ts";

export const PS_PER_MS = 1e9;

/** The CUBA neuron of Vogels & Abbott (2005) as Brian2's example writes it, in IR units. */
export function cubaModel(overrides: Partial<IrModel> = {}): IrModel {
  return {
    name: "cuba",
    kind: "lif",
    tauMembranePs: 20 * PS_PER_MS,
    vRestV: -0.049,
    vResetV: -0.06,
    vThreshV: -0.05,
    refractoryPs: 5 * PS_PER_MS,
    tauExcPs: 5 * PS_PER_MS,
    tauInhPs: 10 * PS_PER_MS,
    biasA: 0,
    rMembraneOhm: 1e8,
    resetMode: "value",
    thetaPlusV: 0,
    tauThetaPs: Infinity,
    stateLsbV: 2 ** -20,
    ...overrides,
  };
}

export interface Start {
  readonly v: number;
  readonly gExc: number;
  readonly gInh: number;
  readonly theta?: number;
}

/** V after t picoseconds of free evolution, by REFERENCE.md's formula. */
export function referenceV(model: IrModel, start: Start, tPs: number): number {
  const tauM = model.tauMembranePs;
  const biasV = model.rMembraneOhm * model.biasA;
  const synapses: [number, number][] = [
    [start.gExc, model.tauExcPs],
    [start.gInh, model.tauInhPs],
  ];

  if (model.kind === "if") {
    let v = start.v + (biasV * tPs) / tauM;
    for (const [g, tau] of synapses) v += ((g * tau) / tauM) * (1 - Math.exp(-tPs / tau));
    return v;
  }

  const vInf = model.vRestV + biasV;
  let membrane = start.v - vInf;
  let v = vInf;
  for (const [g, tau] of synapses) {
    if (tau === tauM) {
      v += g * (tPs / tauM) * Math.exp(-tPs / tauM);
    } else {
      const a = (g * tau) / (tau - tauM);
      membrane -= a;
      v += a * Math.exp(-tPs / tau);
    }
  }
  return v + membrane * Math.exp(-tPs / tauM);
}

/** The firing threshold t picoseconds after the start. */
export function referenceThreshold(model: IrModel, start: Start, tPs: number): number {
  const theta = start.theta ?? 0;
  const decay = Number.isFinite(model.tauThetaPs) ? Math.exp(-tPs / model.tauThetaPs) : 1;
  return model.vThreshV + theta * decay;
}

/**
 * First integer picosecond in [0, horizonPs] at which the reference trajectory reaches its
 * threshold, by a scan every stepPs and an integer bisection of the first bracket found;
 * Infinity when the scan finds none. A scan can miss an excursion narrower than its step, so
 * tests pick cases whose excursions are wide, or check such cases by other means.
 */
export function bruteForceCrossingPs(
  model: IrModel,
  start: Start,
  horizonPs: number,
  stepPs: number,
): number {
  const above = (t: number) => referenceV(model, start, t) >= referenceThreshold(model, start, t);
  if (above(0)) return 0;
  for (let t = stepPs; t < horizonPs + stepPs; t += stepPs) {
    const end = Math.min(t, horizonPs);
    if (!above(end)) continue;
    let lo = Math.floor(end - stepPs);
    let hi = end;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (above(mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  }
  return Infinity;
}

export { seededRandom } from "../../helpers/seeded-random.ts";
