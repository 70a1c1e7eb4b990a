/**
 * The memory estimate elaboration checks against the budget before allocating. Per synapse:
 * 4 bytes of target, 2 of weight, 2 of delay in the graph, 2 for the IR's slot within the core,
 * and up to 10 more for the IR's fan-out entry when every synapse of a source goes to a
 * different core (core 4, projection 2, start 4), the worst case. Per neuron: row starts,
 * partition and placement arrays, and four float64 initial values, about 96 bytes.
 */
import type { ResolvedProjection } from "../../../dsl/resolved.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { makeDiagnostic, mappingDiagnostics } from "../../diagnostics/catalogue/index.ts";
import { formatBytes, formatCount } from "../format.ts";

export const BYTES_PER_SYNAPSE = 20;
export const BYTES_PER_NEURON = 96;

export function estimateBytes(neurons: number, synapses: number): number {
  return neurons * BYTES_PER_NEURON + synapses * BYTES_PER_SYNAPSE;
}

export function formatBudgetError(
  bytes: number,
  synapses: number,
  budgetBytes: number,
  culprit: ResolvedProjection,
  culpritSynapses: number,
): Diagnostic {
  return makeDiagnostic(
    mappingDiagnostics.memoryBudgetExceeded,
    [
      formatBytes(bytes),
      formatCount(synapses),
      formatBytes(budgetBytes),
      culprit.name,
      formatCount(culpritSynapses),
    ],
    {
      span: culprit.span,
      help: "lower the connection density of the largest projections, or raise --memory-budget",
    },
  );
}
