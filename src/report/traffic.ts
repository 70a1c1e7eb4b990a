/**
 * Estimated traffic of a placed network, from its routes: messages per second on every directed
 * mesh link, delivered to and sent from every core, and routing-table entries per router.
 * The IR keeps one expected spike rate per core (`estimatedSpikeRateHz`, the placer's estimate),
 * not per neuron, so each neuron is taken to fire at its core's rate divided by its neuron
 * count. A multicast tree carries one message per spike on each of its links, however many
 * cores lie beyond.
 */
import { Port, type ChipIR } from "../ir/types.ts";

export type Direction = "east" | "west" | "north" | "south";

export interface LinkLoad {
  readonly fromRouter: number;
  readonly toRouter: number;
  readonly direction: Direction;
  readonly loadHz: number;
}

export interface Traffic {
  /** Directed links that carry any route, sorted by source router then direction. */
  readonly links: readonly LinkLoad[];
  /** Per core: messages per second delivered to it (one per spike per destination core). */
  readonly deliveredHz: Float64Array;
  /** Per core: route nodes at its router, i.e. routing-table entries it needs. */
  readonly routingEntries: Uint32Array;
}

const DIRECTIONS: readonly [Direction, number, number, number][] = [
  ["east", Port.East, 1, 0],
  ["west", Port.West, -1, 0],
  ["north", Port.North, 0, -1],
  ["south", Port.South, 0, 1],
];

/** Mesh width of the whole board in routers: router id = Y * boardWidth + X. */
export function boardWidth(ir: ChipIR): number {
  return ir.target.chipsX * ir.target.meshWidth;
}

export function estimateTraffic(ir: ChipIR): Traffic {
  const { routes, cores } = ir;
  const width = boardWidth(ir);

  // 1. Spikes per second entering each route.
  const routeRateHz = new Float64Array(routes.count);
  const neuronRateHz = cores.map((c) =>
    c.neuronCount > 0 ? c.estimatedSpikeRateHz / c.neuronCount : 0,
  );
  for (let n = 0; n < ir.neurons.count; n++) {
    const r = routes.neuronRoute[n]!;
    if (r >= 0) routeRateHz[r]! += neuronRateHz[ir.neurons.core[n]!]!;
  }

  // 2. Walk every node: its direction bits load links, its Local bit delivers to a core.
  const coreAtRouter = new Map<number, number>();
  cores.forEach((c, k) => coreAtRouter.set(c.router, k));
  const deliveredHz = new Float64Array(cores.length);
  const routingEntries = new Uint32Array(cores.length);
  const load = new Map<number, number>();
  for (let r = 0; r < routes.count; r++) {
    const rate = routeRateHz[r]!;
    for (let node = routes.nodeStart[r]!; node < routes.nodeStart[r + 1]!; node++) {
      const router = routes.nodeRouter[node]!;
      const ports = routes.nodePorts[node]!;
      const core = coreAtRouter.get(router);
      if (core !== undefined) {
        routingEntries[core]!++;
        if (ports & Port.Local) deliveredHz[core]! += rate;
      }
      DIRECTIONS.forEach(([, bit], d) => {
        if (ports & bit) load.set(router * 4 + d, (load.get(router * 4 + d) ?? 0) + rate);
      });
    }
  }

  const links = [...load.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([key, loadHz]): LinkLoad => {
      const fromRouter = Math.floor(key / 4);
      const [direction, , dx, dy] = DIRECTIONS[key % 4]!;
      const x = (fromRouter % width) + dx;
      const y = Math.floor(fromRouter / width) + dy;
      return { fromRouter, toRouter: y * width + x, direction, loadHz };
    });
  return { links, deliveredHz, routingEntries };
}

export function directionPort(direction: Direction): number {
  return DIRECTIONS.find(([d]) => d === direction)![1];
}
