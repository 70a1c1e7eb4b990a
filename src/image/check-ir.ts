/**
 * Value checks of a decoded image, run before the IR is handed out: every index a consumer
 * would follow (neuron -> population, fan-out -> core, route -> node -> router, input ->
 * population) is in range, CSR offsets are sound, floats are finite and the cores cover the
 * neurons contiguously; synapse -> neuron is read-slots.ts's, which runs after these. They make
 * the IR safe to index; whether it fits the target and routes every spike is
 * src/ir/validate.ts's job. Returns `neurons.core`, derived from the cores' ranges.
 */
import { imageDiagnostics as D } from "../diagnostics/catalogue/index.ts";
import { fail, type ReadContext } from "./failure.ts";
import type { ImageMeta } from "./meta.ts";
import { checkCsr, checkFinite, checkRange, elementOffset } from "./read-arrays.ts";
import type { SectionTable } from "./read-table.ts";

export interface ImageArrays {
  readonly population: Uint16Array;
  readonly index: Uint32Array;
  readonly initV: Float64Array;
  readonly initGExcV: Float64Array;
  readonly initGInhV: Float64Array;
  readonly initThetaV: Float64Array;
  readonly fanOutStart: Uint32Array;
  readonly fanOutCore: Uint32Array;
  readonly fanOutProjection: Uint16Array;
  readonly synStart: Uint32Array;
  readonly weight: Int16Array;
  readonly delay: Uint16Array;
  readonly neuronRoute: Int32Array;
  readonly nodeStart: Uint32Array;
  readonly nodeRouter: Uint32Array;
  readonly nodeParent: Int32Array;
  readonly nodePorts: Uint8Array;
  readonly ratesHz: Float64Array;
  readonly spikeNeuron: Uint32Array;
  readonly spikeTimePs: Float64Array;
}

export function checkIrValues(
  meta: ImageMeta,
  a: ImageArrays,
  table: SectionTable,
  context: ReadContext,
): Uint32Array {
  checkMetaIndices(meta, table, context);
  const core = checkNeurons(meta, a, table, context);
  checkSynapses(meta, a, table, context);
  checkRoutes(meta, a, table, context);
  checkInputs(meta, a, table, context);
  return core;
}

/** Index fields inside the metadata; reported at the metadata section's offset. */
function checkMetaIndices(meta: ImageMeta, table: SectionTable, context: ReadContext): void {
  const at = table.meta.offset;
  const pops = meta.populations.length;
  const t = meta.target;
  const routers = t.chipsX * t.meshWidth * t.chipsY * t.meshHeight;
  const inRange = (field: string, value: number, low: number, high: number, why: string): void => {
    if (value < low || value >= high)
      fail(context, D.indexOutOfRange, [`Field '${field}'`, value, low, high, why], at);
  };

  meta.populations.forEach((p, i) =>
    inRange(`populations[${i}].model`, p.model, -1, meta.models.length, "models"),
  );
  meta.projections.forEach((p, i) => {
    inRange(`projections[${i}].pre`, p.pre, 0, pops, "populations");
    inRange(`projections[${i}].post`, p.post, 0, pops, "populations");
    inRange(`projections[${i}].plasticity`, p.plasticity, -1, meta.plasticityRules.length, "rules");
  });
  meta.plasticityRules.forEach((r, i) =>
    inRange(`plasticityRules[${i}].rewardPopulation`, r.rewardPopulation, -1, pops, "populations"),
  );
  meta.cores.forEach((c, i) => {
    inRange(`cores[${i}].chipX`, c.chipX, 0, t.chipsX, "chips across");
    inRange(`cores[${i}].chipY`, c.chipY, 0, t.chipsY, "chips down");
    inRange(`cores[${i}].x`, c.x, 0, t.meshWidth, "mesh width");
    inRange(`cores[${i}].y`, c.y, 0, t.meshHeight, "mesh height");
    inRange(`cores[${i}].router`, c.router, 0, routers, "routers on the board");
  });
  meta.slices.forEach((s, i) => {
    inRange(`slices[${i}].population`, s.population, 0, pops, "populations");
    inRange(`slices[${i}].core`, s.core, 0, meta.cores.length, "cores");
    const size = meta.populations[s.population]!.size;
    inRange(`slices[${i}].end`, s.end, s.start + 1, size + 1, "start + 1 to population size + 1");
  });
  meta.inputs.forEach((input, i) =>
    inRange(`inputs[${i}].population`, input.population, 0, pops, "populations"),
  );
  meta.recordings.forEach((r, i) => {
    inRange(`recordings[${i}].population`, r.population, 0, pops, "populations");
    const size = meta.populations[r.population]!.size;
    if (r.kind === "spikes")
      inRange(`recordings[${i}].end`, r.end, r.start, size + 1, "population size + 1");
    else
      r.neurons.forEach((n, j) =>
        inRange(`recordings[${i}].neurons[${j}]`, n, 0, size, "population size"),
      );
  });
}

