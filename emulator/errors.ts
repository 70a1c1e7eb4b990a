/**
 * The one exception the emulator's library API throws for bad input or misuse: it carries
 * catalogue diagnostics, so the CLI prints them like any other phase's and a script can read
 * their codes. Anything else thrown from the emulator is a bug.
 */
import type { Diagnostic } from "../src/diagnostics/diagnostic.ts";
import {
  makeDiagnostic,
  type CatalogueEntry,
  type DiagnosticOptions,
} from "../src/diagnostics/catalogue/index.ts";

export class EmulationError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => `${d.code}: ${d.message}`).join("\n"));
    this.name = "EmulationError";
  }
}

/** Throws an EmulationError holding one diagnostic from the catalogue. */
export function fail(
  item: CatalogueEntry,
  args: readonly (string | number)[],
  options?: DiagnosticOptions,
): never {
  throw new EmulationError([makeDiagnostic(item, args, options)]);
}
