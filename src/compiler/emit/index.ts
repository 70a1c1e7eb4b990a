/**
 * Emission: assembles the ChipIR from what the earlier phases produced. Hardware ids equal
 * logical ids (partition/index.ts), so per-neuron arrays are written in program order; the
 * weights and delays of the elaborated graph are the IR's arrays, not copies, and the slots are
 * the fan-out phase's.
 */
import type { ResolvedProgram, ResolvedTarget } from "../../../dsl/resolved.ts";
import {
  IR_FORMAT_VERSION,
  routerId,
  type ChipIR,
  type IrCore,
  type IrNeurons,
  type IrSlice,
} from "../../ir/types.ts";
import type { ElaboratedGraph } from "../elaborate/index.ts";
import { drawValues } from "../elaborate/values.ts";
import type { Partition } from "../partition/index.ts";
import type { FanOut } from "../partition/fanout.ts";
import type { CoreTraffic } from "../place/traffic.ts";
import type { Placement } from "../place/index.ts";
import type { Routing } from "../route/index.ts";
import { irTarget } from "./target.ts";
import {
  irInputs,
  irModels,
  irPlasticityRules,
  irPopulations,
  irProjections,
  irRecordings,
} from "./program.ts";

export interface EmitInput {
  readonly program: ResolvedProgram;
  readonly target: ResolvedTarget;
  readonly seed: number;
  readonly graph: ElaboratedGraph;
  readonly partition: Partition;
  readonly fanOut: FanOut;
  readonly traffic: CoreTraffic;
  readonly placement: Placement;
  readonly routing: Routing;
}

export function emit(input: EmitInput): ChipIR {
  const { program, target, graph, partition, fanOut, placement, routing } = input;
  return {
    formatVersion: IR_FORMAT_VERSION,
    name: program.name,
    seed: input.seed,
    target: irTarget(target),
    models: irModels(program, target),
    populations: irPopulations(graph.layout),
    projections: irProjections(graph),
    plasticityRules: irPlasticityRules(program, graph.layout),
    cores: cores(input),
    slices: slices(graph, partition),
    neurons: neurons(program, graph, partition),
    synapses: {
      count: graph.synapseCount,
      fanOutStart: fanOut.fanOutStart,
      fanOutCore: fanOut.fanOutCore,
      fanOutProjection: fanOut.fanOutProjection,
      synStart: fanOut.synStart,
      targetSlot: fanOut.targetSlot,
      weight: graph.weight,
      delay: graph.delay,
    },
    routes: routing.routes,
    inputs: irInputs(program, graph.layout),
    recordings: irRecordings(program, graph.layout),
    mapping: {
      coresUsed: partition.coreCount,
      placer: placement.placer,
      placement: placement.quality,
      naivePlacement: placement.naiveQuality,
      maxRoutingEntries: routing.maxTableEntries,
    },
  };
}

function cores(input: EmitInput): IrCore[] {
  const { target, partition, placement, traffic } = input;
  const grid = placement.grid;
  const stats = partition.stats;
  const ir = irTarget(target);
  const out: IrCore[] = [];
  for (let c = 0; c < partition.coreCount; c++) {
    const p = placement.position[c]!;
    const gx = p % grid.width;
    const gy = (p - gx) / grid.width;
    out.push({
      chipX: Math.floor(gx / grid.meshWidth),
      chipY: Math.floor(gy / grid.meshHeight),
      x: gx % grid.meshWidth,
      y: gy % grid.meshHeight,
      router: routerId(ir, gx, gy),
      neuronStart: partition.coreStart[c]!,
      neuronCount: stats.neurons[c]!,
      synapseCount: stats.synapses[c]!,
      fanInAxons: stats.fanIn[c]!,
      fanOutEntries: stats.fanOut[c]!,
      synapticMemoryBits: stats.memoryBits[c]!,
      estimatedSpikeRateHz: traffic.coreRateHz[c]!,
    });
  }
  return out;
}

/** Each core's range cut at population boundaries. */
function slices(graph: ElaboratedGraph, partition: Partition): IrSlice[] {
  const out: IrSlice[] = [];
  const groups = graph.layout.groups;
  let g = 0;
  for (let c = 0; c < partition.coreCount; c++) {
    const start = partition.coreStart[c]!;
    const end = partition.coreStart[c + 1]!;
    while (g < groups.length && groups[g]!.offset + groups[g]!.size <= start) g++;
    for (let k = g; k < groups.length && groups[k]!.offset < end; k++) {
      const group = groups[k]!;
      const from = Math.max(start, group.offset);
      const to = Math.min(end, group.offset + group.size);
      if (to <= from) continue;
      out.push({
        population: k,
        start: from - group.offset,
        end: to - group.offset,
        core: c,
        neuronStart: from,
      });
    }
  }
  return out;
}

function neurons(
  program: ResolvedProgram,
  graph: ElaboratedGraph,
  partition: Partition,
): IrNeurons {
  const n = graph.layout.count;
  const population = new Uint16Array(n);
  const index = new Uint32Array(n);
  const initV = new Float64Array(n);
  const initGExcV = new Float64Array(n);
  const initGInhV = new Float64Array(n);
  const initThetaV = new Float64Array(n);
  graph.layout.groups.forEach((g, k) => {
    population.fill(k, g.offset, g.offset + g.size);
    for (let i = 0; i < g.size; i++) index[g.offset + i] = i;
    if (g.kind !== "population") return;
    const pop = program.populations.find((p) => p.name === g.name)!;
    const model = program.models[g.model];
    const rest = model?.params.vRestV ?? 0;
    initV.set(drawValues(pop.init.vV, g.size, rest), g.offset);
    initGExcV.set(drawValues(pop.init.gExcV, g.size, 0), g.offset);
    initGInhV.set(drawValues(pop.init.gInhV, g.size, 0), g.offset);
    initThetaV.set(drawValues(pop.init.thetaV, g.size, 0), g.offset);
  });
  return {
    count: n,
    population,
    index,
    core: partition.neuronCore,
    initV,
    initGExcV,
    initGInhV,
    initThetaV,
  };
}
