/**
 * Checks of a run state against its image: every array has the length the layout table
 * (run-state.ts) demands, and every value is one the emulator can resume from without
 * misbehaving: times finite and not before `nowPs` where the engine relies on it, indices in
 * range, sequence numbers distinct, fixed-mode variables whole numbers inside the state width.
 * The first problem is returned, naming the array and element, so that the image reader can
 * turn it into a byte offset and the validator and emulator into their own diagnostics.
 *
 * What only the emulator knows (that an Apply event's synapse starts a synaptic batch) is
 * checked when it restores the state.
 */
import {
  RUN_STATE_ARRAYS,
  RUN_STATE_COUNT_MEANING,
  RUN_STATE_TYPES,
  expectedCounts,
  trainSpikeCount,
  type IrRunState,
  type RunStateArrayName,
} from "./run-state.ts";
import type { ChipIR } from "./types.ts";

export interface RunStateProblem {
  /** The array holding the bad value; absent for a scalar field (`field`). */
  readonly array?: RunStateArrayName;
  readonly field?: string;
  /** Element index within the array; absent for a field or for the array as a whole. */
  readonly index?: number;
  readonly found: string;
  readonly expected: string;
}

/** Event kinds as emulator/engine/event-kinds.ts numbers them. */
const KIND = { poisson: 1, train: 2, apply: 3, hop: 4, sample: 5 } as const;

/** Each array has its table's element type and length; returns the first that does not. */
export function checkRunStateShape(ir: ChipIR, state: IrRunState): RunStateProblem | undefined {
  const a = state.arrays;
  if (!(a["train.length"] instanceof Uint32Array))
    return { array: "train.length", found: "not a u32 array", expected: "a u32 array" };
  const counts = expectedCounts(ir, {
    queue: a["queue.time_ps"]?.length ?? 0,
    trains: a["train.length"].length,
    trainSpikes: trainSpikeCount(a["train.length"]),
  });
  for (const spec of RUN_STATE_ARRAYS) {
    const array: unknown = a[spec.name];
    if (!(array instanceof RUN_STATE_TYPES[spec.type]))
      return { array: spec.name, found: "missing", expected: `a ${spec.type} array` };
    const expected = counts[spec.count];
    if (array.length !== expected)
      return {
        array: spec.name,
        found: `${array.length} elements long`,
        expected: `${expected} (${RUN_STATE_COUNT_MEANING[spec.count]})`,
      };
  }
  return undefined;
}

/** The values of a run state of the right shape; returns the first bad one. */
export function checkRunStateValues(ir: ChipIR, state: IrRunState): RunStateProblem | undefined {
  return (
    checkScalars(state) ??
    checkEngine(ir, state) ??
    checkQueue(ir, state) ??
    checkNeurons(ir, state) ??
    checkInputs(ir, state) ??
    checkLearning(state)
  );
}

type Test = (value: number, index: number) => boolean;

/** The first element of `name` that fails `ok`. */
function each(
  state: IrRunState,
  name: RunStateArrayName,
  ok: Test,
  expected: string,
): RunStateProblem | undefined {
  const array = state.arrays[name];
  for (let i = 0; i < array.length; i++)
    if (!ok(array[i]!, i)) return { array: name, index: i, found: String(array[i]), expected };
  return undefined;
}

const finite: Test = (x) => Number.isFinite(x);
const time: Test = (x) => Number.isFinite(x) && x >= 0;

function checkScalars(state: IrRunState): RunStateProblem | undefined {
  const field = (name: string, value: number, ok: boolean, expected: string) =>
    ok ? undefined : { field: name, found: String(value), expected };
  const { mode, runSeed, nowPs, horizonPs, nextSeq } = state;
  if (mode !== "float" && mode !== "fixed")
    return { field: "mode", found: String(mode), expected: "float or fixed" };
  return (
    field(
      "runSeed",
      runSeed,
      Number.isInteger(runSeed) && runSeed >= 0 && runSeed < 2 ** 32,
      "an integer from 0 to 2^32 - 1",
    ) ??
    field(
      "nowPs",
      nowPs,
      Number.isSafeInteger(nowPs) && nowPs >= 0,
      "a whole number of picoseconds",
    ) ??
    field(
      "horizonPs",
      horizonPs,
      Number.isSafeInteger(horizonPs) && horizonPs >= nowPs,
      `a whole number of at least nowPs (${nowPs})`,
    ) ??
    field("nextSeq", nextSeq, Number.isSafeInteger(nextSeq) && nextSeq >= 0, "a whole number")
  );
}

