/**
 * Turns the engine's activity counts into energy, the clocked baseline, traffic and latency
 * figures (see "Energy" and "Clocked baseline" in docs/emulator.md).
 *
 * Every energy is count x per-operation figure of the target; per-kind totals are the sums of
 * the per-core figures in core order (plus routers without a core for routing), and each total
 * is the sum of its kinds in the order of EnergyByKind, so "total = sum of parts" holds exactly
 * for anyone who adds them the same way.
 */
import type { ChipIR } from "../../src/ir/types.ts";
import type { ActivityCounters } from "./counters.ts";
import type { MeshTopology } from "../mesh/topology.ts";
import { DIRECTION_NAMES } from "../mesh/topology.ts";
import type {
  ClockedEnergy,
  CoreActivity,
  EnergyByKind,
  LinkActivity,
  PopulationActivity,
  RunReport,
} from "./report-types.ts";

export interface ReportInput {
  readonly ir: ChipIR;
  readonly mesh: MeshTopology;
  readonly counters: ActivityCounters;
  /** Learning updates per core over the window (from the plasticity hooks), or zeros. */
  readonly learnUpdates: Float64Array;
  readonly simulatedPs: number;
  readonly clockStepPs: number;
  readonly mode: "float" | "fixed";
  readonly partial: boolean;
}

