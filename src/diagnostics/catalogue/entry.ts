/**
 * One entry of the diagnostic catalogue: a stable code, a severity and a message template with
 * `{0}`, `{1}`... placeholders. Detection code never writes message text itself; it names an
 * entry and passes the arguments, so wording lives in one place per phase.
 */
import type { Diagnostic, DiagnosticNote, Span, ByteLocation, Severity } from "../diagnostic.ts";

export interface CatalogueEntry {
  readonly code: string;
  readonly severity: Severity;
  readonly template: string;
}

export function entry(code: string, severity: Severity, template: string): CatalogueEntry {
  return { code, severity, template };
}

/** Fills `{0}`, `{1}`... in a template; a missing argument is left visible as `{n}`. */
export function formatTemplate(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

export interface DiagnosticOptions {
  readonly span?: Span;
  readonly bytes?: ByteLocation;
  readonly notes?: readonly DiagnosticNote[];
  readonly help?: string;
}

/** Builds a diagnostic from a catalogue entry and its template arguments. */
export function makeDiagnostic(
  item: CatalogueEntry,
  args: readonly (string | number)[],
  options: DiagnosticOptions = {},
): Diagnostic {
  return {
    code: item.code,
    severity: item.severity,
    message: formatTemplate(item.template, args),
    span: options.span,
    bytes: options.bytes,
    notes: options.notes ?? [],
    help: options.help,
  };
}
