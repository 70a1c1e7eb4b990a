/**
 * Catalogue section for phase 3: Elaboration, quantisation, partitioning, placement, routing.
 * Codes ANT3000-ANT3999 belong to this phase; add entries here, never inline messages.
 */
import { entry } from "./entry.ts";

export const mappingDiagnostics = {
  internal: entry("ANT3000", "error", "Internal error in the mapping phase: {0}."),
} as const;
