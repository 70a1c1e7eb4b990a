/**
 * Poisson inputs, generated lazily: each input neuron holds exactly one pending spike in the
 * event queue, drawn when the previous one is emitted (inter-spike intervals are exponential,
 * rounded to the nearest picosecond, at least 1 ps). A change of rate bumps the neuron's version,
 * which turns its pending spike stale, and draws afresh from the current time: a Poisson process
 * is memoryless, so this is exact.
 *
 * Stream of neuron i: seed = mixSeed(input seed, emulator seed), stream = hardware id i, and a
 * per-neuron draw counter, so a train depends only on those and on the rates set.
 */
import type { ChipIR } from "../../src/ir/types.ts";
import type { EventQueue } from "../engine/event-queue.ts";
import { EventKind } from "../engine/event-kinds.ts";
import { mixSeed, uniformOpen } from "./random.ts";

const PS_PER_S = 1e12;

/** Every generator's variables, per hardware neuron, for a saved run. */
export interface PoissonState {
  readonly rateHz: Float64Array;
  readonly startPs: Float64Array;
  readonly stopPs: Float64Array;
  readonly version: Int32Array;
  /** Stream seeds as derived at the start of the run (saved so the run seed cannot drift). */
  readonly seed: Uint32Array;
  readonly counter: Float64Array;
}

export class PoissonInputs {
  readonly rateHz: Float64Array;
  readonly startPs: Float64Array;
  readonly stopPs: Float64Array;
  readonly version: Int32Array;
  private readonly seed: Uint32Array;
  private readonly counter: Float64Array;

  constructor(
    private readonly ir: ChipIR,
    runSeed: number,
  ) {
    const n = ir.neurons.count;
    this.rateHz = new Float64Array(n);
    this.startPs = new Float64Array(n);
    this.stopPs = new Float64Array(n).fill(Infinity);
    this.version = new Int32Array(n);
    this.seed = new Uint32Array(n);
    this.counter = new Float64Array(n);

    // Neurons of input populations without a Poisson input still get a stream, so rates can be
    // set on them later through the API; its seed comes from the population's index.
    const { population } = ir.neurons;
    for (let i = 0; i < n; i++) this.seed[i] = mixSeed(0x1badb002 + population[i]!, runSeed);
    for (const input of ir.inputs) {
      if (input.kind !== "poisson") continue;
      const seed = mixSeed(input.seed, runSeed);
      this.forPopulation(input.population, (hw, index) => {
        this.rateHz[hw] = input.ratesHz[index] ?? 0;
        this.startPs[hw] = input.startPs;
        this.stopPs[hw] = input.stopPs;
        this.seed[hw] = seed;
      });
    }
  }

  /** Schedules the first spike of every neuron with a nonzero rate, from time nowPs on. */
  start(queue: EventQueue, nowPs: number): void {
    for (let i = 0; i < this.rateHz.length; i++)
      if (this.rateHz[i]! > 0) this.scheduleNext(queue, i, nowPs);
  }

  /** Replaces the rates of a population from nowPs on (the window becomes [nowPs, Infinity)). */
  setRates(queue: EventQueue, population: number, ratesHz: Float64Array, nowPs: number): void {
    this.forPopulation(population, (hw, index) => {
      this.rateHz[hw] = ratesHz[index]!;
      this.startPs[hw] = nowPs;
      this.stopPs[hw] = Infinity;
      this.version[hw]!++;
      if (ratesHz[index]! > 0) this.scheduleNext(queue, hw, nowPs);
    });
  }

  /** Draws neuron i's next spike strictly after fromPs (or at the window start) and queues it. */
  scheduleNext(queue: EventQueue, i: number, fromPs: number): void {
    const rate = this.rateHz[i]!;
    if (!(rate > 0)) return;
    const base = Math.max(fromPs, this.startPs[i]!);
    const u = uniformOpen(this.seed[i]!, i, this.counter[i]!++);
    const intervalPs = Math.max(1, Math.round((-Math.log(u) * PS_PER_S) / rate));
    const t = base + intervalPs;
    if (t >= this.stopPs[i]!) return;
    queue.push(t, EventKind.PoissonSpike, i, this.version[i]!, 0, 0);
  }

  saveState(): PoissonState {
    return {
      rateHz: this.rateHz.slice(),
      startPs: this.startPs.slice(),
      stopPs: this.stopPs.slice(),
      version: this.version.slice(),
      seed: this.seed.slice(),
      counter: this.counter.slice(),
    };
  }

  /** Takes saved generators; their pending spikes come back with the event queue. */
  restoreState(state: PoissonState): void {
    this.rateHz.set(state.rateHz);
    this.startPs.set(state.startPs);
    this.stopPs.set(state.stopPs);
    this.version.set(state.version);
    this.seed.set(state.seed);
    this.counter.set(state.counter);
  }

  private forPopulation(population: number, visit: (hw: number, index: number) => void): void {
    for (const slice of this.ir.slices) {
      if (slice.population !== population) continue;
      for (let k = slice.start; k < slice.end; k++) visit(slice.neuronStart + k - slice.start, k);
    }
  }
}
