/**
 * The compiler driver: the back end's phases in order, each a folder of its own. It reads as the
 * pipeline of docs/architecture.md; every phase reports into one diagnostics list, and a phase
 * that reports an error stops the run (later phases never see broken input).
 *
 *   1. elaborate   flat synapse graph, weights and delays quantised as drawn
 *   2. quantise    warnings about weights that became zero or saturated, delays clamped
 *   3. partition   contiguous neuron ranges per core, every per-core limit respected
 *   4. fan-out     rows ordered by destination core, fan-out entries
 *   5. place       cores onto routers: annealed, compared with naive in-order placement
 *   6. route       XY multicast trees and routing-table occupancy
 *   7. emit        the ChipIR
 *   8. validate    the separate IR validator re-checks delivery and limits
 */
import type { ResolvedProgram, ResolvedTarget } from "../../dsl/resolved.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { makeDiagnostic, mappingDiagnostics } from "../diagnostics/catalogue/index.ts";
import type { ChipIR } from "../ir/types.ts";
import { validateIr } from "../ir/validate.ts";
import { elaborate } from "./elaborate/index.ts";
import { estimateBytes, formatBudgetError } from "./elaborate/memory.ts";
import { quantisationDiagnostics } from "./quantise/report.ts";
import { partition } from "./partition/index.ts";
import { buildFanOut } from "./partition/fanout.ts";
import { neuronRates, type RunProfile } from "./place/rates.ts";
import { coreTraffic } from "./place/traffic.ts";
import { place, type PlacerKind } from "./place/index.ts";
import { routeGroups } from "./route/groups.ts";
import { route } from "./route/index.ts";
import { emit } from "./emit/index.ts";
import { checkTarget } from "./targets/check.ts";
import { deriveSeed } from "./random.ts";

export interface CompileOptions {
  /** Seed of the placer; the program's own seed when absent (connectivity seeds are fixed). */
  seed?: number;
  /** Refuse networks whose estimated size exceeds this; default 2 GiB. */
  memoryBudgetBytes?: number;
  /** Per-population spike rates from an earlier run, for traffic estimates. */
  profile?: RunProfile;
  placer?: PlacerKind;
  /** Called after each phase with its wall time. */
  onPhase?: (phase: string, ms: number) => void;
}

export interface CompileResult {
  ir: ChipIR | undefined;
  diagnostics: Diagnostic[];
}

export const DEFAULT_MEMORY_BUDGET_BYTES = 2 * 1024 ** 3;

export function compileProgram(
  program: ResolvedProgram,
  target: ResolvedTarget,
  options: CompileOptions = {},
): CompileResult {
  const diagnostics: Diagnostic[] = [];
  try {
    const ir = runPhases(program, target, options, diagnostics);
    return { ir: hasErrors(diagnostics) ? undefined : ir, diagnostics };
  } catch (error) {
    // An exception here is a compiler bug: report it as a diagnostic, not a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.push(makeDiagnostic(mappingDiagnostics.internal, [message]));
    if (process.env["ANT_DEBUG"] && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    return { ir: undefined, diagnostics };
  }
}

function runPhases(
  program: ResolvedProgram,
  target: ResolvedTarget,
  options: CompileOptions,
  diagnostics: Diagnostic[],
): ChipIR | undefined {
  const budget = options.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET_BYTES;
  const seed = options.seed ?? program.seed;
  const timed = <T>(phase: string, run: () => T): T => {
    const start = performance.now();
    const result = run();
    options.onPhase?.(phase, performance.now() - start);
    return result;
  };
  if (!checkTarget(target, diagnostics)) return undefined;

  const graph = timed("elaborate", () =>
    elaborate(program, target, { memoryBudgetBytes: budget }, diagnostics),
  );
  if (graph === undefined || hasErrors(diagnostics)) return undefined;

  timed("quantise", () => diagnostics.push(...quantisationDiagnostics(graph, target)));

  const parts = timed("partition", () => partition(graph, target, diagnostics));
  if (parts === undefined || hasErrors(diagnostics)) return undefined;

  // The partition knows the exact number of (source, core) pairs: check the real size now.
  const pairs = parts.stats.fanOut.reduce((a, b) => a + b, 0);
  const exactBytes = estimateBytes(graph.layout.count, 0) + graph.synapseCount * 10 + pairs * 10;
  if (exactBytes > budget) {
    const largest = [...graph.projections].sort((a, b) => b.synapseCount - a.synapseCount)[0]!;
    const culprit = program.projections[largest.index]!;
    diagnostics.push(
      formatBudgetError(exactBytes, graph.synapseCount, budget, culprit, largest.synapseCount),
    );
    return undefined;
  }
  const fanOut = timed("fan-out", () => buildFanOut(graph, parts, pairs));

  const rates = neuronRates(program, graph.layout, options.profile, diagnostics);
  const placement = timed("place", () => {
    const traffic = coreTraffic(fanOut, parts.neuronCore, parts.coreCount, rates);
    const groups = routeGroups(fanOut, parts.neuronCore, rates);
    const placed = place(target, traffic, groups, options.placer ?? "anneal", deriveSeed(seed, 1));
    return { traffic, groups, placed };
  });

  const routing = timed("route", () =>
    route(target, graph.layout, placement.groups, placement.placed, diagnostics, {
      usedBytes: exactBytes,
      budgetBytes: budget,
    }),
  );
  if (routing === undefined || hasErrors(diagnostics)) return undefined;

  const ir = timed("emit", () =>
    emit({
      program,
      target,
      seed,
      graph,
      partition: parts,
      fanOut,
      traffic: placement.traffic,
      placement: placement.placed,
      routing,
    }),
  );

  // A validator failure is the compiler's fault, never the user's: it is reported as such.
  const problems = timed("validate", () => validateIr(ir));
  diagnostics.push(...problems);
  return ir;
}
