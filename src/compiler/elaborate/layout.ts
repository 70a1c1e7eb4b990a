/**
 * Logical neuron numbering: every population, then every input, one after the other, in program
 * order. The compiler keeps this order all the way to the IR (cores hold consecutive logical
 * ranges and are numbered in that order), so a logical id is also the hardware id.
 */
import type { NeuronRange, ResolvedProgram } from "../../../dsl/resolved.ts";
import type { Span } from "../../diagnostics/diagnostic.ts";

export interface NeuronGroup {
  readonly name: string;
  readonly kind: "population" | "input";
  readonly size: number;
  readonly shape: readonly number[];
  /** Logical id of the group's first neuron. */
  readonly offset: number;
  readonly span: Span;
  /** Index into program.models, -1 for inputs. */
  readonly model: number;
}

export interface NeuronLayout {
  readonly groups: readonly NeuronGroup[];
  readonly count: number;
}

export function buildLayout(program: ResolvedProgram): NeuronLayout {
  const groups: NeuronGroup[] = [];
  let offset = 0;
  for (const p of program.populations) {
    const model = program.models.findIndex((m) => m.name === p.model);
    groups.push({ ...pick(p, "population"), offset, model });
    offset += p.size;
  }
  for (const i of program.inputs) {
    groups.push({ ...pick(i, "input"), offset, model: -1 });
    offset += i.size;
  }
  return { groups, count: offset };
}

function pick(
  g: { name: string; size: number; shape: readonly number[]; span: Span },
  kind: "population" | "input",
): Omit<NeuronGroup, "offset" | "model"> {
  return { name: g.name, kind, size: g.size, shape: g.shape, span: g.span };
}

/** The group a range names; undefined when the program does not declare it. */
export function groupOf(layout: NeuronLayout, range: NeuronRange): number {
  return layout.groups.findIndex((g) => g.name === range.name && g.kind === range.kind);
}

/** Index of the group holding logical neuron `id` (groups are sorted by offset). */
export function groupAt(layout: NeuronLayout, id: number): number {
  let low = 0;
  let high = layout.groups.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (layout.groups[mid]!.offset <= id) low = mid;
    else high = mid - 1;
  }
  return low;
}
