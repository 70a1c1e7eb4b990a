// The run state section: a paused run written into an image reads back bit for bit, compiled
// images carry an empty section, and a damaged snapshot is refused with one diagnostic naming
// the byte offset and what was expected, never a throw.
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { readImage, writeImage } from "../../src/image/index.ts";
import type { ChipIR } from "../../src/ir/types.ts";
import { validateIr } from "../../src/ir/validate.ts";
import { smallNetworkIr } from "../helpers/ir-fixtures.ts";
import { boardIr, pausedFixtureIrs, pausedIr } from "../helpers/paused-irs.ts";
import { entryOf } from "./craft.ts";
import {
  arrayOf,
  editRunState,
  layoutRunState,
  parseRunState,
  runStateArrayOffset,
  runStateBlob,
  setArray,
  withRunStateBlob,
} from "./craft-run-state.ts";

const MS = 1e9;
const board = writeImage(pausedIr(boardIr(), 2.5 * MS, "fixed"));
const small = writeImage(pausedIr(smallNetworkIr(), 300 * MS));
const stateAt = (image: Uint8Array): number => entryOf(image, "run.state").offset;

function refusal(bytes: Uint8Array): Diagnostic {
  const result = readImage(bytes, "paused.antbin");
  expect(result.ir).toBeUndefined();
  expect(result.diagnostics).toHaveLength(1);
  const [diagnostic] = result.diagnostics;
  expect(diagnostic!.bytes?.file).toBe("paused.antbin");
  return diagnostic!;
}

describe.each(pausedFixtureIrs())("the image of '$name'", ({ ir }) => {
  it("reads back as the identical IR, run state included", () => {
    const result = readImage(writeImage(ir), "paused.antbin");

    expect(result.diagnostics).toEqual([]);
    expect(result.ir?.runState).toBeDefined();
    expect(result.ir).toStrictEqual(ir);
  });

  it("is byte-identical when written twice", () => {
    expect(writeImage(ir)).toEqual(writeImage(ir));
  });

  it("passes the IR validator", () => {
    expect(validateIr(ir)).toEqual([]);
  });
});

describe("a compiled image", () => {
  it("has an empty run state section and reads back without a run state", () => {
    const bytes = writeImage(smallNetworkIr());
    const ir = readImage(bytes).ir!;

    expect(entryOf(bytes, "run.state").length).toBe(0);
    expect("runState" in ir).toBe(false);
  });
});

describe("the IR validator", () => {
  it("reports a run state that does not fit the image", () => {
    const ir = pausedIr(smallNetworkIr(), 300 * MS);
    const state = ir.runState!;
    const broken: ChipIR = {
      ...ir,
      runState: { ...state, arrays: { ...state.arrays, "neuron.v": new Float64Array(3) } },
    };

    expect(validateIr(broken).map((d) => d.message)).toEqual([
      "The IR is inconsistent: run state array 'neuron.v' is 3 elements long; expected 12 (one per neuron).",
    ]);
  });
});

describe("the run state directory", () => {
  it("refuses a section too short for its own prefix", () => {
    const d = refusal(withRunStateBlob(board, new Uint8Array(4)));

    expect(d.message).toBe(
      "The run state section is 4 bytes long; its directory needs at least 8.",
    );
    expect(d.bytes?.byteOffset).toBe(stateAt(board));
  });

  it("refuses a directory longer than the section", () => {
    const blob = runStateBlob(board).slice();
    new DataView(blob.buffer).setUint32(0, blob.length, true);

    expect(refusal(withRunStateBlob(board, blob)).code).toBe("ANT4070");
  });

  it("refuses a reserved word that is not zero", () => {
    const blob = runStateBlob(board).slice();
    blob[4] = 1;
    const d = refusal(withRunStateBlob(board, blob));

    expect(d.code).toBe("ANT4006");
    expect(d.bytes?.byteOffset).toBe(stateAt(board) + 4);
  });

  it("refuses a directory that is not JSON, at the directory's offset", () => {
    const blob = runStateBlob(board).slice();
    blob[8] = 0x5b; // '[' where '{' was: the JSON no longer parses
    const d = refusal(withRunStateBlob(board, blob));

    expect(d.code).toBe("ANT4071");
    expect(d.message).toMatch(/^The run state directory is not valid: it is not UTF-8 JSON/);
    expect(d.bytes?.byteOffset).toBe(stateAt(board) + 8);
  });

  it("names a directory field of the wrong kind", () => {
    const bytes = editRunState(board, (s) => (s.directory["mode"] = "double"));

    expect(refusal(bytes).message).toBe(
      "The run state directory is not valid: '$.mode' is the string 'double'; expected one of float, fixed.",
    );
  });

  it("refuses a list with an array missing", () => {
    const bytes = editRunState(board, (s) => s.arrays.pop());

    expect(refusal(bytes).message).toBe(
      "The run state directory is not valid: it lists 33 arrays; expected 34.",
    );
  });

  it("refuses arrays out of their order", () => {
    const bytes = editRunState(board, (s) => s.arrays.reverse());

    expect(refusal(bytes).message).toBe(
      "Array 0 of the run state is 'learning.rounding'; expected 'engine.core_busy_until_ps'.",
    );
  });

  it("refuses an array of the wrong element type", () => {
    const state = parseRunState(runStateBlob(board));
    const listed = state.arrays.map(({ name, type, count }) =>
      name === "neuron.v" ? { name, type: "u32", count: count * 2 } : { name, type, count },
    );
    const d = refusal(withRunStateBlob(board, layoutRunState(state, listed)));

    expect(d.message).toBe(
      "Run state array 'neuron.v' holds u32 elements; it must hold f64 elements.",
    );
  });
});

