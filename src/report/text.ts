/**
 * The placement report as a terminal table: one row per core, then totals, mapping quality
 * (chosen against naive placement) and quantisation error per projection. Names from the
 * user's file pass through `terminalSafe`, so a name cannot move the cursor or change colours.
 */
import type { CoreReport, ReportData } from "./model.ts";

/**
 * Control characters (ANSI escapes included) and the bidirectional overrides that can reorder
 * what a terminal shows become '?'; long names are cut with '...'.
 */
export function terminalSafe(text: string, maxLength = Infinity): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  const safe = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "?");
  return safe.length > maxLength ? `${safe.slice(0, Math.max(0, maxLength - 3))}...` : safe;
}

const pct = (share: number | null): string => (share === null ? "-" : (100 * share).toFixed(1));
const hz = (v: number): string => v.toFixed(1);

function table(
  headers: readonly string[],
  rows: readonly string[][],
  leftColumns: number,
): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}

function slicesText(core: CoreReport): string {
  const parts = core.slices.map((s) => `${terminalSafe(s.population, 24)}[${s.start}:${s.end}]`);
  return parts.length <= 2
    ? parts.join(" ")
    : `${parts.slice(0, 2).join(" ")} +${parts.length - 2} more`;
}

export function formatTextReport(data: ReportData): string {
  const out: string[] = [];
  const t = data.target;
  out.push(
    `Placement report: '${terminalSafe(data.network)}' on ${terminalSafe(t.name)} ` +
      `(${t.chips[0]} x ${t.chips[1]} chips of ${t.mesh[0]} x ${t.mesh[1]} cores)`,
    "",
    "Cores (shares of each per-core limit in %, '-' where the target sets none; traffic estimated)",
  );
  const measured = data.activity !== undefined;
  const headers = [
    "core",
    "chip",
    "pos",
    "slices",
    "neurons",
    "synapses",
    "fan-in",
    "fan-out",
    "neur%",
    "syn%",
    "mem%",
    "in%",
    "out%",
    "route%",
    "out Hz",
    "in Hz",
    ...(measured ? ["spikes", "syn ops", "energy J"] : []),
  ];
  const rows = data.cores.map((c) => [
    String(c.index),
    `${c.chip[0]},${c.chip[1]}`,
    `${c.position[0]},${c.position[1]}`,
    slicesText(c),
    String(c.neurons),
    String(c.synapses),
    String(c.fan_in_axons),
    String(c.fan_out_entries),
    pct(c.utilisation.neurons),
    pct(c.utilisation.synapses),
    pct(c.utilisation.synaptic_memory),
    pct(c.utilisation.fan_in),
    pct(c.utilisation.fan_out),
    pct(c.utilisation.routing),
    hz(c.spikes_out_hz),
    hz(c.messages_in_hz),
    ...(c.activity
      ? [
          String(c.activity.spikes),
          String(c.activity.syn_ops),
          c.activity.energy_j.toExponential(3),
        ]
      : measured
        ? ["", "", ""]
        : []),
  ]);
  out.push(...table(headers, rows, 4).map((l) => `  ${l}`), "");

  const n = data.totals;
  const chips = t.chips[0] * t.chips[1];
  out.push(
    "Totals",
    `  cores used          ${n.cores_used} of ${t.cores_available} (${n.chips_used} of ${chips} chips)`,
    `  neurons             ${n.neurons} in ${n.populations} populations`,
    `  synapses            ${n.synapses} in ${n.fan_out_entries} fan-out entries`,
    `  routes              ${n.routes} with ${n.route_nodes} routing-table entries`,
    `  spikes out          ${hz(n.spikes_out_hz)} Hz estimated`,
    `  messages delivered  ${hz(n.messages_delivered_hz)} Hz estimated`,
    "",
  );

  const m = data.mapping;
  const quality = table(
    ["Mapping quality", `chosen (${terminalSafe(m.placer)})`, "naive"],
    [
      ["mean hops (spike-weighted)", m.chosen.mean_hops.toFixed(2), m.naive.mean_hops.toFixed(2)],
      ["max hops", String(m.chosen.max_hops), String(m.naive.max_hops)],
      ["busiest link Hz", hz(m.chosen.busiest_link_hz), hz(m.naive.busiest_link_hz)],
      ["chip crossings Hz", hz(m.chosen.chip_crossings_hz), hz(m.naive.chip_crossings_hz)],
      ["cross-core spikes Hz", hz(m.chosen.cross_core_spikes_hz), hz(m.naive.cross_core_spikes_hz)],
    ],
    1,
  );
  out.push(...quality);
  const limit = data.limits.router_table_entries;
  out.push(`  max routing entries per router: ${m.max_routing_entries} of ${limit ?? "unlimited"}`);
  const b = m.busiest_link;
  out.push(
    b === undefined
      ? "  busiest link: none (no spike leaves its core)"
      : `  busiest link: (${b.from[0]},${b.from[1]}) ${b.direction} to (${b.to[0]},${b.to[1]}), ` +
          `${hz(b.load_hz)} Hz estimated${b.chip_crossing ? ", crosses chips" : ""}`,
    "",
  );

  const quant = table(
    [
      "Quantisation",
      "pre -> post",
      "synapses",
      "LSB uV",
      "max err %",
      "mean err %",
      "to zero",
      "saturated",
    ],
    data.quantisation.map((q) => [
      terminalSafe(q.projection, 32),
      `${terminalSafe(q.pre, 16)} -> ${terminalSafe(q.post, 16)}`,
      String(q.synapses),
      (q.weight_lsb_v * 1e6).toFixed(3),
      (100 * q.max_relative_error).toFixed(3),
      (100 * q.mean_relative_error).toFixed(3),
      String(q.rounded_to_zero),
      String(q.saturated),
    ]),
    2,
  );
  out.push(...(data.quantisation.length > 0 ? quant : ["Quantisation: no projections"]));
  return `${out.join("\n")}\n`;
}
