/**
 * The Diehl & Cook (2015) training loop, written against the emulator's public API: present a
 * digit as Poisson rates for 350 ms, let the network rest for 150 ms, and present it again with
 * the intensity raised one step while it draws fewer than 5 output spikes. After each training
 * digit the input weights of every excitatory neuron are scaled back to a fixed sum (the paper's
 * weight normalisation), through `weights` / `setWeights`, between runs.
 */
import type { Emulator } from "../../emulator/api.ts";
import { PIXELS, digitPixels, type DigitSet } from "./mnist-data.ts";
import { digitRatesHz } from "./rate-encoding.ts";

const MS_PS = 1e9;

export interface DigitNetworkNames {
  /** The 784-neuron Poisson input population. */
  readonly input: string;
  /** The excitatory layer whose spikes are counted. */
  readonly excitatory: string;
  /** The plastic input -> excitatory projection. */
  readonly inputProjection: string;
}

export interface TrainerOptions {
  readonly names: DigitNetworkNames;
  readonly neurons: number;
  /** Default 350 ms and 150 ms (the paper's figures). */
  readonly presentPs?: number;
  readonly restPs?: number;
  /** Fewer output spikes than this repeat the digit one intensity step higher. Default 5. */
  readonly minSpikes?: number;
  /** Intensity steps tried at most before giving up on a digit. Default 8. */
  readonly maxBoosts?: number;
  /** Sum of each neuron's input weights after normalisation (volts); undefined: no scaling. */
  readonly weightSumV?: number;
}

export interface Presentation {
  /** Spikes of each excitatory neuron in the accepted presentation. */
  readonly counts: Uint32Array;
  /** Intensity steps the digit needed. */
  readonly boost: number;
}

export class DigitTrainer {
  readonly presentPs: number;
  readonly restPs: number;
  /** Digits presented, counting repeats at a higher intensity. */
  presentations = 0;
  private readonly zeros = new Float64Array(PIXELS);
  private readonly rates = new Float64Array(PIXELS);

  constructor(
    private readonly emulator: Emulator,
    private readonly options: TrainerOptions,
  ) {
    this.presentPs = options.presentPs ?? 350 * MS_PS;
    this.restPs = options.restPs ?? 150 * MS_PS;
  }

  /** Shows one digit (repeating at higher intensity if needed) and returns the layer's spikes. */
  present(pixels: Float32Array): Presentation {
    const { names } = this.options;
    const minSpikes = this.options.minSpikes ?? 5;
    const maxBoosts = this.options.maxBoosts ?? 8;
    let counts: Uint32Array = new Uint32Array(this.options.neurons);
    let boost = 0;
    for (; boost <= maxBoosts; boost++) {
      this.emulator.clearRecords();
      this.emulator.setInputRates(names.input, digitRatesHz(pixels, boost, this.rates));
      this.emulator.run(this.presentPs);
      counts = this.emulator.spikeCounts(names.excitatory);
      this.presentations++;

      // The rest lets the traces and voltages decay (and costs static energy, as on a chip);
      // the reset then removes what is left, so every presentation starts from rest.
      this.emulator.setInputRates(names.input, this.zeros);
      this.emulator.run(this.restPs);
      this.emulator.resetNeuronState();
      if (sum(counts) >= minSpikes) break;
    }
    return { counts, boost: Math.min(boost, maxBoosts) };
  }

  /** Scales each excitatory neuron's input weights to sum to `weightSumV`. */
  normalise(): void {
    const target = this.options.weightSumV;
    if (target === undefined) return;
    const projection = this.options.names.inputProjection;
    const { post, weightV } = this.emulator.weights(projection);
    const sums = new Float64Array(this.options.neurons);
    for (let s = 0; s < weightV.length; s++) sums[post[s]!]! += weightV[s]!;
    for (let s = 0; s < weightV.length; s++) {
      const total = sums[post[s]!]!;
      if (total > 0) weightV[s] = (weightV[s]! * target) / total;
    }
    this.emulator.setWeights(projection, weightV);
  }

  /**
   * One pass of learning over `set`, in order; `onDigit` is called after each digit. Returns the
   * spike counts (digits x neurons) drawn while learning, which the paper uses for labelling.
   */
  train(set: DigitSet, onDigit?: (done: number) => void): Float64Array {
    this.emulator.setLearning(true);
    const out = new Float64Array(set.count * this.options.neurons);
    for (let d = 0; d < set.count; d++) {
      out.set(this.present(digitPixels(set, d)).counts, d * this.options.neurons);
      this.normalise();
      onDigit?.(d + 1);
    }
    return out;
  }

  /** Spike counts (digits x neurons) with learning frozen, for labelling or testing. */
  responses(set: DigitSet, onDigit?: (done: number) => void): Float64Array {
    this.emulator.setLearning(false);
    const out = new Float64Array(set.count * this.options.neurons);
    for (let d = 0; d < set.count; d++) {
      out.set(this.present(digitPixels(set, d)).counts, d * this.options.neurons);
      onDigit?.(d + 1);
    }
    return out;
  }
}

function sum(a: Uint32Array): number {
  let s = 0;
  for (const x of a) s += x;
  return s;
}