describe("the run state arrays", () => {
  it("refuses an array one element short, at the array's offset", () => {
    const bytes = editRunState(board, (s) => setArray(s, "neuron.v", new Float64Array(10)));
    const d = refusal(bytes);

    expect(d.message).toBe(
      "Run state array 'neuron.v' has 10 elements; the image implies 11 (one per neuron).",
    );
    expect(d.bytes?.byteOffset).toBe(runStateArrayOffset(bytes, "neuron.v"));
  });

  it("refuses queue arrays of different lengths", () => {
    const bytes = editRunState(board, (s) => {
      const kind = arrayOf(s, "queue.kind", Uint8Array);
      setArray(s, "queue.kind", kind.subarray(1));
    });

    expect(refusal(bytes).message).toBe(
      "Run state array 'queue.kind' has 14 elements; the image implies 15 (one per pending event, as many as 'queue.time_ps').",
    );
  });

  it("refuses train spikes that do not add up to the train lengths", () => {
    const bytes = editRunState(board, (s) => {
      const length = arrayOf(s, "train.length", Uint32Array);
      length[0] = length[0]! + 1;
    });

    expect(refusal(bytes).code).toBe("ANT4074");
  });

  it("refuses bytes after the last array", () => {
    const blob = runStateBlob(board);
    const longer = new Uint8Array(blob.length + 8);
    longer.set(blob);
    const d = refusal(withRunStateBlob(board, longer));

    expect(d.message).toBe(
      `The run state section is ${blob.length + 8} bytes long, but its directory lays out ${blob.length} bytes.`,
    );
  });

  it("refuses a nonzero byte in the padding after the directory", () => {
    const blob = runStateBlob(board).slice();
    const gap = 8 + new DataView(blob.buffer).getUint32(0, true);
    expect(gap % 8).not.toBe(0);
    blob[gap] = 5;
    const d = refusal(withRunStateBlob(board, blob));

    expect(d.message).toBe(
      `Byte ${stateAt(board) + gap} pads the run state and must be 0; it is 5.`,
    );
    expect(d.bytes?.byteOffset).toBe(stateAt(board) + gap);
  });
});

describe("the run state values", () => {
  it("refuses an unknown event kind, naming the element and its byte", () => {
    const bytes = editRunState(board, (s) => (arrayOf(s, "queue.kind", Uint8Array)[3] = 9));
    const d = refusal(bytes);

    expect(d.code).toBe("ANT4077");
    expect(d.message).toBe(
      "In the saved run state, element 3 of run state array 'queue.kind' is 9; expected an event kind from 1 to 5.",
    );
    expect(d.bytes?.byteOffset).toBe(runStateArrayOffset(bytes, "queue.kind") + 3);
  });

  it("refuses a delivery to a synapse that does not exist", () => {
    const bytes = editRunState(board, (s) => (arrayOf(s, "queue.target", Uint32Array)[0] = 15));

    expect(refusal(bytes).message).toBe(
      "In the saved run state, element 0 of run state array 'queue.target' is 15; expected a synapse below 15.",
    );
  });

  it("refuses two events with the same sequence number", () => {
    const bytes = editRunState(board, (s) => {
      const seq = arrayOf(s, "queue.seq", Float64Array);
      seq[4] = seq[2]!;
    });

    expect(refusal(bytes).message).toMatch(
      /^In the saved run state, element [24] of run state array 'queue.seq' is \d+; expected a sequence number no other event has\.$/,
    );
  });

  it("refuses a fractional membrane voltage in a fixed-mode state", () => {
    const bytes = editRunState(board, (s) => (arrayOf(s, "neuron.v", Float64Array)[4] = 0.5));
    const d = refusal(bytes);

    expect(d.message).toBe(
      "In the saved run state, element 4 of run state array 'neuron.v' is 0.5; expected a whole number of LSBs inside 24-bit state.",
    );
    expect(d.bytes?.byteOffset).toBe(runStateArrayOffset(bytes, "neuron.v") + 32);
  });

  it("refuses NaN in a float-mode neuron variable", () => {
    const bytes = editRunState(small, (s) => (arrayOf(s, "neuron.g_exc", Float64Array)[7] = NaN));

    expect(refusal(bytes).message).toBe(
      "In the saved run state, element 7 of run state array 'neuron.g_exc' is NaN; expected a finite number.",
    );
  });

  it("refuses a neuron updated after the saved time", () => {
    const bytes = editRunState(small, (s) => {
      arrayOf(s, "neuron.last_ps", Float64Array)[5] = 301 * MS;
    });

    expect(refusal(bytes).message).toBe(
      `In the saved run state, element 5 of run state array 'neuron.last_ps' is ${301 * MS}; expected a time from 0 to nowPs (${300 * MS}).`,
    );
  });

  it("refuses a horizon before the saved time, at the directory", () => {
    const bytes = editRunState(small, (s) => (s.directory["horizonPs"] = 0));
    const d = refusal(bytes);

    expect(d.message).toBe(
      `In the saved run state, run state field 'horizonPs' is 0; expected a whole number of at least nowPs (${300 * MS}).`,
    );
    expect(d.bytes?.byteOffset).toBe(stateAt(bytes) + 8);
  });

  it("refuses a spike train whose times go backwards", () => {
    const bytes = editRunState(board, (s) => {
      const times = arrayOf(s, "train.time_ps", Float64Array);
      times[1] = 0;
    });

    expect(refusal(bytes).message).toMatch(/'train\.time_ps' is 0; expected a time of at least/);
  });

  it("refuses a rounding stream stuck at zero", () => {
    const bytes = editRunState(board, (s) => arrayOf(s, "learning.rounding", Uint32Array).fill(0));

    expect(refusal(bytes).code).toBe("ANT4077");
  });
});
