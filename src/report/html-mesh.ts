/**
 * The board as inline SVG: one square per router position, chips outlined, used cores filled by
 * the chosen colour mode, and every directed link that carries a route drawn as a line whose
 * width and opacity follow its load. Coordinates are in mesh cells (one cell per router), so
 * the drawing scales to any board; the two directions of a link are drawn side by side.
 *
 * Each core and link carries its fill or stroke for every mode as `data-*` attributes (see
 * colour.ts); the page's script switches between them.
 */
import { colourScale, linkStroke, rampColour, type ColourMode } from "./colour.ts";
import { escapeHtml } from "./html-escape.ts";
import type { CoreReport, LinkReport, ReportData } from "./model.ts";

/** Side of a core's square and the gap links run in, in cells. */
const CORE_SIZE = 0.64;
const INSET = (1 - CORE_SIZE) / 2;
/** How far the two directions of a link sit from the line between the centres, in cells. */
const LANE_OFFSET = 0.12;
/** Labels are drawn only while a cell is at least this many pixels wide. */
const MIN_LABEL_CELL_PX = 28;

export function renderMeshSvg(
  data: ReportData,
  modes: readonly ColourMode[],
  initial: ColourMode,
): string {
  const [chipsX, chipsY] = data.target.chips;
  const [meshW, meshH] = data.target.mesh;
  const width = chipsX * meshW;
  const height = chipsY * meshH;
  const cellPx = Math.max(6, Math.min(72, Math.floor(720 / Math.max(width, height, 1))));
  const scales = modes.map((m) => colourScale(data, m));
  const out: string[] = [];

  // 1. The board: chips and every router position, used or not.
  out.push(
    `<svg id="mesh" xmlns="http://www.w3.org/2000/svg" role="img" ` +
      `aria-label="Mesh of ${width} by ${height} cores" ` +
      `viewBox="-0.1 -0.1 ${width + 0.2} ${height + 0.2}" ` +
      `width="${width * cellPx}" height="${height * cellPx}">`,
  );
  for (let cy = 0; cy < chipsY; cy++)
    for (let cx = 0; cx < chipsX; cx++)
      out.push(
        `<rect class="chip" x="${cx * meshW}" y="${cy * meshH}" width="${meshW}" ` +
          `height="${meshH}"><title>chip ${cx},${cy}</title></rect>`,
      );
  const used = new Set(data.cores.map((c) => `${c.global[0]},${c.global[1]}`));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (!used.has(`${x},${y}`))
        out.push(
          `<rect class="slot" x="${x + INSET}" y="${y + INSET}" width="${CORE_SIZE}" ` +
            `height="${CORE_SIZE}" rx="0.06"/>`,
        );

  // 2. Cores, then links on top so a loaded link is never hidden.
  const labels = cellPx >= MIN_LABEL_CELL_PX;
  data.cores.forEach((core, k) => out.push(coreSvg(core, k, scales, initial, labels)));
  data.links.forEach((link, i) => out.push(linkSvg(link, i, scales, initial)));
  out.push("</svg>");
  return out.join("\n");
}

function coreSvg(
  core: CoreReport,
  k: number,
  scales: ReturnType<typeof colourScale>[],
  initial: ColourMode,
  label: boolean,
): string {
  const [x, y] = core.global;
  const fills = scales.map((s) => {
    const value = s.coreValues[k]!;
    return {
      mode: s.mode,
      fill: rampColour(value, s.coreMax),
      text: `${s.label} ${s.format(value)}`,
    };
  });
  const current = fills.find((f) => f.mode === initial) ?? fills[0]!;
  const slices = core.slices.map((s) => `${s.population}[${s.start}:${s.end}]`).join(", ");
  const title =
    `core ${core.index} at chip ${core.chip.join(",")} position ${core.position.join(",")}: ` +
    `${slices}; ${fills.map((f) => f.text).join("; ")}`;
  const attributes = fills.map((f) => `data-fill-${f.mode}="${f.fill}"`).join(" ");
  return (
    `<g class="core" data-core="${core.index}" tabindex="0" role="button" ` +
    `aria-label="${escapeHtml(title)}">` +
    `<title>${escapeHtml(title)}</title>` +
    `<rect x="${x + INSET}" y="${y + INSET}" width="${CORE_SIZE}" height="${CORE_SIZE}" ` +
    `rx="0.06" fill="${current.fill}" ${attributes}/>` +
    (label
      ? `<text x="${x + 0.5}" y="${y + 0.5}" dy="0.09" text-anchor="middle">${core.index}</text>`
      : "") +
    `</g>`
  );
}

function linkSvg(
  link: LinkReport,
  i: number,
  scales: ReturnType<typeof colourScale>[],
  initial: ColourMode,
): string {
  // Start and end at the edges of the two squares, shifted to the right of the direction of
  // travel (screen y points down), so the two directions of a link never overlap.
  const dx = link.to[0] - link.from[0];
  const dy = link.to[1] - link.from[1];
  const ox = -dy * LANE_OFFSET;
  const oy = dx * LANE_OFFSET;
  const edge = CORE_SIZE / 2;
  const x1 = link.from[0] + 0.5 + dx * edge + ox;
  const y1 = link.from[1] + 0.5 + dy * edge + oy;
  const x2 = link.to[0] + 0.5 - dx * edge + ox;
  const y2 = link.to[1] + 0.5 - dy * edge + oy;

  const strokes = scales.map((s) => ({
    mode: s.mode,
    ...linkStroke(s.linkValues[i]!, s.linkMax),
  }));
  const current = strokes.find((s) => s.mode === initial) ?? strokes[0]!;
  const attributes = strokes
    .map((s) => `data-width-${s.mode}="${s.width}" data-opacity-${s.mode}="${s.opacity}"`)
    .join(" ");
  const measured =
    link.activity_messages === undefined ? "" : `, ${link.activity_messages} messages measured`;
  const title =
    `(${link.from[0]},${link.from[1]}) ${link.direction} to (${link.to[0]},${link.to[1]}): ` +
    `${link.load_hz.toFixed(1)} Hz estimated${measured}` +
    (link.chip_crossing ? ", crosses chips" : "");
  return (
    `<line class="link${link.chip_crossing ? " crossing" : ""}" data-link="${i}" ` +
    `x1="${r3(x1)}" y1="${r3(y1)}" x2="${r3(x2)}" y2="${r3(y2)}" ` +
    `stroke-width="${current.width}" stroke-opacity="${current.opacity}" ${attributes}>` +
    `<title>${title}</title></line>`
  );
}

const r3 = (v: number): number => Math.round(v * 1000) / 1000;
