/**
 * The emulator as a library: load an image (or compile a source elsewhere), create an
 * `Emulator`, set input rates or spike trains, run for a while, read spikes, voltages, weights
 * and energy, and run again. `ant run` and the digit-learning demo are both written against this
 * class; keep its surface stable (docs/api.md documents it).
 *
 * Names are the user's: populations and projections by name, neurons by their 0-based index
 * within their population. Times are integer picoseconds in a float64.
 *
 * An image may hold a paused run (`ChipIR.runState`, written by `toIr()`): the emulator then
 * continues it exactly where it stopped, instead of starting at time 0.
 */
import type { ChipIR, IrSynapses } from "../src/ir/types.ts";
import { emulationDiagnostics as D } from "../src/diagnostics/catalogue/index.ts";
import { makeDiagnostic } from "../src/diagnostics/catalogue/index.ts";
import { Engine, type EngineRunOptions } from "./engine/engine.ts";
import { createFixedNeurons } from "./engine/fixed-neurons.ts";
import { createFloatNeurons } from "./engine/float-neurons.ts";
import type { NeuronOps } from "./engine/neuron-ops.ts";
import { buildReport } from "./energy/report.ts";
import type { RunReport, RunSummary } from "./energy/report-types.ts";
import { EmulationError, fail } from "./errors.ts";
import { buildTopology, type MeshTopology } from "./mesh/topology.ts";
import { hasPlasticProjections, type PlasticityHooks } from "./plasticity-hooks.ts";
import { createPlasticity } from "./learning/index.ts";
import { checkModel } from "./neuron/model-table.ts";
import { loadImageSpikeTrains } from "./inputs/image-inputs.ts";
import { mixSeed } from "./inputs/random.ts";
import { captureRunState, restoreRunState, type SnapshotParts } from "./snapshot/run-state.ts";

export type { RunReport, RunSummary } from "./energy/report-types.ts";
export { EmulationError } from "./errors.ts";

export interface EmulatorOptions {
  /**
   * Arithmetic of the neuron state: float64 reference, or the target's fixed point. Default
   * float, or the mode of the run the image holds (which cannot continue in the other mode).
   */
  mode?: "float" | "fixed";
  /**
   * Seed of the Poisson inputs and stochastic rounding; default the image's seed, or the seed
   * of the run the image holds (which cannot continue with another seed).
   */
  seed?: number;
  /** Ignore the run the image holds (if any): start at time 0 with the image's weights. */
  restart?: boolean;
  /** Step of the clocked baseline the report compares against; default 1 ms. */
  clockStepPs?: number;
  /** Plasticity on (default) or frozen; frozen plastic weights still apply. */
  learning?: boolean;
  /** Record every population's spikes, not only those the image records. */
  recordAll?: boolean;
  /** Sample period of voltage traces (`record voltage`); default 0.1 ms. */
  voltageSamplePs?: number;
}

export type RunOptions = EngineRunOptions;

const DEFAULT_CLOCK_STEP_PS = 1e9;
const DEFAULT_VOLTAGE_SAMPLE_PS = 1e8;

export class Emulator {
  readonly mode: "float" | "fixed";
  readonly clockStepPs: number;
  private readonly engine: Engine;
  private readonly mesh: MeshTopology;
  private readonly ops: NeuronOps;
  private readonly hooks: PlasticityHooks | undefined;
  /** The synapses the engine reads; `weight` is replaced by a private copy on the first write. */
  private readonly synapses: { -readonly [K in keyof IrSynapses]: IrSynapses[K] };
  private weightsCopied = false;
  /** Per projection: its synapse ids in image order and their source neurons (built on demand). */
  private readonly synapseLists = new Map<number, ProjectionSynapses>();
  private readonly populationIndex = new Map<string, number>();
  /** Per population: hardware id of each neuron index. */
  private readonly hardwareIds: Uint32Array[];
  /** Seed of the inputs and stochastic rounding (given, the saved run's, or the image's). */
  readonly seed: number;
  /** Time at which this emulator took over a saved run (0 for a fresh start). */
  readonly resumedAtPs: number;
  private interrupted = false;

