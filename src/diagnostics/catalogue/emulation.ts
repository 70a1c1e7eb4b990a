/**
 * Catalogue section for phase 5: Running images and reading event files.
 * Codes ANT5000-ANT5999 belong to this phase; add entries here, never inline messages.
 */
import { entry } from "./entry.ts";

export const emulationDiagnostics = {
  internal: entry("ANT5000", "error", "Internal error in the emulation phase: {0}."),
} as const;
