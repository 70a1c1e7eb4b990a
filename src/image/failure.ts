/**
 * How the reader stops at the first problem: checks throw an ImageFailure carrying a finished
 * catalogue diagnostic, and readImage turns it into its result. Any other exception escaping a
 * check is a bug and becomes an internal-error diagnostic, never a crash of the caller.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { makeDiagnostic, type CatalogueEntry } from "../diagnostics/catalogue/index.ts";

export class ImageFailure extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** What every check needs to report: the file name for the diagnostic's location. */
export interface ReadContext {
  readonly file: string;
}

export function fail(
  context: ReadContext,
  item: CatalogueEntry,
  args: readonly (string | number)[],
  byteOffset: number,
  help?: string,
): never {
  throw new ImageFailure(
    makeDiagnostic(item, args, { bytes: { file: context.file, byteOffset }, help }),
  );
}
