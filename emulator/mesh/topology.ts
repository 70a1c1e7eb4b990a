/**
 * The mesh as the engine walks it: routers, the directed links between them, what a hop on each
 * link costs, and for every route node which nodes a message reaches through its output ports.
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
  /**
   * Children of route node n: nodeChildren[nodeChildStart[n] + k] is the node reached through
   * the k-th direction port set in n's port bits, in Direction order. Compressed rather than
   * four slots per node: a random network's routes have several nodes per synapse's worth of
   * memory, and most nodes forward in one direction or none. A Local delivery at node n goes to
   * routerCore[nodeRouter[n]].
   */
  readonly nodeChildStart: Uint32Array;
  readonly nodeChildren: Uint32Array;
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
  const nodeChildStart = new Uint32Array(nodeCount + 1);
  for (let node = 0; node < nodeCount; node++)
    nodeChildStart[node + 1] = nodeChildStart[node]! + bitCount(routes.nodePorts[node]! & 15);
  const nodeChildren = new Uint32Array(nodeChildStart[nodeCount]!).fill(NO_CHILD);
  const problems: RouteProblem[] = [];
  for (let node = 0; node < nodeCount; node++) {
    const parent = routes.nodeParent[node]!;
    if (parent < 0) continue;
    const pr = routes.nodeRouter[parent]!;
    const px = pr % globalWidth;
    const py = (pr - px) / globalWidth;
    const parentPorts = routes.nodePorts[parent]! & 15;
    for (let d = 0; d < 4; d++) {
      const n = neighbour(px, py, d);
      if (n.y * globalWidth + n.x !== routes.nodeRouter[node] || !inMesh(n.x, n.y)) continue;
      // A child the parent's ports never send to is unreachable, and harmless.
      if ((parentPorts & DIRECTION_PORTS[d]!) !== 0)
        nodeChildren[nodeChildStart[parent]! + bitCount(parentPorts & (DIRECTION_PORTS[d]! - 1))] =
          node;
      break;
    }
  }
  for (let node = 0; node < nodeCount; node++) {
    const ports = routes.nodePorts[node]!;
    const r = routes.nodeRouter[node]!;
    const x = r % globalWidth;
    const y = (r - x) / globalWidth;
    let k = nodeChildStart[node]!;
    for (let d = 0; d < 4; d++) {
      if ((ports & DIRECTION_PORTS[d]!) === 0) continue;
      const n = neighbour(x, y, d);
      if (!inMesh(n.x, n.y)) problems.push({ node, what: "off-mesh" });
      else if (nodeChildren[k] === NO_CHILD) problems.push({ node, what: "no-child" });
      k++;
    }
    if ((ports & Port.Local) !== 0 && (r >= routerCount || routerCore[r]! < 0))
      problems.push({ node, what: "no-core" });
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
      nodeChildStart,
      nodeChildren,
    },
    problems,
  };

  function inMesh(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < globalWidth && y < globalHeight;
  }
}

/** Marks a child slot no node fills (reported as a "no-child" problem, so never walked). */
const NO_CHILD = 0xffffffff;

function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/** Port conventions of src/ir/types.ts: East = x + 1, West = x - 1, North = y - 1, South = y + 1. */
function neighbour(x: number, y: number, d: number): { x: number; y: number } {
  if (d === Direction.East) return { x: x + 1, y };
  if (d === Direction.West) return { x: x - 1, y };
  if (d === Direction.North) return { x, y: y - 1 };
  return { x, y: y + 1 };
}