export function buildReport(input: ReportInput): RunReport {
  const { ir, mesh, counters, learnUpdates, simulatedPs, clockStepPs } = input;
  const e = ir.target.energy;
  const durationS = simulatedPs / 1e12;
  const steps = simulatedPs > 0 ? Math.ceil(simulatedPs / clockStepPs) : 0;
  const coreCount = ir.cores.length;
  const barrierPerCoreJ = coreCount > 0 ? (steps * e.barrierJ) / coreCount : 0;

  // Model neurons per core: the clocked chip updates these every step (input sources are not
  // updated, they only send).
  const modelNeurons = new Float64Array(coreCount);
  for (let i = 0; i < ir.neurons.count; i++)
    if (ir.populations[ir.neurons.population[i]!]!.model >= 0) modelNeurons[ir.neurons.core[i]!]!++;

  // 1. Links, and hop energy per router.
  const routerRoutingJ = new Float64Array(mesh.routerCount);
  const routerHops = new Float64Array(mesh.routerCount);
  const links: LinkActivity[] = [];
  for (let link = 0; link < mesh.routerCount * 4; link++) {
    const messages = counters.linkMessages[link]!;
    if (messages === 0) continue;
    const router = link >> 2;
    const energyJ = messages * mesh.linkHopJ[link]!;
    routerRoutingJ[router]! += energyJ;
    routerHops[router]! += messages;
    const x = router % mesh.globalWidth;
    links.push({
      router,
      x,
      y: (router - x) / mesh.globalWidth,
      direction: DIRECTION_NAMES[link & 3]!,
      chipToChip: mesh.linkIsChip[link] === 1,
      messages,
      waitPs: counters.linkWaitPs[link]!,
      maxQueue: counters.linkMaxQueue[link]!,
      energyJ,
    });
  }
  let routingWithoutCoreJ = 0;
  for (let r = 0; r < mesh.routerCount; r++)
    if (mesh.routerCore[r]! < 0) routingWithoutCoreJ += routerRoutingJ[r]!;

  // 2. Cores.
  const cores: CoreActivity[] = ir.cores.map((core, k) => {
    const staticJ = e.staticPowerPerCoreW * durationS;
    const synOpsJ = counters.synOps[k]! * e.synOpJ;
    const spikesOutJ = counters.spikesOut[k]! * e.spikeOutJ;
    const learnUpdatesJ = learnUpdates[k]! * e.learnUpdateJ;
    const routingJ = routerRoutingJ[core.router] ?? 0;
    const energy = byKind(
      synOpsJ,
      counters.neuronUpdates[k]! * e.neuronUpdateJ,
      spikesOutJ,
      learnUpdatesJ,
      routingJ,
      staticJ,
    );
    const activeUpdates = counters.activeNeuronSteps[k]!;
    const idleUpdates = Math.max(0, modelNeurons[k]! * steps - activeUpdates);
    const clockedNeuronJ = activeUpdates * e.neuronUpdateJ + idleUpdates * e.neuronUpdateIdleJ;
    const clocked: ClockedEnergy = {
      activeUpdates,
      idleUpdates,
      synOpsJ,
      neuronUpdatesJ: clockedNeuronJ,
      spikesOutJ,
      learnUpdatesJ,
      routingJ,
      barrierJ: barrierPerCoreJ,
      staticJ,
      totalJ:
        synOpsJ +
        clockedNeuronJ +
        spikesOutJ +
        learnUpdatesJ +
        routingJ +
        barrierPerCoreJ +
        staticJ,
    };
    const late = counters.lateDeliveries[k]!;
    return {
      core: k,
      chipX: core.chipX,
      chipY: core.chipY,
      x: core.x,
      y: core.y,
      neurons: core.neuronCount,
      spikesOut: counters.spikesOut[k]!,
      messagesIn: counters.messagesIn[k]!,
      synOps: counters.synOps[k]!,
      neuronUpdates: counters.neuronUpdates[k]!,
      learnUpdates: learnUpdates[k]!,
      hops: routerHops[core.router] ?? 0,
      busyFraction: simulatedPs > 0 ? Math.min(1, counters.busyPs[k]! / simulatedPs) : 0,
      lateDeliveries: late,
      lateMeanPs: late > 0 ? counters.lateSumPs[k]! / late : 0,
      lateMaxPs: counters.lateMaxPs[k]!,
      energy,
      clocked,
      clockedRatio: ratio(clocked.totalJ, energy.totalJ),
    };
  });

  // 3. Totals: sums of the per-core figures in core order.
  const sum = (pick: (c: CoreActivity) => number): number => {
    let s = 0;
    for (const c of cores) s += pick(c);
    return s;
  };
  const energy = byKind(
    sum((c) => c.energy.synOpsJ),
    sum((c) => c.energy.neuronUpdatesJ),
    sum((c) => c.energy.spikesOutJ),
    sum((c) => c.energy.learnUpdatesJ),
    sum((c) => c.energy.routingJ) + routingWithoutCoreJ,
    sum((c) => c.energy.staticJ),
  );
  const clockedParts = {
    activeUpdates: sum((c) => c.clocked.activeUpdates),
    idleUpdates: sum((c) => c.clocked.idleUpdates),
    synOpsJ: energy.synOpsJ,
    neuronUpdatesJ: sum((c) => c.clocked.neuronUpdatesJ),
    spikesOutJ: energy.spikesOutJ,
    learnUpdatesJ: energy.learnUpdatesJ,
    routingJ: energy.routingJ,
    barrierJ: sum((c) => c.clocked.barrierJ),
    staticJ: energy.staticJ,
  };
  const clockedTotalJ =
    clockedParts.synOpsJ +
    clockedParts.neuronUpdatesJ +
    clockedParts.spikesOutJ +
    clockedParts.learnUpdatesJ +
    clockedParts.routingJ +
    clockedParts.barrierJ +
    clockedParts.staticJ;

  const populations: PopulationActivity[] = ir.populations.map((p, k) => ({
    name: p.name,
    spikes: counters.populationSpikes[k]!,
    rateHz: durationS > 0 && p.size > 0 ? counters.populationSpikes[k]! / p.size / durationS : 0,
  }));
  const hist = counters.latency;
  return {
    partial: input.partial,
    mode: input.mode,
    simulatedPs,
    totals: {
      spikes: sum((c) => c.spikesOut),
      synapticEvents: sum((c) => c.synOps),
      neuronUpdates: sum((c) => c.neuronUpdates),
      learnUpdates: sum((c) => c.learnUpdates),
      messages: sum((c) => c.messagesIn),
      hops: links.reduce((s, l) => s + l.messages, 0),
      lateDeliveries: sum((c) => c.lateDeliveries),
      events: counters.events,
    },
    energy,
    clocked: { ...clockedParts, totalJ: clockedTotalJ, stepPs: clockStepPs, steps },
    clockedRatio: ratio(clockedTotalJ, energy.totalJ),
    cores,
    links,
    routingWithoutCoreJ,
    latency: {
      messages: hist.count,
      meanPs: hist.meanPs(),
      p99Ps: hist.quantilePs(0.99),
      maxPs: hist.maxPs,
    },
    populations,
  };
}

function byKind(
  synOpsJ: number,
  neuronUpdatesJ: number,
  spikesOutJ: number,
  learnUpdatesJ: number,
  routingJ: number,
  staticJ: number,
): EnergyByKind {
  return {
    synOpsJ,
    neuronUpdatesJ,
    spikesOutJ,
    learnUpdatesJ,
    routingJ,
    staticJ,
    totalJ: synOpsJ + neuronUpdatesJ + spikesOutJ + learnUpdatesJ + routingJ + staticJ,
  };
}

function ratio(a: number, b: number): number {
  if (b === 0) return a === 0 ? 1 : Infinity;
  return a / b;
}
