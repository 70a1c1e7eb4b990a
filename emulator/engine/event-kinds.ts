/**
 * Kinds of queued events, in the order they run when they fall on the same picosecond (a
 * predicted threshold crossing, kept in its own queue, runs before all of them). Within a kind,
 * ties go by target id, then by order of insertion: see "Events and ordering" in
 * docs/emulator.md.
 *
 * Payloads (EventQueue a, b, c):
 * - PoissonSpike: target = input neuron, a = the neuron's input version (stale when changed).
 * - TrainSpike:   target = spike train id, a = index of the spike within the train.
 * - Apply:        target = synaptic batch, a = source neuron, c = emission time (ps).
 * - Hop:          target = route node reached, a = source neuron, c = emission time (ps).
 * - Sample:       target = 0; records the voltage traces.
 */
export const EventKind = {
  PoissonSpike: 1,
  TrainSpike: 2,
  Apply: 3,
  Hop: 4,
  Sample: 5,
} as const;
