/**
 * Catalogue section for phase 3: Elaboration, quantisation, partitioning, placement, routing.
 * Codes ANT3000-ANT3999 belong to this phase; add entries here, never inline messages.
 *
 * Sub-ranges: 31xx targets, 32xx elaboration, 33xx quantisation, 34xx partitioning,
 * 35xx placement, 36xx routing, 39xx the IR validator (a failure there is a compiler bug or a
 * damaged image, never the user's network).
 */
import { entry } from "./entry.ts";

export const mappingDiagnostics = {
  internal: entry("ANT3000", "error", "Internal error in the mapping phase: {0}."),

  // Targets
  unknownTarget: entry(
    "ANT3101",
    "error",
    "There is no built-in target named '{0}' and no file at that path; built-in targets are {1}.",
  ),
  targetFileHasNoTarget: entry("ANT3102", "error", "The file '{0}' declares no target."),
  targetFileHasManyTargets: entry(
    "ANT3103",
    "error",
    "The file '{0}' declares {1} targets ({2}); a target file must declare exactly one.",
  ),
  invalidTargetFigure: entry("ANT3104", "error", "Target '{0}' sets {1} to {2}; it must be {3}."),

  // Elaboration
  memoryBudgetExceeded: entry(
    "ANT3201",
    "error",
    "The network needs about {0} to elaborate ({1} synapses); the memory budget is {2}. Projection '{3}' alone has about {4} synapses.",
  ),
  connectorShapeMismatch: entry("ANT3202", "error", "Projection '{0}' uses {1} but {2}."),
  fixedFanInTooLarge: entry(
    "ANT3203",
    "error",
    "Projection '{0}' draws {1} distinct pre neurons for each post neuron, but only {2} are available.",
  ),
  synapseFileUnreadable: entry(
    "ANT3204",
    "error",
    "Projection '{0}' cannot read its synapse file '{1}': {2}.",
  ),
  synapseFileBadRow: entry(
    "ANT3205",
    "error",
    "Line {0} of synapse file '{1}' is not a valid row: {2}; rows are 'pre,post[,weight_V[,delay_s]]'.",
  ),
  tooManySynapses: entry(
    "ANT3206",
    "error",
    "The network has {0} synapses; the compiler handles at most {1} in one image.",
  ),

  // Quantisation
  weightsRoundedToZero: entry(
    "ANT3301",
    "warning",
    "{0} of the {1} nonzero weights of projection '{2}' round to zero at {3} bits (one step is {4}).",
  ),
  weightsSaturated: entry(
    "ANT3302",
    "warning",
    "{0} of the {1} weights of projection '{2}' exceed the {3}-bit range and are clipped to {4}.",
  ),
  delaysClamped: entry(
    "ANT3303",
    "warning",
    "{0} of the {1} delays of projection '{2}' lie outside the target's range [{3}, {4}] and are clamped.",
  ),
  delaysRounded: entry(
    "ANT3304",
    "note",
    "The delays of projection '{0}' are rounded to multiples of {1}; the largest change is {2}.",
  ),
  learningNotSupported: entry(
    "ANT3305",
    "error",
    "Projection '{0}' learns with rule '{1}' ({2}), but target '{3}' supports {4}.",
  ),
  crossbarNeedsConstantSign: entry(
    "ANT3306",
    "error",
    "Population '{0}' neuron {1} receives {2} distinct weights; target '{3}' allows {4} per neuron (axon types).",
  ),

  // Partitioning
  neuronFanInTooLarge: entry(
    "ANT3401",
    "error",
    "Population '{0}' needs {1} input axons on one core (neuron {2} alone receives spikes from {1} distinct sources); the limit is {3}.",
  ),
  neuronSynapsesTooMany: entry(
    "ANT3402",
    "error",
    "Population '{0}' needs {1} on one core for neuron {2} alone; the limit is {3}.",
  ),
  neuronFanOutTooLarge: entry(
    "ANT3403",
    "error",
    "Population '{0}' needs {1} fan-out entries on one core (neuron {2} alone sends to {1} cores); the limit is {3}.",
  ),
  tooManyCores: entry(
    "ANT3404",
    "error",
    "The network needs {0} cores but target '{1}' has {2} ({3} of {4}), {8} too few. Population '{5}' alone takes {6} cores, limited by {7} ({9} per core).",
  ),
  tooManyDestinationCores: entry(
    "ANT3405",
    "error",
    "Population '{0}' neuron {1} sends spikes to {2} cores; target '{3}' lets a neuron reach at most {4}.",
  ),
  partitionDidNotConverge: entry(
    "ANT3406",
    "error",
    "Partitioning did not settle after {0} rounds: core ({1}) still exceeds its {2} limit ({3} of {4}).",
  ),

  // Placement
  unknownProfilePopulation: entry(
    "ANT3501",
    "warning",
    "The run profile names population '{0}', which this program does not have; its rate is ignored.",
  ),
  profileUnreadable: entry(
    "ANT3502",
    "error",
    "The run profile '{0}' cannot be used: {1}. Write it with 'ant run FILE --out DIR' (DIR/run.json).",
  ),

  // Routing
  routerTableFull: entry(
    "ANT3601",
    "error",
    "Router ({0},{1}) needs {2} routing-table entries; the limit is {3}. Most of them carry spikes of population '{4}'.",
  ),

  routesTooLarge: entry(
    "ANT3602",
    "error",
    "The multicast routes need about {0} ({1} tree nodes); with the {2} the network already takes, that exceeds the memory budget of {3}.",
  ),

  // IR validator
  irInconsistent: entry("ANT3901", "error", "The IR is inconsistent: {0}."),
  irLimitExceeded: entry(
    "ANT3902",
    "error",
    "Core {0} at ({1},{2}) exceeds its {3} limit: {4} of {5}.",
  ),
  irSpikeNotDelivered: entry(
    "ANT3903",
    "error",
    "Spikes of neuron {0} ('{1}' {2}) never reach core {3}: its route tree has no local delivery at router {4}.",
  ),
  irRouteMalformed: entry("ANT3904", "error", "Route {0} is malformed: {1}."),
  irRouterTableFull: entry(
    "ANT3905",
    "error",
    "Router {0} holds {1} routing-table entries; the limit is {2}.",
  ),
} as const;
