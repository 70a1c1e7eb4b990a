/**
 * The flat form of recorded spikes that every output writer takes: per spike, its population
 * and the neuron's index within that population, and its time. Built from the engine's record
 * of hardware neuron ids with the image's neuron table.
 */
import type { ChipIR } from "../../../src/ir/types.ts";

export interface SpikeTable {
  /** Populations in image order; `population[k]` indexes this list. */
  readonly populations: readonly { readonly name: string; readonly size: number }[];
  readonly population: Uint32Array;
  /** 0-based index of the neuron within its population. */
  readonly neuron: Uint32Array;
  /** Integer picoseconds, non-decreasing (the order the spikes happened). */
  readonly timePs: Float64Array;
}

/** Sampled membrane voltages, in the shape `Emulator.voltageTraces()` returns. */
export interface VoltageTraces {
  readonly probes: readonly { readonly population: string; readonly index: number }[];
  /** Sample times, integer picoseconds. */
  readonly timePs: Float64Array;
  /** One array per probe, one value per sample time, in volts. */
  readonly valuesV: readonly Float64Array[];
}

/** Maps hardware neuron ids (as the engine records them) to population and index. */
export function spikeTableFromHardware(
  ir: Pick<ChipIR, "populations" | "neurons">,
  neuronIds: Uint32Array,
  timePs: Float64Array,
): SpikeTable {
  const population = new Uint32Array(neuronIds.length);
  const neuron = new Uint32Array(neuronIds.length);
  for (let k = 0; k < neuronIds.length; k++) {
    const id = neuronIds[k] as number;
    population[k] = ir.neurons.population[id] as number;
    neuron[k] = ir.neurons.index[id] as number;
  }
  const populations = ir.populations.map((p) => ({ name: p.name, size: p.size }));
  return { populations, population, neuron, timePs: Float64Array.from(timePs) };
}
