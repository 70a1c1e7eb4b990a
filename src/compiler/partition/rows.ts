/**
 * Walking a source's row by projection. Elaboration lays each row out as consecutive segments,
 * one per projection in program order (a projection whose pre range holds the source); this
 * module recovers those segments without a per-synapse projection array.
 */
import type { ElaboratedGraph, ElaboratedProjection } from "../elaborate/index.ts";

/** For each group, the projections whose pre range lies in it, in program order. */
export function projectionsByPreGroup(graph: ElaboratedGraph): ElaboratedProjection[][] {
  const byGroup: ElaboratedProjection[][] = graph.layout.groups.map(() => []);
  for (const p of graph.projections) byGroup[p.preGroup]!.push(p);
  return byGroup;
}

/**
 * Calls `segment(projection, start, end)` for each projection segment of source `s`
 * (a logical id in group `group`), in row order.
 */
export function forEachSegment(
  graph: ElaboratedGraph,
  byGroup: readonly (readonly ElaboratedProjection[])[],
  group: number,
  s: number,
  segment: (projection: ElaboratedProjection, start: number, end: number) => void,
): void {
  let at = graph.rowStart[s]!;
  for (const p of byGroup[group]!) {
    const i = s - p.preStart;
    if (i < 0 || i >= p.preCount) continue;
    const n = p.perPre[i]!;
    if (n > 0) segment(p, at, at + n);
    at += n;
  }
}
