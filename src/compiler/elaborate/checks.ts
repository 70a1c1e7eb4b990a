/**
 * Checks a projection's connector against its ranges and the target before anything is drawn.
 * The front end checks most of this too; the compiler re-checks because it is also called on
 * hand-built programs, and a wrong shape here would otherwise write out of bounds.
 */
import type { ResolvedProgram, ResolvedProjection, ResolvedTarget } from "../../../dsl/resolved.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { makeDiagnostic, mappingDiagnostics } from "../../diagnostics/catalogue/index.ts";
import type { ConnectorPlan } from "./connectors.ts";
import type { NeuronGroup } from "./layout.ts";

export function checkConnector(
  projection: ResolvedProjection,
  plan: ConnectorPlan,
  pre: NeuronGroup,
  post: NeuronGroup,
  target: ResolvedTarget,
  program: ResolvedProgram,
  diagnostics: Diagnostic[],
): boolean {
  const problem = shapeProblem(projection, plan, pre, post);
  const span = projection.span;
  if (problem !== undefined) {
    diagnostics.push(
      makeDiagnostic(
        mappingDiagnostics.connectorShapeMismatch,
        [projection.name, projection.connector.kind, problem],
        { span },
      ),
    );
    return false;
  }

  const c = projection.connector;
  if (c.kind === "fixed_fan_in") {
    const overlaps =
      plan.selfShift !== undefined &&
      !c.allowSelf &&
      Math.max(0, plan.selfShift) < Math.min(plan.postCount, plan.preCount + plan.selfShift);
    const pool = plan.preCount - (overlaps ? 1 : 0);
    if (c.n > pool) {
      diagnostics.push(
        makeDiagnostic(mappingDiagnostics.fixedFanInTooLarge, [projection.name, c.n, pool], {
          span,
        }),
      );
      return false;
    }
  }

  if (projection.plasticity !== undefined) {
    const rule = program.plasticityRules.find((r) => r.name === projection.plasticity);
    const supported = target.learning.rules;
    if (rule === undefined || !supported.includes(rule.kind)) {
      diagnostics.push(
        makeDiagnostic(
          mappingDiagnostics.learningNotSupported,
          [
            projection.name,
            projection.plasticity,
            rule?.kind ?? "undeclared",
            target.name,
            supported.length === 0 ? "no learning" : `only ${supported.join(", ")}`,
          ],
          {
            span,
            notes: rule
              ? [{ message: `rule '${rule.name}' is declared here`, span: rule.span }]
              : [],
          },
        ),
      );
      return false;
    }
  }
  return true;
}

function shapeProblem(
  projection: ResolvedProjection,
  plan: ConnectorPlan,
  pre: NeuronGroup,
  post: NeuronGroup,
): string | undefined {
  const { pre: preRange, post: postRange } = projection;
  for (const [range, group] of [
    [preRange, pre],
    [postRange, post],
  ] as const) {
    if (range.start < 0 || range.end > group.size || range.start > range.end)
      return `the range [${range.start}, ${range.end}) lies outside '${group.name}' (size ${group.size})`;
  }
  const c = projection.connector;
  switch (c.kind) {
    case "one_to_one":
      return plan.preCount === plan.postCount
        ? undefined
        : `the pre range has ${plan.preCount} neurons and the post range ${plan.postCount}`;
    case "random":
      return c.p >= 0 && c.p <= 1 ? undefined : `its probability ${c.p} is not in [0, 1]`;
    case "fixed_fan_in":
      return Number.isInteger(c.n) && c.n >= 0 ? undefined : `its count ${c.n} is not a count`;
    case "conv2d": {
      const [inH, inW] = c.inShape;
      const [outH, outW] = c.outShape;
      if (c.strideX < 1 || c.strideY < 1 || c.kernelH < 1 || c.kernelW < 1 || c.padding < 0)
        return "its kernel, stride and padding must be positive";
      if (inH * inW !== plan.preCount)
        return `its input shape ${inH} x ${inW} does not match the ${plan.preCount} pre neurons`;
      if (outH * outW !== plan.postCount)
        return `its output shape ${outH} x ${outW} does not match the ${plan.postCount} post neurons`;
      const wantH = Math.floor((inH + 2 * c.padding - c.kernelH) / c.strideY) + 1;
      const wantW = Math.floor((inW + 2 * c.padding - c.kernelW) / c.strideX) + 1;
      if (wantH !== outH || wantW !== outW)
        return `its output shape is ${outH} x ${outW} but the kernel, stride and padding give ${wantH} x ${wantW}`;
      if (c.kernelV !== undefined && c.kernelV.length !== c.kernelH * c.kernelW)
        return `its kernel has ${c.kernelV.length} weights, expected ${c.kernelH * c.kernelW}`;
      return undefined;
    }
    default:
      return undefined;
  }
}
