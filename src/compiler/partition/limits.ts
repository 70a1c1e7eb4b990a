/**
 * The partitioner's refusals, each naming the population or projection at fault, the limit, by
 * how much it is exceeded and what to change: limits one neuron breaks alone, more cores than
 * the target has, and TrueNorth-style restrictions (one destination core per neuron, at most a
 * few distinct weights per neuron). Also the neurons per core the partitioner works to.
 */
import type { ResolvedTarget } from "../../../dsl/resolved.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { makeDiagnostic, mappingDiagnostics } from "../../diagnostics/catalogue/index.ts";
import { MAX_CORE_NEURONS } from "../../ir/types.ts";
import type { ElaboratedGraph } from "../elaborate/index.ts";
import { groupAt } from "../elaborate/layout.ts";
import { formatBytes, formatCount } from "../format.ts";
import type { CoreStats, NeuronLoads } from "./stats.ts";
import { forEachSegment, projectionsByPreGroup } from "./rows.ts";

/**
 * Neurons the partitioner puts on one core at most: the target's limit, capped at
 * MAX_CORE_NEURONS because the IR and the image name a synapse's post neuron by a 16-bit index
 * within its core (src/ir/types.ts). A target that allows more still gets cores of 2^16 neurons.
 */
export function neuronsPerCore(target: ResolvedTarget): number {
  return Math.min(target.core.maxNeurons, MAX_CORE_NEURONS);
}

export function checkSingleNeurons(
  graph: ElaboratedGraph,
  target: ResolvedTarget,
  loads: NeuronLoads,
  diagnostics: Diagnostic[],
): boolean {
  const limits = target.core;
  const reported = new Set<number>();
  const report = (neuron: number, build: (group: string, index: number) => Diagnostic): void => {
    const g = groupAt(graph.layout, neuron);
    if (reported.has(g)) return;
    reported.add(g);
    const group = graph.layout.groups[g]!;
    diagnostics.push(build(group.name, neuron - group.offset));
  };

  graph.layout.groups.forEach((group, g) => {
    const end = group.offset + group.size;
    for (let t = group.offset; t < end && !reported.has(g); t++) {
      const fanIn = loads.fanIn[t]!;
      const synapses = loads.synapses[t]!;
      const bits = loads.memoryBits[t]!;
      if (
        fanIn <= limits.maxFanInAxons &&
        synapses <= limits.maxSynapses &&
        bits <= limits.synapticMemoryBits
      )
        continue;
      const span = group.span;
      const help = `lower the fan-in of ${incoming(graph, group.name)} or use a target with larger cores`;
      const [entry, needed, limit] =
        fanIn > limits.maxFanInAxons
          ? ([
              mappingDiagnostics.neuronFanInTooLarge,
              formatCount(fanIn),
              formatCount(limits.maxFanInAxons),
            ] as const)
          : synapses > limits.maxSynapses
            ? ([
                mappingDiagnostics.neuronSynapsesTooMany,
                `${formatCount(synapses)} synapses`,
                formatCount(limits.maxSynapses),
              ] as const)
            : ([
                mappingDiagnostics.neuronSynapsesTooMany,
                `${formatBytes(bits / 8)} of synaptic memory`,
                formatBytes(limits.synapticMemoryBits / 8),
              ] as const);
      report(t, (name, index) =>
        makeDiagnostic(entry, [name, needed, index, limit], { span, help }),
      );
    }
  });
  return reported.size === 0;
}

/** "'exc->inh' and 'ext->inh'": the projections into a group, for help texts. */
function incoming(graph: ElaboratedGraph, group: string): string {
  const names = graph.projections
    .filter((p) => graph.layout.groups[p.postGroup]!.name === group)
    .map((p) => `'${p.name}'`);
  return names.length === 0 ? `'${group}'` : names.join(" and ");
}

const LIMIT_NAMES = [
  "neurons per core",
  "synapses per core",
  "synaptic memory",
  "input axons (fan-in)",
  "fan-out entries",
] as const;

