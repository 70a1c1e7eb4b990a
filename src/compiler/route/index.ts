/**
 * Routing: one XY multicast tree per route group (route/groups.ts), stored flat as the IR wants
 * (src/ir/types.ts IrRoutes), with routers numbered as global positions. Each tree node is one
 * routing-table entry at its router; the per-router counts are checked against the target.
 */
import type { ResolvedTarget } from "../../../dsl/resolved.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { makeDiagnostic, mappingDiagnostics } from "../../diagnostics/catalogue/index.ts";
import type { IrRoutes } from "../../ir/types.ts";
import type { NeuronLayout } from "../elaborate/layout.ts";
import { groupAt } from "../elaborate/layout.ts";
import { formatBytes, formatCount } from "../format.ts";
import type { Placement } from "../place/index.ts";
import type { RouteGroups } from "./groups.ts";
import { buildXYTree, columnScratch, countXYTreeNodes, treeBuffer } from "./xy-tree.ts";

const BYTES_PER_ROUTE_NODE = 9;

export interface Routing {
  readonly routes: IrRoutes;
  /** Routing-table entries per router (global position). */
  readonly tableEntries: Uint32Array;
  readonly maxTableEntries: number;
}

export function route(
  target: ResolvedTarget,
  layout: NeuronLayout,
  groups: RouteGroups,
  placement: Placement,
  diagnostics: Diagnostic[],
  memory: { readonly usedBytes: number; readonly budgetBytes: number } | undefined = undefined,
): Routing | undefined {
  const grid = placement.grid;
  const tree = treeBuffer(grid.positions);
  const scratch = columnScratch(grid.width, grid.height);
  const destX = new Int32Array(grid.positions);
  const destY = new Int32Array(grid.positions);
  const tableEntries = new Uint32Array(grid.positions);
  const nodeStart = new Uint32Array(groups.count + 1);

  // Destinations of group g as coordinates; the source's coordinates come back through `at`.
  const at = { sx: 0, sy: 0 };
  const destinations = (g: number): number => {
    const from = placement.position[groups.core[g]!]!;
    at.sx = from % grid.width;
    at.sy = (from - at.sx) / grid.width;
    let count = 0;
    for (let k = groups.destStart[g]!; k < groups.destStart[g + 1]!; k++) {
      const to = placement.position[groups.destCore[k]!]!;
      destX[count] = to % grid.width;
      destY[count] = (to - destX[count]!) / grid.width;
      count++;
    }
    return count;
  };

  // Counting first sizes the node arrays exactly: they are the largest arrays of a big network.
  let total = 0;
  for (let g = 0; g < groups.count; g++) {
    const count = destinations(g);
    total += countXYTreeNodes(at.sx, at.sy, destX, destY, count, scratch);
  }
  // 9 bytes a node (router, parent, ports): a random network has a tree per neuron, so this is
  // where a large network runs out of memory, and it is refused before allocating.
  const routeBytes = total * BYTES_PER_ROUTE_NODE;
  if (memory !== undefined && memory.usedBytes + routeBytes > memory.budgetBytes) {
    diagnostics.push(
      makeDiagnostic(
        mappingDiagnostics.routesTooLarge,
        [
          formatBytes(routeBytes),
          formatCount(total),
          formatBytes(memory.usedBytes),
          formatBytes(memory.budgetBytes),
        ],
        {
          help: "fewer distinct sets of destination cores per core (more local connectivity) shrink the routes, or raise --memory-budget",
        },
      ),
    );
    return undefined;
  }
  const nodeRouter = new Uint32Array(total);
  const nodeParent = new Int32Array(total);
  const nodePorts = new Uint8Array(total);
  let nodes = 0;

  for (let g = 0; g < groups.count; g++) {
    nodeStart[g] = nodes;
    const count = destinations(g);
    buildXYTree(tree, at.sx, at.sy, destX, destY, count, scratch);
    for (let i = 0; i < tree.count; i++) {
      const router = tree.y[i]! * grid.width + tree.x[i]!;
      nodeRouter[nodes + i] = router;
      const parent = tree.parent[i]!;
      nodeParent[nodes + i] = parent < 0 ? -1 : nodes + parent;
      nodePorts[nodes + i] = tree.ports[i]!;
      tableEntries[router]!++;
    }
    nodes += tree.count;
  }
  nodeStart[groups.count] = nodes;
  if (nodes !== total) throw new Error(`route trees have ${nodes} nodes, ${total} were counted`);

  let maxTableEntries = 0;
  let fullest = 0;
  tableEntries.forEach((n, r) => {
    if (n > maxTableEntries) {
      maxTableEntries = n;
      fullest = r;
    }
  });
  if (maxTableEntries > target.routerTableEntries) {
    reportFullTable(target, layout, groups, placement, fullest, maxTableEntries, diagnostics);
    return undefined;
  }

  return {
    routes: {
      count: groups.count,
      neuronRoute: groups.neuronGroup,
      nodeStart,
      nodeRouter,
      nodeParent,
      nodePorts,
    },
    tableEntries,
    maxTableEntries,
  };
}

/** Names the population whose routes take most of the fullest router's entries. */
function reportFullTable(
  target: ResolvedTarget,
  layout: NeuronLayout,
  groups: RouteGroups,
  placement: Placement,
  router: number,
  entries: number,
  diagnostics: Diagnostic[],
): void {
  const grid = placement.grid;
  const rx = router % grid.width;
  const ry = (router - rx) / grid.width;
  const perGroup = new Array<number>(layout.groups.length).fill(0);
  // A route passes the router if the router lies in its tree; recount with the same builder.
  const tree = treeBuffer(grid.positions);
  const scratch = columnScratch(grid.width, grid.height);
  const destX = new Int32Array(grid.positions);
  const destY = new Int32Array(grid.positions);
  for (let g = 0; g < groups.count; g++) {
    const from = placement.position[groups.core[g]!]!;
    let count = 0;
    for (let k = groups.destStart[g]!; k < groups.destStart[g + 1]!; k++) {
      const to = placement.position[groups.destCore[k]!]!;
      destX[count] = to % grid.width;
      destY[count] = (to - destX[count]!) / grid.width;
      count++;
    }
    const sx = from % grid.width;
    buildXYTree(tree, sx, (from - sx) / grid.width, destX, destY, count, scratch);
    for (let i = 0; i < tree.count; i++)
      if (tree.x[i] === rx && tree.y[i] === ry)
        perGroup[groupAt(layout, groups.firstNeuron[g]!)]!++;
  }
  let worst = 0;
  perGroup.forEach((n, g) => {
    if (n > perGroup[worst]!) worst = g;
  });
  const population = layout.groups[worst]!;
  diagnostics.push(
    makeDiagnostic(
      mappingDiagnostics.routerTableFull,
      [rx, ry, entries, target.routerTableEntries, population.name],
      {
        span: population.span,
        help: `give the neurons of '${population.name}' fewer distinct sets of destination cores, or use a target with larger routing tables`,
      },
    ),
  );
}
