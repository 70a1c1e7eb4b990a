// A damaged or inconsistent image is refused with one clear diagnostic naming the byte offset;
// the reader never throws. Broken images are made with test/image/craft.ts, which keeps every
// checksum right so each test reaches the check it is about.
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { readImage, writeImage } from "../../src/image/index.ts";
import { multiChipIr, smallNetworkIr } from "../helpers/ir-fixtures.ts";
import {
  asOlderVersion,
  assemble,
  editArray,
  editMeta,
  entryOf,
  fixCrcs,
  splitSections,
  tableEntries,
} from "./craft.ts";

const good = writeImage(smallNetworkIr());
const SECTION_COUNT = tableEntries(good).length;

function refusal(bytes: Uint8Array): Diagnostic {
  const result = readImage(bytes, "net.antbin");
  expect(result.ir).toBeUndefined();
  expect(result.diagnostics).toHaveLength(1);
  const [diagnostic] = result.diagnostics;
  expect(diagnostic!.severity).toBe("error");
  expect(diagnostic!.bytes?.file).toBe("net.antbin");
  return diagnostic!;
}

function setU64(bytes: Uint8Array, at: number, value: number): Uint8Array {
  new DataView(bytes.buffer, bytes.byteOffset).setBigUint64(at, BigInt(value), true);
  return bytes;
}

describe("the header", () => {
  it("refuses an empty file", () => {
    const d = refusal(new Uint8Array(0));

    expect(d.code).toBe("ANT4002");
    expect(d.message).toBe(
      "The image is 0 bytes long, shorter than the 32-byte header; the file is empty or truncated.",
    );
  });

  it("refuses a file that is not a chip image, showing its first bytes", () => {
    const text = new TextEncoder().encode("network cuba { population exc ... }");
    const d = refusal(text);

    expect(d.code).toBe("ANT4003");
    expect(d.message).toContain("6e 65 74 77 6f 72 6b 20");
    expect(d.bytes?.byteOffset).toBe(0);
  });

  it("refuses an unknown format version at byte 8", () => {
    const bytes = good.slice();
    bytes[8] = 4;
    const d = refusal(fixCrcs(bytes));

    expect(d.code).toBe("ANT4004");
    expect(d.message).toBe(
      "The image has format version 4; this reader understands versions 1 to 3.",
    );
    expect(d.bytes?.byteOffset).toBe(8);
  });

  it("reads a version 1 image, which has no run state section, as starting at time 0", () => {
    const result = readImage(asOlderVersion(good, 1), "old.antbin");

    expect(result.diagnostics).toEqual([]);
    expect(result.ir).toStrictEqual(smallNetworkIr());
  });

  it("refuses a version 1 image that holds a run state section", () => {
    const v2 = asOlderVersion(good, 2);
    const d = refusal(assemble(splitSections(v2), 1));

    expect(d.message).toBe(`Section table entry ${SECTION_COUNT - 1} has unknown section id 80.`);
  });

  it("refuses flags it does not know", () => {
    const bytes = good.slice();
    bytes[10] = 1;

    expect(refusal(fixCrcs(bytes)).code).toBe("ANT4005");
  });

  it("refuses a header that declares a huge section count without allocating for it", () => {
    const bytes = good.slice();
    new DataView(bytes.buffer).setUint32(12, 0xffffffff, true);

    expect(refusal(bytes).code).toBe("ANT4007");
  });

  it("refuses bytes appended after the image", () => {
    const longer = new Uint8Array(good.length + 8);
    longer.set(good);

    expect(refusal(longer).code).toBe("ANT4009");
  });

  it("refuses a corrupted section table by its CRC", () => {
    const bytes = good.slice();
    bytes[32 + 4 * 32 + 20] = bytes[32 + 4 * 32 + 20]! ^ 0x10;
    const d = refusal(bytes);

    expect(d.code).toBe("ANT4010");
    expect(d.bytes?.byteOffset).toBe(24);
  });
});

describe("truncation", () => {
  const boundaries = tableEntries(good).flatMap((e) => [
    e.offset,
    e.offset + Math.floor(e.length / 2),
    e.offset + e.length,
  ]);
  const cuts = [...new Set([1, 8, 31, 32, 100, ...boundaries])].filter((n) => n < good.length);

  it.each(cuts)("refuses the image cut to %i bytes", (n) => {
    const d = refusal(good.slice(0, n));

    expect(["ANT4002", "ANT4008"]).toContain(d.code);
    if (n >= 32)
      expect(d.message).toBe(
        `The image is truncated: its header records ${good.length} bytes but the file has ${n}.`,
      );
  });
});

