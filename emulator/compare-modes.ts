/**
 * `--compare-modes`: the same image, inputs and seed run in float and in fixed mode, and how far
 * their spikes diverge, per population. Spikes are matched per neuron in order (the k-th spike
 * of a neuron in one mode with its k-th spike in the other); unmatched spikes show up in the
 * count difference. A fixed-point run that drifts eventually changes spike counts, and then the
 * time differences of later spikes also include the shift that the extra or missing spike caused.
 */
import type { ChipIR } from "../src/ir/types.ts";
import { Emulator, type EmulatorOptions } from "./api.ts";

export interface PopulationComparison {
  readonly name: string;
  readonly floatSpikes: number;
  readonly fixedSpikes: number;
  /** Neurons whose spike count differs between the modes. */
  readonly neuronsDiffering: number;
  readonly matchedSpikes: number;
  readonly meanAbsTimeDiffPs: number;
  readonly maxAbsTimeDiffPs: number;
}

export interface ModeComparison {
  readonly populations: readonly PopulationComparison[];
}

/** Runs both modes for durationPs and compares their spikes. */
export function compareModes(
  ir: ChipIR,
  durationPs: number,
  options: Omit<EmulatorOptions, "mode" | "recordAll"> = {},
): { float: Emulator; fixed: Emulator; comparison: ModeComparison } {
  const float = new Emulator(ir, { ...options, mode: "float", recordAll: true });
  const fixed = new Emulator(ir, { ...options, mode: "fixed", recordAll: true });
  float.run(durationPs);
  fixed.run(durationPs);
  return { float, fixed, comparison: compareSpikes(ir, float, fixed) };
}

export function compareSpikes(ir: ChipIR, a: Emulator, b: Emulator): ModeComparison {
  const populations = ir.populations
    .filter((p) => p.model >= 0)
    .map((p): PopulationComparison => {
      const x = byNeuron(a.spikes(p.name), p.size);
      const y = byNeuron(b.spikes(p.name), p.size);
      let neuronsDiffering = 0;
      let matched = 0;
      let sum = 0;
      let max = 0;
      let floatSpikes = 0;
      let fixedSpikes = 0;
      for (let i = 0; i < p.size; i++) {
        const tx = x[i]!;
        const ty = y[i]!;
        floatSpikes += tx.length;
        fixedSpikes += ty.length;
        if (tx.length !== ty.length) neuronsDiffering++;
        for (let k = 0; k < Math.min(tx.length, ty.length); k++) {
          const d = Math.abs(tx[k]! - ty[k]!);
          matched++;
          sum += d;
          if (d > max) max = d;
        }
      }
      return {
        name: p.name,
        floatSpikes,
        fixedSpikes,
        neuronsDiffering,
        matchedSpikes: matched,
        meanAbsTimeDiffPs: matched > 0 ? sum / matched : 0,
        maxAbsTimeDiffPs: max,
      };
    });
  return { populations };
}

function byNeuron(s: { neuron: Uint32Array; timePs: Float64Array }, size: number): number[][] {
  const out: number[][] = Array.from({ length: size }, () => []);
  for (let k = 0; k < s.neuron.length; k++) out[s.neuron[k]!]!.push(s.timePs[k]!);
  return out;
}
