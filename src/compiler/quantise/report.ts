/**
 * Quantisation warnings, one per projection and problem, from the figures gathered while the
 * synapses were drawn: nonzero weights that became zero, weights clipped to the range, delays
 * clamped into the target's [delayMin, delayMax].
 */
import type { ResolvedTarget } from "../../../dsl/resolved.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { makeDiagnostic, mappingDiagnostics } from "../../diagnostics/catalogue/index.ts";
import type { ElaboratedGraph } from "../elaborate/index.ts";
import { formatCount, formatSeconds, formatVolts } from "../format.ts";

export function quantisationDiagnostics(
  graph: ElaboratedGraph,
  target: ResolvedTarget,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of graph.projections) {
    const w = p.weights;
    const span = p.span;
    const format = w.format;
    if (w.roundedToZero > 0)
      out.push(
        makeDiagnostic(
          mappingDiagnostics.weightsRoundedToZero,
          [
            formatCount(w.roundedToZero),
            formatCount(w.nonzero),
            p.name,
            format.bits,
            formatVolts(format.lsbV),
          ],
          {
            span,
            help: "these synapses have no effect on the chip; narrow the spread of the projection's weights or drop the smallest ones",
          },
        ),
      );
    if (w.saturated > 0)
      out.push(
        makeDiagnostic(
          mappingDiagnostics.weightsSaturated,
          [
            formatCount(w.saturated),
            formatCount(w.count),
            p.name,
            format.bits,
            `[${formatVolts(format.minCode * format.lsbV)}, ${formatVolts(format.maxCode * format.lsbV)}]`,
          ],
          { span },
        ),
      );
    const d = p.delays;
    if (d.clamped > 0)
      out.push(
        makeDiagnostic(
          mappingDiagnostics.delaysClamped,
          [
            formatCount(d.clamped),
            formatCount(d.count),
            p.name,
            formatSeconds(d.format.minSteps * d.format.resolutionS),
            formatSeconds(d.format.maxSteps * d.format.resolutionS),
          ],
          { span, help: `target '${target.name}' cannot delay spikes outside this range` },
        ),
      );
  }
  return out;
}
