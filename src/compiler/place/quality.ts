/**
 * Placement quality, measured the same way for the chosen and the naive placement: spike-weighted
 * mean and largest hop count per delivered message (a multicast counted once per destination
 * core, local deliveries at 0 hops), the busiest directed link and the chip crossings, both from
 * the actual XY multicast trees (a link of a tree carries one message per spike).
 */
import type { PlacementQuality } from "../../ir/types.ts";
import type { Grid } from "./grid.ts";
import type { RouteGroups } from "../route/groups.ts";
import { buildXYTree, columnScratch, treeBuffer } from "../route/xy-tree.ts";

export function placementQuality(
  grid: Grid,
  groups: RouteGroups,
  position: Int32Array,
): PlacementQuality {
  const tree = treeBuffer(grid.positions);
  const scratch = columnScratch(grid.width, grid.height);
  const destX = new Int32Array(grid.positions);
  const destY = new Int32Array(grid.positions);
  // Directed link loads: 4 per router (east, west, north, south).
  const linkHz = new Float64Array(grid.positions * 4);
  let weightedHops = 0;
  let messages = 0;
  let maxHops = 0;
  let crossCore = 0;
  let chipCrossings = 0;

  for (let g = 0; g < groups.count; g++) {
    const rate = groups.rateHz[g]!;
    const from = position[groups.core[g]!]!;
    const sx = from % grid.width;
    const sy = (from - sx) / grid.width;
    let count = 0;
    for (let k = groups.destStart[g]!; k < groups.destStart[g + 1]!; k++) {
      const to = position[groups.destCore[k]!]!;
      const x = to % grid.width;
      const y = (to - x) / grid.width;
      const hops = Math.abs(x - sx) + Math.abs(y - sy);
      weightedHops += rate * hops;
      messages += rate;
      if (rate > 0 && hops > maxHops) maxHops = hops;
      if (hops > 0) crossCore += rate;
      destX[count] = x;
      destY[count] = y;
      count++;
    }
    if (rate === 0) continue;
    buildXYTree(tree, sx, sy, destX, destY, count, scratch);
    for (let i = 1; i < tree.count; i++) {
      const p = tree.parent[i]!;
      const px = tree.x[p]!;
      const py = tree.y[p]!;
      const x = tree.x[i]!;
      const y = tree.y[i]!;
      const direction = x > px ? 0 : x < px ? 1 : y < py ? 2 : 3;
      linkHz[(py * grid.width + px) * 4 + direction]! += rate;
      const crosses =
        Math.floor(x / grid.meshWidth) !== Math.floor(px / grid.meshWidth) ||
        Math.floor(y / grid.meshHeight) !== Math.floor(py / grid.meshHeight);
      if (crosses) chipCrossings += rate;
    }
  }
  let busiest = 0;
  for (const load of linkHz) if (load > busiest) busiest = load;
  return {
    meanHops: messages === 0 ? 0 : weightedHops / messages,
    maxHops,
    busiestLinkHz: busiest,
    chipCrossingsHz: chipCrossings,
    crossCoreSpikesHz: crossCore,
  };
}