describe("flipped bits", () => {
  it("refuses every single-bit flip anywhere in the file", () => {
    const accepted: number[] = [];
    const bytes = good.slice();
    for (let i = 0; i < bytes.length; i++) {
      const mask = 1 << (i % 8);
      bytes[i] = bytes[i]! ^ mask;
      const result = readImage(bytes);
      if (result.ir !== undefined || result.diagnostics.length !== 1) accepted.push(i);
      bytes[i] = bytes[i]! ^ mask;
    }

    expect(accepted).toEqual([]);
  });

  it("names the section whose CRC fails", () => {
    const bytes = good.slice();
    bytes[entryOf(bytes, "synapse.slot").offset + 5] =
      bytes[entryOf(bytes, "synapse.slot").offset + 5]! ^ 1;
    const d = refusal(bytes);

    expect(d.code).toBe("ANT4030");
    expect(d.message).toMatch(/^Section 'synapse.slot' is corrupt: its CRC-32 is 0x[0-9a-f]{8}/);
    expect(d.bytes?.byteOffset).toBe(entryOf(bytes, "synapse.slot").offset);
  });

  it("refuses a nonzero byte in the padding between sections", () => {
    const meta = entryOf(good, "meta");
    const gap = meta.offset + meta.length;
    expect(gap % 8).not.toBe(0);
    const bytes = good.slice();
    bytes[gap] = 7;

    expect(refusal(bytes).message).toBe(
      `Byte ${gap} lies outside every section and must be 0 padding; it is 7.`,
    );
  });
});

describe("the section table", () => {
  it("refuses a section that runs past the end of the file", () => {
    const e = entryOf(good, "synapse.slot");
    const bytes = fixCrcs(setU64(good.slice(), e.at + 16, 1e6));
    const d = refusal(bytes);

    expect(d.code).toBe("ANT4025");
    expect(d.message).toContain("Section 'synapse.slot' spans bytes");
  });

  it("refuses a length that disagrees with count x element size", () => {
    const e = entryOf(good, "synapse.slot");
    const bytes = fixCrcs(setU64(good.slice(), e.at + 24, e.count + 1));

    expect(refusal(bytes).message).toBe(
      `Section 'synapse.slot' is ${e.length} bytes long but records ${e.count + 1} elements of 2 bytes each.`,
    );
  });

  it("refuses sections that overlap", () => {
    const a = entryOf(good, "neuron.init_v");
    const b = entryOf(good, "neuron.init_g_exc");
    const bytes = fixCrcs(setU64(good.slice(), b.at + 8, a.offset + 8));
    const d = refusal(bytes);

    expect(d.code).toBe("ANT4028");
    expect(d.message).toContain("overlaps section 'neuron.init_v'");
  });

  it("refuses a section that is not 8-byte aligned", () => {
    const e = entryOf(good, "neuron.index");
    const bytes = fixCrcs(setU64(good.slice(), e.at + 8, e.offset + 4));

    expect(refusal(bytes).code).toBe("ANT4027");
  });

  it("refuses a section that starts inside the header", () => {
    const e = entryOf(good, "route.node_ports");
    expect(refusal(fixCrcs(setU64(good.slice(), e.at + 8, 8))).code).toBe("ANT4026");
  });

  it("refuses an unknown section id, a duplicate and a missing section", () => {
    const sections = splitSections(good);
    const unknown = sections.map((s, i) => (i === 3 ? { ...s, id: 999 } : s));
    const duplicate = sections.map((s, i) => (i === 3 ? { ...s, id: sections[2]!.id } : s));
    const missing = sections.filter((_, i) => i !== 5);

    expect(refusal(assemble(unknown)).message).toBe(
      "Section table entry 3 has unknown section id 999.",
    );
    expect(refusal(assemble(duplicate)).message).toBe(
      "Section 'neuron.index' appears twice in the section table.",
    );
    expect(refusal(assemble(missing)).message).toBe(
      "The image has no section 'neuron.init_g_inh'.",
    );
  });

  it("refuses a section stored with the wrong element type", () => {
    const sections = splitSections(good).map((s) => (s.id === 37 ? { ...s, type: 3 } : s));

    expect(refusal(assemble(sections)).message).toBe(
      "Section 'synapse.weight' is recorded with element type code 3; it must hold i16 elements.",
    );
  });
});

