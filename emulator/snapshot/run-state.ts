/**
 * Saving and resuming a run: gathers the state of the engine, the neurons and learning into the
 * IR's run state (src/ir/run-state.ts), and puts a run state back into freshly built ones. Each
 * owner copies its own variables raw (saveState / restoreState); this module only translates
 * names and the one engine-internal index: an Apply event names a synaptic batch inside the
 * engine but the first synapse of that batch in the IR, so a saved image does not depend on how
 * the engine numbers its batches.
 *
 * Not saved: activity counters, recorded spikes and voltage samples, the learn-update count.
 * A resumed run reports from its own start. Options (learning on or off, recording, sample
 * period, clock step of the baseline) belong to each run, not to the state.
 */
import { emulationDiagnostics as D } from "../../src/diagnostics/catalogue/index.ts";
import {
  checkRunStateShape,
  checkRunStateValues,
  describeRunStateProblem,
} from "../../src/ir/run-state-check.ts";
import type { IrRunState } from "../../src/ir/run-state.ts";
import type { ChipIR } from "../../src/ir/types.ts";
import type { Engine } from "../engine/engine.ts";
import { EventKind } from "../engine/event-kinds.ts";
import type { NeuronOps } from "../engine/neuron-ops.ts";
import { fail } from "../errors.ts";
import type { LearningState } from "../learning/plasticity-engine.ts";
import type { PlasticityHooks } from "../plasticity-hooks.ts";

export interface SnapshotParts {
  readonly engine: Engine;
  readonly ops: NeuronOps;
  readonly hooks: PlasticityHooks | undefined;
  readonly mode: "float" | "fixed";
  readonly runSeed: number;
}

const NO_LEARNING: LearningState = {
  weight: new Float64Array(0),
  preX: new Float64Array(0),
  preT: new Float64Array(0),
  postY: new Float64Array(0),
  postT: new Float64Array(0),
  elig: new Float64Array(0),
  eligT: new Float64Array(0),
  rounding: new Uint32Array(0),
};

/** A copy of the run's state now; later runs do not change it. */
export function captureRunState(parts: SnapshotParts): IrRunState {
  const e = parts.engine.saveState();
  const n = parts.ops.saveState();
  const l = parts.hooks?.saveState() ?? NO_LEARNING;
  const q = e.queue;

  const batchStart = parts.engine.batches.batchStart;
  const target = q.target.slice();
  for (let k = 0; k < target.length; k++)
    if (q.kind[k] === EventKind.Apply) target[k] = batchStart[target[k]!]!;

  return {
    mode: parts.mode,
    runSeed: parts.runSeed,
    nowPs: e.nowPs,
    horizonPs: e.horizonPs,
    nextSeq: q.nextSeq,
    arrays: {
      "engine.core_busy_until_ps": e.coreBusyUntilPs,
      "engine.link_free_ps": e.linkFreePs,
      "engine.crossing_ps": e.crossingPs,
      "engine.crossing_provisional": e.provisional,
      "queue.time_ps": q.timePs,
      "queue.kind": q.kind,
      "queue.target": target,
      "queue.seq": q.seq,
      "queue.a": q.a,
      "queue.b": q.b,
      "queue.c": q.c,
      "neuron.v": n.v,
      "neuron.g_exc": n.gExc,
      "neuron.g_inh": n.gInh,
      "neuron.theta": n.theta,
      "neuron.last_ps": n.lastPs,
      "neuron.refractory_until_ps": n.refractoryUntilPs,
      "poisson.rate_hz": e.poisson.rateHz,
      "poisson.start_ps": e.poisson.startPs,
      "poisson.stop_ps": e.poisson.stopPs,
      "poisson.version": e.poisson.version,
      "poisson.seed": e.poisson.seed,
      "poisson.counter": e.poisson.counter,
      "train.length": e.trains.length,
      "train.neuron": e.trains.neuron,
      "train.time_ps": e.trains.timePs,
      "learning.weight": l.weight,
      "learning.pre_x": l.preX,
      "learning.pre_t": l.preT,
      "learning.post_y": l.postY,
      "learning.post_t": l.postT,
      "learning.elig": l.elig,
      "learning.elig_t": l.eligT,
      "learning.rounding": l.rounding,
    },
  };
}

