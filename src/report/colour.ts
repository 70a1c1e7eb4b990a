/**
 * What the HTML mesh view colours cores and draws links by. Every colour is computed here, once,
 * for every mode, and written into the page; the page's script only swaps precomputed values,
 * so the view without JavaScript and the tested colours are the same thing.
 *
 * Modes: `utilisation` (a core's tightest limit, 0-100 %), `traffic` (estimated spikes out plus
 * messages in, Hz). With measured activity from a run, also `energy` (J per core) and `spikes`
 * (spikes counted per core); in those two, links are drawn by measured messages rather than by
 * the estimate.
 */
import type { ReportData } from "./model.ts";

export type ColourMode = "utilisation" | "traffic" | "energy" | "spikes";

/** The modes a user may pick with `ant report --color-by` (the others need a run). */
export const CLI_COLOUR_MODES: readonly ColourMode[] = ["utilisation", "traffic"];

export interface ColourScale {
  readonly mode: ColourMode;
  /** Shown on the toggle and the legend. */
  readonly label: string;
  /** Value per core, indexed like `data.cores`. */
  readonly coreValues: readonly number[];
  /** The value drawn in the darkest colour; 1 (100 %) for utilisation. */
  readonly coreMax: number;
  /** Load per link, indexed like `data.links`, in `linkUnit`. */
  readonly linkValues: readonly number[];
  readonly linkMax: number;
  readonly linkUnit: "Hz" | "messages";
  readonly format: (value: number) => string;
}

const formatHz = (v: number): string => `${formatNumber(v)} Hz`;

/** Three significant figures, exponent notation outside [0.01, 1e6). */
export function formatNumber(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  if (abs >= 1e6 || abs < 0.01) return v.toExponential(2);
  return String(Number(v.toPrecision(3)));
}

export function colourModes(data: ReportData): ColourMode[] {
  return data.activity === undefined
    ? ["utilisation", "traffic"]
    : ["utilisation", "traffic", "energy", "spikes"];
}

export function colourScale(data: ReportData, mode: ColourMode): ColourScale {
  const estimatedLinks = data.links.map((l) => l.load_hz);
  const measuredLinks = data.links.map((l) => l.activity_messages ?? 0);
  const estimated = { linkValues: estimatedLinks, linkUnit: "Hz" as const };
  const measured = { linkValues: measuredLinks, linkUnit: "messages" as const };
  const build = (
    label: string,
    coreValues: number[],
    links: typeof estimated | typeof measured,
    format: (value: number) => string,
    fixedMax?: number,
  ): ColourScale => ({
    mode,
    label,
    coreValues,
    coreMax: fixedMax ?? Math.max(0, ...coreValues),
    ...links,
    linkMax: Math.max(0, ...links.linkValues),
    format,
  });

  switch (mode) {
    case "utilisation":
      return build(
        "utilisation",
        data.cores.map((c) => c.utilisation.max),
        estimated,
        (v) => `${(100 * v).toFixed(1)} %`,
        1,
      );
    case "traffic":
      return build(
        "traffic (estimated)",
        data.cores.map((c) => c.spikes_out_hz + c.messages_in_hz),
        estimated,
        formatHz,
      );
    case "energy":
      return build(
        "energy (measured)",
        data.cores.map((c) => c.activity?.energy_j ?? 0),
        measured,
        (v) => `${formatNumber(v)} J`,
      );
    case "spikes":
      return build(
        "spikes (measured)",
        data.cores.map((c) => c.activity?.spikes ?? 0),
        measured,
        (v) => `${formatNumber(v)} spikes`,
      );
  }
}

/** A sequential ramp from pale yellow to deep red, chosen to stay readable in grey print. */
export const RAMP: readonly string[] = ["#fff4d2", "#fdd180", "#f79a4a", "#dc5430", "#9b1b30"];

/** Colour of `value` on a scale from 0 to `max`, clamped. */
export function rampColour(value: number, max: number): string {
  const t = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const at = t * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(at));
  const [a, b] = [hexRgb(RAMP[i]!), hexRgb(RAMP[i + 1]!)];
  const mix = a.map((c, k) => Math.round(c + (b[k]! - c) * (at - i)));
  return `#${mix.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

function hexRgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** Link stroke for `value` on a scale to `max`: width in mesh cells and opacity. */
export function linkStroke(value: number, max: number): { width: number; opacity: number } {
  const t = max > 0 ? Math.min(1, value / max) : 0;
  if (value <= 0) return { width: 0.02, opacity: 0.15 };
  return { width: round3(0.03 + 0.12 * t), opacity: round3(0.35 + 0.6 * t) };
}

const round3 = (v: number): number => Math.round(v * 1000) / 1000;
