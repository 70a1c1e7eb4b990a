/**
 * Catalogue section for phase 2: Names, units, parameter ranges, imports.
 * Codes ANT2000-ANT2999 belong to this phase; add entries here, never inline messages.
 */
import { entry } from "./entry.ts";

export const semanticDiagnostics = {
  internal: entry("ANT2000", "error", "Internal error in the semantic phase: {0}."),
} as const;
