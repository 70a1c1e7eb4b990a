/**
 * Catalogue section for phase 2: Names, units, parameter ranges, imports.
 * Codes ANT2000-ANT2999 belong to this phase; add entries here, never inline messages.
 * 20xx names and imports, 21xx values and units, 22xx models and populations, 23xx inputs,
 * 24xx projections, 25xx plasticity and recording, 26xx targets, 29xx warnings.
 */
import { entry } from "./entry.ts";

export const semanticDiagnostics = {
  internal: entry("ANT2000", "error", "Internal error in the semantic phase: {0}."),

  // Names and imports
  /** {0}: what kind of thing ("population or input"), {1}: the name. */
  unknownName: entry("ANT2001", "error", "Unknown {0} '{1}'."),
  duplicateName: entry("ANT2002", "error", "The name '{0}' is already declared."),
  importMissing: entry("ANT2003", "error", "Cannot read the imported file '{0}': {1}."),
  importCycle: entry("ANT2004", "error", "Import cycle: {0}."),
  duplicateSetting: entry("ANT2005", "error", "'{0}' is given more than once in '{1}'."),
  letCycle: entry("ANT2006", "error", "The constant '{0}' is defined in terms of itself."),
  wrongKindOfName: entry("ANT2007", "error", "'{0}' is {1}, but {2} is expected here."),

  // Values and units
  unknownUnit: entry("ANT2101", "error", "Unknown unit '{0}'."),
  mixedDimensions: entry(
    "ANT2102",
    "error",
    "Cannot {0} {1} and {2}; both sides must have the same dimension.",
  ),
  wrongDimension: entry("ANT2103", "error", "'{0}' must be {1}, but this value is {2}."),
  wrongValueKind: entry("ANT2104", "error", "'{0}' expects {1}, but this is {2}."),
  outOfRange: entry("ANT2105", "error", "'{0}' must be {1}, but it is {2}."),
  notInteger: entry("ANT2106", "error", "'{0}' must be a whole number, but it is {1}."),
  divisionByZero: entry("ANT2107", "error", "Division by zero."),
  unknownField: entry("ANT2108", "error", "{0} has no parameter '{1}'."),
  missingField: entry("ANT2109", "error", "{0} needs a value for '{1}'."),
  duplicateField: entry("ANT2110", "error", "The parameter '{0}' is given more than once."),
  unknownDistribution: entry(
    "ANT2111",
    "error",
    "Unknown distribution '{0}'; use uniform(low, high) or normal(mean, sd).",
  ),
  wrongArgumentCount: entry("ANT2112", "error", "'{0}' takes {1} arguments, but {2} are given."),
  badUniform: entry("ANT2113", "error", "uniform(low, high) needs low <= high, but {0} > {1}."),
  badNormal: entry("ANT2114", "error", "normal(mean, sd) needs sd >= 0, but sd is {0}."),
  notAChoice: entry("ANT2115", "error", "'{0}' must be one of {1}, but it is '{2}'."),
  tooDeep: entry("ANT2116", "error", "This expression is nested more than {0} levels deep."),
  dataFileUnreadable: entry("ANT2117", "error", "Cannot read the data file '{0}': {1}."),
  dataFileBadValue: entry(
    "ANT2118",
    "error",
    "Line {0} of '{1}' holds '{2}', which is not a number.",
  ),

  // Models and populations
  unknownNeuronKind: entry(
    "ANT2201",
    "error",
    "Unknown neuron model kind '{0}'; the kinds are lif, if and adaptive_lif.",
  ),
  paramNotForKind: entry(
    "ANT2202",
    "error",
    "The parameter '{0}' belongs to adaptive_lif, not to '{1}' (model '{2}').",
  ),
  resetAboveThreshold: entry(
    "ANT2203",
    "error",
    "'v_reset' ({0}) must be below 'v_thresh' ({1}) in model '{2}'.",
  ),
  badShape: entry("ANT2204", "error", "A size must be a positive whole number, but it is {0}."),
  tooLarge: entry("ANT2205", "error", "'{0}' has {1} neurons, more than the limit of {2}."),

  // Inputs
  unknownInputKind: entry(
    "ANT2301",
    "error",
    "Unknown input kind '{0}'; the kinds are poisson, spikes and file.",
  ),
  badSpike: entry("ANT2302", "error", "Each spike is a pair (neuron, time), but this is {0}."),
  spikeNeuronOutOfRange: entry(
    "ANT2303",
    "error",
    "Spike neuron {0} is outside input '{1}', which has {2} neurons.",
  ),
  rateCountMismatch: entry(
    "ANT2304",
    "error",
    "'{0}' holds {1} values, but input '{2}' has {3} neurons.",
  ),
  unknownSpikeFormat: entry(
    "ANT2305",
    "error",
    "Unknown spike file format '{0}'; the formats are aedat, nmnist and csv.",
  ),
  fileInputNeedsPath: entry(
    "ANT2306",
    "error",
    "The file input '{0}' needs a path, as in: input {0} = file[...] \"events.aedat\".",
  ),
  pathNotAllowed: entry("ANT2307", "error", "Only file inputs take a path; '{0}' is a {1} input."),

  // Projections
  unknownConnector: entry(
    "ANT2401",
    "error",
    "Unknown connector '{0}'; the connectors are all_to_all, one_to_one, random, fixed_fan_in, " +
      "conv2d and file.",
  ),
  sliceOutOfRange: entry(
    "ANT2402",
    "error",
    "The index {0} is outside '{1}', which has {2} neurons (indices 0 to {3}).",
  ),
  emptySlice: entry(
    "ANT2403",
    "error",
    "The slice {0}..{1} of '{2}' is empty; the end (inclusive) must not be below the start.",
  ),
  oneToOneSizes: entry(
    "ANT2404",
    "error",
    "one_to_one needs equal sizes, but '{0}' has {1} neurons and '{2}' has {3}.",
  ),
  convNeeds2d: entry("ANT2405", "error", "conv2d needs a 2-D shape, but '{0}' has shape {1}."),
  convShapeMismatch: entry(
    "ANT2406",
    "error",
    "conv2d of '{0}' (shape {1}) with kernel {2}, stride {3} and padding {4} gives {5}, " +
      "but '{6}' has shape {7}.",
  ),
  kernelNotRectangular: entry(
    "ANT2407",
    "error",
    "A kernel matrix needs rows of equal length; row {0} has {1} values, row 1 has {2}.",
  ),
  missingWeight: entry(
    "ANT2408",
    "error",
    "This connect has no 'weight'; every connect needs one.",
  ),
  labelNeedsOnePair: entry(
    "ANT2409",
    "error",
    "The label '{0}' names one projection, but this connect makes {1}.",
  ),
  fanInTooLarge: entry(
    "ANT2410",
    "error",
    "fixed_fan_in(n = {0}) asks for more inputs than '{1}' can give ({2}).",
  ),
  inputAsPost: entry(
    "ANT2411",
    "error",
    "'{0}' is an input; a projection can only end at a population.",
  ),
  missingArgument: entry("ANT2412", "error", "The connector '{0}' needs the argument '{1}'."),
  unknownArgument: entry("ANT2413", "error", "The connector '{0}' has no argument '{1}'."),
  synapseFileMissing: entry("ANT2414", "error", "Cannot find the synapse file '{0}'."),

  // Plasticity and recording
  unknownRuleKind: entry(
    "ANT2501",
    "error",
    "Unknown plasticity rule kind '{0}'; the kinds are stdp and reward_stdp.",
  ),
  unknownRecordKind: entry(
    "ANT2502",
    "error",
    "Unknown recording '{0}'; record 'spikes' or 'voltage'.",
  ),
  voltageOfInput: entry("ANT2503", "error", "Only populations have a voltage; '{0}' is an input."),
  badWeightBounds: entry(
    "ANT2504",
    "error",
    "'w_min' ({0}) must not exceed 'w_max' ({1}) in rule '{2}'.",
  ),

  // Targets
  targetUnknownBlock: entry("ANT2601", "error", "A target has no block '{0}'."),
  targetNotABlock: entry("ANT2602", "error", "'{0}' in a target is a block: write '{0} { ... }'."),
  targetBlockExpected: entry("ANT2603", "error", "'{0}' is a single value, not a block."),

  // Warnings: legal but probably not meant
  ignoredInImport: entry(
    "ANT2901",
    "warning",
    "'{0}' in an imported file is ignored; only the main file's '{0}' counts.",
  ),
  receptorSign: entry(
    "ANT2902",
    "warning",
    "This {0} projection has a {1} weight ({2}); it {3} its target instead.",
  ),
  noSynapses: entry("ANT2903", "warning", "random(p = 0) makes no synapses."),
  unusedDeclaration: entry("ANT2904", "warning", "The {0} '{1}' is never used."),
  manyVoltageTraces: entry(
    "ANT2905",
    "warning",
    "Recording the voltage of all {0} neurons of '{1}' produces a large trace.",
  ),
  weightAboveRuleBounds: entry(
    "ANT2906",
    "warning",
    "The weight {0} lies outside [{1}, {2}] of rule '{3}'; the first update clips it.",
  ),
} as const;
