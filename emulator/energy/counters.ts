/**
 * Raw activity counts gathered by the engine while it runs: integers per core, per router and
 * per directed link, kept in Float64Arrays (exact up to 2^53). Energy is derived from them only
 * when a report is built (energy/report.ts), as count x per-operation figure, so the totals are
 * reproducible sums of the same numbers.
 */
import { LatencyHistogram } from "./latency-histogram.ts";

export class ActivityCounters {
  // Per core.
  readonly synOps: Float64Array;
  readonly neuronUpdates: Float64Array;
  readonly spikesOut: Float64Array;
  /** Learning updates charged to the core since the last reset (differences of the hook count). */
  readonly learnUpdates: Float64Array;
  readonly busyPs: Float64Array;
  readonly lateDeliveries: Float64Array;
  readonly lateSumPs: Float64Array;
  readonly lateMaxPs: Float64Array;
  /** Messages delivered to the core (one per arriving spike). */
  readonly messagesIn: Float64Array;
  /** Clocked baseline: (neuron, step) pairs in which the neuron received input. */
  readonly activeNeuronSteps: Float64Array;

  // Per directed link (router * 4 + direction).
  readonly linkMessages: Float64Array;
  readonly linkWaitPs: Float64Array;
  /** Most messages ahead of an arriving one (waiting or in transfer). */
  readonly linkMaxQueue: Float64Array;

  readonly latency = new LatencyHistogram();

  /** Spikes per population (all neurons, recorded or not). */
  readonly populationSpikes: Float64Array;

  events = 0;
  /** Hop energy per router; summed from links when reporting, kept here for clarity of reset. */
  sinceStartPs = 0;

  constructor(coreCount: number, routerCount: number, populationCount: number) {
    this.synOps = new Float64Array(coreCount);
    this.neuronUpdates = new Float64Array(coreCount);
    this.spikesOut = new Float64Array(coreCount);
    this.learnUpdates = new Float64Array(coreCount);
    this.busyPs = new Float64Array(coreCount);
    this.lateDeliveries = new Float64Array(coreCount);
    this.lateSumPs = new Float64Array(coreCount);
    this.lateMaxPs = new Float64Array(coreCount);
    this.messagesIn = new Float64Array(coreCount);
    this.activeNeuronSteps = new Float64Array(coreCount);
    this.linkMessages = new Float64Array(routerCount * 4);
    this.linkWaitPs = new Float64Array(routerCount * 4);
    this.linkMaxQueue = new Float64Array(routerCount * 4);
    this.populationSpikes = new Float64Array(populationCount);
  }

  /** Zeroes every count; `startPs` marks the beginning of the new accounting window. */
  reset(startPs: number): void {
    for (const a of [
      this.synOps,
      this.neuronUpdates,
      this.spikesOut,
      this.learnUpdates,
      this.busyPs,
      this.lateDeliveries,
      this.lateSumPs,
      this.lateMaxPs,
      this.messagesIn,
      this.activeNeuronSteps,
      this.linkMessages,
      this.linkWaitPs,
      this.linkMaxQueue,
      this.populationSpikes,
    ])
      a.fill(0);
    this.latency.clear();
    this.events = 0;
    this.sinceStartPs = startPs;
  }
}
