/** The IR's copy of the target: topology, limits and the cost model in picoseconds and joules. */
import type { ResolvedTarget } from "../../../dsl/resolved.ts";
import type { IrTarget } from "../../ir/types.ts";

/** Seconds to integer picoseconds; Infinity stays Infinity ("until the end of the run"). */
export function toPs(seconds: number): number {
  return Number.isFinite(seconds) ? Math.round(seconds * 1e12) : seconds;
}

export function irTarget(t: ResolvedTarget): IrTarget {
  return {
    name: t.name,
    chipsX: t.chipsX,
    chipsY: t.chipsY,
    meshWidth: t.meshWidth,
    meshHeight: t.meshHeight,
    maxNeuronsPerCore: t.core.maxNeurons,
    maxSynapsesPerCore: t.core.maxSynapses,
    synapticMemoryBitsPerCore: t.core.synapticMemoryBits,
    maxFanInAxonsPerCore: t.core.maxFanInAxons,
    maxFanOutEntriesPerCore: t.core.maxFanOutEntries,
    routerTableEntries: t.routerTableEntries,
    weightBits: t.precision.weightBits,
    stateBits: t.precision.stateBits,
    delayBits: t.precision.delayBits,
    delayResolutionPs: toPs(t.precision.delayResolutionS),
    decayBits: t.precision.decayBits,
    learningRules: [...t.learning.rules],
    learningWeightBits: t.learning.weightBits,
    learningRounding: t.learning.rounding,
    energy: { ...t.energy },
    timing: {
      synOpPs: toPs(t.timing.synOpS),
      neuronUpdatePs: toPs(t.timing.neuronUpdateS),
      spikeOutPs: toPs(t.timing.spikeOutS),
      hopEastWestPs: toPs(t.timing.hopEastWestS),
      hopNorthSouthPs: toPs(t.timing.hopNorthSouthS),
      chipHopPs: toPs(t.timing.chipHopS),
      learnUpdatePs: toPs(t.timing.learnUpdateS),
      barrierPs: toPs(t.timing.barrierS),
    },
  };
}
