/**
 * The placement report as data: one structure that the text table, the JSON output and the HTML
 * mesh view all render, so the three always agree. Keys are snake_case with their unit
 * (`_hz`, `_j`, `_s`, `_v`, `_bits`) because this structure is also the `--json` output,
 * documented in docs/reports.md. A limit of "unlimited" (Infinity) is `null`, and so is a share
 * of it.
 *
 * `activity` is optional: the emulator can pass what a run measured (spikes, synaptic
 * operations and energy per core, messages per link) and every view shows it beside the
 * estimates.
 */
import type { ChipIR, PlacementQuality } from "../ir/types.ts";
import { boardWidth, directionPort, estimateTraffic, type Direction } from "./traffic.ts";

/** What a run measured, indexed like `ir.cores`; links by router and output port bit. */
export interface ReportActivity {
  readonly durationS?: number;
  readonly cores: readonly {
    readonly spikes: number;
    readonly synOps: number;
    readonly energyJ: number;
  }[];
  readonly links: readonly {
    readonly router: number;
    readonly port: number;
    readonly messages: number;
  }[];
}

export interface ReportInput {
  readonly ir: ChipIR;
  readonly activity?: ReportActivity;
}

export interface CoreShares {
  readonly neurons: number | null;
  readonly synapses: number | null;
  readonly synaptic_memory: number | null;
  readonly fan_in: number | null;
  readonly fan_out: number | null;
  readonly routing: number | null;
  /** The largest of the shares above: how close the core is to its tightest limit. */
  readonly max: number;
}

export interface CoreReport {
  readonly index: number;
  readonly chip: readonly [number, number];
  readonly position: readonly [number, number];
  /** Position on the whole board: chip offset plus position. */
  readonly global: readonly [number, number];
  readonly router: number;
  readonly slices: readonly {
    readonly population: string;
    readonly start: number;
    readonly end: number;
  }[];
  readonly neurons: number;
  readonly synapses: number;
  readonly fan_in_axons: number;
  readonly fan_out_entries: number;
  readonly synaptic_memory_bits: number;
  readonly routing_entries: number;
  readonly utilisation: CoreShares;
  readonly spikes_out_hz: number;
  readonly messages_in_hz: number;
  readonly activity?: {
    readonly spikes: number;
    readonly syn_ops: number;
    readonly energy_j: number;
  };
}

export interface LinkReport {
  readonly from_router: number;
  readonly to_router: number;
  readonly from: readonly [number, number];
  readonly to: readonly [number, number];
  readonly direction: Direction;
  readonly chip_crossing: boolean;
  readonly load_hz: number;
  readonly activity_messages?: number;
}

export interface QualityReport {
  readonly mean_hops: number;
  readonly max_hops: number;
  readonly busiest_link_hz: number;
  readonly chip_crossings_hz: number;
  readonly cross_core_spikes_hz: number;
}

export interface ReportData {
  readonly report: "ant-placement";
  readonly version: 1;
  readonly network: string;
  readonly target: {
    readonly name: string;
    readonly chips: readonly [number, number];
    readonly mesh: readonly [number, number];
    readonly cores_available: number;
  };
  readonly limits: {
    readonly neurons_per_core: number | null;
    readonly synapses_per_core: number | null;
    readonly synaptic_memory_bits_per_core: number | null;
    readonly fan_in_axons_per_core: number | null;
    readonly fan_out_entries_per_core: number | null;
    readonly router_table_entries: number | null;
  };
  readonly totals: {
    readonly cores_used: number;
    readonly chips_used: number;
    readonly populations: number;
    readonly neurons: number;
    readonly synapses: number;
    readonly fan_out_entries: number;
    readonly routes: number;
    readonly route_nodes: number;
    readonly spikes_out_hz: number;
    readonly messages_delivered_hz: number;
  };
  readonly mapping: {
    readonly placer: string;
    readonly chosen: QualityReport;
    readonly naive: QualityReport;
    readonly max_routing_entries: number;
    /** The most loaded link by this report's estimate, absent when no spike leaves its core. */
    readonly busiest_link?: LinkReport;
  };
  readonly quantisation: readonly {
    readonly projection: string;
    readonly pre: string;
    readonly post: string;
    readonly receptor: "exc" | "inh";
    readonly synapses: number;
    readonly weight_lsb_v: number;
    readonly max_relative_error: number;
    readonly mean_relative_error: number;
    readonly rounded_to_zero: number;
    readonly saturated: number;
  }[];
  readonly cores: readonly CoreReport[];
  readonly links: readonly LinkReport[];
  readonly activity?: { readonly duration_s: number | null };
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);
const share = (value: number, limit: number): number | null =>
  Number.isFinite(limit) && limit > 0 ? value / limit : null;

function quality(q: PlacementQuality): QualityReport {
  return {
    mean_hops: q.meanHops,
    max_hops: q.maxHops,
    busiest_link_hz: q.busiestLinkHz,
    chip_crossings_hz: q.chipCrossingsHz,
    cross_core_spikes_hz: q.crossCoreSpikesHz,
  };
}

