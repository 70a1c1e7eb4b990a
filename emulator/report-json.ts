/**
 * The machine-readable run report (`ant run --json`): the RunReport with every energy in joules
 * and every time in seconds, the unit in each key (`total_j`, `wall_s`), snake_case keys, and a
 * `populations` array of `{ name, spikes, rate_hz }` that the compiler reads back as a placement
 * profile (`ant compile --profile run.json`). docs/emulator.md, "Outputs", lists the keys.
 */
import type { ClockedEnergy, EnergyByKind, RunReport } from "./energy/report-types.ts";
import type { ModeComparison } from "./compare-modes.ts";

const S_PER_PS = 1e-12;

export interface RunJsonExtras {
  readonly image: string;
  readonly target: string;
  readonly seed: number;
  readonly wallS: number;
  readonly requestedS: number;
  /** Simulated time at which the run began: 0, or where a saved run was resumed. */
  readonly startS?: number;
  readonly comparison?: ModeComparison;
}

export function runReportToJson(report: RunReport, extras: RunJsonExtras): unknown {
  const simulatedS = report.simulatedPs * S_PER_PS;
  return {
    image: extras.image,
    target: extras.target,
    mode: report.mode,
    seed: extras.seed,
    partial: report.partial,
    requested_s: extras.requestedS,
    start_s: extras.startS ?? 0,
    simulated_s: simulatedS,
    wall_s: extras.wallS,
    totals: {
      spikes: report.totals.spikes,
      synaptic_events: report.totals.synapticEvents,
      neuron_updates: report.totals.neuronUpdates,
      learn_updates: report.totals.learnUpdates,
      messages: report.totals.messages,
      hops: report.totals.hops,
      late_deliveries: report.totals.lateDeliveries,
      events: report.totals.events,
      synaptic_events_per_wall_s:
        extras.wallS > 0 ? report.totals.synapticEvents / extras.wallS : 0,
    },
    energy: energyJson(report.energy),
    clocked_baseline: {
      step_s: report.clocked.stepPs * S_PER_PS,
      steps: report.clocked.steps,
      ...clockedJson(report.clocked),
      ratio: report.clockedRatio,
    },
    cores: report.cores.map((c) => ({
      core: c.core,
      chip_x: c.chipX,
      chip_y: c.chipY,
      x: c.x,
      y: c.y,
      neurons: c.neurons,
      spikes_out: c.spikesOut,
      messages_in: c.messagesIn,
      syn_ops: c.synOps,
      neuron_updates: c.neuronUpdates,
      learn_updates: c.learnUpdates,
      hops: c.hops,
      busy_fraction: c.busyFraction,
      late_deliveries: c.lateDeliveries,
      late_mean_s: c.lateMeanPs * S_PER_PS,
      late_max_s: c.lateMaxPs * S_PER_PS,
      energy: energyJson(c.energy),
      clocked_baseline: clockedJson(c.clocked),
      clocked_ratio: c.clockedRatio,
    })),
    links: report.links.map((l) => ({
      router: l.router,
      x: l.x,
      y: l.y,
      direction: l.direction,
      chip_to_chip: l.chipToChip,
      messages: l.messages,
      wait_s: l.waitPs * S_PER_PS,
      max_queue: l.maxQueue,
      energy_j: l.energyJ,
    })),
    routing_without_core_j: report.routingWithoutCoreJ,
    latency: {
      messages: report.latency.messages,
      mean_s: report.latency.meanPs * S_PER_PS,
      p99_s: report.latency.p99Ps * S_PER_PS,
      max_s: report.latency.maxPs * S_PER_PS,
    },
    populations: report.populations.map((p) => ({
      name: p.name,
      spikes: p.spikes,
      rate_hz: p.rateHz,
    })),
    ...(extras.comparison ? { compare_modes: comparisonJson(extras.comparison) } : {}),
  };
}

function energyJson(e: EnergyByKind): Record<string, number> {
  return {
    syn_ops_j: e.synOpsJ,
    neuron_updates_j: e.neuronUpdatesJ,
    spikes_out_j: e.spikesOutJ,
    learn_updates_j: e.learnUpdatesJ,
    routing_j: e.routingJ,
    static_j: e.staticJ,
    total_j: e.totalJ,
  };
}

function clockedJson(c: ClockedEnergy): Record<string, number> {
  return {
    active_updates: c.activeUpdates,
    idle_updates: c.idleUpdates,
    syn_ops_j: c.synOpsJ,
    neuron_updates_j: c.neuronUpdatesJ,
    spikes_out_j: c.spikesOutJ,
    learn_updates_j: c.learnUpdatesJ,
    routing_j: c.routingJ,
    barrier_j: c.barrierJ,
    static_j: c.staticJ,
    total_j: c.totalJ,
  };
}

function comparisonJson(c: ModeComparison): unknown {
  return c.populations.map((p) => ({
    name: p.name,
    float_spikes: p.floatSpikes,
    fixed_spikes: p.fixedSpikes,
    count_difference: p.fixedSpikes - p.floatSpikes,
    neurons_with_different_counts: p.neuronsDiffering,
    matched_spikes: p.matchedSpikes,
    mean_abs_time_difference_s: p.meanAbsTimeDiffPs * S_PER_PS,
    max_abs_time_difference_s: p.maxAbsTimeDiffPs * S_PER_PS,
  }));
}
