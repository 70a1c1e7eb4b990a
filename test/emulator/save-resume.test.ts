/**
 * Issue 6: "saving and resuming gives the same result as one uninterrupted run". A run split by
 * `toIr()` (written to an image and read back, or passed on directly) into a new Emulator must
 * give bit-identical spikes (neuron ids and picosecond times) after the split, bit-identical
 * weights and the same neuron, learning and queue state, in float and fixed mode. The network
 * has everything that carries state across the split: Poisson inputs (one rate changed through
 * the API), STDP and reward-modulated STDP with programmed delays (messages in flight), explicit
 * spike trains from the image and from the API with spikes on both sides of the split and at
 * the split instant itself, adaptive thresholds, voltage probes and stochastic weight rounding.
 */
import { describe, expect, it } from "vitest";
import { Emulator, EmulationError } from "../../emulator/api.ts";
import { EventKind } from "../../emulator/engine/event-kinds.ts";
import { loadProgramFromText } from "../../dsl/index.ts";
import { compileProgram, loadTarget } from "../../src/compiler/index.ts";
import { hasErrors } from "../../src/diagnostics/diagnostic.ts";
import { readImage, writeImage } from "../../src/image/index.ts";
import type { ChipIR, IrRunState } from "../../src/ir/types.ts";
import { boardIr } from "../helpers/paused-irs.ts";

const MS = 1e9; // picoseconds
const S = 1e12;

const SOURCE = `
network resume
seed 11

neuron E = adaptive_lif {
  tau_m = 20 ms   v_rest = -65 mV   v_reset = -65 mV   v_thresh = -52 mV   refractory = 5 ms
  tau_exc = 5 ms  tau_inh = 10 ms   theta_plus = 0.05 mV   tau_theta = 10 s
}
neuron I = lif { tau_m = 10 ms  v_rest = -60 mV  v_reset = -60 mV  v_thresh = -50 mV  refractory = 2 ms }

input retina = poisson[48] { rate = 30 Hz }
input cue = spikes[2] { times = (0, 100 ms), (1, 299 ms), (0, 300 ms), (1, 301 ms), (0, 500 ms),
                                (1, 700 ms), (0, 701 ms), (1, 900 ms) }
input reward = spikes[1] { times = (0, 250 ms), (0, 500 ms), (0, 750 ms) }

population exc = E[12] { v = uniform(-65 mV, -58 mV)  theta = uniform(0 mV, 1 mV) }
population inh = I[6]

plasticity stdp hebbian { a_plus = 0.1 mV  a_minus = 0.105 mV  w_min = 0 mV  w_max = 6 mV }
plasticity reward_stdp dopamine {
  tau_eligibility = 1 s  a_plus = 0.01 mV  a_minus = 0.012 mV  w_max = 2 mV
  reward = reward  gain = 0.5
}

connect retina -> exc  all_to_all  weight uniform(2 mV, 4 mV)  delay uniform(1 ms, 5 ms)
                       learn hebbian  as feedforward
connect exc -> inh  fixed_fan_in(n = 2)  weight 20 mV  delay 2 ms
connect inh -> exc  all_to_all  weight -8 mV  delay 1 ms  inhibitory
connect retina[0..7] -> inh  all_to_all  weight 1 mV  delay 3 ms  learn dopamine  as rewarded
connect cue -> exc[0..3]  all_to_all  weight 12 mV  delay 4 ms

record spikes exc, inh, retina, cue
record voltage exc[0..1]
`;

/** Compiled once for ant-ref (stochastic rounding of learned weights in fixed mode). */
const network: ChipIR = (() => {
  const loaded = loadProgramFromText("resume.ant", SOURCE);
  const target = loadTarget("ant-ref").target!;
  const compiled = compileProgram(loaded.program!, target);
  if (hasErrors(compiled.diagnostics) || compiled.ir === undefined)
    throw new Error(compiled.diagnostics.map((d) => d.message).join("\n"));
  return compiled.ir;
})();

type Mode = "float" | "fixed";

/** A new emulator with the inputs a script would add: a train and a rate change. */
function started(ir: ChipIR, mode: Mode): Emulator {
  const emulator = new Emulator(ir, { mode, recordAll: true });
  const times = [150, 499, 500, 500.000001, 650].map((ms) => Math.round(ms * MS));
  emulator.setInputSpikes("cue", Uint32Array.of(1, 0, 1, 0, 1), Float64Array.from(times));
  return emulator;
}

/** Runs to `untilPs`, changing the first 16 retina rates at 200 ms (stale spikes stay queued). */
function runTo(emulator: Emulator, untilPs: number): void {
  const changePs = 200 * MS;
  if (emulator.nowPs < changePs && untilPs > changePs) {
    emulator.run(changePs - emulator.nowPs);
    emulator.setInputRates(
      "retina",
      Float64Array.from({ length: 48 }, (_, i) => (i < 16 ? 45 : 30)),
    );
  }
  emulator.run(untilPs - emulator.nowPs);
}

