/**
 * Explicit input spikes (from `spike_times` inputs, spike files, or `Emulator.setInputSpikes`).
 * Each train is sorted by time once (stable, so equal times keep their given order) and holds
 * one pending event in the queue: the cursor of its next spike.
 */
import type { EventQueue } from "../engine/event-queue.ts";
import { EventKind } from "../engine/event-kinds.ts";

export interface SpikeTrain {
  /** Hardware neuron ids. */
  readonly neuron: Uint32Array;
  readonly timePs: Float64Array;
}

/** Every train, concatenated in id order, for a saved run. */
export interface TrainsState {
  /** Spikes per train. */
  readonly length: Uint32Array;
  readonly neuron: Uint32Array;
  readonly timePs: Float64Array;
}

export class SpikeTrains {
  readonly trains: SpikeTrain[] = [];

  saveState(): TrainsState {
    const length = Uint32Array.from(this.trains, (t) => t.neuron.length);
    const total = length.reduce((sum, n) => sum + n, 0);
    const neuron = new Uint32Array(total);
    const timePs = new Float64Array(total);
    let at = 0;
    for (const t of this.trains) {
      neuron.set(t.neuron, at);
      timePs.set(t.timePs, at);
      at += t.neuron.length;
    }
    return { length, neuron, timePs };
  }

  /**
   * Replaces the trains with saved ones, already sorted, keeping their ids: the queued events
   * that walk them (restored with the queue) refer to trains by id and spikes by index.
   */
  restoreState(state: TrainsState): void {
    this.trains.length = 0;
    let at = 0;
    for (const n of state.length) {
      this.trains.push({
        neuron: state.neuron.slice(at, at + n),
        timePs: state.timePs.slice(at, at + n),
      });
      at += n;
    }
  }

  /** Adds a train and queues its first spike at or after nowPs (earlier spikes are dropped). */
  add(queue: EventQueue, neuron: Uint32Array, timePs: Float64Array, nowPs: number): void {
    const order = Array.from({ length: neuron.length }, (_, k) => k);
    order.sort((x, y) => timePs[x]! - timePs[y]! || x - y);
    const train: SpikeTrain = {
      neuron: Uint32Array.from(order, (k) => neuron[k]!),
      timePs: Float64Array.from(order, (k) => timePs[k]!),
    };
    const id = this.trains.push(train) - 1;
    let first = 0;
    while (first < train.timePs.length && train.timePs[first]! < nowPs) first++;
    if (first < train.timePs.length)
      queue.push(train.timePs[first]!, EventKind.TrainSpike, id, first, 0, 0);
  }

  /** Queues spike `index + 1` of train `id`, if any. */
  scheduleAfter(queue: EventQueue, id: number, index: number): void {
    const train = this.trains[id]!;
    const next = index + 1;
    if (next < train.timePs.length)
      queue.push(train.timePs[next]!, EventKind.TrainSpike, id, next, 0, 0);
  }
}
