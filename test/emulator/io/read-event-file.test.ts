import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventsToInputSpikes, type EventStream } from "../../../emulator/io/events/event-stream.ts";
import {
  readEventFile,
  readSpikeFile,
  spikesFromBytes,
} from "../../../emulator/io/events/read-event-file.ts";
import {
  AEDAT3_HEADER,
  ascii,
  dvs128Address,
  encodeAedat2,
  encodeAedat3,
  encodeNmnist,
  polarityPacket,
} from "./helpers/encoders.ts";
import { expectRefusedAt } from "./helpers/expect-refusal.ts";

const dir = mkdtempSync(join(tmpdir(), "ant-events-"));
const US = 1_000_000;

const stream: EventStream = {
  x: Uint16Array.from([0, 2, 1, 2]),
  y: Uint16Array.from([0, 0, 1, 1]),
  polarity: Uint8Array.from([1, 0, 0, 1]),
  timePs: Float64Array.from([1, 2, 3, 4]),
  width: 3,
  height: 2,
};

describe("mapping events to input neurons", () => {
  it("numbers pixels row-major (y * width + x) and merges polarities with 'both'", () => {
    const spikes = eventsToInputSpikes(stream, { width: 3, height: 2, polarity: "both" });
    expect(Array.from(spikes.neuron)).toEqual([0, 2, 4, 5]);
    expect(Array.from(spikes.timePs)).toEqual([1, 2, 3, 4]);
  });

  it("keeps one polarity with 'on' or 'off'", () => {
    expect(
      Array.from(eventsToInputSpikes(stream, { width: 3, height: 2, polarity: "on" }).neuron),
    ).toEqual([0, 5]);
    expect(
      Array.from(eventsToInputSpikes(stream, { width: 3, height: 2, polarity: "off" }).neuron),
    ).toEqual([2, 4]);
  });

  it("puts OFF events in a second plane offset by width * height with 'separate'", () => {
    const spikes = eventsToInputSpikes(stream, { width: 3, height: 2, polarity: "separate" });
    expect(Array.from(spikes.neuron)).toEqual([0, 6 + 2, 6 + 4, 5]);
  });
});

describe("reading event files from disk", () => {
  it("picks AEDAT 2.0 or 3.1 from the first line when the format is 'aedat'", () => {
    const v2 = join(dir, "v2.aedat");
    writeFileSync(
      v2,
      encodeAedat2(["#!AER-DAT2.0"], [{ address: dvs128Address(4, 5, 1), timestampUs: 6 }]),
    );
    const v3 = join(dir, "v3.aedat");
    writeFileSync(
      v3,
      encodeAedat3(AEDAT3_HEADER, [polarityPacket([{ x: 7, y: 8, polarity: 0, timestampUs: 9 }])]),
    );
    expect(Array.from(readEventFile(v2, "aedat").events!.x)).toEqual([4]);
    expect(Array.from(readEventFile(v3, "aedat").events!.x)).toEqual([7]);

    const v1 = join(dir, "v1.aedat");
    writeFileSync(v1, ascii("#!AER-DAT1.0\r\n"));
    expectRefusedAt(readEventFile(v1, "aedat"), "ANT5503", 0);
  });

  it("reports a missing file as a diagnostic naming the path", () => {
    const result = readEventFile(join(dir, "absent.bin"), "nmnist");
    expect(result.events).toBeUndefined();
    expect(result.diagnostics[0]!.code).toBe("ANT5500");
    expect(result.diagnostics[0]!.message).toContain("absent.bin");
  });

  it("turns an N-MNIST file into spikes of a 2 x 34 x 34 input with polarities kept apart", () => {
    const path = join(dir, "digit.bin");
    writeFileSync(
      path,
      encodeNmnist([
        { x: 1, y: 2, polarity: 1, timestampUs: 3 },
        { x: 1, y: 2, polarity: 0, timestampUs: 4 },
      ]),
    );
    const { spikes } = readSpikeFile(path, "nmnist", { name: "retina", size: 2 * 34 * 34 });
    expect(Array.from(spikes!.neuron)).toEqual([2 * 34 + 1, 34 * 34 + 2 * 34 + 1]);
    expect(Array.from(spikes!.timePs)).toEqual([3 * US, 4 * US]);
  });

  it("refuses an input too small for the sensor", () => {
    const bytes = encodeNmnist([{ x: 1, y: 2, polarity: 1, timestampUs: 3 }]);
    const result = spikesFromBytes(bytes, "digit.bin", "nmnist", { name: "retina", size: 100 });
    expect(result.diagnostics[0]!.code).toBe("ANT5514");
    expect(result.diagnostics[0]!.message).toBe(
      "Input 'retina' has 100 neurons, but events of the 34 x 34 sensor with polarity 'both' need 1156.",
    );
  });

  it("reads CSV spike files for 'csv' inputs and refuses unknown format names", () => {
    const result = spikesFromBytes(ascii("1,0.5\n"), "s.csv", "csv", { name: "in", size: 4 });
    expect(Array.from(result.spikes!.neuron)).toEqual([1]);
    const unknown = spikesFromBytes(ascii(""), "s.xyz", "xyz" as unknown as "csv", {
      name: "in",
      size: 4,
    });
    expect(unknown.diagnostics[0]!.code).toBe("ANT5501");
  });
});