function checkEngine(ir: ChipIR, state: IrRunState): RunStateProblem | undefined {
  const now = state.nowPs;
  const isInput = (i: number): boolean => ir.populations[ir.neurons.population[i]!]!.model < 0;
  return (
    each(state, "engine.core_busy_until_ps", time, "a finite time of at least 0") ??
    each(state, "engine.link_free_ps", time, "a finite time of at least 0") ??
    each(
      state,
      "engine.crossing_ps",
      (t, i) => t === Infinity || (t >= now && Number.isFinite(t) && !isInput(i)),
      `a time of at least nowPs (${now}), or Infinity (always for an input neuron)`,
    ) ??
    each(
      state,
      "engine.crossing_provisional",
      (p, i) => {
        const t = state.arrays["engine.crossing_ps"][i]!;
        // A bound (1) is never later than the horizon it was computed for.
        return p === 0 || (p === 1 && t <= state.horizonPs);
      },
      `0, or 1 for a prediction no later than horizonPs (${state.horizonPs})`,
    )
  );
}

function checkQueue(ir: ChipIR, state: IrRunState): RunStateProblem | undefined {
  const a = state.arrays;
  const n = ir.neurons.count;
  const trains = a["train.length"];
  const kinds = a["queue.kind"];
  const targets = a["queue.target"];
  const sources = a["queue.a"];
  const first =
    each(
      state,
      "queue.time_ps",
      (t) => Number.isFinite(t) && t >= state.nowPs,
      `a finite time of at least nowPs (${state.nowPs})`,
    ) ??
    each(
      state,
      "queue.kind",
      (k) => k >= KIND.poisson && k <= KIND.sample,
      "an event kind from 1 to 5",
    ) ??
    each(state, "queue.c", finite, "a finite number") ??
    each(
      state,
      "queue.seq",
      (s) => Number.isSafeInteger(s) && s >= 0 && s < state.nextSeq,
      `a whole number below nextSeq (${state.nextSeq})`,
    );
  if (first !== undefined) return first;

  const limits: Record<number, [number, string]> = {
    [KIND.poisson]: [n, "a neuron"],
    [KIND.train]: [trains.length, "a spike train"],
    [KIND.apply]: [ir.synapses.count, "a synapse"],
    [KIND.hop]: [ir.routes.nodeRouter.length, "a route node"],
    [KIND.sample]: [1, "0 for a sample"],
  };
  for (let e = 0; e < kinds.length; e++) {
    const [limit, what] = limits[kinds[e]!]!;
    if (targets[e]! >= limit)
      return {
        array: "queue.target",
        index: e,
        found: String(targets[e]),
        expected: `${what} below ${limit}`,
      };
    const kind = kinds[e]!;
    const needsSource = kind === KIND.apply || kind === KIND.hop;
    if (needsSource && !(sources[e]! >= 0 && sources[e]! < n))
      return {
        array: "queue.a",
        index: e,
        found: String(sources[e]),
        expected: `a source neuron below ${n}`,
      };
    if (kind === KIND.train && !(sources[e]! >= 0 && sources[e]! < trains[targets[e]!]!))
      return {
        array: "queue.a",
        index: e,
        found: String(sources[e]),
        expected: `a spike of train ${targets[e]} (below ${trains[targets[e]!]})`,
      };
  }

  // Sequence numbers order events that tie in time and kind: they must be distinct.
  const seq = a["queue.seq"];
  const order = Array.from(seq.keys()).sort((x, y) => seq[x]! - seq[y]!);
  for (let k = 1; k < order.length; k++)
    if (seq[order[k]!] === seq[order[k - 1]!])
      return {
        array: "queue.seq",
        index: order[k]!,
        found: String(seq[order[k]!]),
        expected: "a sequence number no other event has",
      };
  return undefined;
}

