/**
 * The IR's program-level tables: models (with their fixed-point state step), populations,
 * projections (with quantisation figures), plasticity rules, inputs and recordings, all with
 * times in picoseconds and names turned into indices.
 */
import type { ResolvedProgram, ResolvedTarget } from "../../../dsl/resolved.ts";
import type {
  IrInput,
  IrModel,
  IrPlasticityRule,
  IrPopulation,
  IrProjection,
  IrRecording,
} from "../../ir/types.ts";
import type { ElaboratedGraph } from "../elaborate/index.ts";
import type { NeuronLayout } from "../elaborate/layout.ts";
import { stateLsbV } from "../quantise/state.ts";
import { toPs } from "./target.ts";

export function irModels(program: ResolvedProgram, target: ResolvedTarget): IrModel[] {
  return program.models.map((m) => ({
    name: m.name,
    kind: m.kind,
    tauMembranePs: toPs(m.params.tauMembraneS),
    vRestV: m.params.vRestV,
    vResetV: m.params.vResetV,
    vThreshV: m.params.vThreshV,
    refractoryPs: toPs(m.params.refractoryS),
    tauExcPs: toPs(m.params.tauExcS),
    tauInhPs: toPs(m.params.tauInhS),
    biasA: m.params.biasA,
    rMembraneOhm: m.params.rMembraneOhm,
    resetMode: m.params.resetMode,
    thetaPlusV: m.params.thetaPlusV,
    tauThetaPs: toPs(m.params.tauThetaS),
    stateLsbV: stateLsbV(m.params, target.precision.stateBits),
  }));
}

export function irPopulations(layout: NeuronLayout): IrPopulation[] {
  return layout.groups.map((g) => ({
    name: g.name,
    kind: g.kind,
    size: g.size,
    shape: [...g.shape],
    model: g.model,
  }));
}

export function irProjections(graph: ElaboratedGraph): IrProjection[] {
  return graph.projections.map((p) => ({
    name: p.name,
    pre: p.preGroup,
    post: p.postGroup,
    receptor: p.receptor,
    plasticity: p.plasticity,
    weightLsbV: p.weights.format.lsbV,
    synapseCount: p.synapseCount,
    quantisation: {
      maxRelativeError: p.weights.maxRelativeError,
      meanRelativeError: p.weights.meanRelativeError,
      roundedToZero: p.weights.roundedToZero,
      saturated: p.weights.saturated,
    },
  }));
}

function groupIndex(layout: NeuronLayout, name: string, kind?: "population" | "input"): number {
  return layout.groups.findIndex((g) => g.name === name && (kind === undefined || g.kind === kind));
}

export function irPlasticityRules(
  program: ResolvedProgram,
  layout: NeuronLayout,
): IrPlasticityRule[] {
  return program.plasticityRules.map((r) => ({
    name: r.name,
    kind: r.kind,
    tauPlusPs: toPs(r.tauPlusS),
    tauMinusPs: toPs(r.tauMinusS),
    aPlusV: r.aPlusV,
    aMinusV: r.aMinusV,
    wMinV: r.wMinV,
    wMaxV: r.wMaxV,
    tauEligibilityPs: r.tauEligibilityS === undefined ? 0 : toPs(r.tauEligibilityS),
    rewardPopulation: r.rewardInput === undefined ? -1 : groupIndex(layout, r.rewardInput),
    rewardGain: r.rewardGain ?? 0,
  }));
}

export function irInputs(program: ResolvedProgram, layout: NeuronLayout): IrInput[] {
  return program.inputs.map((input): IrInput => {
    const population = groupIndex(layout, input.name, "input");
    const s = input.source;
    switch (s.kind) {
      case "poisson":
        return {
          kind: "poisson",
          population,
          ratesHz: Float64Array.from(s.ratesHz),
          startPs: toPs(s.startS),
          stopPs: toPs(s.stopS),
          seed: s.seed,
        };
      case "spike_times":
        return {
          kind: "spike_times",
          population,
          neuron: Uint32Array.from(s.neuron),
          timePs: Float64Array.from(s.timeS, toPs),
        };
      case "spike_file":
        return { kind: "spike_file", population, path: s.path, format: s.format };
    }
  });
}

export function irRecordings(program: ResolvedProgram, layout: NeuronLayout): IrRecording[] {
  return program.recordings.map((r): IrRecording =>
    r.kind === "spikes"
      ? {
          kind: "spikes",
          population: groupIndex(layout, r.range.name, r.range.kind),
          start: r.range.start,
          end: r.range.end,
        }
      : {
          kind: "voltage",
          population: groupIndex(layout, r.population, "population"),
          neurons: [...r.neurons],
        },
  );
}
