/**
 * Voltage traces of the neurons an image asks to record (`record voltage`): sampled every
 * `samplePs` by a queued Sample event that reads each probed neuron's voltage through the
 * closed form without touching its state, so probing never changes a run's spikes. The sample
 * period is an output setting only; the dynamics have no time step.
 */
import type { ChipIR } from "../../src/ir/types.ts";

export interface VoltageProbe {
  readonly population: string;
  readonly index: number;
  /** Hardware neuron id. */
  readonly neuron: number;
}

export class VoltageProbes {
  readonly probes: VoltageProbe[] = [];
  sampleCount = 0;
  private times = new Float64Array(256);
  private values = new Float64Array(0);

  constructor(ir: ChipIR) {
    const hw = new Map<string, number>();
    for (const s of ir.slices)
      for (let k = s.start; k < s.end; k++)
        hw.set(`${s.population}:${k}`, s.neuronStart + k - s.start);
    for (const r of ir.recordings) {
      if (r.kind !== "voltage") continue;
      const population = ir.populations[r.population]!;
      if (population.model < 0) continue;
      for (const index of r.neurons) {
        const neuron = hw.get(`${r.population}:${index}`);
        if (neuron !== undefined) this.probes.push({ population: population.name, index, neuron });
      }
    }
    this.values = new Float64Array(256 * Math.max(1, this.probes.length));
  }

  add(tPs: number, voltageAt: (neuron: number) => number): void {
    const width = this.probes.length;
    if (this.sampleCount === this.times.length) {
      const times = new Float64Array(this.times.length * 2);
      const values = new Float64Array(this.values.length * 2);
      times.set(this.times);
      values.set(this.values);
      this.times = times;
      this.values = values;
    }
    this.times[this.sampleCount] = tPs;
    const row = this.sampleCount * width;
    for (let p = 0; p < width; p++) this.values[row + p] = voltageAt(this.probes[p]!.neuron);
    this.sampleCount++;
  }

  clear(): void {
    this.sampleCount = 0;
  }

  /** Sample times and, per probe, its voltages in volts. */
  traces(): { timePs: Float64Array; valuesV: Float64Array[] } {
    const width = this.probes.length;
    const valuesV = this.probes.map((_, p) =>
      Float64Array.from({ length: this.sampleCount }, (_unused, s) => this.values[s * width + p]!),
    );
    return { timePs: this.times.slice(0, this.sampleCount), valuesV };
  }
}