function checkNeurons(ir: ChipIR, state: IrRunState): RunStateProblem | undefined {
  const bits = ir.target.stateBits;
  const fixed = state.mode === "fixed";
  const variable: Test = fixed
    ? (x) => Number.isInteger(x) && x >= -(2 ** (bits - 1)) && x <= 2 ** (bits - 1) - 1
    : finite;
  const expected = fixed ? `a whole number of LSBs inside ${bits}-bit state` : "a finite number";
  return (
    each(state, "neuron.v", variable, expected) ??
    each(state, "neuron.g_exc", variable, expected) ??
    each(state, "neuron.g_inh", variable, expected) ??
    each(state, "neuron.theta", variable, expected) ??
    each(
      state,
      "neuron.last_ps",
      (t) => time(t, 0) && t <= state.nowPs,
      `a time from 0 to nowPs (${state.nowPs})`,
    ) ??
    each(state, "neuron.refractory_until_ps", time, "a finite time of at least 0")
  );
}

function checkInputs(ir: ChipIR, state: IrRunState): RunStateProblem | undefined {
  const n = ir.neurons.count;
  const length = state.arrays["train.length"];
  const times = state.arrays["train.time_ps"];
  const first =
    each(state, "poisson.rate_hz", time, "a finite rate of at least 0 Hz") ??
    each(state, "poisson.start_ps", time, "a finite time of at least 0") ??
    each(state, "poisson.stop_ps", (t) => t >= 0, "a time of at least 0, or Infinity") ??
    each(state, "poisson.counter", (c) => Number.isSafeInteger(c) && c >= 0, "a whole number") ??
    each(state, "train.neuron", (i) => i < n, `a neuron below ${n}`) ??
    each(state, "train.time_ps", time, "a finite time of at least 0");
  if (first !== undefined) return first;

  // Each train is sorted by time: the engine walks it in order.
  let at = 0;
  for (const count of length) {
    for (let k = at + 1; k < at + count; k++)
      if (times[k]! < times[k - 1]!)
        return {
          array: "train.time_ps",
          index: k,
          found: String(times[k]),
          expected: `a time of at least the previous spike's (${times[k - 1]})`,
        };
    at += count;
  }
  return undefined;
}

function checkLearning(state: IrRunState): RunStateProblem | undefined {
  const weight: Test = state.mode === "fixed" ? (w) => Number.isInteger(w) : finite;
  const rounding = state.arrays["learning.rounding"];
  if (rounding.length > 0 && rounding.every((w) => w === 0))
    return {
      array: "learning.rounding",
      found: "all zero",
      expected: "a state that is not all zero",
    };
  return (
    each(
      state,
      "learning.weight",
      weight,
      state.mode === "fixed" ? "a whole number of LSBs" : "a finite number",
    ) ??
    each(state, "learning.pre_x", finite, "a finite number") ??
    each(state, "learning.pre_t", finite, "a finite time") ??
    each(state, "learning.post_y", finite, "a finite number") ??
    each(state, "learning.post_t", finite, "a finite time") ??
    each(state, "learning.elig", finite, "a finite number") ??
    each(state, "learning.elig_t", finite, "a finite time")
  );
}

/** A problem as a phrase for messages: "element 3 of run state array 'queue.kind' is 9". */
export function describeRunStateProblem(p: RunStateProblem): string {
  const where =
    p.array === undefined
      ? `run state field '${p.field}'`
      : p.index === undefined
        ? `run state array '${p.array}'`
        : `element ${p.index} of run state array '${p.array}'`;
  return `${where} is ${p.found}; expected ${p.expected}`;
}
