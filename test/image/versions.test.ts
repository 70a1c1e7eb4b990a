// Images of older format versions still read. Version 3 stores each synapse's post neuron as a
// u16 slot within its core; versions 1 and 2 stored a u32 hardware id, which the reader checks
// against the fan-out entry's core and converts. An old image must run exactly as the new one.
import { describe, expect, it } from "vitest";
import { loadProgramFromText } from "../../dsl/index.ts";
import { Emulator } from "../../emulator/api.ts";
import { compileFile, compileProgram, loadTarget } from "../../src/compiler/index.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { readImage, writeImage } from "../../src/image/index.ts";
import type { ChipIR } from "../../src/ir/types.ts";
import { smallNetworkIr } from "../helpers/ir-fixtures.ts";
import { asOlderVersion, editArray, entryOf, versionOf } from "./craft.ts";

const MS = 1e9; // picoseconds

function read(bytes: Uint8Array): ChipIR {
  const result = readImage(bytes, "net.antbin");
  expect(result.diagnostics).toEqual([]);
  return result.ir!;
}

function refusal(bytes: Uint8Array): Diagnostic {
  const result = readImage(bytes, "net.antbin");
  expect(result.ir).toBeUndefined();
  expect(result.diagnostics).toHaveLength(1);
  return result.diagnostics[0]!;
}

/** Every recorded population's spikes and the run's counts after `durationPs`. */
function runOf(ir: ChipIR, durationPs: number) {
  const emulator = new Emulator(ir, { recordAll: true });
  const summary = emulator.run(durationPs);
  const spikes = ir.populations.map((p) => emulator.spikes(p.name));
  return { emulator, spikes, synapticEvents: summary.synapticEvents, events: summary.events };
}

describe("a version 2 image", () => {
  const good = writeImage(smallNetworkIr());
  const v2 = asOlderVersion(good, 2);

  it("stores hardware ids, two bytes more per synapse than the version 3 image", () => {
    expect(versionOf(v2)).toBe(2);
    expect(entryOf(v2, "synapse.target").length).toBe(4 * 30);
    expect(entryOf(good, "synapse.slot").length).toBe(2 * 30);
  });

  it("reads as the same IR as the version 3 image, slots and all", () => {
    expect(read(v2)).toStrictEqual(smallNetworkIr());
  });

  it("refuses a synapse whose target is not on its fan-out entry's core, naming its byte", () => {
    // Synapse 0 (entry 0, core 1) pointed at neuron 9, which lives on core 2.
    const bytes = editArray(v2, "synapse.target", Uint32Array, (a) => (a[0] = 9));
    const d = refusal(bytes);

    expect(d.code).toBe("ANT4068");
    expect(d.message).toBe(
      "Synapse 0 targets neuron 9 on core 2, but its fan-out entry 0 sends to core 1.",
    );
    expect(d.bytes?.byteOffset).toBe(entryOf(v2, "synapse.target").offset);
  });

  it("refuses a synapse that targets a neuron that does not exist", () => {
    const bytes = editArray(v2, "synapse.target", Uint32Array, (a) => (a[7] = 12));
    const d = refusal(bytes);

    expect(d.message).toBe(
      "Element 7 of section 'synapse.target' is 12, outside the valid range [0, 12) (neurons).",
    );
    expect(d.bytes?.byteOffset).toBe(entryOf(v2, "synapse.target").offset + 28);
  });
});

describe("an image of CUBA written in the version 2 layout", () => {
  const compiled = compileFile("examples/cuba.ant", "ant-ref").ir!;
  const current = writeImage(compiled);
  const old = asOlderVersion(current, 2);

  it("spans several cores, so slots and hardware ids differ", () => {
    expect(compiled.cores.length).toBeGreaterThan(1);
    expect(read(old).synapses.targetSlot).toEqual(compiled.synapses.targetSlot);
  });

  it("runs with the same spikes and synaptic events as the version 3 image", () => {
    const before = runOf(read(old), 200 * MS);
    const after = runOf(read(current), 200 * MS);

    expect(after.synapticEvents).toBeGreaterThan(0);
    expect(before.synapticEvents).toBe(after.synapticEvents);
    expect(before.events).toBe(after.events);
    expect(before.spikes).toEqual(after.spikes);
  });
});

describe("a learning network written in the version 2 layout", () => {
  const SOURCE = `
network learner
seed 3
neuron E = adaptive_lif {
  tau_m = 20 ms  v_rest = -65 mV  v_reset = -65 mV  v_thresh = -52 mV  refractory = 5 ms
  tau_exc = 5 ms  tau_inh = 10 ms  theta_plus = 0.05 mV  tau_theta = 10 s
}
input retina = poisson[24] { rate = 40 Hz }
population exc = E[20] { v = uniform(-65 mV, -58 mV) }
plasticity stdp hebbian { a_plus = 0.1 mV  a_minus = 0.105 mV  w_min = 0 mV  w_max = 6 mV }
connect retina -> exc  all_to_all  weight uniform(2 mV, 4 mV)  delay uniform(1 ms, 5 ms)
                       learn hebbian  as feedforward
record spikes exc
`;
  // Eight neurons per core, so the plastic synapses' post neurons sit on several cores.
  const refTarget = loadTarget("ant-ref").target!;
  const small = { ...refTarget, core: { ...refTarget.core, maxNeurons: 8 } };
  const compiled = compileProgram(loadProgramFromText("learner.ant", SOURCE).program!, small).ir!;
  const current = writeImage(compiled);

  it("learns the same weights and fires the same spikes as the version 3 image", () => {
    const before = runOf(read(asOlderVersion(current, 2)), 500 * MS);
    const after = runOf(read(current), 500 * MS);

    expect(compiled.cores.length).toBeGreaterThan(3);
    expect(after.spikes[1]!.neuron.length).toBeGreaterThan(0);
    expect(before.spikes).toEqual(after.spikes);
    expect(before.emulator.weights("feedforward")).toEqual(after.emulator.weights("feedforward"));
  });

  it("reports each weight's post neuron as the neuron the synapse was compiled for", () => {
    // all_to_all: synapse k of the projection runs from retina k / 20 to exc k % 20.
    const { post, pre } = new Emulator(read(current)).weights("feedforward");

    expect(Array.from(pre)).toEqual(Array.from({ length: 24 * 20 }, (_, k) => Math.floor(k / 20)));
    expect(Array.from(post)).toEqual(Array.from({ length: 24 * 20 }, (_, k) => k % 20));
  });
});
