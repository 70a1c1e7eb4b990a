/**
 * The post neuron of every synapse, as `synapses.targetSlot`: its index within the core its
 * fan-out entry sends to. Version 3 images store exactly that (section `synapse.slot`), and each
 * slot is checked against its core's neuron count. Versions 1 and 2 stored hardware neuron ids
 * (`synapse.target`, u32): each must lie on its entry's core, and is converted to its offset from
 * the core's first neuron, in a new array.
 *
 * Runs after check-ir.ts, which has checked the fan-out cores, the synapse offsets and the cores'
 * ranges. Hot loops over up to 10^8 synapses: the core's figures are read once per fan-out entry.
 */
import { imageDiagnostics as D } from "../diagnostics/catalogue/index.ts";
import { MAX_CORE_NEURONS } from "../ir/types.ts";
import type { ImageArrays } from "./check-ir.ts";
import { fail, type ReadContext } from "./failure.ts";
import type { ImageMeta } from "./meta.ts";
import { checkRange, elementOffset, sectionArray } from "./read-arrays.ts";
import type { SectionEntry, SectionTable } from "./read-table.ts";

type EntryArrays = Pick<ImageArrays, "fanOutCore" | "synStart">;

export function readTargetSlots(
  bytes: Uint8Array,
  meta: ImageMeta,
  a: EntryArrays,
  core: Uint32Array,
  table: SectionTable,
  context: ReadContext,
  copy: boolean,
): Uint16Array {
  const slotSection = table["synapse.slot"];
  if (slotSection !== undefined) {
    const slots = sectionArray<Uint16Array>(bytes, slotSection, copy);
    checkSlots(meta, a, slots, slotSection, context);
    return slots;
  }
  const targetSection = table["synapse.target"];
  // The table check demands one of the two for every version; reaching here is a reader bug.
  if (targetSection === undefined) throw new Error("the image has no synapse.slot section");
  const targets = sectionArray<Uint32Array>(bytes, targetSection, false);
  return slotsFromTargets(meta, a, targets, core, targetSection, context);
}

/** Version 3: a slot beyond its core's neurons would name a neuron of the next core. */
function checkSlots(
  meta: ImageMeta,
  a: EntryArrays,
  slots: Uint16Array,
  section: SectionEntry,
  context: ReadContext,
): void {
  for (let e = 0; e < meta.counts.fanOutEntries; e++) {
    const dest = a.fanOutCore[e]!;
    const neurons = meta.cores[dest]!.neuronCount;
    for (let s = a.synStart[e]!; s < a.synStart[e + 1]!; s++)
      if (slots[s]! >= neurons)
        fail(
          context,
          D.slotBeyondCore,
          [s, slots[s]!, dest, e, neurons],
          elementOffset(section, s),
        );
  }
}

/** Versions 1 and 2: hardware ids, each on its entry's core and within a 16-bit slot of it. */
function slotsFromTargets(
  meta: ImageMeta,
  a: EntryArrays,
  targets: Uint32Array,
  core: Uint32Array,
  section: SectionEntry,
  context: ReadContext,
): Uint16Array {
  checkRange(context, section, targets, 0, meta.counts.neurons, "neurons");
  const slots = new Uint16Array(targets.length);
  for (let e = 0; e < meta.counts.fanOutEntries; e++) {
    const dest = a.fanOutCore[e]!;
    const start = meta.cores[dest]!.neuronStart;
    for (let s = a.synStart[e]!; s < a.synStart[e + 1]!; s++) {
      const post = targets[s]!;
      // A synapse must sit on the core its fan-out entry sends to, or delivery would miss it.
      if (core[post] !== dest)
        fail(context, D.synapseOffCore, [s, post, core[post]!, e, dest], elementOffset(section, s));
      // Older images did not bound a core's neurons; the IR addresses 2^16 of them.
      if (post - start >= MAX_CORE_NEURONS)
        fail(
          context,
          D.indexOutOfRange,
          [
            `Element ${s} of section '${section.spec.name}'`,
            post,
            start,
            start + MAX_CORE_NEURONS,
            `the neurons of core ${dest} that a 16-bit slot can address`,
          ],
          elementOffset(section, s),
        );
      slots[s] = post - start;
    }
  }
  return slots;
}
