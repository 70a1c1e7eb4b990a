/**
 * What `ant compile` tells the user about a mapped network: how much of the chip it takes and how
 * good the placement is next to naive in-order placement (the first core to the first router, and
 * so on). Traffic figures are estimates: every neuron fires at the rate of `--profile`, else at
 * DEFAULT_NEURON_RATE_HZ, and inputs at their declared rates.
 */
import type { ChipIR, PlacementQuality } from "../ir/types.ts";
import { formatCount } from "./format.ts";
import { DEFAULT_NEURON_RATE_HZ } from "./place/rates.ts";

export interface CompileSummary {
  network: string;
  target: string;
  coresUsed: number;
  coresAvailable: number;
  chipsUsed: number;
  neurons: number;
  synapses: number;
  placer: string;
  /** Where the neurons' spike rates came from: a run profile's path, or undefined (the default). */
  profile: string | undefined;
  placement: PlacementQuality;
  naivePlacement: PlacementQuality;
  /** Routing-table entries at the fullest router. */
  maxRoutingEntries: number;
  /** Synapses whose nonzero weight became 0, over all projections. */
  weightsRoundedToZero: number;
  weightsSaturated: number;
  /** The largest relative weight error of any projection, and which one. */
  worstWeightError: { projection: string; relativeError: number } | undefined;
}

export function summariseCompile(ir: ChipIR, profile?: string): CompileSummary {
  const t = ir.target;
  const chips = new Set(ir.cores.map((c) => c.chipY * t.chipsX + c.chipX));
  let worst: CompileSummary["worstWeightError"];
  for (const p of ir.projections) {
    const error = p.quantisation.maxRelativeError;
    if (error > 0 && (worst === undefined || error > worst.relativeError))
      worst = { projection: p.name, relativeError: error };
  }
  return {
    network: ir.name,
    target: t.name,
    coresUsed: ir.mapping.coresUsed,
    coresAvailable: t.chipsX * t.chipsY * t.meshWidth * t.meshHeight,
    chipsUsed: chips.size,
    neurons: ir.neurons.count,
    synapses: ir.synapses.count,
    placer: ir.mapping.placer,
    profile,
    placement: ir.mapping.placement,
    naivePlacement: ir.mapping.naivePlacement,
    maxRoutingEntries: ir.mapping.maxRoutingEntries,
    weightsRoundedToZero: ir.projections.reduce((n, p) => n + p.quantisation.roundedToZero, 0),
    weightsSaturated: ir.projections.reduce((n, p) => n + p.quantisation.saturated, 0),
    worstWeightError: worst,
  };
}

export function formatCompileSummary(s: CompileSummary): string {
  const placed = s.placement;
  const naive = s.naivePlacement;
  const hz = (x: number): string => `${formatCount(x)} spikes/s`;
  const fixed = (x: number): string => x.toFixed(2);
  const rates =
    s.profile === undefined
      ? `${DEFAULT_NEURON_RATE_HZ} Hz per neuron`
      : `the rates in '${s.profile}'`;
  const lines = [
    `Compiled '${s.network}' for target '${s.target}': ${formatCount(s.coresUsed)} of ` +
      `${formatCount(s.coresAvailable)} cores on ${s.chipsUsed} chip${s.chipsUsed === 1 ? "" : "s"}, ` +
      `${formatCount(s.neurons)} neurons, ${formatCount(s.synapses)} synapses.`,
    `Placement (${s.placer}; in-order placement in brackets; traffic from ${rates}):`,
    `  mean hops per message  ${fixed(placed.meanHops)}  (${fixed(naive.meanHops)})`,
    `  max hops               ${placed.maxHops}  (${naive.maxHops})`,
    `  busiest link           ${hz(placed.busiestLinkHz)}  (${hz(naive.busiestLinkHz)})`,
    `  chip crossings         ${hz(placed.chipCrossingsHz)}  (${hz(naive.chipCrossingsHz)})`,
    `  messages between cores ${hz(placed.crossCoreSpikesHz)}`,
    `  fullest routing table  ${formatCount(s.maxRoutingEntries)} entries`,
  ];
  const error = s.worstWeightError;
  const quantised =
    error === undefined
      ? "Weights: every weight is exact at the target's precision."
      : `Weights: largest relative error ${(error.relativeError * 100).toFixed(2)}% ` +
        `(projection '${error.projection}'); ${formatCount(s.weightsRoundedToZero)} rounded to ` +
        `zero, ${formatCount(s.weightsSaturated)} clipped.`;
  lines.push(quantised);
  return `${lines.join("\n")}\n`;
}
