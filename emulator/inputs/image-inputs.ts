/**
 * The explicit spike trains an image brings: `spike_times` inputs as stored, and `spike_file`
 * inputs read now through the event-file readers of emulator/io/ (N-MNIST, AEDAT, CSV), mapped to
 * the hardware ids of their population. A file that cannot be read stops the run with the
 * reader's diagnostics (byte offset included), before any event is processed.
 */
import type { ChipIR } from "../../src/ir/types.ts";
import { hasErrors } from "../../src/diagnostics/diagnostic.ts";
import { readSpikeFile } from "../io/events/read-event-file.ts";
import { emulationDiagnostics as D } from "../../src/diagnostics/catalogue/index.ts";
import { EmulationError, fail } from "../errors.ts";
import type { SpikeTrain } from "./spike-trains.ts";

export function loadImageSpikeTrains(
  ir: ChipIR,
  hardwareIds: readonly Uint32Array[],
): SpikeTrain[] {
  const trains: SpikeTrain[] = [];
  for (const input of ir.inputs) {
    if (input.kind === "poisson") continue;
    const population = ir.populations[input.population]!;
    const ids = hardwareIds[input.population]!;
    let neuron: Uint32Array;
    let timePs: Float64Array;
    if (input.kind === "spike_times") {
      neuron = input.neuron;
      timePs = input.timePs;
    } else {
      const read = readSpikeFile(input.path, input.format, {
        name: population.name,
        size: population.size,
      });
      if (read.spikes === undefined || hasErrors(read.diagnostics))
        throw new EmulationError(read.diagnostics);
      neuron = read.spikes.neuron;
      timePs = read.spikes.timePs;
    }
    // The readers and the image validator refuse indices beyond the population; a hand-built
    // IR gets the same refusal here rather than a wrong neuron.
    const hw = new Uint32Array(neuron.length);
    for (let k = 0; k < neuron.length; k++) {
      const id = ids[neuron[k]!];
      if (id === undefined) fail(D.neuronOutOfRange, [neuron[k]!, population.name, ids.length]);
      hw[k] = id;
    }
    trains.push({ neuron: hw, timePs });
  }
  return trains;
}
