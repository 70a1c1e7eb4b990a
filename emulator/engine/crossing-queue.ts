/**
 * Predicted threshold crossings: an indexed binary min-heap holding at most one entry per
 * neuron, ordered by (time, neuron id). Every input changes a neuron's prediction, so the
 * prediction is updated in place (sift up or down) instead of pushing a new event and
 * discarding the stale one later: the queue never grows past the neuron count, and no version
 * numbers are needed because a neuron's entry is always its current prediction.
 */

export class CrossingQueue {
  size = 0;
  /** Predicted crossing per neuron; Infinity when none is pending. */
  readonly timePs: Float64Array;
  /** heap[k] = neuron at heap slot k. */
  private readonly heap: Int32Array;
  /** slot[i] = heap slot of neuron i, -1 when absent. */
  private readonly slot: Int32Array;

  constructor(neuronCount: number) {
    this.timePs = new Float64Array(neuronCount).fill(Infinity);
    this.heap = new Int32Array(neuronCount);
    this.slot = new Int32Array(neuronCount).fill(-1);
  }

  /** Earliest prediction, or Infinity. */
  peekTimePs(): number {
    return this.size === 0 ? Infinity : this.timePs[this.heap[0]!]!;
  }

  /** Neuron with the earliest prediction; only valid when size > 0. */
  peekNeuron(): number {
    return this.heap[0]!;
  }

  clear(): void {
    for (let k = 0; k < this.size; k++) {
      const i = this.heap[k]!;
      this.slot[i] = -1;
      this.timePs[i] = Infinity;
    }
    this.size = 0;
  }

  /** Sets neuron i's prediction (Infinity removes it). */
  set(i: number, tPs: number): void {
    const k = this.slot[i]!;
    if (k < 0) {
      if (tPs === Infinity) return;
      this.timePs[i] = tPs;
      const at = this.size++;
      this.heap[at] = i;
      this.slot[i] = at;
      this.up(at);
      return;
    }
    const old = this.timePs[i]!;
    if (tPs === Infinity) {
      this.remove(k);
      this.timePs[i] = Infinity;
      return;
    }
    this.timePs[i] = tPs;
    if (tPs < old) this.up(k);
    else if (tPs > old) this.down(k);
  }

  /**
   * Replaces every prediction with saved ones (timePs per neuron, Infinity for none). Entries
   * pop in (time, neuron) order, a total order, so the rebuilt heap pops exactly as the saved
   * one would have.
   */
  restore(timePs: Float64Array): void {
    this.clear();
    for (let i = 0; i < timePs.length; i++) this.set(i, timePs[i]!);
  }

  /** Removes the earliest entry and returns its neuron. */
  pop(): number {
    const i = this.heap[0]!;
    this.remove(0);
    this.timePs[i] = Infinity;
    return i;
  }

  private remove(k: number): void {
    const i = this.heap[k]!;
    this.slot[i] = -1;
    const last = --this.size;
    if (k === last) return;
    const moved = this.heap[last]!;
    this.heap[k] = moved;
    this.slot[moved] = k;
    this.up(k);
    this.down(this.slot[moved]!);
  }

  private before(x: number, y: number): boolean {
    const tx = this.timePs[x]!;
    const ty = this.timePs[y]!;
    return tx < ty || (tx === ty && x < y);
  }

  private up(k: number): void {
    const i = this.heap[k]!;
    while (k > 0) {
      const p = (k - 1) >> 1;
      const parent = this.heap[p]!;
      if (!this.before(i, parent)) break;
      this.heap[k] = parent;
      this.slot[parent] = k;
      k = p;
    }
    this.heap[k] = i;
    this.slot[i] = k;
  }

  private down(k: number): void {
    const i = this.heap[k]!;
    const n = this.size;
    for (;;) {
      let c = 2 * k + 1;
      if (c >= n) break;
      if (c + 1 < n && this.before(this.heap[c + 1]!, this.heap[c]!)) c++;
      const child = this.heap[c]!;
      if (!this.before(child, i)) break;
      this.heap[k] = child;
      this.slot[child] = k;
      k = c;
    }
    this.heap[k] = i;
    this.slot[i] = k;
  }
}