describe("the metadata", () => {
  it("refuses metadata that is not JSON", () => {
    const sections = splitSections(good);
    sections[0]!.payload = new TextEncoder().encode('{"name": "net", ');
    sections[0]!.count = sections[0]!.payload.length;
    const d = refusal(assemble(sections));

    expect(d.code).toBe("ANT4040");
    expect(d.bytes?.byteOffset).toBe(entryOf(good, "meta").offset);
  });

  it("refuses metadata that is not UTF-8", () => {
    const sections = splitSections(good);
    sections[0]!.payload = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    sections[0]!.count = 4;

    expect(refusal(assemble(sections)).code).toBe("ANT4040");
  });

  it("names a missing field with its path", () => {
    const bytes = editMeta(good, (meta) => {
      delete (meta["target"] as Record<string, unknown>)["meshWidth"];
    });

    expect(refusal(bytes).message).toBe(
      "The metadata field '$.target.meshWidth' is missing; expected an integer.",
    );
  });

  it("names a field of the wrong type with what it found", () => {
    const bytes = editMeta(good, (meta) => {
      (meta["populations"] as Record<string, unknown>[])[1]!["size"] = "six";
    });

    expect(refusal(bytes).message).toBe(
      "The metadata field '$.populations[1].size' is the string 'six'; expected an integer of at least 0.",
    );
  });

  it("refuses Infinity in a field that must be finite", () => {
    const bytes = editMeta(good, (meta) => {
      (meta["models"] as Record<string, unknown>[])[0]!["vThreshV"] = "Infinity";
    });

    expect(refusal(bytes).code).toBe("ANT4041");
  });
});

describe("consistency between sections", () => {
  it("refuses element counts that disagree with the metadata", () => {
    const bytes = editMeta(good, (meta) => {
      (meta["counts"] as Record<string, number>)["synapses"] = 29;
    });

    expect(refusal(bytes).message).toBe(
      "Section 'synapse.slot' holds 30 elements but the metadata implies 29 (synapses).",
    );
  });

  it("refuses a synapse whose slot lies beyond the neurons of its destination core", () => {
    // Synapse 7 belongs to fan-out entry 4, which sends to core 1 (hardware ids 4 to 8, slots 0
    // to 4); slot 5 would be neuron 9, the first of core 2.
    const bytes = editArray(good, "synapse.slot", Uint16Array, (a) => (a[7] = 5));
    const d = refusal(bytes);

    expect(d.code).toBe("ANT4090");
    expect(d.message).toBe(
      "Synapse 7 targets slot 5 of core 1, the destination of its fan-out entry 4, but that core holds 5 neurons; a slot must be less than its core's neuron count.",
    );
    expect(d.bytes?.byteOffset).toBe(entryOf(good, "synapse.slot").offset + 14);
  });

  it("refuses fan-out offsets that decrease", () => {
    const bytes = editArray(good, "fanout.start", Uint32Array, (a) => {
      a[3] = 1;
    });

    expect(refusal(bytes).message).toBe(
      "Element 3 of section 'fanout.start' is 1, less than the element before it (4); offsets must not decrease.",
    );
  });

  it("refuses synapse offsets that do not end at the synapse count", () => {
    const bytes = editArray(good, "synapse.start", Uint32Array, (a) => {
      a[a.length - 1] = 29;
    });

    expect(refusal(bytes).message).toBe(
      "Section 'synapse.start' must run from 0 to 30; it runs from 0 to 29.",
    );
  });

  it("refuses NaN in an initial voltage", () => {
    const bytes = editArray(good, "neuron.init_v", Float64Array, (a) => (a[5] = NaN));

    expect(refusal(bytes).message).toBe(
      "Element 5 of section 'neuron.init_v' is NaN; it must be a finite number.",
    );
  });

  it("refuses a negative Poisson rate", () => {
    const bytes = editArray(good, "input.rates_hz", Float64Array, (a) => (a[0] = -1));

    expect(refusal(bytes).code).toBe("ANT4064");
  });

  it("refuses a route node whose parent comes after it", () => {
    const bytes = editArray(good, "route.node_parent", Int32Array, (a) => (a[1] = 2));

    expect(refusal(bytes).code).toBe("ANT4067");
  });

  it("refuses cores that do not cover the neurons contiguously", () => {
    const bytes = editMeta(good, (meta) => {
      (meta["cores"] as Record<string, number>[])[1]!["neuronStart"] = 5;
    });

    expect(refusal(bytes).code).toBe("ANT4065");
  });

  it("refuses a slice that disagrees with the neuron table", () => {
    const bytes = editArray(good, "neuron.index", Uint32Array, (a) => (a[5] = 2));

    expect(refusal(bytes).code).toBe("ANT4066");
  });

  it("refuses a projection that names a population that does not exist", () => {
    const bytes = editMeta(writeImage(multiChipIr()), (meta) => {
      (meta["projections"] as Record<string, number>[])[0]!["post"] = 9;
    });

    expect(refusal(bytes).message).toBe(
      "Field 'projections[0].post' is 9, outside the valid range [0, 4) (populations).",
    );
  });
});
