/**
 * NeuronOps in float mode: the float64 closed-form dynamics of emulator/neuron/ over one
 * NeuronState for the whole chip. The state holds one extra slot past the last neuron, used as
 * scratch to read a voltage at a later time without touching the neuron itself (probes, the
 * API's `voltage`), so observing a run never changes it.
 */
import type { ChipIR } from "../../src/ir/types.ts";
import { advance, crossingBoundPs, fire, nextCrossingPs } from "../neuron/float-dynamics.ts";
import { prepareModels, type ModelTable } from "../neuron/model-table.ts";
import { NeuronState } from "../neuron/state.ts";
import type { NeuronOps } from "./neuron-ops.ts";

export function createFloatNeurons(ir: ChipIR): NeuronOps {
  const table: ModelTable = prepareModels(ir.models);
  const n = ir.neurons.count;
  const s = new NeuronState(n + 1);
  const scratch = n;
  const init = ir.neurons;
  for (let i = 0; i < n; i++) s.model[i] = Math.max(0, ir.populations[init.population[i]!]!.model);
  s.v.set(init.initV);
  s.gExc.set(init.initGExcV);
  s.gInh.set(init.initGInhV);
  s.theta.set(init.initThetaV);
  const thetaPlusV = table.thetaPlusV.slice();

  return {
    advance: (i, tPs) => advance(s, i, tPs, table),
    addInput(i, inhibitory, weightV) {
      if (inhibitory) s.gInh[i]! += weightV;
      else s.gExc[i]! += weightV;
    },
    nextCrossingPs: (i, limitPs) => nextCrossingPs(s, i, limitPs, table),
    crossingBoundPs: (i, limitPs) => crossingBoundPs(s, i, limitPs, table),
    fire: (i, tPs) => fire(s, i, tPs, table),
    setAdaptation(enabled) {
      if (enabled) table.thetaPlusV.set(thetaPlusV);
      else table.thetaPlusV.fill(0);
    },
    voltageAtV(i, tPs) {
      copyToScratch(i, tPs);
      return s.v[scratch]!;
    },
    resetNeuron(i, tPs, keepTheta) {
      // Theta decays meanwhile; bring it to tPs before keeping it.
      advance(s, i, tPs, table);
      s.v[i] = init.initV[i]!;
      s.gExc[i] = init.initGExcV[i]!;
      s.gInh[i] = init.initGInhV[i]!;
      if (!keepTheta) s.theta[i] = init.initThetaV[i]!;
      s.lastPs[i] = tPs;
      s.refractoryUntilPs[i] = 0;
    },
    saveState: () => s.save(n),
    restoreState: (saved) => s.restore(saved),
  };

  function copyToScratch(i: number, tPs: number): void {
    s.copyNeuron(i, scratch);
    advance(s, scratch, tPs, table);
  }
}
