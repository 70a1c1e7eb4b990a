/**
 * Turns diagnostics into what a person or a tool reads. Text: `file:line:col: error[CODE]: msg`,
 * the source line, a caret under the span, notes with their own location and caret, then `help:`.
 * JSON: the same facts as plain objects. Line and column are computed here, never stored.
 */
import type { Diagnostic, DiagnosticNote, Severity, Span } from "./diagnostic.ts";
import type { SourceFiles } from "./sources.ts";

export interface RenderOptions {
  /** ANSI colours; the CLI asks for them only when stdout is a terminal and NO_COLOR is unset. */
  readonly color?: boolean;
}

const ansi = {
  reset: "\u001b[0m",
  bold: "\u001b[1m",
  red: "\u001b[31m",
  yellow: "\u001b[33m",
  cyan: "\u001b[36m",
  blue: "\u001b[34m",
  green: "\u001b[32m",
} as const;

type Paint = (codes: string, text: string) => string;

export function renderDiagnostics(
  diags: readonly Diagnostic[],
  sources: SourceFiles,
  options: RenderOptions = {},
): string {
  const paint: Paint = options.color
    ? (codes, text) => `${codes}${text}${ansi.reset}`
    : (_codes, text) => text;
  return diags.map((d) => renderOne(d, sources, paint)).join("");
}

function severityColor(severity: Severity): string {
  if (severity === "error") return ansi.red;
  if (severity === "warning") return ansi.yellow;
  return ansi.cyan;
}

function renderOne(d: Diagnostic, sources: SourceFiles, paint: Paint): string {
  const label = paint(ansi.bold + severityColor(d.severity), `${d.severity}[${d.code}]`);
  const message = paint(ansi.bold, d.message);
  let out: string;
  if (d.span !== undefined) {
    out = `${locationOf(d.span, sources)}: ${label}: ${message}\n`;
    out += excerpt(d.span, sources, paint, severityColor(d.severity));
  } else if (d.bytes !== undefined) {
    out = `${d.bytes.file}: byte ${d.bytes.byteOffset}: ${label}: ${message}\n`;
  } else {
    out = `${label}: ${message}\n`;
  }

  for (const note of d.notes) out += renderNote(note, sources, paint);
  if (d.help !== undefined) out += `${paint(ansi.bold + ansi.green, "help")}: ${d.help}\n`;
  return out;
}

function renderNote(note: DiagnosticNote, sources: SourceFiles, paint: Paint): string {
  const label = paint(ansi.bold + ansi.cyan, "note");
  if (note.span === undefined) return `${label}: ${note.message}\n`;
  return (
    `${locationOf(note.span, sources)}: ${label}: ${note.message}\n` +
    excerpt(note.span, sources, paint, ansi.cyan)
  );
}

function locationOf(span: Span, sources: SourceFiles): string {
  const { line, column } = sources.lineColumn(span.file, span.offset);
  return `${span.file}:${line}:${column}`;
}

/** The source line of the span's start and a caret under the span (clipped to that line). */
function excerpt(span: Span, sources: SourceFiles, paint: Paint, color: string): string {
  if (sources.text(span.file) === undefined) return "";
  const { line, column } = sources.lineColumn(span.file, span.offset);
  const raw = sources.lineText(span.file, line);
  if (raw === undefined) return "";

  // Control characters would garble a terminal; tabs stay so the caret lines up under them.
  const text = replaceControlCharacters(raw);
  const gutter = String(line).length < 4 ? String(line).padStart(4) : String(line);
  const blank = " ".repeat(gutter.length);
  const startIndex = column - 1;
  const width = Math.max(1, Math.min(span.length, text.length - startIndex));
  const pad = text.slice(0, startIndex).replace(/[^\t]/g, " ");
  const marker = "^" + "~".repeat(width - 1);

  const bar = paint(ansi.blue, "|");
  return (
    `${paint(ansi.blue, gutter)} ${bar} ${text}\n` +
    `${blank} ${bar} ${pad}${paint(ansi.bold + color, marker)}\n`
  );
}

function replaceControlCharacters(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += (code < 32 && ch !== "\t") || code === 127 ? "?" : ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON

export interface JsonLocation {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  /** 1-based position of the last character covered (equal to the start for an empty span). */
  readonly endLine: number;
  readonly endColumn: number;
  /** 0-based UTF-16 offset and length, as in the span. */
  readonly offset: number;
  readonly length: number;
}

export interface JsonDiagnostic extends Partial<JsonLocation> {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** For diagnostics about a binary file. */
  readonly byteOffset?: number;
  readonly notes: readonly ({ readonly message: string } & Partial<JsonLocation>)[];
  readonly help?: string;
}

function jsonLocation(span: Span, sources: SourceFiles): JsonLocation {
  const start = sources.lineColumn(span.file, span.offset);
  const end = sources.lineColumn(span.file, span.offset + Math.max(0, span.length - 1));
  return {
    file: span.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: span.offset,
    length: span.length,
  };
}

export function diagnosticsToJson(
  diags: readonly Diagnostic[],
  sources: SourceFiles,
): JsonDiagnostic[] {
  return diags.map((d) => {
    const where = d.span
      ? jsonLocation(d.span, sources)
      : d.bytes
        ? { file: d.bytes.file, byteOffset: d.bytes.byteOffset }
        : {};
    const notes = d.notes.map((n) =>
      n.span ? { message: n.message, ...jsonLocation(n.span, sources) } : { message: n.message },
    );
    const base = { ...where, code: d.code, severity: d.severity, message: d.message, notes };
    return d.help === undefined ? base : { ...base, help: d.help };
  });
}