  constructor(
    private readonly ir: ChipIR,
    options: EmulatorOptions = {},
  ) {
    const saved = options.restart ? undefined : ir.runState;
    this.mode = options.mode ?? saved?.mode ?? "float";
    this.clockStepPs = options.clockStepPs ?? DEFAULT_CLOCK_STEP_PS;
    const seed = options.seed ?? saved?.runSeed ?? ir.seed;
    this.seed = seed;
    // A saved run continues only as itself: another mode or seed would be a different run.
    if (saved !== undefined && saved.mode !== this.mode)
      fail(D.resumeMode, [saved.mode, this.mode]);
    if (saved !== undefined && saved.runSeed !== seed) fail(D.resumeSeed, [saved.runSeed, seed]);

    // 1. Check what the engine relies on, so a bad image is a diagnostic, not a crash later.
    const { topology, problems } = buildTopology(ir);
    if (problems.length > 0) {
      const entryOf = {
        "off-mesh": D.routeOffMesh,
        "no-child": D.routeBrokenTree,
        "no-core": D.routeNoCore,
      };
      throw new EmulationError(
        problems
          .slice(0, 20)
          .map((p) => makeDiagnostic(entryOf[p.what], [p.node, ir.routes.nodeRouter[p.node]!])),
      );
    }
    for (const model of ir.models) {
      const why = checkModel(model);
      if (why !== undefined) fail(D.modelUnusable, [model.name, why]);
    }
    this.mesh = topology;

    // 2. The image's synapses, with the weights copied only when `setWeights` first changes a
    //    static projection (the caller's image is never modified; until then no copy costs
    //    2 bytes per synapse).
    this.synapses = { ...ir.synapses };
    const runIr: ChipIR = { ...ir, synapses: this.synapses };

    // 3. Neuron dynamics, plasticity and the engine.
    this.ops = this.createNeurons(runIr);
    this.engine = new Engine(runIr, this.ops, topology, {
      seed,
      clockStepPs: this.clockStepPs,
      recordAll: options.recordAll ?? false,
      voltageSamplePs: options.voltageSamplePs ?? DEFAULT_VOLTAGE_SAMPLE_PS,
    });
    if (hasPlasticProjections(ir)) {
      this.hooks = createPlasticity(runIr, { mode: this.mode, seed: mixSeed(seed, 0x1ea7) });
      this.engine.setHooks(this.hooks);
    }
    this.setLearning(options.learning ?? true);

    ir.populations.forEach((p, k) => this.populationIndex.set(p.name, k));
    this.hardwareIds = ir.populations.map((p) => new Uint32Array(p.size));
    for (const s of ir.slices)
      for (let k = s.start; k < s.end; k++)
        this.hardwareIds[s.population]![k] = s.neuronStart + k - s.start;

    // 4. Start at time 0, or continue the saved run (its queue already holds the inputs).
    if (saved === undefined) this.engine.start(loadImageSpikeTrains(ir, this.hardwareIds));
    else restoreRunState(this.snapshotParts(), runIr, saved);
    this.resumedAtPs = this.engine.nowPs;
  }

  /** Current simulated time. */
  get nowPs(): number {
    return this.engine.nowPs;
  }

  /** Poisson rates of an input population, from now on (replacing any earlier rates). */
  setInputRates(population: string, ratesHz: Float64Array): void {
    const p = this.inputPopulation(population);
    const size = this.ir.populations[p]!.size;
    if (ratesHz.length !== size) fail(D.wrongLength, ["ratesHz", size, population, ratesHz.length]);
    ratesHz.forEach((r, i) => {
      if (!(r >= 0) || !Number.isFinite(r)) fail(D.badRate, [r, i, population]);
    });
    this.engine.setInputRates(p, ratesHz);
  }

