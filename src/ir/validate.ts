/**
 * The IR validator: separate code from the compiler that re-checks any ChipIR (freshly compiled
 * or read back from an image) without trusting the figures it carries. It checks that the arrays
 * are consistent (CSR offsets monotone, indices in range, every synapse's slot inside its
 * destination core, no core beyond what a 16-bit slot can address), that every route tree is
 * well formed and delivers each fan-out entry's spikes to its destination core, and that no
 * per-core or per-router limit of the target is exceeded.
 *
 * Conventions it checks (docs/ir.md): fan-in axons are distinct source neurons entering a core,
 * fan-out entries are distinct destination cores per source summed over the core, and a synapse
 * costs weightBits + delayBits + ceil(log2(maxNeuronsPerCore)) bits of synaptic memory.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { makeDiagnostic, mappingDiagnostics } from "../diagnostics/catalogue/index.ts";
import {
  checkRunStateShape,
  checkRunStateValues,
  describeRunStateProblem,
} from "./run-state-check.ts";
import { MAX_CORE_NEURONS, Port, type ChipIR } from "./types.ts";

/** Reporting stops after this many problems: one broken array would otherwise flood the output. */
const MAX_DIAGNOSTICS = 20;

class Problems {
  readonly list: Diagnostic[] = [];
  get full(): boolean {
    return this.list.length >= MAX_DIAGNOSTICS;
  }
  add(d: Diagnostic): void {
    if (!this.full) this.list.push(d);
  }
  inconsistent(what: string): void {
    this.add(makeDiagnostic(mappingDiagnostics.irInconsistent, [what]));
  }
}

export function validateIr(ir: ChipIR): Diagnostic[] {
  const problems = new Problems();
  if (!checkNeuronsAndCores(ir, problems)) return problems.list;
  if (!checkSynapseArrays(ir, problems)) return problems.list;
  if (!checkRouteShapes(ir, problems)) return problems.list;
  checkDelivery(ir, problems);
  checkCoreLimits(ir, problems);
  checkRunState(ir, problems);
  return problems.list;
}

/** A saved run state (if any) fits the image: array lengths first, then values. */
function checkRunState(ir: ChipIR, problems: Problems): void {
  if (ir.runState === undefined) return;
  const problem = checkRunStateShape(ir, ir.runState) ?? checkRunStateValues(ir, ir.runState);
  if (problem !== undefined) problems.inconsistent(describeRunStateProblem(problem));
}

function checkNeuronsAndCores(ir: ChipIR, problems: Problems): boolean {
  const n = ir.neurons.count;
  const { population, index, core, initV, initGExcV, initGInhV, initThetaV } = ir.neurons;
  for (const [name, array] of Object.entries({
    population,
    index,
    core,
    initV,
    initGExcV,
    initGInhV,
    initThetaV,
  }))
    if (array.length !== n)
      problems.inconsistent(`neurons.${name} has ${array.length} elements for ${n} neurons`);
  const owner = new Int32Array(n).fill(-1);
  ir.cores.forEach((c, k) => {
    if (c.neuronStart < 0 || c.neuronStart + c.neuronCount > n) {
      problems.inconsistent(
        `core ${k} holds neurons [${c.neuronStart}, ${c.neuronStart + c.neuronCount}) beyond the ${n} neurons`,
      );
      return;
    }
    if (c.neuronCount > MAX_CORE_NEURONS)
      problems.inconsistent(
        `core ${k} holds ${c.neuronCount} neurons, more than the ${MAX_CORE_NEURONS} a 16-bit synapse slot can address`,
      );
    for (let h = c.neuronStart; h < c.neuronStart + c.neuronCount; h++) {
      if (owner[h] !== -1)
        problems.inconsistent(`neuron ${h} belongs to cores ${owner[h]} and ${k}`);
      owner[h] = k;
    }
  });
  for (let h = 0; h < n && !problems.full; h++) {
    if (owner[h] === -1) problems.inconsistent(`neuron ${h} belongs to no core`);
    else if (core[h] !== owner[h])
      problems.inconsistent(`neurons.core[${h}] is ${core[h]} but core ${owner[h]} holds it`);
    if (population[h]! >= ir.populations.length)
      problems.inconsistent(`neuron ${h} names population ${population[h]}`);
  }
  const routers = ir.target.chipsX * ir.target.meshWidth * ir.target.chipsY * ir.target.meshHeight;
  ir.cores.forEach((c, k) => {
    if (c.router >= routers)
      problems.inconsistent(`core ${k} sits at router ${c.router} of ${routers}`);
  });
  return problems.list.length === 0;
}

