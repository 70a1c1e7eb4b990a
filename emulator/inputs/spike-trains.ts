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

export class SpikeTrains {
  readonly trains: SpikeTrain[] = [];

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