export function buildReport({ ir, activity }: ReportInput): ReportData {
  const t = ir.target;
  const traffic = estimateTraffic(ir);
  const width = boardWidth(ir);
  const at = (router: number): [number, number] => [router % width, Math.floor(router / width)];
  const chipOf = (router: number): string => {
    const [x, y] = at(router);
    return `${Math.floor(x / t.meshWidth)},${Math.floor(y / t.meshHeight)}`;
  };

  // 1. Cores: their slices, counts, shares of each limit and estimated traffic.
  const slicesByCore = ir.cores.map(() => [] as CoreReport["slices"][number][]);
  for (const s of ir.slices)
    slicesByCore[s.core]?.push({
      population: ir.populations[s.population]!.name,
      start: s.start,
      end: s.end,
    });
  const cores = ir.cores.map((c, k): CoreReport => {
    const routing = traffic.routingEntries[k]!;
    const shares = {
      neurons: share(c.neuronCount, t.maxNeuronsPerCore),
      synapses: share(c.synapseCount, t.maxSynapsesPerCore),
      synaptic_memory: share(c.synapticMemoryBits, t.synapticMemoryBitsPerCore),
      fan_in: share(c.fanInAxons, t.maxFanInAxonsPerCore),
      fan_out: share(c.fanOutEntries, t.maxFanOutEntriesPerCore),
      routing: share(routing, t.routerTableEntries),
    };
    const measured = activity?.cores[k];
    return {
      index: k,
      chip: [c.chipX, c.chipY],
      position: [c.x, c.y],
      global: [c.chipX * t.meshWidth + c.x, c.chipY * t.meshHeight + c.y],
      router: c.router,
      slices: slicesByCore[k]!,
      neurons: c.neuronCount,
      synapses: c.synapseCount,
      fan_in_axons: c.fanInAxons,
      fan_out_entries: c.fanOutEntries,
      synaptic_memory_bits: c.synapticMemoryBits,
      routing_entries: routing,
      utilisation: { ...shares, max: Math.max(0, ...Object.values(shares).map((v) => v ?? 0)) },
      spikes_out_hz: c.estimatedSpikeRateHz,
      messages_in_hz: traffic.deliveredHz[k]!,
      ...(measured && {
        activity: { spikes: measured.spikes, syn_ops: measured.synOps, energy_j: measured.energyJ },
      }),
    };
  });

  // 2. Links, with measured messages when a run supplied them.
  const measuredLinks = new Map<string, number>();
  for (const l of activity?.links ?? []) measuredLinks.set(`${l.router}:${l.port}`, l.messages);
  const links = traffic.links.map((l): LinkReport => {
    const messages = measuredLinks.get(`${l.fromRouter}:${directionPort(l.direction)}`);
    return {
      from_router: l.fromRouter,
      to_router: l.toRouter,
      from: at(l.fromRouter),
      to: at(l.toRouter),
      direction: l.direction,
      chip_crossing: chipOf(l.fromRouter) !== chipOf(l.toRouter),
      load_hz: l.loadHz,
      ...(activity && { activity_messages: messages ?? 0 }),
    };
  });
  const busiest = links.reduce<LinkReport | undefined>(
    (b, l) => (b === undefined || l.load_hz > b.load_hz ? l : b),
    undefined,
  );

  return {
    report: "ant-placement",
    version: 1,
    network: ir.name,
    target: {
      name: t.name,
      chips: [t.chipsX, t.chipsY],
      mesh: [t.meshWidth, t.meshHeight],
      cores_available: t.chipsX * t.chipsY * t.meshWidth * t.meshHeight,
    },
    limits: {
      neurons_per_core: finiteOrNull(t.maxNeuronsPerCore),
      synapses_per_core: finiteOrNull(t.maxSynapsesPerCore),
      synaptic_memory_bits_per_core: finiteOrNull(t.synapticMemoryBitsPerCore),
      fan_in_axons_per_core: finiteOrNull(t.maxFanInAxonsPerCore),
      fan_out_entries_per_core: finiteOrNull(t.maxFanOutEntriesPerCore),
      router_table_entries: finiteOrNull(t.routerTableEntries),
    },
    totals: {
      cores_used: ir.cores.length,
      chips_used: new Set(ir.cores.map((c) => `${c.chipX},${c.chipY}`)).size,
      populations: ir.populations.length,
      neurons: ir.neurons.count,
      synapses: ir.synapses.count,
      fan_out_entries: ir.synapses.fanOutCore.length,
      routes: ir.routes.count,
      route_nodes: ir.routes.nodeRouter.length,
      spikes_out_hz: ir.cores.reduce((sum, c) => sum + c.estimatedSpikeRateHz, 0),
      messages_delivered_hz: traffic.deliveredHz.reduce((sum, v) => sum + v, 0),
    },
    mapping: {
      placer: ir.mapping.placer,
      chosen: quality(ir.mapping.placement),
      naive: quality(ir.mapping.naivePlacement),
      max_routing_entries: ir.mapping.maxRoutingEntries,
      ...(busiest && { busiest_link: busiest }),
    },
    quantisation: ir.projections.map((p) => ({
      projection: p.name,
      pre: ir.populations[p.pre]?.name ?? "?",
      post: ir.populations[p.post]?.name ?? "?",
      receptor: p.receptor,
      synapses: p.synapseCount,
      weight_lsb_v: p.weightLsbV,
      max_relative_error: p.quantisation.maxRelativeError,
      mean_relative_error: p.quantisation.meanRelativeError,
      rounded_to_zero: p.quantisation.roundedToZero,
      saturated: p.quantisation.saturated,
    })),
    cores,
    links,
    ...(activity && { activity: { duration_s: activity.durationS ?? null } }),
  };
}