function checkSynapseArrays(ir: ChipIR, problems: Problems): boolean {
  const s = ir.synapses;
  const n = ir.neurons.count;
  const entries = s.fanOutCore.length;
  if (s.fanOutStart.length !== n + 1)
    problems.inconsistent(`fanOutStart has ${s.fanOutStart.length} elements for ${n} neurons`);
  if (s.fanOutProjection.length !== entries)
    problems.inconsistent("fanOutProjection and fanOutCore differ in length");
  if (s.synStart.length !== entries + 1)
    problems.inconsistent(
      `synStart has ${s.synStart.length} elements for ${entries} fan-out entries`,
    );
  if (s.targetSlot.length !== s.count || s.weight.length !== s.count || s.delay.length !== s.count)
    problems.inconsistent(`the per-synapse arrays do not all have ${s.count} elements`);
  if (problems.list.length > 0) return false;
  if (s.fanOutStart[0] !== 0 || s.fanOutStart[n] !== entries)
    problems.inconsistent("fanOutStart does not run from 0 to the entry count");
  if (s.synStart[0] !== 0 || s.synStart[entries] !== s.count)
    problems.inconsistent("synStart does not run from 0 to the synapse count");
  for (let h = 0; h < n; h++)
    if (s.fanOutStart[h + 1]! < s.fanOutStart[h]!) {
      problems.inconsistent(`fanOutStart decreases at neuron ${h}`);
      break;
    }
  for (let e = 0; e < entries; e++)
    if (s.synStart[e + 1]! < s.synStart[e]!) {
      problems.inconsistent(`synStart decreases at entry ${e}`);
      break;
    }
  if (problems.list.length > 0) return false;

  const maxDelay = 2 ** ir.target.delayBits - 1;
  const bitsOf = ir.projections.map((p) =>
    p.plasticity >= 0 ? ir.target.learningWeightBits : ir.target.weightBits,
  );
  const { targetSlot, weight, delay } = s;
  for (let h = 0; h < n && !problems.full; h++) {
    let previousKey = -1;
    for (let e = s.fanOutStart[h]!; e < s.fanOutStart[h + 1]!; e++) {
      const core = s.fanOutCore[e]!;
      const projection = ir.projections[s.fanOutProjection[e]!];
      if (core >= ir.cores.length || projection === undefined) {
        problems.inconsistent(
          `fan-out entry ${e} names core ${core} and projection ${s.fanOutProjection[e]}`,
        );
        continue;
      }
      const key = core * 65536 + s.fanOutProjection[e]!;
      if (key <= previousKey)
        problems.inconsistent(
          `the fan-out entries of neuron ${h} are not ordered by core then projection`,
        );
      previousKey = key;
      const bits = bitsOf[s.fanOutProjection[e]!]!;
      const maxCode = 2 ** (bits - 1) - 1;
      const minCode = -maxCode - 1;
      const slots = ir.cores[core]!.neuronCount;
      const end = s.synStart[e + 1]!;
      for (let i = s.synStart[e]!; i < end; i++) {
        const slot = targetSlot[i]!;
        const w = weight[i]!;
        // One test for the common case; the detailed checks below only run on a problem.
        if (slot < slots && w <= maxCode && w >= minCode && delay[i]! <= maxDelay) continue;
        if (slot >= slots) {
          problems.inconsistent(
            `synapse ${i} of neuron ${h} targets slot ${slot} of core ${core}, which holds ${slots} neurons`,
          );
          break;
        }
        if (s.weight[i]! > maxCode || s.weight[i]! < -maxCode - 1) {
          problems.inconsistent(`synapse ${i} has weight code ${s.weight[i]}, beyond ${bits} bits`);
          break;
        }
        if (s.delay[i]! > maxDelay) {
          problems.inconsistent(
            `synapse ${i} has delay ${s.delay[i]}, beyond ${ir.target.delayBits} bits`,
          );
          break;
        }
      }
    }
  }
  return problems.list.length === 0;
}

