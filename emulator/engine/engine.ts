/**
 * The clockless event engine: one loop that takes the earliest pending event and does the work
 * a chip would do at that instant. There is no time step anywhere: a neuron is brought up to date
 * only when an input reaches it or its own predicted crossing comes due; a message moves hop by
 * hop, queueing on busy links; a core does one operation at a time. See docs/emulator.md for the
 * semantics this file implements, line by line.
 *
 * This file is the hot loop and deliberately keeps its handlers together (and a little longer
 * than usual): every field read in the loop is hoisted into a typed array, and no handler
 * allocates.
 */
import { Port, type ChipIR } from "../../src/ir/types.ts";
import type { PlasticityHooks } from "../plasticity-hooks.ts";
import { ActivityCounters } from "../energy/counters.ts";
import { PoissonInputs, type PoissonState } from "../inputs/poisson.ts";
import { SpikeTrains, type TrainsState } from "../inputs/spike-trains.ts";
import { DIRECTION_PORTS, type MeshTopology } from "../mesh/topology.ts";
import { buildBatches, type SynapseBatches } from "./batches.ts";
import { CrossingQueue } from "./crossing-queue.ts";
import { EventKind } from "./event-kinds.ts";
import { EventQueue, type QueueState } from "./event-queue.ts";
import type { NeuronOps } from "./neuron-ops.ts";
import { SpikeRecord } from "./spike-record.ts";
import { VoltageProbes } from "./voltage-probes.ts";

export interface EngineOptions {
  readonly seed: number;
  readonly clockStepPs: number;
  /** Record every population's spikes, not only those the image asks for. */
  readonly recordAll: boolean;
  readonly voltageSamplePs: number;
}

export interface EngineRunResult {
  readonly startPs: number;
  readonly endPs: number;
  readonly events: number;
  readonly interrupted: boolean;
}

export interface EngineRunOptions {
  onProgress?(simPs: number, events: number): void;
  signal?: AbortSignal;
}

const PROGRESS_MASK = 0xffff;

/**
 * The engine's part of a saved run, as it holds it: Apply events name synaptic batches (the
 * snapshot module translates them). Neuron variables and learning are saved by their owners.
 */
export interface EngineState {
  readonly nowPs: number;
  readonly horizonPs: number;
  readonly coreBusyUntilPs: Float64Array;
  readonly linkFreePs: Float64Array;
  /** Predicted crossing per neuron (Infinity: none) and whether it is only a bound. */
  readonly crossingPs: Float64Array;
  readonly provisional: Uint8Array;
  readonly queue: QueueState;
  readonly poisson: PoissonState;
  readonly trains: TrainsState;
}

export class Engine {
  nowPs = 0;
  readonly counters: ActivityCounters;
  readonly record = new SpikeRecord();
  readonly probes: VoltageProbes;
  readonly poisson: PoissonInputs;
  readonly trains = new SpikeTrains();
  /** Spikes per hardware neuron since the last clearRecords. */
  readonly spikeCounts: Uint32Array;
  readonly batches: SynapseBatches;
  /** Set by the emulator when the image has plastic projections: the source of their weights. */
  hooks: PlasticityHooks | undefined;
  /** When false, plastic weights are read but the hooks are not told about spikes (frozen). */
  learning = true;
  /** Learn-update counts of the hooks at the last counter reset, per core. */
  learnBaseline: Float64Array;

  // Small at first: the queue doubles when a run needs more, and a fixed 4,096 slots (192 KiB)
  // was a visible share of the memory per synapse of a small network.
  private readonly queue = new EventQueue(256);
  /**
   * One entry per neuron: its exact next crossing, or, when `provisional[i]` is 1, only a time
   * before which it cannot cross (NeuronOps.crossingBoundPs). A provisional entry that comes due
   * is replaced by the exact search from the neuron's unchanged state, which is what an exact
   * prediction made at its last input would have found; most never come due, because the next
   * input replaces them first.
   */
  private readonly crossings: CrossingQueue;
  private readonly provisional: Uint8Array;
  private horizonPs = 0;

  // Hoisted IR arrays.
  private readonly neuronCore: Uint32Array;
  /** Per core: hardware id of its first neuron, the base a synapse's slot counts from. */
  private readonly coreNeuronStart: Uint32Array;
  private readonly neuronPopulation: Uint16Array;
  private readonly isModel: Uint8Array;
  private readonly recordFlag: Uint8Array;
  private readonly rewardFlag: Uint8Array;
  private readonly projInhibitory: Uint8Array;
  private readonly projPlastic: Uint8Array;
  private readonly projLsbV: Float64Array;

