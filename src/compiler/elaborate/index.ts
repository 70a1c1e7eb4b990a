/**
 * Elaboration: expands populations, inputs and projections into one flat synapse graph in CSR
 * order by logical source neuron, with weights and delays already quantised (see quantise/).
 *
 * Each connector runs twice from its seed: a counting pass that sizes every row, then a filling
 * pass that writes each synapse straight into its final slot. Within a source row, synapses are
 * grouped by projection in program order; `perPre` of each projection records the group sizes so
 * later phases can recover the projection of any synapse without storing it per synapse.
 * Memory: 8 bytes per synapse here (target, weight, delay), estimated and checked against the
 * budget before anything is allocated.
 */
import type {
  ResolvedPlasticityRule,
  ResolvedProgram,
  ResolvedProjection,
  ResolvedTarget,
} from "../../../dsl/resolved.ts";
import type { Diagnostic, Span } from "../../diagnostics/diagnostic.ts";
import { makeDiagnostic, mappingDiagnostics } from "../../diagnostics/catalogue/index.ts";
import { buildLayout, groupOf, type NeuronLayout } from "./layout.ts";
import { expectedSynapses, generateConnections, type ConnectorPlan } from "./connectors.ts";
import { readSynapseFile, type SynapseRows } from "./synapse-file.ts";
import { drawValues, valueStream } from "./values.ts";
import { projectionWeightFormat, targetDelayFormat } from "../quantise/formats.ts";
import { WeightStats } from "../quantise/weights.ts";
import { DelayStats } from "../quantise/delays.ts";
import { checkConnector } from "./checks.ts";
import { estimateBytes, formatBudgetError } from "./memory.ts";

export interface ElaboratedProjection {
  readonly index: number;
  readonly name: string;
  readonly span: Span;
  readonly preGroup: number;
  readonly postGroup: number;
  /** Logical ids of the first pre and post neurons of the ranges. */
  readonly preStart: number;
  readonly postStart: number;
  readonly preCount: number;
  readonly postCount: number;
  /** Synapses of this projection per pre neuron of its range. */
  readonly perPre: Uint32Array;
  readonly synapseCount: number;
  readonly receptor: "exc" | "inh";
  /** Index into program.plasticityRules, -1 when static. */
  readonly plasticity: number;
  readonly weights: WeightStats;
  readonly delays: DelayStats;
}

export interface ElaboratedGraph {
  readonly layout: NeuronLayout;
  readonly projections: readonly ElaboratedProjection[];
  readonly synapseCount: number;
  /** Synapses of logical source s: [rowStart[s], rowStart[s + 1]). */
  readonly rowStart: Uint32Array;
  /** Per synapse: logical (= hardware) id of the post neuron. */
  readonly target: Uint32Array;
  /** Per synapse: weight code in steps of its projection's weights.format.lsbV. */
  readonly weight: Int16Array;
  /** Per synapse: delay in steps of the target's delay resolution. */
  readonly delay: Uint16Array;
}

export interface ElaborateOptions {
  readonly memoryBudgetBytes: number;
}

/** The largest synapse count the IR's Uint32 indices can hold. */
export const MAX_SYNAPSES = 2 ** 32 - 1;

interface Prepared {
  readonly projection: ResolvedProjection;
  readonly plan: ConnectorPlan;
  readonly preGroup: number;
  readonly postGroup: number;
  readonly preStart: number;
  readonly postStart: number;
  readonly rule: ResolvedPlasticityRule | undefined;
  readonly kernelV: Float64Array | undefined;
}

