/**
 * The source files a run has read, kept so that diagnostics (which hold only offsets) can be
 * rendered with line, column and the source line. Line starts are computed lazily, once per file.
 */

export interface LineColumn {
  /** 1-based. */
  readonly line: number;
  /** 1-based, counted in characters (UTF-16 code units) from the start of the line. */
  readonly column: number;
}

interface SourceEntry {
  readonly text: string;
  lineStarts?: number[];
}

export class SourceFiles {
  private readonly files = new Map<string, SourceEntry>();

  add(path: string, text: string): void {
    this.files.set(path, { text });
  }

  text(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  /** Every path added, in the order it was first added. */
  paths(): string[] {
    return [...this.files.keys()];
  }

  /** Line and column of an offset; offsets past the end clamp to the end of the file. */
  lineColumn(path: string, offset: number): LineColumn {
    const entry = this.files.get(path);
    if (entry === undefined) return { line: 1, column: offset + 1 };
    const starts = this.lineStarts(entry);
    const clamped = Math.max(0, Math.min(offset, entry.text.length));

    // Binary search for the last line start <= offset.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (starts[low] ?? 0) + 1 };
  }

  /** The text of a 1-based line without its line terminator; undefined past the end. */
  lineText(path: string, line: number): string | undefined {
    const entry = this.files.get(path);
    if (entry === undefined) return undefined;
    const starts = this.lineStarts(entry);
    const start = starts[line - 1];
    if (start === undefined) return undefined;
    const next = starts[line];
    let end = next === undefined ? entry.text.length : next;
    while (end > start && (entry.text[end - 1] === "\n" || entry.text[end - 1] === "\r")) end--;
    return entry.text.slice(start, end);
  }

  private lineStarts(entry: SourceEntry): number[] {
    if (entry.lineStarts !== undefined) return entry.lineStarts;
    const starts = [0];
    const text = entry.text;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      // "\r\n" counts once; a lone "\r" ends a line as well.
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    entry.lineStarts = starts;
    return starts;
  }
}