  // Hardware state that is not neuron state.
  private readonly coreBusyUntilPs: Float64Array;
  private readonly linkFreePs: Float64Array;
  private readonly lastActiveStep: Float64Array;

  constructor(
    private readonly ir: ChipIR,
    private readonly ops: NeuronOps,
    private readonly mesh: MeshTopology,
    private readonly options: EngineOptions,
  ) {
    const n = ir.neurons.count;
    this.counters = new ActivityCounters(ir.cores.length, mesh.routerCount, ir.populations.length);
    this.probes = new VoltageProbes(ir);
    this.poisson = new PoissonInputs(ir, options.seed);
    this.spikeCounts = new Uint32Array(n);
    this.batches = buildBatches(ir);
    this.crossings = new CrossingQueue(n);
    this.provisional = new Uint8Array(n);
    this.learnBaseline = new Float64Array(ir.cores.length);

    this.neuronCore = ir.neurons.core;
    this.coreNeuronStart = Uint32Array.from(ir.cores, (c) => c.neuronStart);
    this.neuronPopulation = ir.neurons.population;
    this.isModel = Uint8Array.from(ir.neurons.population, (p) =>
      ir.populations[p]!.model >= 0 ? 1 : 0,
    );
    this.recordFlag = new Uint8Array(n);
    this.setRecordAll(options.recordAll);
    this.rewardFlag = new Uint8Array(ir.populations.length);
    this.projInhibitory = Uint8Array.from(ir.projections, (p) => (p.receptor === "inh" ? 1 : 0));
    this.projPlastic = Uint8Array.from(ir.projections, (p) => (p.plasticity >= 0 ? 1 : 0));
    this.projLsbV = Float64Array.from(ir.projections, (p) => p.weightLsbV);

    this.coreBusyUntilPs = new Float64Array(ir.cores.length);
    this.linkFreePs = new Float64Array(mesh.routerCount * 4);
    this.lastActiveStep = new Float64Array(n).fill(-1);
  }

  /** Queues the image's own inputs and first predictions; called once, at time 0. */
  start(spikeTrains: readonly { neuron: Uint32Array; timePs: Float64Array }[]): void {
    this.poisson.start(this.queue, this.nowPs);
    for (const t of spikeTrains) this.trains.add(this.queue, t.neuron, t.timePs, this.nowPs);
    if (this.probes.probes.length > 0) this.queue.push(this.nowPs, EventKind.Sample, 0, 0, 0, 0);
  }

  /** Copies of everything the engine carries into the future (not counters or records). */
  saveState(): EngineState {
    return {
      nowPs: this.nowPs,
      horizonPs: this.horizonPs,
      coreBusyUntilPs: this.coreBusyUntilPs.slice(),
      linkFreePs: this.linkFreePs.slice(),
      crossingPs: this.crossings.timePs.slice(),
      provisional: this.provisional.slice(),
      queue: this.queue.saveState(),
      poisson: this.poisson.saveState(),
      trains: this.trains.saveState(),
    };
  }

  /**
   * Continues a saved run instead of `start`: nothing of the image's own inputs is queued again
   * (the saved queue and trains hold them). The accounting window starts at the saved time.
   */
  restoreState(state: EngineState): void {
    this.nowPs = state.nowPs;
    this.horizonPs = state.horizonPs;
    this.coreBusyUntilPs.set(state.coreBusyUntilPs);
    this.linkFreePs.set(state.linkFreePs);
    this.crossings.restore(state.crossingPs);
    this.provisional.set(state.provisional);
    this.queue.restoreState(state.queue);
    this.poisson.restoreState(state.poisson);
    this.trains.restoreState(state.trains);
    this.resetCounters();
  }

  setRecordAll(all: boolean): void {
    const ir = this.ir;
    this.recordFlag.fill(all ? 1 : 0);
    if (all) return;
    for (const r of ir.recordings) {
      if (r.kind !== "spikes") continue;
      for (const s of ir.slices) {
        if (s.population !== r.population) continue;
        for (let k = Math.max(s.start, r.start); k < Math.min(s.end, r.end); k++)
          this.recordFlag[s.neuronStart + k - s.start] = 1;
      }
    }
  }

  setHooks(hooks: PlasticityHooks | undefined): void {
    this.hooks = hooks;
    this.rewardFlag.fill(0);
    if (hooks) for (const p of hooks.rewardPopulations) this.rewardFlag[p] = 1;
  }

  setInputRates(population: number, ratesHz: Float64Array): void {
    this.poisson.setRates(this.queue, population, ratesHz, this.nowPs);
  }

  addSpikeTrain(neuron: Uint32Array, timePs: Float64Array): void {
    this.trains.add(this.queue, neuron, timePs, this.nowPs);
  }