  /** Explicit spikes of an input population, at absolute times >= nowPs. */
  setInputSpikes(population: string, neuron: Uint32Array, timePs: Float64Array): void {
    const p = this.inputPopulation(population);
    if (timePs.length !== neuron.length)
      fail(D.wrongLength, ["timePs", neuron.length, population, timePs.length]);
    const ids = this.hardwareIds[p]!;
    const hw = new Uint32Array(neuron.length);
    for (let k = 0; k < neuron.length; k++) {
      const index = neuron[k]!;
      if (index >= ids.length) fail(D.neuronOutOfRange, [index, population, ids.length]);
      if (!(timePs[k]! >= this.nowPs)) fail(D.spikeInPast, [population, timePs[k]!, this.nowPs]);
      hw[k] = ids[index]!;
    }
    this.engine.addSpikeTrain(hw, Float64Array.from(timePs, Math.round));
  }

  /** Runs for durationPs of simulated time (or until options.signal aborts). */
  run(durationPs: number, options: RunOptions = {}): RunSummary {
    const wallStart = performance.now();
    const counters = this.engine.counters;
    const spikesBefore = sumOf(counters.spikesOut);
    const synBefore = sumOf(counters.synOps);
    const result = this.engine.run(Math.round(durationPs), options);
    if (result.interrupted) this.interrupted = true;
    return {
      startPs: result.startPs,
      endPs: result.endPs,
      events: result.events,
      spikes: sumOf(counters.spikesOut) - spikesBefore,
      synapticEvents: sumOf(counters.synOps) - synBefore,
      wallMs: performance.now() - wallStart,
      interrupted: result.interrupted,
    };
  }

  /** Recorded spikes of a population since the last clearRecords (neuron = index within it). */
  spikes(population: string): { neuron: Uint32Array; timePs: Float64Array } {
    const p = this.population(population);
    const ids = this.engine.record.neurons();
    const times = this.engine.record.timesPs();
    const popOf = this.ir.neurons.population;
    const indexOf = this.ir.neurons.index;
    let n = 0;
    for (let k = 0; k < ids.length; k++) if (popOf[ids[k]!] === p) n++;
    const neuron = new Uint32Array(n);
    const timePs = new Float64Array(n);
    let j = 0;
    for (let k = 0; k < ids.length; k++) {
      if (popOf[ids[k]!] !== p) continue;
      neuron[j] = indexOf[ids[k]!]!;
      timePs[j++] = times[k]!;
    }
    return { neuron, timePs };
  }

  /** Every recorded spike since the last clearRecords, in time order, by hardware neuron id. */
  recordedSpikes(): { neuron: Uint32Array; timePs: Float64Array } {
    return {
      neuron: this.engine.record.neurons().slice(),
      timePs: this.engine.record.timesPs().slice(),
    };
  }

  /** Spikes per neuron of a population since the last clearRecords (recorded or not). */
  spikeCounts(population: string): Uint32Array {
    const ids = this.hardwareIds[this.population(population)]!;
    return Uint32Array.from(ids, (hw) => this.engine.spikeCounts[hw]!);
  }

  /** Forgets recorded spikes, spike counts and voltage samples. */
  clearRecords(): void {
    this.engine.record.clear();
    this.engine.spikeCounts.fill(0);
    this.engine.probes.clear();
  }

  /** Sampled voltage traces of the neurons the image records (`record voltage`). */
  voltageTraces(): {
    probes: readonly { population: string; index: number }[];
    timePs: Float64Array;
    valuesV: Float64Array[];
  } {
    return { probes: this.engine.probes.probes, ...this.engine.probes.traces() };
  }

  /** Membrane voltage of a neuron now. */
  voltage(population: string, index: number): number {
    const ids = this.hardwareIds[this.population(population)]!;
    if (!(index >= 0 && index < ids.length))
      fail(D.neuronOutOfRange, [index, population, ids.length]);
    if (this.ir.populations[this.population(population)]!.model < 0) return 0;
    return this.ops.voltageAtV(ids[index]!, this.nowPs);
  }

