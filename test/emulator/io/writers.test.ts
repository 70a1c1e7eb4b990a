import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spikesToCsv, voltagesToCsv } from "../../../emulator/io/output/csv-writers.ts";
import { renderRasterSvg } from "../../../emulator/io/output/raster-svg.ts";
import { decodeSpikeBinary, encodeSpikeBinary } from "../../../emulator/io/output/spike-binary.ts";
import type { SpikeTable, VoltageTraces } from "../../../emulator/io/output/spike-table.ts";
import { spikeTableFromHardware } from "../../../emulator/io/output/spike-table.ts";
import { writeRunOutputs } from "../../../emulator/io/output/write-run-outputs.ts";
import { mutate, seededRandom } from "./helpers/encoders.ts";
import { xmlProblems } from "./helpers/xml-check.ts";

const table: SpikeTable = {
  populations: [
    { name: "exc", size: 4 },
    { name: "in,h", size: 2 },
  ],
  population: Uint32Array.from([0, 1, 0]),
  neuron: Uint32Array.from([3, 1, 0]),
  timePs: Float64Array.from([1_000_000_000, 1_500_000_000, 2_000_000_000_000]),
};

describe("the compact binary spike file", () => {
  it("lays out magic, counts, the population table and three little-endian columns", () => {
    const bytes = encodeSpikeBinary(table);
    const view = new DataView(bytes.buffer);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe("ANTSPK1\0");
    expect([view.getUint32(8, true), view.getUint32(12, true)]).toEqual([2, 3]);
    expect([view.getUint32(16, true), view.getUint16(20, true)]).toEqual([4, 3]);
    const columns = 16 + (6 + 3) + (6 + 4);
    expect(bytes.length).toBe(columns + 3 * 16);
    expect(view.getUint32(columns + 4, true)).toBe(1);
    expect(view.getUint32(columns + 12, true)).toBe(3);
    expect(view.getFloat64(columns + 24 + 16, true)).toBe(2_000_000_000_000);
  });

  it("reads back exactly what was written", () => {
    const { spikes, diagnostics } = decodeSpikeBinary(encodeSpikeBinary(table), "s.antspk");
    expect(diagnostics).toEqual([]);
    expect(spikes).toEqual(table);
  });

  it("refuses a wrong magic, and a file cut at any byte, without throwing", () => {
    const bytes = encodeSpikeBinary(table);
    const wrong = bytes.slice();
    wrong[3] = 0x58;
    expect(decodeSpikeBinary(wrong, "s").diagnostics[0]!.code).toBe("ANT5503");
    for (let cut = 0; cut < bytes.length; cut++) {
      const result = decodeSpikeBinary(bytes.subarray(0, cut), "s");
      expect(result.spikes).toBeUndefined();
      expect(result.diagnostics[0]!.bytes!.byteOffset).toBeLessThanOrEqual(cut);
    }
  });

  it("refuses neuron and population indices outside the table", () => {
    const bad = encodeSpikeBinary({ ...table, neuron: Uint32Array.from([4, 1, 0]) });
    const result = decodeSpikeBinary(bad, "s");
    expect(result.diagnostics[0]!.message).toBe(
      "The file declares neuron index in 'exc' 4; expected below 4.",
    );
  });

  it("never throws on randomly mutated files", () => {
    const random = seededRandom(5505);
    const bytes = encodeSpikeBinary(table);
    for (let trial = 0; trial < 300; trial++) {
      const result = decodeSpikeBinary(mutate(bytes, random), "s");
      expect(result.spikes !== undefined || result.diagnostics.length === 1).toBe(true);
    }
  });
});

describe("the CSV writers", () => {
  it("write spikes as population,neuron,time_s with exact seconds and quoted names", () => {
    expect(spikesToCsv(table)).toBe(
      'population,neuron,time_s\nexc,3,0.001\n"in,h",1,0.0015\nexc,0,2\n',
    );
  });

  it("write voltage traces with one column per probe and round-trip floats", () => {
    const traces: VoltageTraces = {
      probes: [
        { population: "exc", index: 0 },
        { population: "exc", index: 3 },
      ],
      timePs: Float64Array.from([0, 100_000_000]),
      valuesV: [Float64Array.from([-0.06, -0.0599]), Float64Array.from([-0, 0.1 + 0.2])],
    };
    const csv = voltagesToCsv(traces);
    expect(csv).toBe("time_s,exc[0],exc[3]\n0,-0.06,0\n0.0001,-0.0599,0.30000000000000004\n");
    expect(Number(csv.split("\n")[2]!.split(",")[2])).toBe(0.1 + 0.2);
  });
});