  /** Zeroes the activity counts; the accounting window starts now. */
  resetCounters(): void {
    this.counters.reset(this.nowPs);
    this.lastActiveStep.fill(-1);
    if (this.hooks) this.learnBaseline = Float64Array.from(this.hooks.learnUpdates);
    else this.learnBaseline.fill(0);
  }

  /** Learning updates per core since the last counter reset. */
  learnUpdatesSinceReset(): Float64Array {
    const hooks = this.hooks;
    return Float64Array.from(this.learnBaseline, (base, k) =>
      hooks ? hooks.learnUpdates[k]! - base : 0,
    );
  }

  /** Re-predicts every neuron's crossing (after its state was changed from outside). */
  repredictAll(): void {
    for (let i = 0; i < this.isModel.length; i++) if (this.isModel[i]) this.predict(i, this.nowPs);
  }

  /** Puts every neuron back to its initial values at the current time. */
  resetNeurons(keepTheta: boolean): void {
    for (let i = 0; i < this.isModel.length; i++)
      if (this.isModel[i]) this.ops.resetNeuron(i, this.nowPs, keepTheta);
    this.repredictAll();
  }

  /** Runs every event before nowPs + durationPs (or until aborted at an event boundary). */
  run(durationPs: number, runOptions: EngineRunOptions = {}): EngineRunResult {
    const startPs = this.nowPs;
    const endPs = startPs + durationPs;
    const { signal, onProgress } = runOptions;

    // Predictions are searched only up to the horizon; extending it revisits the neurons that
    // had none, so a run split in two gives the same spikes as one run.
    if (endPs > this.horizonPs) {
      this.horizonPs = endPs;
      for (let i = 0; i < this.isModel.length; i++)
        if (this.isModel[i] && this.crossings.timePs[i] === Infinity) this.predict(i, this.nowPs);
    }

    const queue = this.queue;
    const crossings = this.crossings;
    let events = 0;
    let interrupted = false;
    let lastPs = startPs;
    for (;;) {
      const tc = crossings.peekTimePs();
      const tq = queue.peekTimePs();
      if (tc <= tq) {
        if (tc >= endPs) break;
        const i = crossings.pop();
        if (this.provisional[i] === 1) {
          this.resolve(i, tc);
          continue;
        }
        lastPs = tc;
        this.onCrossing(i, tc);
      } else {
        if (tq >= endPs) break;
        queue.pop();
        lastPs = tq;
        this.dispatch();
      }
      events++;
      if ((events & PROGRESS_MASK) === 0) {
        if (signal?.aborted) {
          interrupted = true;
          break;
        }
        onProgress?.(lastPs - startPs, events);
      }
    }
    if (!interrupted && signal?.aborted) interrupted = true;
    this.nowPs = interrupted ? lastPs : endPs;
    this.counters.events += events;
    onProgress?.(this.nowPs - startPs, events);
    return { startPs, endPs: this.nowPs, events, interrupted };
  }

  // -------------------------------------------------------------------------------------------
  // Handlers

  private dispatch(): void {
    const q = this.queue;
    switch (q.topKind) {
      case EventKind.Hop:
        this.onHop(q.topTarget, q.topA, q.topC, q.topTimePs);
        return;
      case EventKind.Apply:
        this.onApply(q.topTarget, q.topTimePs);
        return;
      case EventKind.PoissonSpike: {
        const i = q.topTarget;
        if (q.topA !== this.poisson.version[i]) return; // superseded by a rate change
        this.onInputSpike(i, q.topTimePs);
        this.poisson.scheduleNext(q, i, q.topTimePs);
        return;
      }
      case EventKind.TrainSpike: {
        const train = this.trains.trains[q.topTarget]!;
        this.onInputSpike(train.neuron[q.topA]!, q.topTimePs);
        this.trains.scheduleAfter(q, q.topTarget, q.topA);
        return;
      }
      case EventKind.Sample:
        this.probes.add(q.topTimePs, (neuron) => this.ops.voltageAtV(neuron, q.topTimePs));
        q.push(q.topTimePs + this.options.voltageSamplePs, EventKind.Sample, 0, 0, 0, 0);
        return;
    }
  }

