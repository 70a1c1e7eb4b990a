/**
 * Catalogue section for phase 4: Reading and writing chip images.
 * Codes ANT4000-ANT4999 belong to this phase; add entries here, never inline messages.
 */
import { entry } from "./entry.ts";

export const imageDiagnostics = {
  internal: entry("ANT4000", "error", "Internal error in the image phase: {0}."),
} as const;