describe("the raster picture", () => {
  it("is well-formed SVG with escaped population names", () => {
    const tricky: SpikeTable = {
      ...table,
      populations: [
        { name: "a<b&'c'", size: 4 },
        { name: '"q"', size: 2 },
      ],
    };
    const { svg } = renderRasterSvg(tricky, { title: "run <1>" });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain("a&lt;b&amp;&apos;c&apos; (4)");
    expect(svg).toContain("&quot;q&quot; (2)");
    expect(svg).toContain("run &lt;1&gt;");
  });

  it("puts a spike at its time on x and its neuron's row on y", () => {
    const one: SpikeTable = {
      populations: [{ name: "p", size: 10 }],
      population: Uint32Array.from([0]),
      neuron: Uint32Array.from([5]),
      timePs: Float64Array.from([500]),
    };
    // Plot area: x from 130 to 940 (width 810), y from 34 over 458 px, 45.8 px per row.
    const { svg } = renderRasterSvg(one, { durationPs: 1000 });
    expect(svg).toContain('d="M535.0 263.0v6.0"');
    expect(svg).toContain(">0.000000001</text>");
  });

  it("draws a deterministic 1-in-k subsample with a note when there are too many spikes", () => {
    const n = 1000;
    const many: SpikeTable = {
      populations: [{ name: "p", size: 10 }],
      population: new Uint32Array(n),
      neuron: Uint32Array.from({ length: n }, (_, i) => i % 10),
      timePs: Float64Array.from({ length: n }, (_, i) => i * 1000),
    };
    const first = renderRasterSvg(many, { maxSpikes: 300 });
    expect(first.svg.match(/M/g)!.length).toBe(Math.ceil(n / 4));
    expect(first.svg).toContain("showing 1 spike in 4 (250 of 1000)");
    expect(first.diagnostics.map((d) => d.code)).toEqual(["ANT5600"]);
    expect(renderRasterSvg(many, { maxSpikes: 300 }).svg).toBe(first.svg);
  });

  it("stays under a few megabytes for half a million spikes", () => {
    const n = 500_000;
    const many: SpikeTable = {
      populations: [{ name: "p", size: 4000 }],
      population: new Uint32Array(n),
      neuron: Uint32Array.from({ length: n }, (_, i) => (i * 7919) % 4000),
      timePs: Float64Array.from({ length: n }, (_, i) => i * 20_000_000),
    };
    expect(renderRasterSvg(many).svg.length).toBeLessThan(4_000_000);
  });
});

describe("writing a run's outputs to a directory", () => {
  it("writes the same bytes for the same run", () => {
    const ir = {
      populations: [
        { name: "exc", kind: "population" as const, size: 2, shape: [2], model: 0 },
        { name: "inh", kind: "population" as const, size: 1, shape: [1], model: 0 },
      ],
      neurons: {
        count: 3,
        population: Uint16Array.from([0, 1, 0]),
        index: Uint32Array.from([0, 0, 1]),
        core: new Uint32Array(3),
        initV: new Float64Array(3),
        initGExcV: new Float64Array(3),
        initGInhV: new Float64Array(3),
        initThetaV: new Float64Array(3),
      },
    };
    const spikes = spikeTableFromHardware(ir, Uint32Array.from([2, 1]), Float64Array.from([5, 9]));
    expect(Array.from(spikes.population)).toEqual([0, 1]);
    expect(Array.from(spikes.neuron)).toEqual([1, 0]);

    const traces: VoltageTraces = {
      probes: [{ population: "exc", index: 1 }],
      timePs: Float64Array.from([0]),
      valuesV: [Float64Array.from([-0.065])],
    };
    const a = writeRunOutputs(mkdtempSync(join(tmpdir(), "ant-out-")), { spikes, traces });
    const b = writeRunOutputs(mkdtempSync(join(tmpdir(), "ant-out-")), { spikes, traces });
    expect(a.diagnostics).toEqual([]);
    expect(a.files.map((f) => f.split("/").pop())).toEqual([
      "spikes.antspk",
      "spikes.csv",
      "voltages.csv",
      "raster.svg",
    ]);
    a.files.forEach((file, i) => expect(readFileSync(file)).toEqual(readFileSync(b.files[i]!)));
  });

  it("reports a directory it cannot create instead of throwing", () => {
    // A directory below a regular file cannot exist. (Not /proc: Node 20's recursive mkdir loops
    // forever on some of its errors there.)
    const file = join(mkdtempSync(join(tmpdir(), "ant-out-")), "plain-file");
    writeFileSync(file, "");
    const result = writeRunOutputs(join(file, "sub"), { spikes: table });
    expect(result.files).toEqual([]);
    expect(result.diagnostics[0]!.code).toBe("ANT5519");
  });
});
