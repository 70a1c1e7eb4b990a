/**
 * Catalogue section for phase 5: Running images (event files and run outputs are in
 * event-files.ts, ANT5500-ANT5999).
 * Codes ANT5000-ANT5499 belong to the engine and `ant run`; add entries here, never inline messages.
 */
import { entry } from "./entry.ts";

export const emulationDiagnostics = {
  internal: entry("ANT5000", "error", "Internal error in the emulation phase: {0}."),

  // The image cannot be run.
  routeOffMesh: entry(
    "ANT5001",
    "error",
    "Route node {0} at router {1} sends a message off the edge of the mesh.",
  ),
  routeBrokenTree: entry(
    "ANT5002",
    "error",
    "Route node {0} at router {1} sends a message towards a router that has no node of the same route.",
  ),
  routeNoCore: entry(
    "ANT5003",
    "error",
    "Route node {0} delivers a message at router {1}, which holds no core of the image.",
  ),
  modelUnusable: entry("ANT5004", "error", "Model '{0}' cannot be simulated: {1}."),
  fixedModeUnavailable: entry(
    "ANT5005",
    "error",
    "Fixed-point mode is not available in this build: {0}.",
  ),
  learningUnavailable: entry(
    "ANT5006",
    "error",
    "The image has plastic projections but the learning engine cannot be built: {0}.",
  ),

  // Library use (Emulator API) and inputs.
  unknownPopulation: entry("ANT5010", "error", "The image has no population named '{0}'."),
  notAnInput: entry(
    "ANT5011",
    "error",
    "Population '{0}' is not an input; only inputs take rates or spike trains.",
  ),
  wrongLength: entry(
    "ANT5012",
    "error",
    "'{0}' needs {1} values (one per neuron of '{2}'), got {3}.",
  ),
  spikeInPast: entry(
    "ANT5013",
    "error",
    "A spike for '{0}' is at {1} ps, before the emulator's current time {2} ps.",
  ),
  neuronOutOfRange: entry(
    "ANT5014",
    "error",
    "Neuron {0} does not exist in '{1}', which has {2} neurons.",
  ),
  unknownProjection: entry("ANT5015", "error", "The image has no projection named '{0}'."),
  badRate: entry(
    "ANT5016",
    "error",
    "Rate {0} Hz for neuron {1} of '{2}' is not a finite rate of at least 0 Hz.",
  ),

  // Resuming a saved run (an image with a run state).
  resumeMode: entry(
    "ANT5017",
    "error",
    "The image holds a run saved in {0} mode; it cannot continue in {1} mode. Resume it in {0} mode, or start again from time 0 without the saved state ('--restart', or `restart: true`).",
  ),
  resumeSeed: entry(
    "ANT5018",
    "error",
    "The image holds a run started with seed {0}; it cannot continue with seed {1}. Leave the seed out to resume, or start again from time 0 without the saved state ('--restart', or `restart: true`).",
  ),
  resumeUnusable: entry("ANT5019", "error", "The saved run state cannot be resumed: {0}."),

  // `ant run`.
  badDuration: entry(
    "ANT5100",
    "error",
    "'{0}' is not a duration; expected a positive number with a unit (ps, ns, us, ms or s), for example '250ms'.",
  ),
  unknownInputKind: entry(
    "ANT5101",
    "error",
    "'{0}' is neither a '.ant' source nor a '.antbin' chip image.",
  ),
  cannotRead: entry("ANT5102", "error", "Cannot read '{0}': {1}."),
  interrupted: entry(
    "ANT5103",
    "warning",
    "The run was interrupted after {0} of {1} simulated; the figures cover that part only.",
  ),
  lateDeliveries: entry(
    "ANT5104",
    "warning",
    "{0} synaptic batches were applied later than their programmed delay (worst: {1} late at core {2}); the chip cannot keep up with this network's traffic.",
  ),
  targetIgnored: entry(
    "ANT5105",
    "warning",
    "'--target {0}' is ignored for a chip image, which was compiled for '{1}'.",
  ),
  cannotWrite: entry("ANT5106", "error", "Cannot write '{0}': {1}."),
  compareResumed: entry(
    "ANT5107",
    "error",
    "'--compare-modes' runs both modes from time 0 and cannot continue the run saved in '{0}'; add '--restart' to compare from time 0.",
  ),
} as const;
