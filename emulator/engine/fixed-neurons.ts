/**
 * NeuronOps in fixed mode: integer state in the target's precisions (emulator/neuron/fixed-*.ts)
 * for the whole chip. Like float mode, the state has one extra slot past the last neuron, used as
 * scratch to read a voltage at a later time without changing the neuron; a one-slot float state
 * carries the dequantised trajectory for the crossing search.
 */
import type { ChipIR } from "../../src/ir/types.ts";
import { roundNearest, saturate } from "../neuron/fixed-format.ts";
import {
  addInputFixed,
  advanceFixed,
  fireFixed,
  nextCrossingFixedPs,
} from "../neuron/fixed-dynamics.ts";
import { prepareFixedTables, type FixedTables } from "../neuron/fixed-table.ts";
import { NeuronState } from "../neuron/state.ts";
import type { NeuronOps } from "./neuron-ops.ts";

export interface FixedNeuronOptions {
  /** Fraction bits of the decay factors, instead of the format's choice (fixed-format.ts). */
  readonly decayFractionBits?: number;
}

/** Throws a RangeError when the target's precision or a model cannot be run in fixed point. */
export function createFixedNeurons(ir: ChipIR, options: FixedNeuronOptions = {}): NeuronOps {
  const t: FixedTables = prepareFixedTables(
    ir.models,
    ir.target.stateBits,
    ir.target.decayBits,
    options.decayFractionBits,
  );
  const n = ir.neurons.count;
  const s = new NeuronState(n + 1);
  const scratch = n;
  const search = new NeuronState(1);
  const lsbOf = new Float64Array(n + 1);
  const init = ir.neurons;
  for (let i = 0; i < n; i++) {
    const model = ir.populations[init.population[i]!]!.model;
    s.model[i] = Math.max(0, model);
    lsbOf[i] = model >= 0 ? t.float.stateLsbV[model]! : 1;
  }

  // Initial values are quantised once; resetNeuron puts the same integers back.
  const initV = new Float64Array(n);
  const initGExc = new Float64Array(n);
  const initGInh = new Float64Array(n);
  const initTheta = new Float64Array(n);
  const { stateMin, stateMax } = t.format;
  const q = (valueV: number, i: number): number =>
    saturate(roundNearest(valueV / lsbOf[i]!), stateMin, stateMax);
  for (let i = 0; i < n; i++) {
    initV[i] = q(init.initV[i]!, i);
    initGExc[i] = q(init.initGExcV[i]!, i);
    initGInh[i] = q(init.initGInhV[i]!, i);
    initTheta[i] = q(init.initThetaV[i]!, i);
  }
  s.v.set(initV);
  s.gExc.set(initGExc);
  s.gInh.set(initGInh);
  s.theta.set(initTheta);
  const thetaPlusLsb = t.thetaPlusLsb.slice();

  return {
    advance: (i, tPs) => advanceFixed(s, i, tPs, t),
    addInput: (i, inhibitory, weightV) => addInputFixed(s, i, inhibitory, weightV, t, lsbOf[i]!),
    nextCrossingPs: (i, limitPs) => nextCrossingFixedPs(s, i, limitPs, t, search, 0),
    fire: (i, tPs) => fireFixed(s, i, tPs, t),
    setAdaptation(enabled) {
      if (enabled) t.thetaPlusLsb.set(thetaPlusLsb);
      else t.thetaPlusLsb.fill(0);
    },
    voltageAtV(i, tPs) {
      copyToScratch(i, tPs);
      return s.v[scratch]! * lsbOf[i]!;
    },
    resetNeuron(i, tPs, keepTheta) {
      advanceFixed(s, i, tPs, t);
      s.v[i] = initV[i]!;
      s.gExc[i] = initGExc[i]!;
      s.gInh[i] = initGInh[i]!;
      if (!keepTheta) s.theta[i] = initTheta[i]!;
      s.lastPs[i] = tPs;
      s.refractoryUntilPs[i] = 0;
    },
    saveState: () => s.save(n),
    restoreState: (saved) => s.restore(saved),
  };

  function copyToScratch(i: number, tPs: number): void {
    s.copyNeuron(i, scratch);
    advanceFixed(s, scratch, tPs, t);
  }
}
