/**
 * Catalogue section for phase 1: Lexing and parsing of .ant files.
 * Codes ANT1000-ANT1999 belong to this phase; add entries here, never inline messages.
 */
import { entry } from "./entry.ts";

export const syntaxDiagnostics = {
  internal: entry("ANT1000", "error", "Internal error in the syntax phase: {0}."),
} as const;
