/**
 * The placement report as one self-contained HTML page: the mesh drawn as inline SVG (cores
 * coloured by utilisation or traffic, switchable in the page; links drawn by load), a legend per
 * colour mode, a details panel that shows a clicked core, and summary tables. Styles, script
 * and data are inline and a Content-Security-Policy forbids every fetch, so the file opens
 * offline and never reaches the network.
 *
 * `renderHtmlReport` takes the same `ReportData` as the text and JSON views; a run can build it
 * with measured activity (`buildReport({ ir, activity })`) to add energy and spike overlays.
 */
import { colourModes, colourScale, formatNumber, RAMP } from "./colour.ts";
import type { ColourMode, ColourScale } from "./colour.ts";
import { escapeHtml, jsonForScript } from "./html-escape.ts";
import { renderMeshSvg } from "./html-mesh.ts";
import { REPORT_SCRIPT } from "./html-script.ts";
import type { QualityReport, ReportData } from "./model.ts";

export interface HtmlReportOptions {
  /** Colour mode shown first; falls back to utilisation when the data lacks it. */
  readonly colourBy?: ColourMode;
  /** Page heading; defaults to the network's name. */
  readonly title?: string;
}

export function renderHtmlReport(data: ReportData, options: HtmlReportOptions = {}): string {
  const modes = colourModes(data);
  const initial =
    options.colourBy && modes.includes(options.colourBy) ? options.colourBy : modes[0]!;
  const scales = modes.map((m) => colourScale(data, m));
  const title = options.title ?? `Placement of '${data.network}'`;
  const t = data.target;

  // Only what the script needs: cores for the details panel and the limits they are shares of.
  const pageData = { cores: data.cores, limits: data.limits };

  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; ` +
      `style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    `<body data-mode="${initial}">`,
    `<header><h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(t.name)}: ${t.chips[0]} &times; ${t.chips[1]} chips of ` +
      `${t.mesh[0]} &times; ${t.mesh[1]} cores; ${data.totals.cores_used} of ` +
      `${t.cores_available} cores used. Placer: ${escapeHtml(data.mapping.placer)}.</p></header>`,
    "<main>",
    '<section class="view">',
    toggle(modes, initial, scales),
    `<div class="board">${renderMeshSvg(data, modes, initial)}</div>`,
    ...scales.map((s) => legend(s, s.mode === initial)),
    "</section>",
    '<aside id="details" aria-live="polite"><p class="hint">Click a core for its details.</p></aside>',
    "</main>",
    summary(data),
    `<script type="application/json" id="report-data">${jsonForScript(pageData)}</script>`,
    `<script>${REPORT_SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function toggle(modes: readonly ColourMode[], initial: ColourMode, scales: ColourScale[]): string {
  const inputs = modes.map((m, i) => {
    const checked = m === initial ? " checked" : "";
    return (
      `<label><input type="radio" name="colour-by" value="${m}"${checked}> ` +
      `${escapeHtml(scales[i]!.label)}</label>`
    );
  });
  return `<fieldset class="toggle"><legend>Colour cores by</legend>${inputs.join(" ")}</fieldset>`;
}

function legend(scale: ColourScale, visible: boolean): string {
  const gradient = RAMP.map((c, i) => `${c} ${(100 * i) / (RAMP.length - 1)}%`).join(", ");
  const linkText =
    scale.linkMax > 0
      ? `line width: load per link, up to ${formatNumber(scale.linkMax)} ${scale.linkUnit}`
      : "no link carries traffic";
  return (
    `<div class="legend" data-mode="${scale.mode}"${visible ? "" : " hidden"}>` +
    `<span>${escapeHtml(scale.format(0))}</span>` +
    `<span class="ramp" style="background: linear-gradient(to right, ${gradient})"></span>` +
    `<span>${escapeHtml(scale.format(scale.coreMax))}</span>` +
    `<span class="legend-label">${escapeHtml(scale.label)}; ${escapeHtml(linkText)}; ` +
    `grey squares are unused cores</span></div>`
  );
}

function summary(data: ReportData): string {
  const n = data.totals;
  const m = data.mapping;
  const b = m.busiest_link;
  const quality = (label: string, get: (q: QualityReport) => string): string =>
    `<tr><th>${label}</th><td>${get(m.chosen)}</td><td>${get(m.naive)}</td></tr>`;
  const quant = data.quantisation.map(
    (q) =>
      `<tr><th>${escapeHtml(q.projection)}</th><td>${escapeHtml(q.pre)} &rarr; ${escapeHtml(q.post)}</td>` +
      `<td>${q.synapses}</td><td>${(q.weight_lsb_v * 1e6).toFixed(3)}</td>` +
      `<td>${(100 * q.max_relative_error).toFixed(3)}</td>` +
      `<td>${(100 * q.mean_relative_error).toFixed(3)}</td>` +
      `<td>${q.rounded_to_zero}</td><td>${q.saturated}</td></tr>`,
  );
  return [
    '<section class="summary">',
    "<div><h2>Totals</h2><table>",
    `<tr><th>cores used</th><td>${n.cores_used} on ${n.chips_used} of ` +
      `${data.target.chips[0] * data.target.chips[1]} chips</td></tr>`,
    `<tr><th>neurons</th><td>${n.neurons} in ${n.populations} populations</td></tr>`,
    `<tr><th>synapses</th><td>${n.synapses} in ${n.fan_out_entries} fan-out entries</td></tr>`,
    `<tr><th>routes</th><td>${n.routes} with ${n.route_nodes} routing-table entries</td></tr>`,
    `<tr><th>spikes out</th><td>${formatNumber(n.spikes_out_hz)} Hz estimated</td></tr>`,
    `<tr><th>messages delivered</th><td>${formatNumber(n.messages_delivered_hz)} Hz estimated</td></tr>`,
    "</table></div>",
    "<div><h2>Mapping quality</h2><table>",
    `<tr><th></th><th>chosen</th><th>naive</th></tr>`,
    quality("mean hops (spike-weighted)", (q) => q.mean_hops.toFixed(2)),
    quality("max hops", (q) => String(q.max_hops)),
    quality("busiest link", (q) => `${formatNumber(q.busiest_link_hz)} Hz`),
    quality("chip crossings", (q) => `${formatNumber(q.chip_crossings_hz)} Hz`),
    quality("cross-core spikes", (q) => `${formatNumber(q.cross_core_spikes_hz)} Hz`),
    "</table>",
    b === undefined
      ? "<p>No spike leaves its core.</p>"
      : `<p>Busiest link: (${b.from.join(",")}) ${b.direction} to (${b.to.join(",")}), ` +
        `${formatNumber(b.load_hz)} Hz estimated${b.chip_crossing ? ", crosses chips" : ""}.</p>`,
    "</div>",
    '<div class="wide"><h2>Quantisation error</h2>',
    quant.length === 0
      ? "<p>No projections.</p>"
      : "<table><tr><th>projection</th><th>pre &rarr; post</th><th>synapses</th>" +
        "<th>LSB &micro;V</th><th>max err %</th><th>mean err %</th><th>to zero</th>" +
        `<th>saturated</th></tr>${quant.join("")}</table>`,
    "</div>",
    "</section>",
  ].join("\n");
}

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; color: #1d2430; margin: 0; padding: 16px 24px;
  background: #fbfbfc; }
h1 { font-size: 20px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 15px; margin: 0 0 8px; overflow-wrap: anywhere; }
header p { margin: 0 0 12px; color: #4a5568; }
main { display: flex; gap: 24px; align-items: flex-start; flex-wrap: wrap; }
.view { flex: 0 1 auto; max-width: 100%; }
.view .board { display: inline-block; max-width: 100%; }
.board svg { max-width: 100%; height: auto; display: block; background: #ffffff;
  border: 1px solid #d8dde5; border-radius: 4px; }
.chip { fill: #f3f5f8; stroke: #5a6472; stroke-width: 0.04; }
.slot { fill: #e2e6ec; }
.core rect { stroke: #3d4654; stroke-width: 0.02; cursor: pointer; }
.core:focus { outline: none; }
.core:focus rect, .core:hover rect { stroke: #1f5fbf; stroke-width: 0.05; }
.core.selected rect { stroke: #1f5fbf; stroke-width: 0.08; }
.core text { font-size: 0.24px; fill: #1d2430; stroke: #ffffff; stroke-width: 0.05px;
  paint-order: stroke; pointer-events: none; }
.link { stroke: #24426e; stroke-linecap: round; }
.link.crossing { stroke: #6a2c91; }
.toggle { border: none; padding: 0; margin: 0 0 8px; }
.toggle legend { float: left; margin-right: 8px; font-weight: 600; }
.toggle label { margin-right: 12px; cursor: pointer; }
.legend { display: flex; align-items: center; gap: 8px; margin-top: 8px; flex-wrap: wrap;
  contain: inline-size; }
.legend[hidden] { display: none; }
.ramp { display: inline-block; width: 160px; height: 12px; border: 1px solid #b8c0cc; }
.legend-label { color: #4a5568; flex-basis: 100%; }
#details { flex: 0 0 340px; min-height: 120px; background: #ffffff; border: 1px solid #d8dde5;
  border-radius: 4px; padding: 12px 16px; overflow-wrap: anywhere; }
#details .hint { color: #6b7280; }
#details ul { padding-left: 18px; margin: 4px 0 8px; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: 2px 10px 2px 0; vertical-align: top; }
td { font-variant-numeric: tabular-nums; }
#details td { white-space: nowrap; }
.summary { display: flex; gap: 32px; flex-wrap: wrap; margin-top: 20px; }
.summary .wide { flex-basis: 100%; }
`;
