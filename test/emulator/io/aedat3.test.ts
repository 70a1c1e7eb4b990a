import { describe, expect, it } from "vitest";
import { parseAedat3 } from "../../../emulator/io/events/aedat3.ts";
import {
  AEDAT3_HEADER,
  ascii,
  concat,
  encodeAedat3,
  encodePacket,
  mutate,
  polarityPacket,
  seededRandom,
  type Packet,
} from "./helpers/encoders.ts";
import { expectRefusedAt, expectWellBehaved } from "./helpers/expect-refusal.ts";

const FILE = "walk.aedat";
const US = 1_000_000;
const HEADER_BYTES = AEDAT3_HEADER.join("\r\n").length + 2;

const imuPacket: Packet = {
  type: 3,
  source: 1,
  size: 36,
  tsOffset: 4,
  overflow: 0,
  capacity: 2,
  number: 2,
  valid: 2,
  body: new Uint8Array(72).fill(0xab),
};

const sample = encodeAedat3(AEDAT3_HEADER, [
  polarityPacket([
    { x: 0, y: 0, polarity: 1, timestampUs: 7 },
    { x: 127, y: 1, polarity: 0, timestampUs: 8 },
    { x: 5, y: 5, polarity: 1, timestampUs: 9, valid: false },
  ]),
  imuPacket,
  polarityPacket([{ x: 3, y: 127, polarity: 0, timestampUs: 2 ** 31 - 1 }]),
  polarityPacket([{ x: 4, y: 4, polarity: 1, timestampUs: 3 }], 1),
]);

describe("the AEDAT 3.1 reader", () => {
  it("reads valid polarity events, skips invalid ones and packets of other types", () => {
    const { events, diagnostics } = parseAedat3(sample, FILE);
    expect(diagnostics).toEqual([]);
    expect(Array.from(events!.x)).toEqual([0, 127, 3, 4]);
    expect(Array.from(events!.y)).toEqual([0, 1, 127, 4]);
    expect(Array.from(events!.polarity)).toEqual([1, 0, 0, 1]);
    expect([events!.width, events!.height]).toEqual([128, 128]);
  });

  it("combines the packet's timestamp overflow counter with each 31-bit timestamp", () => {
    const { events } = parseAedat3(sample, FILE);
    expect(Array.from(events!.timePs)).toEqual([
      7 * US,
      8 * US,
      (2 ** 31 - 1) * US,
      (2 ** 31 + 3) * US,
    ]);
  });

  it("refuses a step backwards in time within a source", () => {
    const bytes = encodeAedat3(AEDAT3_HEADER, [
      polarityPacket([{ x: 1, y: 1, polarity: 1, timestampUs: 10 }]),
      polarityPacket([{ x: 1, y: 1, polarity: 1, timestampUs: 9 }]),
    ]);
    expectRefusedAt(parseAedat3(bytes, FILE), "ANT5507", HEADER_BYTES + 36 + 28);
  });

  it("refuses a header without '#!END-HEADER' or with a packet format other than RAW", () => {
    expectRefusedAt(parseAedat3(ascii("#!AER-DAT3.1\r\n#Format: RAW\r\n"), FILE), "ANT5504", 28);
    const compressed = encodeAedat3(["#!AER-DAT3.1", "#Format: SerializedTS", "#!END-HEADER"], []);
    expectRefusedAt(parseAedat3(compressed, FILE), "ANT5505", 14);
  });

  it("refuses a packet that claims more bytes than the file holds, before allocating them", () => {
    const huge = { ...polarityPacket([]), capacity: 2 ** 30, number: 2 ** 30 };
    const bytes = encodeAedat3(AEDAT3_HEADER, [huge]);
    expectRefusedAt(parseAedat3(bytes, FILE), "ANT5508", HEADER_BYTES + 16);
  });

  it("refuses inconsistent packet header fields, naming the field's byte", () => {
    const base = polarityPacket([{ x: 1, y: 1, polarity: 1, timestampUs: 1 }]);
    const cases: [Partial<Packet>, number][] = [
      [{ size: 0 }, 4],
      [{ size: 12, body: new Uint8Array(12) }, 4],
      [{ tsOffset: 0 }, 8],
      [{ overflow: -1 }, 12],
      [{ number: 2 }, 20],
      [{ valid: 5 }, 24],
    ];
    for (const [change, at] of cases) {
      const bytes = encodeAedat3(AEDAT3_HEADER, [{ ...base, ...change }]);
      expectRefusedAt(parseAedat3(bytes, FILE), "ANT5509", HEADER_BYTES + at);
    }
  });

  it("refuses events from a source the header does not declare, and coordinates off the sensor", () => {
    const stranger = encodeAedat3(AEDAT3_HEADER, [polarityPacket([], 0, 7)]);
    expectRefusedAt(parseAedat3(stranger, FILE), "ANT5517", HEADER_BYTES + 2);
    const offSensor = encodeAedat3(AEDAT3_HEADER, [
      polarityPacket([{ x: 128, y: 0, polarity: 1, timestampUs: 1 }]),
    ]);
    expectRefusedAt(parseAedat3(offSensor, FILE), "ANT5506", HEADER_BYTES + 28);
  });

  it("refuses an unknown device unless the caller gives the sensor size", () => {
    const header = ["#!AER-DAT3.1", "#Format: RAW", "#Source 1: Prototype9", "#!END-HEADER"];
    const bytes = encodeAedat3(header, [
      polarityPacket([{ x: 300, y: 2, polarity: 1, timestampUs: 1 }]),
    ]);
    expectRefusedAt(parseAedat3(bytes, FILE), "ANT5510", 28);
    const sized = parseAedat3(bytes, FILE, { width: 320, height: 240 });
    expect(Array.from(sized.events!.x)).toEqual([300]);
  });

  it("refuses a file cut at any byte after the header, naming the start of the broken piece", () => {
    const packets = [sample.subarray(HEADER_BYTES)];
    const body = concat(...packets);
    const packetStarts = [0, 28 + 24, 28 + 24 + 28 + 72, 28 + 24 + 28 + 72 + 36];
    for (let cut = 1; cut < body.length; cut++) {
      const result = parseAedat3(sample.subarray(0, HEADER_BYTES + cut), FILE);
      if (packetStarts.includes(cut)) {
        expect(result.events).toBeDefined();
        continue;
      }
      const start = Math.max(...packetStarts.filter((s) => s < cut));
      const inHeader = cut - start < 28;
      expectRefusedAt(
        result,
        inHeader ? "ANT5502" : "ANT5508",
        HEADER_BYTES + start + (inHeader ? 0 : 16),
      );
    }
  });

  it("never throws on a file cut inside its header or randomly mutated", () => {
    for (let cut = 0; cut <= HEADER_BYTES; cut++) {
      expectWellBehaved(parseAedat3(sample.subarray(0, cut), FILE), FILE, cut);
    }
    const random = seededRandom(5503);
    for (let trial = 0; trial < 300; trial++) {
      const bytes = mutate(sample, random);
      expectWellBehaved(parseAedat3(bytes, FILE), FILE, bytes.length);
    }
  });

  it("reads a packet on its own after a header (the smallest valid file)", () => {
    const bytes = concat(
      ascii(AEDAT3_HEADER.map((l) => `${l}\r\n`).join("")),
      encodePacket(polarityPacket([{ x: 9, y: 8, polarity: 1, timestampUs: 0 }])),
    );
    expect(Array.from(parseAedat3(bytes, FILE).events!.y)).toEqual([8]);
  });
});
