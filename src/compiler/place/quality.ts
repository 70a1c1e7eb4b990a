/**
 * Placement quality, measured the same way for the chosen and the naive placement: spike-weighted
 * mean and largest hop count per delivered message (a multicast counted once per destination
 * core, local deliveries at 0 hops), the busiest directed link and the chip crossings, both from
 * the XY multicast trees (a link of a tree carries one message per spike).
 *
 * The trees are not built node by node: an XY tree is one straight run along the source's row
 * and one run up and one down each destination column, so each run adds its rate to a range of
 * links through difference arrays, and one prefix sum at the end gives every link's load. The
 * cost per route group is its destination count, not its tree size (route/xy-tree.ts builds the
 * same trees explicitly for the routing tables).
 */
import type { PlacementQuality } from "../../ir/types.ts";
import type { Grid } from "./grid.ts";
import type { RouteGroups } from "../route/groups.ts";

export function placementQuality(
  grid: Grid,
  groups: RouteGroups,
  position: Int32Array,
): PlacementQuality {
  const { width, height } = grid;
  // Row runs: index y * (width + 1) + x; column runs: index x * (height + 1) + y.
  // A run adds its rate to the links leaving routers [from, to) in its direction.
  const east = new Float64Array(height * (width + 1));
  const west = new Float64Array(height * (width + 1));
  const north = new Float64Array(width * (height + 1));
  const south = new Float64Array(width * (height + 1));
  const minY = new Int32Array(width).fill(-1);
  const maxY = new Int32Array(width);
  const columns = new Int32Array(width);
  let weightedHops = 0;
  let messages = 0;
  let maxHops = 0;
  let crossCore = 0;

  for (let g = 0; g < groups.count; g++) {
    const rate = groups.rateHz[g]!;
    const from = position[groups.core[g]!]!;
    const sx = from % width;
    const sy = (from - sx) / width;
    let minX = sx;
    let maxX = sx;
    let columnCount = 0;
    for (let k = groups.destStart[g]!; k < groups.destStart[g + 1]!; k++) {
      const to = position[groups.destCore[k]!]!;
      const x = to % width;
      const y = (to - x) / width;
      const hops = Math.abs(x - sx) + Math.abs(y - sy);
      weightedHops += rate * hops;
      messages += rate;
      if (rate > 0 && hops > maxHops) maxHops = hops;
      if (hops > 0) crossCore += rate;
      if (minY[x] === -1) {
        minY[x] = y;
        maxY[x] = y;
        columns[columnCount++] = x;
      } else {
        if (y < minY[x]!) minY[x] = y;
        if (y > maxY[x]!) maxY[x] = y;
      }
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
    }

    // East links leave routers sx .. maxX - 1, west links leave sx .. minX + 1.
    const row = sy * (width + 1);
    if (rate !== 0 && maxX > sx) {
      east[row + sx]! += rate;
      east[row + maxX]! -= rate;
    }
    if (rate !== 0 && minX < sx) {
      west[row + minX + 1]! += rate;
      west[row + sx + 1]! -= rate;
    }
    for (let i = 0; i < columnCount; i++) {
      const x = columns[i]!;
      const column = x * (height + 1);
      // North links leave routers sy .. minY + 1, south links leave sy .. maxY - 1.
      if (rate !== 0 && minY[x]! < sy) {
        north[column + minY[x]! + 1]! += rate;
        north[column + sy + 1]! -= rate;
      }
      if (rate !== 0 && maxY[x]! > sy) {
        south[column + sy]! += rate;
        south[column + maxY[x]!]! -= rate;
      }
      minY[x] = -1;
    }
  }

  // Prefix sums give each directed link's load; a link crosses chips when its ends differ in chip.
  let busiest = 0;
  let chipCrossings = 0;
  const visit = (load: number, crosses: boolean): void => {
    if (load > busiest) busiest = load;
    if (crosses) chipCrossings += load;
  };
  for (let y = 0; y < height; y++) {
    let e = 0;
    let w = 0;
    for (let x = 0; x < width; x++) {
      e += east[y * (width + 1) + x]!;
      w += west[y * (width + 1) + x]!;
      visit(e, (x + 1) % grid.meshWidth === 0);
      visit(w, x % grid.meshWidth === 0);
    }
  }
  for (let x = 0; x < width; x++) {
    let n = 0;
    let s = 0;
    for (let y = 0; y < height; y++) {
      n += north[x * (height + 1) + y]!;
      s += south[x * (height + 1) + y]!;
      visit(n, y % grid.meshHeight === 0);
      visit(s, (y + 1) % grid.meshHeight === 0);
    }
  }
  return {
    meanHops: messages === 0 ? 0 : weightedHops / messages,
    maxHops,
    busiestLinkHz: busiest,
    chipCrossingsHz: chipCrossings,
    crossCoreSpikesHz: crossCore,
  };
}
