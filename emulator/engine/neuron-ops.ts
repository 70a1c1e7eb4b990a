/**
 * What the engine needs from the neuron dynamics (emulator/neuron/), behind one small interface
 * so the event loop is the same in float and fixed mode. Indices are hardware neuron ids;
 * weights arrive in volts (quantised LSBs x the projection's weightLsbV, or a learned weight).
 */
import type { SavedNeurons } from "../neuron/state.ts";

export interface NeuronOps {
  /** Brings neuron i's state from its last update to tPs by the closed form. */
  advance(i: number, tPs: number): void;
  /** Adds a synaptic jump at the neuron's current time (after `advance`). */
  addInput(i: number, inhibitory: boolean, weightV: number): void;
  /** Earliest integer picosecond of a threshold crossing up to limitPs, or Infinity. */
  nextCrossingPs(i: number, limitPs: number): number;
  /**
   * Optional and cheap: a time no later than the next crossing (what nextCrossingPs would
   * return), or Infinity when there is none up to limitPs. The engine then runs the exact search
   * only if the neuron gets no further input before that time.
   */
  crossingBoundPs?(i: number, limitPs: number): number;
  /** Spike at tPs (the neuron has been advanced to tPs): reset, refractory, theta. */
  fire(i: number, tPs: number): void;
  /** Membrane voltage at tPs >= the last update, without changing the neuron's state. */
  voltageAtV(i: number, tPs: number): number;
  /**
   * Turns threshold adaptation (theta's jump at each spike) on or off; theta still decays. Off
   * is how learning is frozen for evaluation: homeostasis is a learning rule too.
   */
  setAdaptation(enabled: boolean): void;
  /** Puts neuron i back to its initial values at time tPs (theta too unless keepTheta). */
  resetNeuron(i: number, tPs: number, keepTheta: boolean): void;
  /**
   * Every neuron's variables as stored (volts in float mode, LSBs in fixed mode), each at its
   * own last update, for a saved run.
   */
  saveState(): SavedNeurons;
  /** Continues from variables saved by the same kind of NeuronOps for the same image. */
  restoreState(saved: SavedNeurons): void;
}
