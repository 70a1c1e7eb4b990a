/**
 * Fixed-point scaling of neuron state. Membrane voltage and synaptic variables share one step
 * per model, `stateLsbV`, chosen so that `stateBits` signed bits cover twice the largest voltage
 * the model names (rest, reset, threshold, the bias equilibrium): the factor two leaves headroom
 * for synaptic jumps above threshold and below reset before the counter would overflow.
 */
import type { NeuronParams } from "../../../dsl/resolved.ts";

export function stateLsbV(params: NeuronParams, stateBits: number): number {
  const equilibriumV = params.vRestV + params.rMembraneOhm * params.biasA;
  const span = Math.max(
    Math.abs(params.vRestV),
    Math.abs(params.vResetV),
    Math.abs(params.vThreshV),
    Math.abs(equilibriumV),
    Math.abs(params.vThreshV - params.vResetV),
  );
  const rangeV = 2 * (span > 0 ? span : 1);
  return rangeV / 2 ** (stateBits - 1);
}