function checkNeurons(
  meta: ImageMeta,
  a: ImageArrays,
  table: SectionTable,
  context: ReadContext,
): Uint32Array {
  const n = meta.counts.neurons;
  checkRange(
    context,
    table["neuron.population"],
    a.population,
    0,
    meta.populations.length,
    "populations",
  );
  for (let h = 0; h < n; h++) {
    const size = meta.populations[a.population[h]!]!.size;
    if (a.index[h]! >= size)
      fail(
        context,
        D.indexOutOfRange,
        [`Element ${h} of section 'neuron.index'`, a.index[h]!, 0, size, "population size"],
        elementOffset(table["neuron.index"], h),
      );
  }
  checkFinite(context, table["neuron.init_v"], a.initV);
  checkFinite(context, table["neuron.init_g_exc"], a.initGExcV);
  checkFinite(context, table["neuron.init_g_inh"], a.initGInhV);
  checkFinite(context, table["neuron.init_theta"], a.initThetaV);

  // Cores cover [0, n) in order; this is what lets `core` be derived instead of stored.
  const core = new Uint32Array(n);
  let next = 0;
  meta.cores.forEach((c, k) => {
    if (c.neuronStart !== next)
      fail(context, D.coresNotContiguous, [k, c.neuronStart, next], table.meta.offset);
    if (c.neuronStart + c.neuronCount > n)
      fail(
        context,
        D.indexOutOfRange,
        [
          `Field 'cores[${k}].neuronCount'`,
          c.neuronCount,
          0,
          n - c.neuronStart + 1,
          "neurons left",
        ],
        table.meta.offset,
      );
    core.fill(k, c.neuronStart, c.neuronStart + c.neuronCount);
    next = c.neuronStart + c.neuronCount;
  });
  if (next !== n)
    fail(context, D.coresNotContiguous, [meta.cores.length, n, next], table.meta.offset);

  meta.slices.forEach((s, i) => {
    const home = meta.cores[s.core]!;
    for (let j = 0; j < s.end - s.start; j++) {
      const h = s.neuronStart + j;
      const ok =
        h < home.neuronStart + home.neuronCount &&
        h >= home.neuronStart &&
        a.population[h] === s.population &&
        a.index[h] === s.start + j;
      if (!ok) {
        const name = meta.populations[s.population]!.name;
        fail(
          context,
          D.sliceMismatch,
          [i, s.end - s.start, name, s.neuronStart, h],
          table.meta.offset,
        );
      }
    }
  });
  return core;
}

function checkSynapses(
  meta: ImageMeta,
  a: ImageArrays,
  table: SectionTable,
  context: ReadContext,
): void {
  const { counts } = meta;
  checkCsr(context, table["fanout.start"], a.fanOutStart, counts.fanOutEntries);
  checkRange(context, table["fanout.core"], a.fanOutCore, 0, meta.cores.length, "cores");
  checkRange(
    context,
    table["fanout.projection"],
    a.fanOutProjection,
    0,
    meta.projections.length,
    "projections",
  );
  checkCsr(context, table["synapse.start"], a.synStart, counts.synapses);
}

function checkRoutes(
  meta: ImageMeta,
  a: ImageArrays,
  table: SectionTable,
  context: ReadContext,
): void {
  const { counts, target: t } = meta;
  const routers = t.chipsX * t.meshWidth * t.chipsY * t.meshHeight;
  checkRange(context, table["route.neuron"], a.neuronRoute, -1, counts.routes, "routes, or -1");
  checkCsr(context, table["route.node_start"], a.nodeStart, counts.routeNodes);
  checkRange(context, table["route.node_router"], a.nodeRouter, 0, routers, "routers on the board");
  checkRange(context, table["route.node_ports"], a.nodePorts, 0, 32, "five port bits");

  // Tree order: the root first (parent -1), every other node's parent earlier in its route.
  for (let r = 0; r < counts.routes; r++) {
    const first = a.nodeStart[r]!;
    const end = a.nodeStart[r + 1]!;
    for (let node = first; node < end; node++) {
      const parent = a.nodeParent[node]!;
      const ok = node === first ? parent === -1 : parent >= first && parent < node;
      if (!ok)
        fail(
          context,
          D.routeParent,
          [node, parent, first, end],
          elementOffset(table["route.node_parent"], node),
        );
    }
  }
}

function checkInputs(
  meta: ImageMeta,
  a: ImageArrays,
  table: SectionTable,
  context: ReadContext,
): void {
  checkFinite(context, table["input.rates_hz"], a.ratesHz, 0);
  checkFinite(context, table["input.spike_time_ps"], a.spikeTimePs, 0);
  const at = table.meta.offset;
  meta.inputs.forEach((input, i) => {
    const pop = meta.populations[input.population]!;
    if (input.kind === "poisson") {
      if (input.ratesCount !== pop.size)
        fail(context, D.inputSize, [i, input.ratesCount, pop.name, pop.size], at);
      if (input.ratesFirst + input.ratesCount > meta.counts.inputRates)
        fail(
          context,
          D.indexOutOfRange,
          [
            `Field 'inputs[${i}].ratesFirst'`,
            input.ratesFirst,
            0,
            meta.counts.inputRates - input.ratesCount + 1,
            "rates stored",
          ],
          at,
        );
    }
    if (input.kind === "spike_times") {
      const { spikesFirst: first, spikesCount: n } = input;
      if (first + n > meta.counts.inputSpikes)
        fail(
          context,
          D.indexOutOfRange,
          [
            `Field 'inputs[${i}].spikesFirst'`,
            first,
            0,
            meta.counts.inputSpikes - n + 1,
            "spikes stored",
          ],
          at,
        );
      for (let s = first; s < first + n; s++)
        if (a.spikeNeuron[s]! >= pop.size)
          fail(
            context,
            D.indexOutOfRange,
            [
              `Element ${s} of section 'input.spike_neuron'`,
              a.spikeNeuron[s]!,
              0,
              pop.size,
              `neurons in '${pop.name}'`,
            ],
            elementOffset(table["input.spike_neuron"], s),
          );
    }
  });
}