  /** Every synapse of a projection, in image order: pre and post indices and weight in volts. */
  weights(projection: string): { pre: Uint32Array; post: Uint32Array; weightV: Float64Array } {
    const { ids, pre, post } = this.projectionSynapses(projection);
    const lsbV = this.ir.projections[this.projectionIndex(projection)]!.weightLsbV;
    const plastic = this.isPlastic(projection);
    const weightV = new Float64Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      const s = ids[k]!;
      weightV[k] = plastic ? this.hooks!.weightV(s) : this.synapses.weight[s]! * lsbV;
    }
    // Copies: the cached lists must survive whatever the caller does with the result.
    return { pre: pre.slice(), post: post.slice(), weightV };
  }

  /**
   * Replaces the weights of a projection (same order as `weights`). Static projections are
   * quantised to the projection's weight LSB and clipped to the target's weight bits.
   */
  setWeights(projection: string, weightV: Float64Array): void {
    const { ids } = this.projectionSynapses(projection);
    if (weightV.length !== ids.length)
      fail(D.wrongLength, ["weightV", ids.length, projection, weightV.length]);
    const p = this.ir.projections[this.projectionIndex(projection)]!;
    const maxLsb = 2 ** (this.ir.target.weightBits - 1) - 1;
    const plastic = this.isPlastic(projection);
    if (!plastic && !this.weightsCopied) {
      this.synapses.weight = this.synapses.weight.slice();
      this.weightsCopied = true;
    }
    for (let k = 0; k < ids.length; k++) {
      const s = ids[k]!;
      if (plastic) this.hooks!.setWeightV(s, weightV[k]!);
      else {
        const lsb = Math.round(weightV[k]! / p.weightLsbV);
        this.synapses.weight[s] = Math.max(-maxLsb, Math.min(maxLsb, lsb));
      }
    }
  }

  /**
   * Turns learning on or off without recompiling: STDP and reward updates, and the adaptive
   * threshold's jump at each spike (homeostasis), as Diehl & Cook freeze it for testing. Frozen
   * weights and thresholds still apply, and theta still decays by its time constant.
   */
  setLearning(enabled: boolean): void {
    this.engine.learning = enabled;
    this.ops.setAdaptation(enabled);
  }

  /** Puts every neuron back to its initial state (between stimuli). Theta is kept unless asked. */
  resetNeuronState(options: { resetTheta?: boolean } = {}): void {
    this.engine.resetNeurons(!(options.resetTheta ?? false));
  }

  /** Energy, traffic, clocked baseline and latency since construction or resetCounters. */
  report(): RunReport {
    const engine = this.engine;
    return buildReport({
      ir: this.ir,
      mesh: this.mesh,
      counters: engine.counters,
      learnUpdates: engine.learnUpdatesSinceReset(),
      simulatedPs: engine.nowPs - engine.counters.sinceStartPs,
      clockStepPs: this.clockStepPs,
      mode: this.mode,
      partial: this.interrupted,
    });
  }

  resetCounters(): void {
    this.engine.resetCounters();
    this.interrupted = false;
  }

  /**
   * The image with the run so far, for `--save-state`: a new Emulator made from it (directly, or
   * after writeImage and readImage) continues exactly where this one is, with bit-identical
   * spikes, weights and state (`runState`, see docs/emulator.md, "Saving and resuming"). The
   * learned weights are also rounded into `synapses.weight`, so reports and `restart` see them;
   * the initial values (`neurons.init*`) stay the compiled ones, which `resetNeuronState()`
   * returns to.
   */
  toIr(): ChipIR {
    const weight = this.synapses.weight.slice();
    if (this.hooks) {
      const maxLsb = 2 ** 15 - 1;
      const syn = this.synapses;
      for (let e = 0; e < syn.fanOutProjection.length; e++) {
        const p = this.ir.projections[syn.fanOutProjection[e]!]!;
        if (p.plasticity < 0) continue;
        for (let s = syn.synStart[e]!; s < syn.synStart[e + 1]!; s++) {
          const lsb = Math.round(this.hooks.weightV(s) / p.weightLsbV);
          weight[s] = Math.max(-maxLsb, Math.min(maxLsb, lsb));
        }
      }
    }
    return {
      ...this.ir,
      synapses: { ...this.synapses, weight },
      runState: captureRunState(this.snapshotParts()),
    };
  }

  // -------------------------------------------------------------------------------------------

  private snapshotParts(): SnapshotParts {
    const { engine, ops, hooks, mode, seed } = this;
    return { engine, ops, hooks, mode, runSeed: seed };
  }

  private createNeurons(ir: ChipIR): NeuronOps {
    if (this.mode === "fixed") return createFixedNeuronsOrFail(ir);
    return createFloatNeurons(ir);
  }

  private population(name: string): number {
    const p = this.populationIndex.get(name);
    if (p === undefined) fail(D.unknownPopulation, [name]);
    return p;
  }

  private inputPopulation(name: string): number {
    const p = this.population(name);
    if (this.ir.populations[p]!.kind !== "input") fail(D.notAnInput, [name]);
    return p;
  }

  private projectionIndex(name: string): number {
    const p = this.ir.projections.findIndex((q) => q.name === name);
    if (p < 0) fail(D.unknownProjection, [name]);
    return p;
  }

  private isPlastic(name: string): boolean {
    return (
      this.hooks !== undefined && this.ir.projections[this.projectionIndex(name)]!.plasticity >= 0
    );
  }

  /**
   * Synapse ids of a projection in image order, with the indices of their pre and post neurons
   * within their populations. The image's wiring never changes after construction, so each
   * projection's lists are built once: training scripts read and write weights after every
   * stimulus.
   */
  private projectionSynapses(name: string): ProjectionSynapses {
    const p = this.projectionIndex(name);
    const cached = this.synapseLists.get(p);
    if (cached !== undefined) return cached;
    const syn = this.synapses;
    let count = 0;
    for (let e = 0; e < syn.fanOutProjection.length; e++)
      if (syn.fanOutProjection[e] === p) count += syn.synStart[e + 1]! - syn.synStart[e]!;
    const ids = new Uint32Array(count);
    const pre = new Uint32Array(count);
    const post = new Uint32Array(count);
    const index = this.ir.neurons.index;
    let n = 0;
    for (let s = 0; s < this.ir.neurons.count; s++)
      for (let e = syn.fanOutStart[s]!; e < syn.fanOutStart[s + 1]!; e++) {
        if (syn.fanOutProjection[e] !== p) continue;
        // A slot counts from the first neuron of the entry's destination core.
        const base = this.ir.cores[syn.fanOutCore[e]!]!.neuronStart;
        for (let k = syn.synStart[e]!; k < syn.synStart[e + 1]!; k++) {
          ids[n] = k;
          pre[n] = index[s]!;
          post[n++] = index[base + syn.targetSlot[k]!]!;
        }
      }
    const list = { ids, pre, post };
    this.synapseLists.set(p, list);
    return list;
  }
}

/** A projection's synapse ids in image order and their pre and post indices in the populations. */
interface ProjectionSynapses {
  readonly ids: Uint32Array;
  readonly pre: Uint32Array;
  readonly post: Uint32Array;
}

/** Fixed-mode dynamics, or a diagnostic when the target's precision lies outside their range. */
function createFixedNeuronsOrFail(ir: ChipIR): NeuronOps {
  try {
    return createFixedNeurons(ir);
  } catch (error) {
    if (error instanceof RangeError) return fail(D.fixedModeUnavailable, [error.message]);
    throw error;
  }
}

function sumOf(a: Float64Array): number {
  let s = 0;
  for (const x of a) s += x;
  return s;
}
