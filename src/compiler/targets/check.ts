/**
 * Sanity checks on a target's figures that the compiler relies on (the front end checks units;
 * this checks that the numbers make a chip the IR can describe: widths that fit the IR's
 * Int16 weights and Uint16 delays, positive counts and times).
 */
import type { ResolvedTarget } from "../../../dsl/resolved.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { makeDiagnostic, mappingDiagnostics } from "../../diagnostics/catalogue/index.ts";

export function checkTarget(target: ResolvedTarget, diagnostics: Diagnostic[]): boolean {
  const problems: [string, number, string][] = [];
  const count = (field: string, value: number): void => {
    if (!Number.isInteger(value) || value < 1) problems.push([field, value, "a positive integer"]);
  };
  const limit = (field: string, value: number): void => {
    if (!(value >= 1)) problems.push([field, value, "at least 1 (or unlimited)"]);
  };
  const bits = (field: string, value: number, max: number): void => {
    if (!Number.isInteger(value) || value < 1 || value > max)
      problems.push([field, value, `an integer from 1 to ${max} bits`]);
  };
  count("chips (X)", target.chipsX);
  count("chips (Y)", target.chipsY);
  count("mesh width", target.meshWidth);
  count("mesh height", target.meshHeight);
  count("core neurons", target.core.maxNeurons);
  limit("core synapses", target.core.maxSynapses);
  limit("core synaptic_memory", target.core.synapticMemoryBits);
  limit("core fan_in", target.core.maxFanInAxons);
  limit("core fan_out", target.core.maxFanOutEntries);
  limit("router entries", target.routerTableEntries);
  bits("precision weight", target.precision.weightBits, 16);
  bits("precision state", target.precision.stateBits, 53);
  bits("precision delay", target.precision.delayBits, 16);
  bits("learning weight", target.learning.weightBits, 16);
  if (!(target.precision.delayResolutionS > 0))
    problems.push(["precision delay_resolution", target.precision.delayResolutionS, "positive"]);
  if (!(target.delayMaxS >= target.delayMinS) || target.delayMinS < 0)
    problems.push(["delay_max", target.delayMaxS, `at least delay_min (${target.delayMinS} s)`]);
  for (const [field, value, expected] of problems)
    diagnostics.push(
      makeDiagnostic(
        mappingDiagnostics.invalidTargetFigure,
        [target.name, field, value, expected],
        {
          span: target.span,
        },
      ),
    );
  return problems.length === 0;
}
