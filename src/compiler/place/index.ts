/**
 * Placement: assigns every core of the partition a router position on the board. Naive in-order
 * placement (place/grid.ts) is the starting point and the yardstick; the annealer improves it
 * unless the naive placer was asked for. Both placements' figures go into the mapping report.
 */
import type { ResolvedTarget } from "../../../dsl/resolved.ts";
import type { PlacementQuality } from "../../ir/types.ts";
import { makeGrid, naivePositions, type Grid } from "./grid.ts";
import { anneal } from "./anneal.ts";
import { placementQuality } from "./quality.ts";
import type { CoreTraffic } from "./traffic.ts";
import type { RouteGroups } from "../route/groups.ts";

export type PlacerKind = "anneal" | "naive";

export interface Placement {
  readonly grid: Grid;
  readonly placer: PlacerKind;
  /** Global position (Y * gridWidth + X) of each core. */
  readonly position: Int32Array;
  readonly quality: PlacementQuality;
  readonly naiveQuality: PlacementQuality;
}

export function place(
  target: ResolvedTarget,
  traffic: CoreTraffic,
  groups: RouteGroups,
  placer: PlacerKind,
  seed: number,
): Placement {
  const grid = makeGrid(target);
  const naive = naivePositions(grid, traffic.coreCount);
  const naiveQuality = placementQuality(grid, groups, naive);
  if (placer === "naive")
    return { grid, placer, position: naive, quality: naiveQuality, naiveQuality };
  const position = anneal(grid, traffic, naive, seed);
  return {
    grid,
    placer,
    position,
    quality: placementQuality(grid, groups, position),
    naiveQuality,
  };
}