export function elaborate(
  program: ResolvedProgram,
  target: ResolvedTarget,
  options: ElaborateOptions,
  diagnostics: Diagnostic[],
): ElaboratedGraph | undefined {
  const layout = buildLayout(program);
  const prepared = prepareProjections(program, target, layout, diagnostics);
  if (prepared === undefined) return undefined;

  // 1. Refuse before allocating: the expected size of every projection against the budget.
  const expected = prepared.map((p) => expectedSynapses(p.plan));
  if (!withinBudget(layout, prepared, expected, options, diagnostics)) return undefined;

  // 2. Count synapses per source, projection by projection.
  const rowStart = new Uint32Array(layout.count + 1);
  const perPre: Uint32Array[] = [];
  let total = 0;
  for (const p of prepared) {
    const counts = new Uint32Array(p.plan.preCount);
    generateConnections(p.plan, (pre) => {
      counts[pre]!++;
    });
    for (let i = 0; i < counts.length; i++) {
      rowStart[p.preStart + i]! += counts[i]!;
      total += counts[i]!;
    }
    perPre.push(counts);
  }
  if (total > MAX_SYNAPSES) {
    diagnostics.push(makeDiagnostic(mappingDiagnostics.tooManySynapses, [total, MAX_SYNAPSES]));
    return undefined;
  }
  const actual = prepared.map((_, k) => perPre[k]!.reduce((a, b) => a + b, 0));
  if (!withinBudget(layout, prepared, actual, options, diagnostics)) return undefined;

  // 3. Prefix sums turn counts into row starts; `fill` is each row's next free slot.
  let running = 0;
  for (let s = 0; s < layout.count; s++) {
    const count = rowStart[s]!;
    rowStart[s] = running;
    running += count;
  }
  rowStart[layout.count] = running;
  const fill = rowStart.slice(0, layout.count);
  const targetIds = new Uint32Array(total);
  const weight = new Int16Array(total);
  const delay = new Uint16Array(total);

  // 4. Fill, quantising as we go; projection order keeps each row grouped by projection.
  const delayFmt = targetDelayFormat(target);
  const projections = prepared.map((p, k): ElaboratedProjection => {
    const format = projectionWeightFormat(p.projection, target, p.rule, p.plan.rows, p.kernelV);
    const weights = new WeightStats(format);
    const delays = new DelayStats(delayFmt);
    const weightOf = weightSource(p, weights, actual[k]!);
    const delayOf = delaySource(p, delays, actual[k]!);
    const { preStart, postStart } = p;
    if (hasConstantCodes(p)) {
      // Constant codes are written row segment by row segment afterwards: the connector visits
      // rows in random order, and one scattered write per synapse is cheaper than three.
      const segmentStart = fill.slice(preStart, preStart + p.plan.preCount);
      generateConnections(p.plan, (pre, post) => {
        targetIds[fill[preStart + pre]!++] = postStart + post;
      });
      const code = weightOf(-1);
      const steps = delayOf(-1);
      for (let i = 0; i < segmentStart.length; i++) {
        weight.fill(code, segmentStart[i]!, fill[preStart + i]!);
        delay.fill(steps, segmentStart[i]!, fill[preStart + i]!);
      }
    } else {
      generateConnections(p.plan, (pre, post, item) => {
        const at = fill[preStart + pre]!++;
        targetIds[at] = postStart + post;
        weight[at] = weightOf(item);
        delay[at] = delayOf(item);
      });
    }
    return {
      index: k,
      name: p.projection.name,
      span: p.projection.span,
      preGroup: p.preGroup,
      postGroup: p.postGroup,
      preStart,
      postStart,
      preCount: p.plan.preCount,
      postCount: p.plan.postCount,
      perPre: perPre[k]!,
      synapseCount: actual[k]!,
      receptor: p.projection.receptor,
      plasticity: p.rule === undefined ? -1 : program.plasticityRules.indexOf(p.rule),
      weights,
      delays,
    };
  });

  return {
    layout,
    projections,
    synapseCount: total,
    rowStart,
    target: targetIds,
    weight,
    delay,
  };
}