  /** A predicted crossing comes due: the neuron fires at exactly tPs. */
  private onCrossing(i: number, tPs: number): void {
    const ops = this.ops;
    ops.advance(i, tPs);
    ops.fire(i, tPs);
    const core = this.neuronCore[i]!;
    this.counters.neuronUpdates[core]!++;
    this.noteSpike(i, tPs);

    const hooks = this.hooks;
    if (hooks !== undefined && this.learning && hooks.postsynapticNeurons[i]) {
      const before = hooks.learnUpdates[core]!;
      hooks.onPostSpike(i, tPs);
      this.chargeLearning(core, tPs, hooks.learnUpdates[core]! - before);
    }
    this.predict(i, tPs);
    const timing = this.ir.target.timing;
    this.send(i, tPs, timing.neuronUpdatePs + timing.spikeOutPs);
  }

  /** An input neuron emits a spike (Poisson or explicit train). */
  private onInputSpike(i: number, tPs: number): void {
    this.noteSpike(i, tPs);
    const population = this.neuronPopulation[i]!;
    if (this.rewardFlag[population] && this.hooks !== undefined && this.learning)
      this.hooks.onReward(population, this.ir.neurons.index[i]!, tPs);
    this.send(i, tPs, this.ir.target.timing.spikeOutPs);
  }

  private noteSpike(i: number, tPs: number): void {
    this.spikeCounts[i]!++;
    this.counters.populationSpikes[this.neuronPopulation[i]!]!++;
    if (this.recordFlag[i]) this.record.add(i, tPs);
  }

  /** The source core does its work (queued behind earlier work), then the message leaves. */
  private send(source: number, emitPs: number, workPs: number): void {
    const core = this.neuronCore[source]!;
    const busy = this.coreBusyUntilPs[core]!;
    const donePs = (emitPs > busy ? emitPs : busy) + workPs;
    this.coreBusyUntilPs[core] = donePs;
    this.counters.busyPs[core]! += workPs;
    this.counters.spikesOut[core]!++;
    const route = this.ir.routes.neuronRoute[source]!;
    if (route >= 0)
      this.queue.push(donePs, EventKind.Hop, this.ir.routes.nodeStart[route]!, source, 0, emitPs);
  }

  /** A message reaches route node `node` at tPs: deliver locally, fork onward over links. */
  private onHop(node: number, source: number, emitPs: number, tPs: number): void {
    const ports = this.ir.routes.nodePorts[node]!;
    if ((ports & Port.Local) !== 0)
      this.deliver(this.mesh.routerCore[this.ir.routes.nodeRouter[node]!]!, source, emitPs, tPs);
    if ((ports & 15) === 0) return;

    const mesh = this.mesh;
    const counters = this.counters;
    const linkBase = this.ir.routes.nodeRouter[node]! * 4;
    let child = mesh.nodeChildStart[node]!;
    for (let d = 0; d < 4; d++) {
      if ((ports & DIRECTION_PORTS[d]!) === 0) continue;
      const link = linkBase + d;
      const hopPs = mesh.linkHopPs[link]!;
      const free = this.linkFreePs[link]!;
      const startPs = tPs > free ? tPs : free;
      if (startPs > tPs) {
        const waitPs = startPs - tPs;
        counters.linkWaitPs[link]! += waitPs;
        // Transfers on one link all take hopPs, back to back while a queue lasts.
        const ahead = Math.ceil(waitPs / hopPs);
        if (ahead > counters.linkMaxQueue[link]!) counters.linkMaxQueue[link] = ahead;
      }
      counters.linkMessages[link]!++;
      this.linkFreePs[link] = startPs + hopPs;
      this.queue.push(
        startPs + hopPs,
        EventKind.Hop,
        mesh.nodeChildren[child++]!,
        source,
        0,
        emitPs,
      );
    }
  }

  /**
   * A message arrives at core `core`: the core processes its synapses (after earlier work), and
   * each batch is applied at emission + its programmed delay, or when ready if that is later.
   */
  private deliver(core: number, source: number, emitPs: number, arrivalPs: number): void {
    const counters = this.counters;
    counters.messagesIn[core]!++;
    counters.latency.add(arrivalPs - emitPs);

    const syn = this.ir.synapses;
    const e0 = syn.fanOutStart[source]!;
    const e1 = syn.fanOutStart[source + 1]!;
    let first = e0;
    while (first < e1 && syn.fanOutCore[first] !== core) first++;
    let last = first;
    while (last < e1 && syn.fanOutCore[last] === core) last++;
    const synapseCount = syn.synStart[last]! - syn.synStart[first]!;

    const timing = this.ir.target.timing;
    const workPs = synapseCount * (timing.synOpPs + timing.neuronUpdatePs);
    const busy = this.coreBusyUntilPs[core]!;
    const readyPs = (arrivalPs > busy ? arrivalPs : busy) + workPs;
    this.coreBusyUntilPs[core] = readyPs;
    counters.busyPs[core]! += workPs;

    const b = this.batches;
    const firstBatch = b.entryFirstBatch === undefined ? first : b.entryFirstBatch[first]!;
    const endBatch = b.entryFirstBatch === undefined ? last : b.entryFirstBatch[last]!;
    const resolutionPs = this.ir.target.delayResolutionPs;
    for (let batch = firstBatch; batch < endBatch; batch++) {
      const duePs = emitPs + syn.delay[b.batchStart[batch]!]! * resolutionPs;
      let applyPs = duePs;
      if (readyPs > duePs) {
        applyPs = readyPs;
        const latePs = readyPs - duePs;
        counters.lateDeliveries[core]!++;
        counters.lateSumPs[core]! += latePs;
        if (latePs > counters.lateMaxPs[core]!) counters.lateMaxPs[core] = latePs;
      }
      this.queue.push(applyPs, EventKind.Apply, batch, source, 0, emitPs);
    }
  }