/**
 * The port of router `from` that leads to the neighbouring router `to`, 0 when `to` is not a
 * neighbour on the board (routers are numbered y * width + x; north is towards y - 1).
 */
function portBetween(width: number, height: number, from: number, to: number): number {
  if (from >= width * height || to >= width * height) return 0;
  const x = from % width;
  if (to === from + 1 && x + 1 < width) return Port.East;
  if (to === from - 1 && x > 0) return Port.West;
  if (to === from - width && from >= width) return Port.North;
  if (to === from + width) return Port.South;
  return 0;
}

function checkRouteShapes(ir: ChipIR, problems: Problems): boolean {
  const r = ir.routes;
  const nodes = r.nodeRouter.length;
  if (r.neuronRoute.length !== ir.neurons.count)
    problems.inconsistent("routes.neuronRoute does not have one element per neuron");
  if (r.nodeStart.length !== r.count + 1 || r.nodeStart[r.count] !== nodes)
    problems.inconsistent("routes.nodeStart does not match the nodes");
  if (r.nodeParent.length !== nodes || r.nodePorts.length !== nodes)
    problems.inconsistent("route node arrays differ in length");
  if (problems.list.length > 0) return false;
  const childPorts = new Uint8Array(nodes);
  const width = ir.target.chipsX * ir.target.meshWidth;
  const height = ir.target.chipsY * ir.target.meshHeight;
  for (let route = 0; route < r.count && !problems.full; route++) {
    const first = r.nodeStart[route]!;
    const end = r.nodeStart[route + 1]!;
    if (end <= first) {
      problems.add(makeDiagnostic(mappingDiagnostics.irRouteMalformed, [route, "it has no nodes"]));
      continue;
    }
    if (r.nodeParent[first] !== -1)
      problems.add(
        makeDiagnostic(mappingDiagnostics.irRouteMalformed, [
          route,
          "its first node is not a root",
        ]),
      );
    for (let i = first + 1; i < end; i++) {
      const parent = r.nodeParent[i]!;
      if (parent < first || parent >= i) {
        problems.add(
          makeDiagnostic(mappingDiagnostics.irRouteMalformed, [
            route,
            `node ${i} has parent ${parent}, not an earlier node of the route`,
          ]),
        );
        break;
      }
      const port = portBetween(width, height, r.nodeRouter[parent]!, r.nodeRouter[i]!);
      if (port === 0 || (r.nodePorts[parent]! & port) === 0) {
        problems.add(
          makeDiagnostic(mappingDiagnostics.irRouteMalformed, [
            route,
            `node ${i} at router ${r.nodeRouter[i]} is not reached through a port of its parent at router ${r.nodeRouter[parent]}`,
          ]),
        );
        break;
      }
      childPorts[parent]! |= port;
    }
    for (let i = first; i < end; i++) {
      const outward = r.nodePorts[i]! & ~Port.Local;
      if (outward !== childPorts[i]) {
        problems.add(
          makeDiagnostic(mappingDiagnostics.irRouteMalformed, [
            route,
            `node ${i} at router ${r.nodeRouter[i]} sends through ports with no next node`,
          ]),
        );
        break;
      }
    }
  }
  return problems.list.length === 0;
}

