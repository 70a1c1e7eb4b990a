/**
 * The spike raster picture of a run (`raster.svg`): time on x with an axis in seconds, neurons
 * on y, populations stacked top to bottom in image order, each in its own band with its name.
 *
 * Size is bounded: each population's spikes form one <path> of short vertical ticks, about 16
 * bytes per spike, and beyond `maxSpikes` only every k-th spike is drawn (a deterministic
 * stride, so the same run gives the same picture), with a note in the picture saying so.
 */
import { makeDiagnostic } from "../../../src/diagnostics/catalogue/entry.ts";
import { eventFileDiagnostics as codes } from "../../../src/diagnostics/catalogue/event-files.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { formatPsAsSeconds } from "../time-text.ts";
import type { SpikeTable } from "./spike-table.ts";

export interface RasterOptions {
  /** Right end of the time axis; default the last spike's time. */
  readonly durationPs?: number;
  readonly widthPx?: number;
  readonly heightPx?: number;
  /** Most spikes drawn; default 200,000 (about 3 MB of SVG). */
  readonly maxSpikes?: number;
  readonly title?: string;
}

export interface Raster {
  readonly svg: string;
  /** A note when the picture shows a subsample. */
  readonly diagnostics: Diagnostic[];
}

const MARGIN = { left: 130, right: 20, top: 34, bottom: 48 } as const;
const MIN_BAND_PX = 14;
const PALETTE = ["#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#2c3e50", "#b7950b"];

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function renderRasterSvg(table: SpikeTable, options: RasterOptions = {}): Raster {
  const widthPx = options.widthPx ?? 960;
  const heightPx = options.heightPx ?? 540;
  const maxSpikes = Math.max(1, options.maxSpikes ?? 200_000);
  const plotW = widthPx - MARGIN.left - MARGIN.right;
  const plotH = heightPx - MARGIN.top - MARGIN.bottom;

  const n = table.timePs.length;
  const lastPs = n > 0 ? (table.timePs[n - 1] as number) : 0;
  const durationPs = Math.max(1, options.durationPs ?? lastPs);
  const stride = Math.ceil(n / maxSpikes);
  const shown = stride > 1 ? Math.ceil(n / stride) : n;

  const bands = layoutBands(table.populations, MARGIN.top, plotH);
  const paths = table.populations.map(() => [] as string[]);
  for (let k = 0; k < n; k += stride) {
    const p = table.population[k] as number;
    const band = bands[p];
    if (band === undefined) continue;
    const x = MARGIN.left + (Math.min(table.timePs[k] as number, durationPs) / durationPs) * plotW;
    const y = band.top + (table.neuron[k] as number) * band.rowPx;
    (paths[p] as string[]).push(`M${x.toFixed(1)} ${y.toFixed(1)}v${band.tickPx}`);
  }

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}" ` +
      `viewBox="0 0 ${widthPx} ${heightPx}" font-family="sans-serif" font-size="12">`,
  );
  out.push(`<rect x="0" y="0" width="${widthPx}" height="${heightPx}" fill="#ffffff"/>`);
  const title = options.title ?? "Spike raster";
  out.push(`<text x="${MARGIN.left}" y="20" font-size="14">${escapeXml(title)}</text>`);

  table.populations.forEach((population, p) => {
    const band = bands[p];
    if (band === undefined) return;
    const colour = PALETTE[p % PALETTE.length] as string;
    const middle = (band.top + band.heightPx / 2 + 4).toFixed(1);
    const label = `${population.name} (${population.size})`;
    out.push(
      `<text x="${MARGIN.left - 8}" y="${middle}" text-anchor="end">${escapeXml(label)}</text>`,
    );
    const lineY = (band.top + band.heightPx).toFixed(1);
    const right = MARGIN.left + plotW;
    out.push(
      `<line x1="${MARGIN.left}" y1="${lineY}" x2="${right}" y2="${lineY}" stroke="#dddddd"/>`,
    );
    const d = (paths[p] as string[]).join("");
    if (d.length > 0) out.push(`<path d="${d}" stroke="${colour}" stroke-width="1" fill="none"/>`);
  });

  out.push(...timeAxis(durationPs, plotW, MARGIN.top + plotH));
  if (stride > 1) {
    const note = `showing 1 spike in ${stride} (${shown} of ${n})`;
    const x = widthPx - MARGIN.right;
    out.push(`<text x="${x}" y="20" text-anchor="end" fill="#a04000">${escapeXml(note)}</text>`);
  }
  out.push("</svg>");

  const diagnostics =
    stride > 1 ? [makeDiagnostic(codes.rasterSubsampled, [stride, shown, n])] : [];
  return { svg: out.join("\n") + "\n", diagnostics };
}

interface Band {
  readonly top: number;
  readonly heightPx: number;
  /** Vertical distance between neighbouring neurons. */
  readonly rowPx: number;
  /** Tick length, at most one row and never below half a pixel. */
  readonly tickPx: string;
}

/** Bands proportional to population size, each at least MIN_BAND_PX tall when they all fit. */
function layoutBands(
  populations: SpikeTable["populations"],
  top: number,
  plotH: number,
): (Band | undefined)[] {
  const visible = populations.filter((p) => p.size > 0);
  const total = visible.reduce((sum, p) => sum + p.size, 0);
  const floor = visible.length * MIN_BAND_PX <= plotH ? MIN_BAND_PX : 0;
  const spare = plotH - floor * visible.length;

  let y = top;
  return populations.map((p) => {
    if (p.size === 0) return undefined;
    const heightPx = floor + (spare * p.size) / total;
    const rowPx = heightPx / p.size;
    const band = { top: y, heightPx, rowPx, tickPx: Math.max(0.5, Math.min(rowPx, 6)).toFixed(1) };
    y += heightPx;
    return band;
  });
}

/** Axis line, ticks at a 1-2-5 step chosen for about six labels, and the axis title. */
function timeAxis(durationPs: number, plotW: number, axisY: number): string[] {
  const stepPs = niceStep(durationPs / 6);
  const out = [
    `<line x1="${MARGIN.left}" y1="${axisY}" x2="${MARGIN.left + plotW}" y2="${axisY}" stroke="#000000"/>`,
  ];
  for (let tPs = 0; tPs <= durationPs; tPs += stepPs) {
    const x = (MARGIN.left + (tPs / durationPs) * plotW).toFixed(1);
    out.push(`<line x1="${x}" y1="${axisY}" x2="${x}" y2="${axisY + 5}" stroke="#000000"/>`);
    out.push(
      `<text x="${x}" y="${axisY + 18}" text-anchor="middle">${formatPsAsSeconds(tPs)}</text>`,
    );
  }
  const middle = (MARGIN.left + plotW / 2).toFixed(1);
  out.push(`<text x="${middle}" y="${axisY + 38}" text-anchor="middle">time (s)</text>`);
  return out;
}

/** The smallest 1, 2 or 5 times a power of ten, in whole picoseconds, not below `rawPs`. */
function niceStep(rawPs: number): number {
  if (rawPs <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(rawPs));
  for (const m of [1, 2, 5, 10]) if (m * power >= rawPs) return Math.round(m * power);
  return Math.round(10 * power);
}
