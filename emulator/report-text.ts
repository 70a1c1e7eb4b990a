/**
 * The human summary `ant run` prints: what ran, how long it took, the activity, energy by kind
 * beside the clocked baseline, the busiest core and link, latency and late deliveries. Numbers
 * carry SI prefixes chosen per value; the layout is fixed so a reader's eye finds the same line
 * in the same place on every run.
 */
import type { RunReport } from "./energy/report-types.ts";
import type { ModeComparison } from "./compare-modes.ts";

export interface TextSummaryExtras {
  readonly name: string;
  readonly target: string;
  readonly seed: number;
  readonly wallS: number;
  readonly requestedPs: number;
  /** Simulated time at which the run began: 0, or where a saved run was resumed. */
  readonly startPs?: number;
  readonly comparison?: ModeComparison;
}

export function formatRunSummary(r: RunReport, x: TextSummaryExtras): string {
  const lines: string[] = [];
  const simS = r.simulatedPs / 1e12;
  const partial = r.partial
    ? ` (interrupted: ${formatTimePs(r.simulatedPs)} of ${formatTimePs(x.requestedPs)})`
    : "";
  const resumed = x.startPs ? `, resumed at ${formatTimePs(x.startPs)}` : "";
  lines.push(
    `Ran '${x.name}' on '${x.target}' in ${r.mode} mode, seed ${x.seed}${resumed}: ${formatTimePs(r.simulatedPs)} simulated${partial} in ${formatSeconds(x.wallS)} wall`,
  );

  // 1. Activity.
  const t = r.totals;
  const perWall = x.wallS > 0 ? ` (${formatCount(t.synapticEvents / x.wallS)}/s wall)` : "";
  const rates = r.populations.map((p) => `${p.name} ${formatNumber(p.rateHz)} Hz`).join(", ");
  lines.push("");
  lines.push(row("spikes", `${formatCount(t.spikes)}   mean rate per neuron: ${rates}`));
  lines.push(row("synaptic events", `${formatCount(t.synapticEvents)}${perWall}`));
  lines.push(row("neuron updates", formatCount(t.neuronUpdates)));
  lines.push(row("messages", `${formatCount(t.messages)} delivered, ${formatCount(t.hops)} hops`));
  if (t.learnUpdates > 0) lines.push(row("learning updates", formatCount(t.learnUpdates)));

  // 2. Energy beside the clocked baseline.
  const e = r.energy;
  const c = r.clocked;
  const share = (j: number): string =>
    e.totalJ > 0 ? `${((100 * j) / e.totalJ).toFixed(1)}%` : "-";
  lines.push("");
  lines.push(
    `Energy                 event-driven          clocked (${formatTimePs(c.stepPs)} step)`,
  );
  const kinds: [string, number, number][] = [
    ["synaptic ops", e.synOpsJ, c.synOpsJ],
    ["neuron updates", e.neuronUpdatesJ, c.neuronUpdatesJ],
    ["spikes out", e.spikesOutJ, c.spikesOutJ],
    ["learning", e.learnUpdatesJ, c.learnUpdatesJ],
    ["routing", e.routingJ, c.routingJ],
    ["barriers", 0, c.barrierJ],
    ["static", e.staticJ, c.staticJ],
  ];
  for (const [name, event, clocked] of kinds)
    lines.push(
      `  ${name.padEnd(20)} ${formatEnergy(event).padStart(10)} ${share(event).padStart(6)}   ${formatEnergy(clocked).padStart(10)}`,
    );
  lines.push(
    `  ${"total".padEnd(20)} ${formatEnergy(e.totalJ).padStart(10)} ${"".padStart(6)}   ${formatEnergy(c.totalJ).padStart(10)}`,
  );
  lines.push(
    `  clocked / event-driven: ${formatNumber(r.clockedRatio)}x   (neuron updates: ${formatCount(t.neuronUpdates)} event-driven vs ${formatCount(c.activeUpdates + c.idleUpdates)} clocked)`,
  );
  if (simS > 0)
    lines.push(
      `  mean power: ${formatPower(e.totalJ / simS)} event-driven, ${formatPower(c.totalJ / simS)} clocked`,
    );

  // 3. Hot spots, latency, lateness.
  lines.push("");
  const busiest = [...r.cores].sort(
    (a, b) => b.busyFraction - a.busyFraction || a.core - b.core,
  )[0];
  if (busiest)
    lines.push(
      row(
        "busiest core",
        `core ${busiest.core} at (${busiest.x}, ${busiest.y}) of chip (${busiest.chipX}, ${busiest.chipY}): busy ${(100 * busiest.busyFraction).toFixed(2)}%, ${formatEnergy(busiest.energy.totalJ)}`,
      ),
    );
  const link = [...r.links].sort((a, b) => b.messages - a.messages || a.router - b.router)[0];
  lines.push(
    row(
      "busiest link",
      link
        ? `(${link.x}, ${link.y}) ${link.direction}${link.chipToChip ? " (chip to chip)" : ""}: ${formatCount(link.messages)} messages, at most ${link.maxQueue} queued`
        : "none (no message left its core)",
    ),
  );
  const l = r.latency;
  lines.push(
    row(
      "transport latency",
      `mean ${formatTimePs(l.meanPs)}, p99 ${formatTimePs(l.p99Ps)}, max ${formatTimePs(l.maxPs)} over ${formatCount(l.messages)} messages`,
    ),
  );
  const lateCores = r.cores.filter((k) => k.lateDeliveries > 0);
  const worst = lateCores.sort((a, b) => b.lateMaxPs - a.lateMaxPs)[0];
  lines.push(
    row(
      "late deliveries",
      worst
        ? `${formatCount(t.lateDeliveries)} on ${lateCores.length} cores (worst ${formatTimePs(worst.lateMaxPs)} late at core ${worst.core})`
        : "0 (every synaptic batch applied at its programmed delay)",
    ),
  );

  if (x.comparison) {
    lines.push("");
    lines.push("Float vs fixed mode (spikes matched per neuron in order)");
    for (const p of x.comparison.populations)
      lines.push(
        `  ${p.name.padEnd(20)} spikes ${formatCount(p.floatSpikes)} vs ${formatCount(p.fixedSpikes)}, ${p.neuronsDiffering} neurons differ in count, time difference mean ${formatTimePs(p.meanAbsTimeDiffPs)}, max ${formatTimePs(p.maxAbsTimeDiffPs)}`,
      );
  }
  return `${lines.join("\n")}\n`;
}

function row(label: string, value: string): string {
  return `  ${label.padEnd(20)} ${value}`;
}

export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1e9) return `${(n / 1e9).toFixed(2)} G`;
  if (Math.abs(n) >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  return n.toFixed(1);
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return "0";
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3);
}

function withPrefix(value: number, unit: string, prefixes: readonly [number, string][]): string {
  if (value === 0) return `0 ${unit}`;
  for (const [scale, prefix] of prefixes)
    if (Math.abs(value) >= scale) return `${(value / scale).toPrecision(3)} ${prefix}${unit}`;
  const [scale, prefix] = prefixes[prefixes.length - 1]!;
  return `${(value / scale).toPrecision(3)} ${prefix}${unit}`;
}

const SI: readonly [number, string][] = [
  [1, ""],
  [1e-3, "m"],
  [1e-6, "u"],
  [1e-9, "n"],
  [1e-12, "p"],
];

export function formatEnergy(j: number): string {
  return withPrefix(j, "J", SI);
}

function formatPower(w: number): string {
  return withPrefix(w, "W", SI);
}

export function formatTimePs(ps: number): string {
  return withPrefix(ps * 1e-12, "s", SI);
}

function formatSeconds(s: number): string {
  return withPrefix(s, "s", SI);
}
