/**
 * What a run reports: energy by kind of work per core and in total, the clocked baseline beside
 * it, traffic per directed link, latency and late deliveries. Energies in joules, times in
 * picoseconds (the CLI's JSON converts to seconds with the unit in the key).
 */

export interface EnergyByKind {
  readonly synOpsJ: number;
  readonly neuronUpdatesJ: number;
  readonly spikesOutJ: number;
  readonly learnUpdatesJ: number;
  /** Hops of messages leaving this core's router (chip-to-chip hops included). */
  readonly routingJ: number;
  readonly staticJ: number;
  /** Sum of the kinds above, added in this order. */
  readonly totalJ: number;
}

/** What a time-stepped chip with the same cores would spend on the same run. */
export interface ClockedEnergy {
  /** (neuron, step) pairs with input in the step, at neuronUpdateJ. */
  readonly activeUpdates: number;
  /** The other (neuron, step) pairs, at neuronUpdateIdleJ. */
  readonly idleUpdates: number;
  readonly synOpsJ: number;
  readonly neuronUpdatesJ: number;
  readonly spikesOutJ: number;
  readonly learnUpdatesJ: number;
  readonly routingJ: number;
  /** steps x barrierJ, shared equally by the used cores. */
  readonly barrierJ: number;
  readonly staticJ: number;
  readonly totalJ: number;
}

export interface CoreActivity {
  readonly core: number;
  readonly chipX: number;
  readonly chipY: number;
  readonly x: number;
  readonly y: number;
  readonly neurons: number;
  readonly spikesOut: number;
  readonly messagesIn: number;
  readonly synOps: number;
  readonly neuronUpdates: number;
  readonly learnUpdates: number;
  /** Hops sent from this core's router. */
  readonly hops: number;
  readonly busyFraction: number;
  readonly lateDeliveries: number;
  readonly lateMeanPs: number;
  readonly lateMaxPs: number;
  readonly energy: EnergyByKind;
  readonly clocked: ClockedEnergy;
  /** clocked.totalJ / energy.totalJ. */
  readonly clockedRatio: number;
}

export interface LinkActivity {
  /** Router the link leaves, and its global mesh position. */
  readonly router: number;
  readonly x: number;
  readonly y: number;
  readonly direction: "east" | "west" | "north" | "south";
  readonly chipToChip: boolean;
  readonly messages: number;
  readonly waitPs: number;
  /** Most messages ahead of an arriving one (waiting or in transfer): the busiest moment. */
  readonly maxQueue: number;
  readonly energyJ: number;
}

export interface PopulationActivity {
  readonly name: string;
  readonly spikes: number;
  /** Spikes per neuron per second of simulated time. */
  readonly rateHz: number;
}

export interface RunReport {
  /** True when the run was interrupted before its requested end. */
  readonly partial: boolean;
  readonly mode: "float" | "fixed";
  /** Simulated time covered by the counters. */
  readonly simulatedPs: number;
  readonly totals: {
    readonly spikes: number;
    readonly synapticEvents: number;
    readonly neuronUpdates: number;
    readonly learnUpdates: number;
    /** Messages delivered to cores (a multicast counts once per destination core). */
    readonly messages: number;
    readonly hops: number;
    readonly lateDeliveries: number;
    readonly events: number;
  };
  readonly energy: EnergyByKind;
  readonly clocked: ClockedEnergy & { readonly stepPs: number; readonly steps: number };
  /** clocked.totalJ / energy.totalJ (Infinity when the event-driven run spent nothing). */
  readonly clockedRatio: number;
  readonly cores: readonly CoreActivity[];
  /** Links that carried at least one message, by router then direction. */
  readonly links: readonly LinkActivity[];
  /** Hop energy at routers whose core holds nothing (part of energy.routingJ). */
  readonly routingWithoutCoreJ: number;
  readonly latency: {
    readonly messages: number;
    readonly meanPs: number;
    readonly p99Ps: number;
    readonly maxPs: number;
  };
  readonly populations: readonly PopulationActivity[];
}

/** What one call of `Emulator.run` did. */
export interface RunSummary {
  readonly startPs: number;
  readonly endPs: number;
  readonly events: number;
  readonly spikes: number;
  readonly synapticEvents: number;
  readonly wallMs: number;
  readonly interrupted: boolean;
}
