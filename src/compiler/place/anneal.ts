/**
 * Simulated annealing of core positions (Kirkpatrick et al. 1983), the placer's improvement step.
 * A move takes a random core to a random position within a window that shrinks as the
 * temperature falls, swapping with the core already there if any. The cost is the spike-weighted
 * route cost of every core-to-core pair (place/grid.ts); a move's change is computed from the two
 * cores' neighbours only. Work is bounded by a budget of neighbour visits, so large networks get
 * fewer moves rather than a long wait, and the result is never worse than the starting layout.
 */
import { Rng } from "../random.ts";
import { routeCost, type Grid } from "./grid.ts";
import type { CoreTraffic } from "./traffic.ts";

/** Neighbour visits the annealer may spend: about a second on the reference machine. */
export const ANNEAL_WORK_BUDGET = 6e7;

/** Moves per core beyond which a small network's placement stops improving in practice. */
const MOVES_PER_CORE = 20_000;

export function placementCost(grid: Grid, traffic: CoreTraffic, position: Int32Array): number {
  let total = 0;
  for (let a = 0; a < traffic.coreCount; a++) {
    for (let k = traffic.start[a]!; k < traffic.start[a + 1]!; k++) {
      const b = traffic.neighbour[k]!;
      if (b > a) total += traffic.weightHz[k]! * routeCost(grid, position[a]!, position[b]!);
    }
  }
  return total;
}

export function anneal(
  grid: Grid,
  traffic: CoreTraffic,
  initial: Int32Array,
  seed: number,
  workBudget = ANNEAL_WORK_BUDGET,
): Int32Array {
  const cores = traffic.coreCount;
  const edges = traffic.start[cores]!;
  if (cores < 2 || edges === 0) return initial.slice();
  const position = initial.slice();
  const occupant = new Int32Array(grid.positions).fill(-1);
  for (let c = 0; c < cores; c++) occupant[position[c]!] = c;
  const rng = new Rng(seed);

  // Cost of core `a` sitting at `at`, ignoring its link to `skip` (the swap partner).
  const coreCost = (a: number, at: number, skip: number): number => {
    let sum = 0;
    for (let k = traffic.start[a]!; k < traffic.start[a + 1]!; k++) {
      const b = traffic.neighbour[k]!;
      if (b !== skip) sum += traffic.weightHz[k]! * routeCost(grid, at, position[b]!);
    }
    return sum;
  };
  const proposal = (radius: number): [number, number] => {
    const a = rng.nextInt(cores);
    const p = position[a]!;
    const px = p % grid.width;
    const py = (p - px) / grid.width;
    const x = clamp(px + rng.nextInt(2 * radius + 1) - radius, grid.width);
    const y = clamp(py + rng.nextInt(2 * radius + 1) - radius, grid.height);
    return [a, y * grid.width + x];
  };
  const delta = (a: number, q: number): number => {
    const p = position[a]!;
    const b = occupant[q]!;
    let change = coreCost(a, q, b) - coreCost(a, p, b);
    if (b >= 0) change += coreCost(b, p, a) - coreCost(b, q, a);
    return change;
  };

  // Starting temperature: the mean uphill change of random moves, so about a third are accepted.
  // Changes within rounding noise of the total cost count as no change. A start where no probe
  // goes uphill (a layout at a local maximum, such as in-order placement of mirrored traffic) is
  // where improvement is easiest: take the mean size of the downhill changes instead.
  const startCost = placementCost(grid, traffic, position);
  const noise = startCost * 1e-9;
  const fullRadius = Math.max(grid.width, grid.height);
  let uphill = 0;
  let uphillCount = 0;
  let downhill = 0;
  let downhillCount = 0;
  for (let i = 0; i < 64; i++) {
    const [a, q] = proposal(fullRadius);
    const d = delta(a, q);
    if (d > noise) {
      uphill += d;
      uphillCount++;
    } else if (d < -noise) {
      downhill -= d;
      downhillCount++;
    }
  }
  if (uphillCount + downhillCount === 0) return initial.slice();
  const startT = uphillCount > 0 ? uphill / uphillCount : downhill / downhillCount;
  const endT = startT * 1e-4;
  const averageDegree = edges / cores;
  // A few thousand moves per core settle a small network; the budget bounds a large one.
  const affordable = Math.floor(workBudget / (4 * averageDegree + 4));
  const moves = Math.max(1000, Math.min(affordable, MOVES_PER_CORE * cores));
  const cooling = Math.pow(endT / startT, 1 / moves);

  let temperature = startT;
  for (let i = 0; i < moves; i++, temperature *= cooling) {
    const radius = Math.max(1, Math.round(fullRadius * Math.sqrt(temperature / startT)));
    const [a, q] = proposal(radius);
    const p = position[a]!;
    if (p === q) continue;
    const d = delta(a, q);
    if (d > 0 && rng.nextFloat() >= Math.exp(-d / temperature)) continue;
    const b = occupant[q]!;
    position[a] = q;
    occupant[q] = a;
    occupant[p] = b;
    if (b >= 0) position[b] = p;
  }
  // Recomputed rather than trusted: the running sum drifts by rounding over millions of moves.
  return placementCost(grid, traffic, position) <= startCost ? position : initial.slice();
}

function clamp(v: number, size: number): number {
  return v < 0 ? 0 : v >= size ? size - 1 : v;
}