/**
 * Puts a saved run state into parts built from the same image, in place of `engine.start`.
 * A state that does not fit the image is refused with ANT5019 (the parts are then unusable;
 * the Emulator being built is abandoned).
 */
export function restoreRunState(parts: SnapshotParts, ir: ChipIR, state: IrRunState): void {
  const problem = checkRunStateShape(ir, state) ?? checkRunStateValues(ir, state);
  if (problem !== undefined) fail(D.resumeUnusable, [describeRunStateProblem(problem)]);
  const a = state.arrays;

  const kind = a["queue.kind"];
  const target = a["queue.target"].slice();
  const batchStart = parts.engine.batches.batchStart;
  const batchCount = parts.engine.batches.count;
  for (let k = 0; k < target.length; k++) {
    if (kind[k] !== EventKind.Apply) continue;
    const batch = batchStartingAt(batchStart, batchCount, target[k]!);
    if (batch < 0)
      fail(D.resumeUnusable, [
        `pending event ${k} applies the synapses from synapse ${target[k]}, where no synaptic batch starts`,
      ]);
    target[k] = batch;
  }

  parts.ops.restoreState({
    v: a["neuron.v"],
    gExc: a["neuron.g_exc"],
    gInh: a["neuron.g_inh"],
    theta: a["neuron.theta"],
    lastPs: a["neuron.last_ps"],
    refractoryUntilPs: a["neuron.refractory_until_ps"],
  });
  // A provisional prediction promises that the neuron cannot cross before it; the engine treats
  // a broken promise as its own bug, so a saved one is checked against the exact search here.
  const crossingPs = a["engine.crossing_ps"];
  const provisional = a["engine.crossing_provisional"];
  for (let i = 0; i < provisional.length; i++) {
    if (provisional[i] !== 1) continue;
    const exactPs = parts.ops.nextCrossingPs(i, state.horizonPs);
    if (exactPs < crossingPs[i]!)
      fail(D.resumeUnusable, [
        `neuron ${i} is predicted not to cross before ${crossingPs[i]} ps, but it crosses at ${exactPs} ps`,
      ]);
  }

  parts.hooks?.restoreState({
    weight: a["learning.weight"],
    preX: a["learning.pre_x"],
    preT: a["learning.pre_t"],
    postY: a["learning.post_y"],
    postT: a["learning.post_t"],
    elig: a["learning.elig"],
    eligT: a["learning.elig_t"],
    rounding: a["learning.rounding"],
  });
  parts.engine.restoreState({
    nowPs: state.nowPs,
    horizonPs: state.horizonPs,
    coreBusyUntilPs: a["engine.core_busy_until_ps"],
    linkFreePs: a["engine.link_free_ps"],
    crossingPs: a["engine.crossing_ps"],
    provisional: a["engine.crossing_provisional"],
    queue: {
      timePs: a["queue.time_ps"],
      kind,
      target,
      seq: a["queue.seq"],
      a: a["queue.a"],
      b: a["queue.b"],
      c: a["queue.c"],
      nextSeq: state.nextSeq,
    },
    poisson: {
      rateHz: a["poisson.rate_hz"],
      startPs: a["poisson.start_ps"],
      stopPs: a["poisson.stop_ps"],
      version: a["poisson.version"],
      seed: a["poisson.seed"],
      counter: a["poisson.counter"],
    },
    trains: { length: a["train.length"], neuron: a["train.neuron"], timePs: a["train.time_ps"] },
  });
}

/** The batch whose first synapse is `synapse` (batch starts ascend strictly), or -1. */
function batchStartingAt(batchStart: Uint32Array, count: number, synapse: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = batchStart[mid]!;
    if (s === synapse) return mid;
    if (s < synapse) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
