// The report data model: figures checked by hand against the small fixture, limits the target
// leaves open, measured activity from a run, and networks with nothing placed.
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/index.ts";
import { emptyIr, multiChipIr, smallNetworkIr } from "../helpers/ir-fixtures.ts";

describe("buildReport", () => {
  it("gives each core its position, slices, counts and shares of each limit", () => {
    const data = buildReport({ ir: smallNetworkIr() });
    const core = data.cores[1]!;

    expect(data.cores).toHaveLength(3);
    expect(core.position).toEqual([1, 0]);
    expect(core.slices).toEqual([
      { population: "exc", start: 0, end: 3 },
      { population: "inh", start: 0, end: 2 },
    ]);
    expect(core.neurons).toBe(5);
    expect(core.utilisation.neurons).toBeCloseTo(5 / 1024);
    expect(core.utilisation.max).toBe(
      Math.max(...Object.values(core.utilisation).filter((v) => v !== null)),
    );
  });

  it("estimates traffic from the routes: 4 inputs at 200 Hz in total reach both exc cores", () => {
    const data = buildReport({ ir: smallNetworkIr() });

    expect(data.cores.map((c) => c.spikes_out_hz)).toEqual([200, 50, 30]);
    // Core 1: the inputs (200), exc on core 2 (30), and its own exc and inh neurons (30 + 20).
    expect(data.cores[1]!.messages_in_hz).toBeCloseTo(280);
    // Core 2: the inputs (200) and the inh neurons on core 1 (20).
    expect(data.cores[2]!.messages_in_hz).toBeCloseTo(220);
    expect(data.totals.messages_delivered_hz).toBeCloseTo(500);
    expect(data.mapping.busiest_link).toMatchObject({ from: [1, 0], to: [2, 0], load_hz: 220 });
  });

  it("writes a limit the target leaves open, and the share of it, as null", () => {
    const data = buildReport({ ir: multiChipIr() });

    expect(data.limits.synapses_per_core).toBeNull();
    expect(data.limits.router_table_entries).toBeNull();
    expect(data.cores.every((c) => c.utilisation.synapses === null)).toBe(true);
    expect(data.links.some((l) => l.chip_crossing)).toBe(true);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it("carries measured activity beside the estimates when a run supplies it", () => {
    const ir = smallNetworkIr();
    const router = ir.cores[1]!.router;
    const data = buildReport({
      ir,
      activity: {
        durationS: 0.5,
        cores: ir.cores.map((_, k) => ({ spikes: k, synOps: 2 * k, energyJ: 1e-9 })),
        links: [{ router, port: 1, messages: 7 }],
      },
    });

    expect(data.activity).toEqual({ duration_s: 0.5 });
    expect(data.cores[2]!.activity).toEqual({ spikes: 2, syn_ops: 4, energy_j: 1e-9 });
    expect(
      data.links.find((l) => l.from_router === router && l.direction === "east"),
    ).toMatchObject({ activity_messages: 7 });
    expect(data.links.filter((l) => l.activity_messages === 0).length).toBe(data.links.length - 1);
  });

  it("reports a network with no neurons without a busiest link", () => {
    const data = buildReport({ ir: emptyIr() });

    expect(data.cores).toEqual([]);
    expect(data.links).toEqual([]);
    expect(data.mapping.busiest_link).toBeUndefined();
  });
});