  /** Applies one synaptic batch at tPs: the batch's synapses, one neuron update each. */
  private onApply(batch: number, tPs: number): void {
    const b = this.batches;
    const syn = this.ir.synapses;
    const entry = b.batchEntry === undefined ? batch : b.batchEntry[batch]!;
    const projection = syn.fanOutProjection[entry]!;
    const core = syn.fanOutCore[entry]!;
    const from = b.batchStart[batch]!;
    const to = b.batchStart[batch + 1]!;
    const inhibitory = this.projInhibitory[projection] === 1;
    const ops = this.ops;
    // Every synapse of the batch is on `core`: its post neuron is the core's base plus its slot.
    const base = this.coreNeuronStart[core]!;
    const targetSlot = syn.targetSlot;
    const lastActiveStep = this.lastActiveStep;
    const step = Math.floor(tPs / this.options.clockStepPs);
    let activated = 0;

    const hooks = this.hooks;
    if (hooks !== undefined && this.projPlastic[projection]) {
      if (this.learning) {
        const before = hooks.learnUpdates[core]!;
        hooks.onPreSpikeDelivered(entry, from, to, tPs);
        this.chargeLearning(core, tPs, hooks.learnUpdates[core]! - before);
      }
      for (let s = from; s < to; s++) {
        const i = base + targetSlot[s]!;
        ops.advance(i, tPs);
        ops.addInput(i, inhibitory, hooks.weightV(s));
        this.predict(i, tPs);
        if (lastActiveStep[i] !== step) {
          lastActiveStep[i] = step;
          activated++;
        }
      }
    } else {
      const lsbV = this.projLsbV[projection]!;
      const weight = syn.weight;
      for (let s = from; s < to; s++) {
        const i = base + targetSlot[s]!;
        ops.advance(i, tPs);
        ops.addInput(i, inhibitory, weight[s]! * lsbV);
        this.predict(i, tPs);
        if (lastActiveStep[i] !== step) {
          lastActiveStep[i] = step;
          activated++;
        }
      }
    }
    const counters = this.counters;
    counters.synOps[core]! += to - from;
    counters.neuronUpdates[core]! += to - from;
    counters.activeNeuronSteps[core]! += activated;
  }

  /**
   * Sets neuron i's prediction at tPs: a provisional bound when one is cheap and lies after tPs,
   * the exact crossing otherwise.
   */
  private predict(i: number, tPs: number): void {
    const ops = this.ops;
    if (ops.crossingBoundPs !== undefined) {
      const boundPs = ops.crossingBoundPs(i, this.horizonPs);
      if (boundPs > tPs) {
        this.provisional[i] = boundPs === Infinity ? 0 : 1;
        this.crossings.set(i, boundPs);
        return;
      }
    }
    this.provisional[i] = 0;
    this.crossings.set(i, ops.nextCrossingPs(i, this.horizonPs));
  }

  /** A provisional prediction came due at tPs (and was popped): search exactly now. */
  private resolve(i: number, tPs: number): void {
    this.provisional[i] = 0;
    const crossingPs = this.ops.nextCrossingPs(i, this.horizonPs);
    if (crossingPs < tPs) {
      throw new Error(`internal: neuron ${i} crosses at ${crossingPs} ps, before its bound ${tPs}`);
    }
    this.crossings.set(i, crossingPs);
  }

  /** Learning updates occupy the core after the operation that caused them. */
  private chargeLearning(core: number, tPs: number, updates: number): void {
    if (updates <= 0) return;
    const busy = this.coreBusyUntilPs[core]!;
    const workPs = updates * this.ir.target.timing.learnUpdatePs;
    this.coreBusyUntilPs[core] = (tPs > busy ? tPs : busy) + workPs;
    this.counters.busyPs[core]! += workPs;
  }
}
