/**
 * Expected spike rate of every neuron, the traffic weight of placement. Inputs: Poisson rates are
 * known; explicit spike times give count / last time; spike files are unknown until run time and
 * get the default. Neurons: the rate an earlier run measured for their population (`--profile`),
 * else DEFAULT_NEURON_RATE_HZ, a typical cortical rate (CUBA fires at about 5 to 10 Hz).
 */
import type { ResolvedProgram } from "../../../dsl/resolved.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { makeDiagnostic, mappingDiagnostics } from "../../diagnostics/catalogue/index.ts";
import type { NeuronLayout } from "../elaborate/layout.ts";

export const DEFAULT_NEURON_RATE_HZ = 10;

export interface RunProfile {
  readonly populations: readonly { readonly name: string; readonly rate_hz: number }[];
}

export function neuronRates(
  program: ResolvedProgram,
  layout: NeuronLayout,
  profile: RunProfile | undefined,
  diagnostics: Diagnostic[],
): Float64Array {
  const rates = new Float64Array(layout.count).fill(DEFAULT_NEURON_RATE_HZ);
  const measured = new Map<string, number>();
  for (const entry of profile?.populations ?? []) {
    if (layout.groups.some((g) => g.name === entry.name)) measured.set(entry.name, entry.rate_hz);
    else
      diagnostics.push(makeDiagnostic(mappingDiagnostics.unknownProfilePopulation, [entry.name]));
  }
  for (const group of layout.groups) {
    const rate = measured.get(group.name);
    if (rate !== undefined && Number.isFinite(rate) && rate >= 0)
      rates.fill(rate, group.offset, group.offset + group.size);
  }
  for (const input of program.inputs) {
    const group = layout.groups.find((g) => g.kind === "input" && g.name === input.name)!;
    if (measured.has(input.name)) continue;
    const source = input.source;
    if (source.kind === "poisson") {
      rates.set(source.ratesHz.subarray(0, group.size), group.offset);
    } else if (source.kind === "spike_times") {
      const spanS = source.timeS.length > 0 ? Math.max(...source.timeS) : 0;
      const counts = new Float64Array(group.size);
      for (const n of source.neuron) if (n < group.size) counts[n]!++;
      for (let i = 0; i < group.size; i++)
        rates[group.offset + i] = spanS > 0 ? counts[i]! / spanS : counts[i]!;
    }
  }
  return rates;
}