/** The saved image of `emulator`, read back as a reader in a new process would. */
function throughImage(emulator: Emulator): ChipIR {
  const result = readImage(writeImage(emulator.toIr()), "saved.antbin");
  expect(result.diagnostics).toEqual([]);
  return result.ir!;
}

/** Spikes recorded at or after fromPs, as [hardware id, time] pairs. */
function spikesFrom(emulator: Emulator, fromPs: number): [number, number][] {
  const { neuron, timePs } = emulator.recordedSpikes();
  const out: [number, number][] = [];
  for (let k = 0; k < neuron.length; k++)
    if (timePs[k]! >= fromPs) out.push([neuron[k]!, timePs[k]!]);
  return out;
}

/** Every weight of both plastic projections, as raw float64 bits. */
function weightBits(emulator: Emulator): bigint[] {
  return ["feedforward", "rewarded"].flatMap((p) => [
    ...new BigUint64Array(emulator.weights(p).weightV.slice().buffer),
  ]);
}

/** Every array of a run state as bytes, by name. */
function stateBytes(state: IrRunState): Record<string, number[]> {
  return Object.fromEntries(
    Object.entries(state.arrays).map(([name, a]) => [
      name,
      [...new Uint8Array(a.buffer, a.byteOffset, a.byteLength)],
    ]),
  );
}

/** Runs the network for 1 s in one piece and split at `splitsPs`, resuming from images. */
function compareSplit(mode: Mode, splitsPs: readonly number[], viaImage = true) {
  const whole = started(network, mode);
  runTo(whole, 1 * S);

  let piece = started(network, mode);
  const saved: IrRunState[] = [];
  for (const splitPs of splitsPs) {
    runTo(piece, splitPs);
    const ir = viaImage ? throughImage(piece) : piece.toIr();
    saved.push(ir.runState!);
    piece = new Emulator(ir, { recordAll: true });
  }
  runTo(piece, 1 * S);
  return { whole, piece, saved, lastSplitPs: splitsPs[splitsPs.length - 1]! };
}

describe.each<Mode>(["float", "fixed"])("saving and resuming in %s mode", (mode) => {
  it("gives the same spikes, weights and state as one uninterrupted run", () => {
    const { whole, piece, saved } = compareSplit(mode, [500 * MS]);

    expect(piece.nowPs).toBe(1 * S);
    expect(piece.mode).toBe(mode);
    const after = spikesFrom(whole, 500 * MS);
    expect(after.length).toBeGreaterThan(500);
    expect(spikesFrom(piece, 0)).toEqual(after);
    expect(weightBits(piece)).toEqual(weightBits(whole));
    expect(stateBytes(piece.toIr().runState!)).toEqual(stateBytes(whole.toIr().runState!));

    // The split had work in flight: deliveries waiting for their delay, Poisson spikes (some
    // made stale by the rate change), train spikes at the split instant, voltage samples.
    const kinds = new Set(saved[0]!.arrays["queue.kind"]);
    for (const kind of Object.values(EventKind))
      if (kind !== EventKind.Hop) expect(kinds).toContain(kind);
    expect(saved[0]!.arrays["queue.time_ps"]).toContain(500 * MS);
  });

  it("gives the same result when the run is split in three", () => {
    const { whole, piece } = compareSplit(mode, [300 * MS, 700 * MS]);

    expect(spikesFrom(piece, 0)).toEqual(spikesFrom(whole, 700 * MS));
    expect(weightBits(piece)).toEqual(weightBits(whole));
    expect(stateBytes(piece.toIr().runState!)).toEqual(stateBytes(whole.toIr().runState!));
  });

  it("gives the same result when toIr() is handed on without writing an image", () => {
    const { whole, piece } = compareSplit(mode, [450 * MS], false);

    expect(spikesFrom(piece, 0)).toEqual(spikesFrom(whole, 450 * MS));
    expect(weightBits(piece)).toEqual(weightBits(whole));
  });

  it("saves, straight after resuming, the very image it resumed from", () => {
    // Every saved array must reach the new emulator: one left at its fresh value shows here
    // even when the run happens not to depend on it (a link free again before it is used).
    for (const splitPs of [250 * MS, 500 * MS]) {
      const e = started(network, mode);
      runTo(e, splitPs);
      const image = writeImage(e.toIr());
      const resumed = new Emulator(readImage(image).ir!);

      expect(writeImage(resumed.toIr())).toEqual(image);
    }
  });

  it("continues voltage traces on the same sample grid", () => {
    const { whole, piece } = compareSplit(mode, [500 * MS]);
    const w = whole.voltageTraces();
    const p = piece.voltageTraces();
    const first = w.timePs.indexOf(500 * MS);

    expect([...p.timePs]).toEqual([...w.timePs.subarray(first)]);
    expect([...p.valuesV[1]!]).toEqual([...w.valuesV[1]!.subarray(first)]);
  });
});

