/**
 * Public surface of the neuron dynamics for the event engine: state arrays, the model table,
 * and the three operations it calls per event (advance, nextCrossingPs, fire).
 */
export { NeuronState } from "./state.ts";
export {
  checkModel,
  prepareModels,
  KIND_ADAPTIVE_LIF,
  KIND_IF,
  KIND_LIF,
  MIN_REFRACTORY_PS,
  type ModelTable,
} from "./model-table.ts";
export { advance, fire, nextCrossingPs } from "./float-dynamics.ts";
