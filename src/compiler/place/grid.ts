/**
 * The board as one grid of routers: chips side by side, so core (chip cx, cy; x, y) sits at
 * global X = cx * meshWidth + x, Y = cy * meshHeight + y (src/ir/types.ts). Positions are numbered
 * Y * gridWidth + X. The placement cost of a message between two positions is its XY route's
 * hops, each weighted by its energy relative to an east-west hop, chip-to-chip hops included.
 */
import type { ResolvedTarget } from "../../../dsl/resolved.ts";

export interface Grid {
  readonly width: number;
  readonly height: number;
  readonly meshWidth: number;
  readonly meshHeight: number;
  readonly positions: number;
  /** Relative costs of one hop of each kind (east-west = 1 unless the target has no energies). */
  readonly costEastWest: number;
  readonly costNorthSouth: number;
  readonly costChip: number;
}

export function makeGrid(target: ResolvedTarget): Grid {
  const e = target.energy;
  const unit = e.hopEastWestJ > 0 ? e.hopEastWestJ : 0;
  const width = target.chipsX * target.meshWidth;
  const height = target.chipsY * target.meshHeight;
  return {
    width,
    height,
    meshWidth: target.meshWidth,
    meshHeight: target.meshHeight,
    positions: width * height,
    costEastWest: 1,
    costNorthSouth: unit > 0 ? e.hopNorthSouthJ / unit : 1,
    // Without figures, a chip crossing counts as ten hops: rare crossings is the aim either way.
    costChip: unit > 0 && e.chipHopJ > 0 ? e.chipHopJ / unit : 10,
  };
}

/** Hops of the XY route between two positions, and how many of them cross a chip boundary. */
export function routeCost(grid: Grid, p: number, q: number): number {
  const px = p % grid.width;
  const py = (p - px) / grid.width;
  const qx = q % grid.width;
  const qy = (q - qx) / grid.width;
  const chipsX = Math.abs(Math.floor(px / grid.meshWidth) - Math.floor(qx / grid.meshWidth));
  const chipsY = Math.abs(Math.floor(py / grid.meshHeight) - Math.floor(qy / grid.meshHeight));
  const dx = Math.abs(px - qx);
  const dy = Math.abs(py - qy);
  return (
    (dx - chipsX) * grid.costEastWest +
    (dy - chipsY) * grid.costNorthSouth +
    (chipsX + chipsY) * grid.costChip
  );
}

export function hops(grid: Grid, p: number, q: number): number {
  const px = p % grid.width;
  const qx = q % grid.width;
  return Math.abs(px - qx) + Math.abs((p - px) / grid.width - (q - qx) / grid.width);
}

/**
 * Naive in-order placement: core i goes to the i-th position filling chip after chip (chips in
 * row-major order), each chip row by row.
 */
export function naivePositions(grid: Grid, coreCount: number): Int32Array {
  const out = new Int32Array(coreCount);
  const chipsX = grid.width / grid.meshWidth;
  const perChip = grid.meshWidth * grid.meshHeight;
  for (let i = 0; i < coreCount; i++) {
    const chip = Math.floor(i / perChip);
    const within = i % perChip;
    const gx = (chip % chipsX) * grid.meshWidth + (within % grid.meshWidth);
    const gy = Math.floor(chip / chipsX) * grid.meshHeight + Math.floor(within / grid.meshWidth);
    out[i] = gy * grid.width + gx;
  }
  return out;
}
