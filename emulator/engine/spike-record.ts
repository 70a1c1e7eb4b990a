/**
 * Recorded spikes, in the order they happened: two growable typed arrays (hardware neuron id,
 * time in picoseconds), 12 bytes per spike, no object per spike.
 */
const INITIAL_CAPACITY = 1024;

export class SpikeRecord {
  length = 0;
  private neuronIds = new Uint32Array(INITIAL_CAPACITY);
  private times = new Float64Array(INITIAL_CAPACITY);

  add(neuron: number, tPs: number): void {
    if (this.length === this.times.length) {
      const neuronIds = new Uint32Array(this.length * 2);
      const times = new Float64Array(this.length * 2);
      neuronIds.set(this.neuronIds);
      times.set(this.times);
      this.neuronIds = neuronIds;
      this.times = times;
    }
    this.neuronIds[this.length] = neuron;
    this.times[this.length++] = tPs;
  }

  /** Drops the recorded spikes and gives back the memory a long recording grew to. */
  clear(): void {
    this.length = 0;
    if (this.times.length > INITIAL_CAPACITY) {
      this.neuronIds = new Uint32Array(INITIAL_CAPACITY);
      this.times = new Float64Array(INITIAL_CAPACITY);
    }
  }

  /** Views of the recorded part (valid until the next add or clear). */
  neurons(): Uint32Array {
    return this.neuronIds.subarray(0, this.length);
  }

  timesPs(): Float64Array {
    return this.times.subarray(0, this.length);
  }
}