/** Resolves ranges, reads synapse files and checks every connector; undefined on any error. */
function prepareProjections(
  program: ResolvedProgram,
  target: ResolvedTarget,
  layout: NeuronLayout,
  diagnostics: Diagnostic[],
): Prepared[] | undefined {
  const errorsBefore = diagnostics.filter((d) => d.severity === "error").length;
  const prepared: Prepared[] = [];
  for (const projection of program.projections) {
    const preGroup = groupOf(layout, projection.pre);
    const postGroup = groupOf(layout, projection.post);
    const pre = layout.groups[preGroup];
    const post = layout.groups[postGroup];
    if (pre === undefined || post === undefined) {
      const missing = pre === undefined ? projection.pre.name : projection.post.name;
      diagnostics.push(
        makeDiagnostic(mappingDiagnostics.internal, [
          `projection '${projection.name}' names '${missing}', which the program does not declare`,
        ]),
      );
      continue;
    }
    const preCount = projection.pre.end - projection.pre.start;
    const postCount = projection.post.end - projection.post.start;
    const selfShift =
      preGroup === postGroup ? projection.pre.start - projection.post.start : undefined;
    let rows: SynapseRows | undefined;
    if (projection.connector.kind === "file") {
      rows = readSynapseFile(
        projection.name,
        projection.connector.path,
        preCount,
        postCount,
        diagnostics,
      );
      if (rows === undefined) continue;
    }
    const plan: ConnectorPlan = {
      connector: projection.connector,
      preCount,
      postCount,
      selfShift,
      rows,
    };
    if (!checkConnector(projection, plan, pre, post, target, program, diagnostics)) continue;

    const rule = program.plasticityRules.find((r) => r.name === projection.plasticity);
    const c = projection.connector;
    const kernelV =
      c.kind === "conv2d"
        ? (c.kernelV ?? drawValues(projection.weightV, c.kernelH * c.kernelW, 0))
        : undefined;
    prepared.push({
      projection,
      plan,
      preGroup,
      postGroup,
      preStart: pre.offset + projection.pre.start,
      postStart: post.offset + projection.post.start,
      rule,
      kernelV,
    });
  }
  const errorsAfter = diagnostics.filter((d) => d.severity === "error").length;
  return errorsAfter > errorsBefore ? undefined : prepared;
}

function withinBudget(
  layout: NeuronLayout,
  prepared: readonly Prepared[],
  counts: readonly number[],
  options: ElaborateOptions,
  diagnostics: Diagnostic[],
): boolean {
  const synapses = counts.reduce((a, b) => a + b, 0);
  const bytes = estimateBytes(layout.count, synapses);
  if (bytes <= options.memoryBudgetBytes) return true;
  let largest = 0;
  counts.forEach((c, k) => {
    if (c > counts[largest]!) largest = k;
  });
  const culprit = prepared[largest]!.projection;
  diagnostics.push(
    formatBudgetError(bytes, synapses, options.memoryBudgetBytes, culprit, counts[largest]!),
  );
  return false;
}

/** True when every synapse of the projection gets the same weight and delay codes. */
function hasConstantCodes(p: Prepared): boolean {
  const rows = p.plan.rows;
  return (
    p.kernelV === undefined &&
    rows?.weightV === undefined &&
    rows?.delayS === undefined &&
    p.projection.weightV.kind === "constant" &&
    p.projection.delayS.kind === "constant"
  );
}

/**
 * Per synapse weight code. A constant weight is quantised once and counted for every synapse;
 * conv2d kernels and file weights are looked up by item; distributions draw per synapse.
 */
function weightSource(p: Prepared, stats: WeightStats, count: number): (item: number) => number {
  if (p.kernelV !== undefined) {
    const kernel = p.kernelV;
    return (item) => stats.quantise(kernel[item]!);
  }
  const fileWeights = p.plan.rows?.weightV;
  if (fileWeights !== undefined) return (item) => stats.quantise(fileWeights[item]!);
  const spec = p.projection.weightV;
  if (spec.kind === "constant") {
    const code = stats.quantise(spec.value, count);
    return () => code;
  }
  const next = valueStream(spec);
  return () => stats.quantise(next());
}

function delaySource(p: Prepared, stats: DelayStats, count: number): (item: number) => number {
  const fileDelays = p.plan.rows?.delayS;
  if (fileDelays !== undefined) return (item) => stats.quantise(fileDelays[item]!);
  const spec = p.projection.delayS;
  if (spec.kind === "constant") {
    const steps = stats.quantise(spec.value, count);
    return () => steps;
  }
  const next = valueStream(spec);
  return () => stats.quantise(next());
}