function checkDelivery(ir: ChipIR, problems: Problems): void {
  const r = ir.routes;
  const s = ir.synapses;
  const routers = ir.target.chipsX * ir.target.meshWidth * ir.target.chipsY * ir.target.meshHeight;
  const delivered = new Int32Array(routers).fill(-1);
  let stamped = -1;
  for (let h = 0; h < ir.neurons.count && !problems.full; h++) {
    const first = s.fanOutStart[h]!;
    const end = s.fanOutStart[h + 1]!;
    if (end === first) continue;
    const route = r.neuronRoute[h]!;
    const name = ir.populations[ir.neurons.population[h]!]?.name ?? "?";
    if (route < 0 || route >= r.count) {
      const core = s.fanOutCore[first]!;
      problems.add(
        makeDiagnostic(mappingDiagnostics.irSpikeNotDelivered, [
          h,
          name,
          ir.neurons.index[h]!,
          core,
          ir.cores[core]!.router,
        ]),
      );
      continue;
    }
    if (r.nodeRouter[r.nodeStart[route]!] !== ir.cores[ir.neurons.core[h]!]!.router)
      problems.add(
        makeDiagnostic(mappingDiagnostics.irRouteMalformed, [
          route,
          `its root is not at the router of neuron ${h}'s core`,
        ]),
      );
    if (route !== stamped) {
      for (let i = r.nodeStart[route]!; i < r.nodeStart[route + 1]!; i++)
        if (r.nodePorts[i]! & Port.Local) delivered[r.nodeRouter[i]!] = route;
      stamped = route;
    }
    for (let e = first; e < end; e++) {
      const core = s.fanOutCore[e]!;
      const router = ir.cores[core]!.router;
      if (delivered[router] !== route) {
        problems.add(
          makeDiagnostic(mappingDiagnostics.irSpikeNotDelivered, [
            h,
            name,
            ir.neurons.index[h]!,
            core,
            router,
          ]),
        );
        break;
      }
    }
  }
}

function checkCoreLimits(ir: ChipIR, problems: Problems): void {
  const t = ir.target;
  const s = ir.synapses;
  const coreCount = ir.cores.length;
  const synapses = new Float64Array(coreCount);
  const memoryBits = new Float64Array(coreCount);
  const fanIn = new Float64Array(coreCount);
  const fanOut = new Float64Array(coreCount);
  const indexBits = Math.ceil(Math.log2(Math.max(2, t.maxNeuronsPerCore)));
  const synapseBitsOf = ir.projections.map(
    (p) => (p.plasticity >= 0 ? t.learningWeightBits : t.weightBits) + t.delayBits + indexBits,
  );
  for (let h = 0; h < ir.neurons.count; h++) {
    let previousCore = -1;
    for (let e = s.fanOutStart[h]!; e < s.fanOutStart[h + 1]!; e++) {
      const core = s.fanOutCore[e]!;
      const count = s.synStart[e + 1]! - s.synStart[e]!;
      synapses[core]! += count;
      memoryBits[core]! += count * synapseBitsOf[s.fanOutProjection[e]!]!;
      // Entries are sorted by core, so a new core is a new distinct destination.
      if (core !== previousCore) {
        fanIn[core]!++;
        fanOut[ir.neurons.core[h]!]!++;
      }
      previousCore = core;
    }
  }
  ir.cores.forEach((c, k) => {
    const checks: [string, number, number][] = [
      ["neurons", c.neuronCount, t.maxNeuronsPerCore],
      ["synapses", synapses[k]!, t.maxSynapsesPerCore],
      ["synaptic memory (bits)", memoryBits[k]!, t.synapticMemoryBitsPerCore],
      ["fan-in axons", fanIn[k]!, t.maxFanInAxonsPerCore],
      ["fan-out entries", fanOut[k]!, t.maxFanOutEntriesPerCore],
    ];
    for (const [what, value, limit] of checks)
      if (value > limit)
        problems.add(
          makeDiagnostic(mappingDiagnostics.irLimitExceeded, [
            k,
            c.chipX * t.meshWidth + c.x,
            c.chipY * t.meshHeight + c.y,
            what,
            value,
            limit,
          ]),
        );
  });
  const routers = t.chipsX * t.meshWidth * t.chipsY * t.meshHeight;
  const entries = new Uint32Array(routers);
  for (const router of ir.routes.nodeRouter) entries[router]!++;
  entries.forEach((n, router) => {
    if (n > t.routerTableEntries)
      problems.add(
        makeDiagnostic(mappingDiagnostics.irRouterTableFull, [router, n, t.routerTableEntries]),
      );
  });
}
