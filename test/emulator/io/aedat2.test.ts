import { describe, expect, it } from "vitest";
import { parseAedat2 } from "../../../emulator/io/events/aedat2.ts";
import {
  ascii,
  davis240Address,
  dvs128Address,
  encodeAedat2,
  mutate,
  seededRandom,
} from "./helpers/encoders.ts";
import { expectRefusedAt, expectWellBehaved } from "./helpers/expect-refusal.ts";

const FILE = "walk.aedat";
const US = 1_000_000;
const HEADER = [
  "#!AER-DAT2.0",
  "# This is a raw AE data file - do not edit",
  "# Timestamps tick is 1 us",
];
const HEADER_BYTES = HEADER.join("\r\n").length + 2;

const sample = encodeAedat2(HEADER, [
  { address: dvs128Address(0, 0, 1), timestampUs: 100 },
  { address: dvs128Address(127, 3, 0), timestampUs: 100 },
  { address: dvs128Address(5, 127, 1), timestampUs: 2_000 },
]);

describe("the AEDAT 2.0 reader", () => {
  it("decodes DVS128 addresses and big-endian microsecond timestamps after the header", () => {
    const { events, diagnostics } = parseAedat2(sample, FILE);
    expect(diagnostics).toEqual([]);
    expect(Array.from(events!.x)).toEqual([0, 127, 5]);
    expect(Array.from(events!.y)).toEqual([0, 3, 127]);
    expect(Array.from(events!.polarity)).toEqual([1, 0, 1]);
    expect(Array.from(events!.timePs)).toEqual([100 * US, 100 * US, 2000 * US]);
    expect([events!.width, events!.height]).toEqual([128, 128]);
  });

  it("skips DVS128 external-input events (address bit 15)", () => {
    const bytes = encodeAedat2(HEADER, [
      { address: 0x8000, timestampUs: 1 },
      { address: dvs128Address(9, 9, 0), timestampUs: 2 },
    ]);
    expect(Array.from(parseAedat2(bytes, FILE).events!.x)).toEqual([9]);
  });

  it("uses the DAVIS240 layout when the AEChip line names it and skips APS and IMU samples", () => {
    const header = [...HEADER, "# AEChip: eu.seebetter.ini.chips.davis.DAVIS240C"];
    const bytes = encodeAedat2(header, [
      { address: davis240Address(239, 179, 1), timestampUs: 10 },
      { address: (0x80000000 | davis240Address(3, 3, 0)) >>> 0, timestampUs: 11 },
      { address: davis240Address(4, 4, 0) | 0x400, timestampUs: 12 },
      { address: davis240Address(17, 0, 0), timestampUs: 13 },
    ]);
    const { events } = parseAedat2(bytes, FILE);
    expect(Array.from(events!.x)).toEqual([239, 17]);
    expect(Array.from(events!.y)).toEqual([179, 0]);
    expect(Array.from(events!.polarity)).toEqual([1, 0]);
    expect(Array.from(events!.timePs)).toEqual([10 * US, 13 * US]);
    expect([events!.width, events!.height]).toEqual([240, 180]);
  });

  it("carries time across the 32-bit timestamp wrap", () => {
    const bytes = encodeAedat2(HEADER, [
      { address: dvs128Address(1, 1, 1), timestampUs: 0xfffffff0 },
      { address: dvs128Address(2, 2, 1), timestampUs: 0x00000005 },
    ]);
    const { events } = parseAedat2(bytes, FILE);
    expect(Array.from(events!.timePs)).toEqual([0xfffffff0 * US, (2 ** 32 + 5) * US]);
  });

  it("refuses a step backwards in time at the offending record", () => {
    const bytes = encodeAedat2(HEADER, [
      { address: dvs128Address(1, 1, 1), timestampUs: 50 },
      { address: dvs128Address(2, 2, 1), timestampUs: 49 },
    ]);
    expectRefusedAt(parseAedat2(bytes, FILE), "ANT5507", HEADER_BYTES + 8);
  });

  it("refuses a file without the '#!AER-DAT2.0' first line", () => {
    expectRefusedAt(parseAedat2(ascii("#!AER-DAT3.1\r\n"), FILE), "ANT5503", 0);
    expectRefusedAt(parseAedat2(new Uint8Array([1, 2, 3]), FILE), "ANT5503", 0);
  });

  it("refuses a header line that never ends", () => {
    expectRefusedAt(parseAedat2(ascii("#!AER-DAT2.0\r\n# unfinished"), FILE), "ANT5504", 14);
  });

  it("refuses a chip it does not know the address layout of", () => {
    const bytes = encodeAedat2([...HEADER, "# AEChip: eu.seebetter.ini.chips.davis.Davis346B"], []);
    expectRefusedAt(parseAedat2(bytes, FILE), "ANT5510", HEADER_BYTES);
  });

  it("refuses a file cut inside a record, at every byte of the body", () => {
    for (let cut = HEADER_BYTES; cut < sample.length; cut++) {
      const result = parseAedat2(sample.subarray(0, cut), FILE);
      const inRecord = (cut - HEADER_BYTES) % 8;
      if (inRecord === 0) expect(result.events!.timePs.length).toBe((cut - HEADER_BYTES) / 8);
      else expectRefusedAt(result, "ANT5502", cut - inRecord);
    }
  });

  it("never throws on a file cut inside its header or randomly mutated", () => {
    for (let cut = 0; cut < HEADER_BYTES; cut++) {
      expectWellBehaved(parseAedat2(sample.subarray(0, cut), FILE), FILE, cut);
    }
    const random = seededRandom(5502);
    for (let trial = 0; trial < 300; trial++) {
      const bytes = mutate(sample, random);
      expectWellBehaved(parseAedat2(bytes, FILE), FILE, bytes.length);
    }
  });
});