describe("saving while a message crosses the mesh", () => {
  it("resumes a message between routers exactly", () => {
    // The board spans four chips; Poisson inputs are added through the API.
    const start = (ir: ChipIR): Emulator => {
      const e = new Emulator(ir, { recordAll: true, mode: "fixed" });
      if (e.nowPs === 0) {
        e.setInputRates("in", Float64Array.of(60, 90, 120));
        e.setInputRates("reward", Float64Array.of(4));
      }
      return e;
    };
    const whole = start(boardIr());
    whole.run(400 * MS);

    // An input spike leaves its core after spike_out; catch its message a little later.
    const firstInput = spikesFrom(whole, 100 * MS).find(([id]) => id < 3)!;
    const splitPs = firstInput[1] + 3000;
    const before = start(boardIr());
    before.run(splitPs);
    const ir = throughImage(before);
    const piece = start(ir);
    piece.run(400 * MS - splitPs);

    expect(ir.runState!.arrays["queue.kind"]).toContain(EventKind.Hop);
    expect(ir.runState!.arrays["engine.link_free_ps"].some((t) => t > splitPs)).toBe(true);
    expect(writeImage(new Emulator(ir).toIr())).toEqual(writeImage(ir));
    expect(spikesFrom(piece, 0)).toEqual(spikesFrom(whole, splitPs));
    expect(piece.weights("learn").weightV).toEqual(whole.weights("learn").weightV);
    expect(stateBytes(piece.toIr().runState!)).toEqual(stateBytes(whole.toIr().runState!));
  });
});

describe("an image that holds a paused run", () => {
  const paused = (() => {
    const e = started(network, "fixed");
    runTo(e, 400 * MS);
    return { ir: throughImage(e), weights: e.weights("feedforward").weightV };
  })();

  it("continues in the saved mode and with the saved seed by default", () => {
    const e = new Emulator(paused.ir);

    expect([e.mode, e.seed, e.nowPs, e.resumedAtPs]).toEqual(["fixed", 11, 400 * MS, 400 * MS]);
  });

  it("refuses to continue in the other mode or with another seed", () => {
    const codes = (options: object): string[] => {
      try {
        new Emulator(paused.ir, options);
        return [];
      } catch (error) {
        return (error as EmulationError).diagnostics.map((d) => d.code);
      }
    };

    expect(codes({ mode: "float" })).toEqual(["ANT5017"]);
    expect(codes({ seed: 12 })).toEqual(["ANT5018"]);
    expect(codes({ mode: "fixed", seed: 11 })).toEqual([]);
  });

  it("reports only the resumed window", () => {
    const e = new Emulator(paused.ir);
    e.run(100 * MS);

    expect(e.report().simulatedPs).toBe(100 * MS);
  });

  it("starts at 0 s with the learned weights, rounded to their LSB, when asked to restart", () => {
    const e = new Emulator(paused.ir, { restart: true, mode: "float", seed: 3 });
    const lsbV = network.projections.find((p) => p.name === "feedforward")!.weightLsbV;

    expect(e.nowPs).toBe(0);
    expect([...e.weights("feedforward").weightV]).toEqual(
      [...paused.weights].map((w) => Math.round(w / lsbV) * lsbV),
    );
  });

  it("keeps the compiled initial values, which resetNeuronState returns to", () => {
    expect(paused.ir.neurons.initV).toEqual(network.neurons.initV);
    expect(paused.ir.neurons.initThetaV).toEqual(network.neurons.initThetaV);

    const e = new Emulator(paused.ir);
    e.resetNeuronState({ resetTheta: true });
    const fresh = new Emulator(network, { mode: "fixed" });
    expect(e.voltage("exc", 3)).toBe(fresh.voltage("exc", 3));
  });

  it("refuses a pending delivery that does not start a synaptic batch", () => {
    const state = paused.ir.runState!;
    const kinds = state.arrays["queue.kind"];
    const apply = kinds.indexOf(EventKind.Apply);
    // The inhibitory projection's entries hold several synapses of one delay: one batch each.
    const syn = paused.ir.synapses;
    const entry = syn.fanOutProjection.findIndex(
      (p, e) =>
        paused.ir.projections[p]!.name.includes("inh") &&
        syn.synStart[e + 1]! - syn.synStart[e]! > 1,
    );
    const target = state.arrays["queue.target"].slice();
    target[apply] = syn.synStart[entry]! + 1;
    const broken: ChipIR = {
      ...paused.ir,
      runState: { ...state, arrays: { ...state.arrays, "queue.target": target } },
    };

    expect(apply).toBeGreaterThanOrEqual(0);
    expect(() => new Emulator(broken)).toThrow(
      /ANT5019: The saved run state cannot be resumed: pending event \d+ applies the synapses from synapse \d+, where no synaptic batch starts\./,
    );
  });
});
