/**
 * The diagnostic value every phase produces. Positions are kept as offsets into a source file
 * (or into a binary file); line and column are computed only when a diagnostic is rendered.
 */

/** A half-open range of characters `[offset, offset + length)` in one source file. */
export interface Span {
  /** Path of the source file as the user named it (or as an import resolved it). */
  readonly file: string;
  /** 0-based UTF-16 offset of the first character. */
  readonly offset: number;
  /** Number of UTF-16 code units covered; 0 marks a point (for example end of file). */
  readonly length: number;
}

export type Severity = "error" | "warning" | "note";

/** A secondary message pointing at a related place ("'exc' is declared here"). */
export interface DiagnosticNote {
  readonly message: string;
  readonly span?: Span;
}

/** A position in a binary file (chip image, event file). */
export interface ByteLocation {
  readonly file: string;
  /** 0-based byte offset where the problem was found. */
  readonly byteOffset: number;
}

export interface Diagnostic {
  /** Catalogue code, for example `ANT2001`. The thousands digit names the phase. */
  readonly code: string;
  readonly severity: Severity;
  /** Full sentence in the present tense; names are quoted with single quotes. */
  readonly message: string;
  /** Where in a source file; absent for diagnostics about binary files or the whole run. */
  readonly span?: Span;
  /** Where in a binary file; used by image and event-file readers. */
  readonly bytes?: ByteLocation;
  readonly notes: readonly DiagnosticNote[];
  /** A suggested change, printed as `help: ...`. */
  readonly help?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