export function reportTooManyCores(
  graph: ElaboratedGraph,
  target: ResolvedTarget,
  cuts: Uint32Array,
  stats: CoreStats,
  diagnostics: Diagnostic[],
): void {
  const coreCount = cuts.length - 1;
  const coresPerGroup = new Array<number>(graph.layout.groups.length).fill(0);
  // For each group, how close its cores come to each limit: the tightest one explains the count.
  const pressure = graph.layout.groups.map(() => new Float64Array(LIMIT_NAMES.length));
  const l = target.core;
  const maxNeurons = neuronsPerCore(target);
  for (let c = 0; c < coreCount; c++) {
    const g = groupAt(graph.layout, cuts[c]!);
    coresPerGroup[g]!++;
    const ratios = [
      stats.neurons[c]! / maxNeurons,
      stats.synapses[c]! / l.maxSynapses,
      stats.memoryBits[c]! / l.synapticMemoryBits,
      stats.fanIn[c]! / l.maxFanInAxons,
      stats.fanOut[c]! / l.maxFanOutEntries,
    ];
    ratios.forEach((r, k) => {
      pressure[g]![k] = Math.max(pressure[g]![k]!, r);
    });
  }
  let worst = 0;
  coresPerGroup.forEach((n, g) => {
    if (n > coresPerGroup[worst]!) worst = g;
  });
  const ratios = pressure[worst]!;
  let limit = 0;
  ratios.forEach((r, k) => {
    if (r > ratios[limit]!) limit = k;
  });
  const group = graph.layout.groups[worst]!;
  const chips = target.chipsX * target.chipsY;
  const available = chips * target.meshWidth * target.meshHeight;
  const limitValues = [
    formatCount(maxNeurons),
    formatCount(l.maxSynapses),
    formatBytes(l.synapticMemoryBits / 8),
    formatCount(l.maxFanInAxons),
    formatCount(l.maxFanOutEntries),
  ];
  diagnostics.push(
    makeDiagnostic(
      mappingDiagnostics.tooManyCores,
      [
        formatCount(coreCount),
        target.name,
        formatCount(available),
        plural(chips, "chip"),
        plural(target.meshWidth * target.meshHeight, "core"),
        group.name,
        formatCount(coresPerGroup[worst]!),
        LIMIT_NAMES[limit]!,
        formatCount(coreCount - available),
        limitValues[limit]!,
      ],
      {
        span: group.span,
        help: `make '${group.name}' smaller or sparser, or choose a target with more cores`,
      },
    ),
  );
}

export function checkRestrictions(
  graph: ElaboratedGraph,
  target: ResolvedTarget,
  cuts: Uint32Array,
  neuronCore: Uint32Array,
  stats: CoreStats,
  diagnostics: Diagnostic[],
): boolean {
  const r = target.restrictions;
  let ok = true;
  const maxDest = r.maxDestinationCoresPerNeuron;
  if (maxDest !== undefined) {
    for (let c = 0; c + 1 < cuts.length; c++) {
      if (stats.maxDestCores[c]! <= maxDest) continue;
      const neuron = stats.maxDestNeuron[c]!;
      const group = graph.layout.groups[groupAt(graph.layout, neuron)]!;
      diagnostics.push(
        makeDiagnostic(
          mappingDiagnostics.tooManyDestinationCores,
          [group.name, neuron - group.offset, stats.maxDestCores[c]!, target.name, maxDest],
          {
            span: group.span,
            help: `connect each neuron of '${group.name}' to targets that fit on one core (${neuronsPerCore(target)} neurons)`,
          },
        ),
      );
      ok = false;
      break;
    }
  }
  const maxWeights = r.maxDistinctWeightsPerNeuron;
  if (maxWeights !== undefined && !checkDistinctWeights(graph, target, maxWeights, diagnostics))
    ok = false;
  void neuronCore;
  return ok;
}

/** Counts distinct weights (in volts) per post neuron, keeping at most limit + 1 per neuron. */
function checkDistinctWeights(
  graph: ElaboratedGraph,
  target: ResolvedTarget,
  limit: number,
  diagnostics: Diagnostic[],
): boolean {
  const n = graph.layout.count;
  const slots = limit + 1;
  const seen = new Float64Array(n * slots);
  const count = new Uint8Array(n);
  const byGroup = projectionsByPreGroup(graph);
  let culprit = -1;
  for (let s = 0; s < n && culprit < 0; s++) {
    forEachSegment(graph, byGroup, groupAt(graph.layout, s), s, (p, start, end) => {
      const lsb = p.weights.format.lsbV;
      for (let i = start; i < end; i++) {
        const t = graph.target[i]!;
        const w = graph.weight[i]! * lsb;
        const k = count[t]!;
        let found = false;
        for (let j = 0; j < k; j++) if (seen[t * slots + j] === w) found = true;
        if (found || k > limit) continue;
        seen[t * slots + k] = w;
        count[t] = k + 1;
        if (k + 1 > limit && culprit < 0) culprit = t;
      }
    });
  }
  if (culprit < 0) return true;
  const group = graph.layout.groups[groupAt(graph.layout, culprit)]!;
  diagnostics.push(
    makeDiagnostic(
      mappingDiagnostics.crossbarNeedsConstantSign,
      [group.name, culprit - group.offset, `more than ${limit}`, target.name, limit],
      {
        span: group.span,
        help: `use at most ${limit} distinct weight values for the projections into '${group.name}'`,
      },
    ),
  );
  return false;
}

/** "1 core", "4 cores". */
function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? "" : "s"}`;
}
