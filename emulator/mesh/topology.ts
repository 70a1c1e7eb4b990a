/**
 * The mesh as the engine walks it: routers, the directed links between them, what a hop on each
 * link costs, and for every route node which node a message reaches through each output port.
 *
 * Links are numbered `router * 4 + direction` (east, west, north, south); a link whose two ends
 * lie on different chips is a chip-to-chip link and takes the target's chipHop time and energy
 * instead of its direction's. Everything is precomputed once into typed arrays.
 */
import { Port, type ChipIR } from "../../src/ir/types.ts";

export const Direction = { East: 0, West: 1, North: 2, South: 3 } as const;
export const DIRECTION_NAMES = ["east", "west", "north", "south"] as const;
/** Port bit of each direction, in Direction order. */
export const DIRECTION_PORTS = [Port.East, Port.West, Port.North, Port.South] as const;

export interface MeshTopology {
  readonly routerCount: number;
  /** Global mesh width in routers (all chips side by side). */
  readonly globalWidth: number;
  readonly globalHeight: number;
  /** Core index at each router, -1 when the router's core holds nothing. */
  readonly routerCore: Int32Array;
  /** Per link: hop time, hop energy, 1 when it crosses a chip boundary. */
  readonly linkHopPs: Float64Array;
  readonly linkHopJ: Float64Array;
  readonly linkIsChip: Uint8Array;
  /** Per route node and direction (node * 4 + d): the child node reached, -1 if none. */
  readonly nodeChild: Int32Array;
  /** Per route node: core that receives a Local delivery there, -1 when the port is unset. */
  readonly nodeLocalCore: Int32Array;
}

/** Problems a route can have; the emulator turns them into catalogue diagnostics. */
export interface RouteProblem {
  readonly node: number;
  readonly what: "off-mesh" | "no-child" | "no-core";
}

export function buildTopology(ir: ChipIR): { topology: MeshTopology; problems: RouteProblem[] } {
  const t = ir.target;
  const globalWidth = t.chipsX * t.meshWidth;
  const globalHeight = t.chipsY * t.meshHeight;
  const routerCount = globalWidth * globalHeight;

  const routerCore = new Int32Array(routerCount).fill(-1);
  ir.cores.forEach((core, k) => {
    if (core.router >= 0 && core.router < routerCount) routerCore[core.router] = k;
  });

  // 1. Hop costs of every directed link.
  const linkHopPs = new Float64Array(routerCount * 4);
  const linkHopJ = new Float64Array(routerCount * 4);
  const linkIsChip = new Uint8Array(routerCount * 4);
  for (let r = 0; r < routerCount; r++) {
    const x = r % globalWidth;
    const y = (r - x) / globalWidth;
    for (let d = 0; d < 4; d++) {
      const n = neighbour(x, y, d);
      const link = r * 4 + d;
      const crossesChip =
        Math.floor(x / t.meshWidth) !== Math.floor(n.x / t.meshWidth) ||
        Math.floor(y / t.meshHeight) !== Math.floor(n.y / t.meshHeight);
      const eastWest = d === Direction.East || d === Direction.West;
      linkIsChip[link] = crossesChip ? 1 : 0;
      linkHopPs[link] = crossesChip
        ? t.timing.chipHopPs
        : eastWest
          ? t.timing.hopEastWestPs
          : t.timing.hopNorthSouthPs;
      linkHopJ[link] = crossesChip
        ? t.energy.chipHopJ
        : eastWest
          ? t.energy.hopEastWestJ
          : t.energy.hopNorthSouthJ;
    }
  }

  // 2. Children of route nodes, found from parent pointers and router positions.
  const routes = ir.routes;
  const nodeCount = routes.nodeRouter.length;
  const nodeChild = new Int32Array(nodeCount * 4).fill(-1);
  const nodeLocalCore = new Int32Array(nodeCount).fill(-1);
  const problems: RouteProblem[] = [];
  for (let node = 0; node < nodeCount; node++) {
    const parent = routes.nodeParent[node]!;
    if (parent < 0) continue;
    const pr = routes.nodeRouter[parent]!;
    const px = pr % globalWidth;
    const py = (pr - px) / globalWidth;
    for (let d = 0; d < 4; d++) {
      const n = neighbour(px, py, d);
      if (n.y * globalWidth + n.x === routes.nodeRouter[node] && inMesh(n.x, n.y)) {
        nodeChild[parent * 4 + d] = node;
        break;
      }
    }
  }
  for (let node = 0; node < nodeCount; node++) {
    const ports = routes.nodePorts[node]!;
    const r = routes.nodeRouter[node]!;
    const x = r % globalWidth;
    const y = (r - x) / globalWidth;
    for (let d = 0; d < 4; d++) {
      if ((ports & DIRECTION_PORTS[d]!) === 0) continue;
      const n = neighbour(x, y, d);
      if (!inMesh(n.x, n.y)) problems.push({ node, what: "off-mesh" });
      else if (nodeChild[node * 4 + d]! < 0) problems.push({ node, what: "no-child" });
    }
    if ((ports & Port.Local) !== 0) {
      const core = r < routerCount ? routerCore[r]! : -1;
      if (core < 0) problems.push({ node, what: "no-core" });
      nodeLocalCore[node] = core;
    }
  }

  return {
    topology: {
      routerCount,
      globalWidth,
      globalHeight,
      routerCore,
      linkHopPs,
      linkHopJ,
      linkIsChip,
      nodeChild,
      nodeLocalCore,
    },
    problems,
  };

  function inMesh(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < globalWidth && y < globalHeight;
  }
}

/** Port conventions of src/ir/types.ts: East = x + 1, West = x - 1, North = y - 1, South = y + 1. */
function neighbour(x: number, y: number, d: number): { x: number; y: number } {
  if (d === Direction.East) return { x: x + 1, y };
  if (d === Direction.West) return { x: x - 1, y };
  if (d === Direction.North) return { x, y: y - 1 };
  return { x, y: y + 1 };
}
