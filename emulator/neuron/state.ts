/**
 * Float64 neuron state, one typed array per variable, indexed by hardware neuron id. The engine
 * owns one instance for the whole chip; nothing here allocates per neuron or per event.
 */
import type { IrNeurons } from "../../src/ir/types.ts";

/** The variables of neurons 0..count-1, copied, for a saved run. */
export interface SavedNeurons {
  readonly v: Float64Array;
  readonly gExc: Float64Array;
  readonly gInh: Float64Array;
  readonly theta: Float64Array;
  readonly lastPs: Float64Array;
  readonly refractoryUntilPs: Float64Array;
}

export class NeuronState {
  readonly count: number;
  /** Membrane voltage at `lastPs`. */
  readonly v: Float64Array;
  /** Synaptic variables at `lastPs`, in volts (a weight is the jump of its variable). */
  readonly gExc: Float64Array;
  readonly gInh: Float64Array;
  /** Adaptive threshold increment at `lastPs` (threshold = vThresh + theta). */
  readonly theta: Float64Array;
  /** Time the variables above refer to: integer picoseconds. */
  readonly lastPs: Float64Array;
  /** V is held while t < refractoryUntilPs and evolves again from that instant on. */
  readonly refractoryUntilPs: Float64Array;
  /** Index into the ModelTable. Input neurons (model -1 in the IR) should not be advanced. */
  readonly model: Uint16Array;

  constructor(count: number) {
    this.count = count;
    this.v = new Float64Array(count);
    this.gExc = new Float64Array(count);
    this.gInh = new Float64Array(count);
    this.theta = new Float64Array(count);
    this.lastPs = new Float64Array(count);
    this.refractoryUntilPs = new Float64Array(count);
    this.model = new Uint16Array(count);
  }

  /** Copies neuron `from`'s whole state into slot `to` (the searches' scratch slot). */
  copyNeuron(from: number, to: number): void {
    this.v[to] = this.v[from]!;
    this.gExc[to] = this.gExc[from]!;
    this.gInh[to] = this.gInh[from]!;
    this.theta[to] = this.theta[from]!;
    this.lastPs[to] = this.lastPs[from]!;
    this.refractoryUntilPs[to] = this.refractoryUntilPs[from]!;
    this.model[to] = this.model[from]!;
  }

  /**
   * The variables of the first `count` neurons as they are: each at its own `lastPs`, not
   * advanced, so a resumed run repeats the same float operations as an uninterrupted one.
   */
  save(count: number): SavedNeurons {
    return {
      v: this.v.slice(0, count),
      gExc: this.gExc.slice(0, count),
      gInh: this.gInh.slice(0, count),
      theta: this.theta.slice(0, count),
      lastPs: this.lastPs.slice(0, count),
      refractoryUntilPs: this.refractoryUntilPs.slice(0, count),
    };
  }

  /** Puts saved variables back into the first neurons (the model indices stay as they are). */
  restore(saved: SavedNeurons): void {
    this.v.set(saved.v);
    this.gExc.set(saved.gExc);
    this.gInh.set(saved.gInh);
    this.theta.set(saved.theta);
    this.lastPs.set(saved.lastPs);
    this.refractoryUntilPs.set(saved.refractoryUntilPs);
  }

  /** Copies the IR's drawn initial values; every neuron starts at time 0, not refractory.
   *  `modelOf[i]` is the model index of hardware neuron i (input neurons may be anything). */
  static fromIr(neurons: IrNeurons, modelOf: ArrayLike<number>): NeuronState {
    const s = new NeuronState(neurons.count);
    s.v.set(neurons.initV);
    s.gExc.set(neurons.initGExcV);
    s.gInh.set(neurons.initGInhV);
    s.theta.set(neurons.initThetaV);
    for (let i = 0; i < neurons.count; i++) s.model[i] = Math.max(0, modelOf[i] ?? 0);
    return s;
  }
}
