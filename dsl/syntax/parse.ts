/**
 * Phase 1 for one file: lex and parse, turning every lexer and parser error into a catalogue
 * diagnostic. Parsing restarts at the next declaration keyword after a token no declaration can
 * start with, so one run reports every error it can find. The tree is usable only when
 * `diagnostics` is empty.
 */
import type { IToken, IRecognitionException } from "chevrotain";
import type { Diagnostic, Span } from "../../src/diagnostics/diagnostic.ts";
import { makeDiagnostic } from "../../src/diagnostics/catalogue/entry.ts";
import { syntaxDiagnostics as S } from "../../src/diagnostics/catalogue/syntax.ts";
import type { Decl, SourceFileAst } from "./ast.ts";
import { AntParser } from "./parser.ts";
import * as T from "./tokens.ts";

/** Beyond this many, further syntax errors in a file are counted, not listed. */
const MAX_ERRORS_PER_FILE = 50;

const DECLARATION_STARTS = new Set([
  T.Network,
  T.Seed,
  T.Import,
  T.Let,
  T.Neuron,
  T.Population,
  T.Input,
  T.Connect,
  T.Plasticity,
  T.Record,
  T.Target,
]);

let sharedParser: AntParser | undefined;

function parser(): AntParser {
  // Building the parser analyses the grammar once; reuse it for every file.
  sharedParser ??= new AntParser();
  return sharedParser;
}

export interface ParseResult {
  readonly ast: SourceFileAst;
  readonly diagnostics: Diagnostic[];
}

export function parseSource(path: string, text: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const lexed = T.antLexer.tokenize(text);

  for (const error of lexed.errors) {
    const span = { file: path, offset: error.offset, length: Math.max(1, error.length) };
    const ch = text[error.offset] ?? "";
    if (ch === '"') {
      diagnostics.push(makeDiagnostic(S.unterminatedString, [], { span: { ...span, length: 1 } }));
    } else if (ch === "/" && text[error.offset + 1] === "*") {
      diagnostics.push(makeDiagnostic(S.unterminatedComment, [], { span: { ...span, length: 2 } }));
    } else {
      diagnostics.push(
        makeDiagnostic(S.unexpectedCharacter, [quoteChar(text, error.offset)], { span }),
      );
    }
  }

  for (const token of lexed.tokens) {
    if (token.tokenType === T.NumberLiteral && !Number.isFinite(Number(token.image))) {
      diagnostics.push(
        makeDiagnostic(S.invalidNumber, [token.image], { span: tokenSpan(path, token) }),
      );
    }
  }

  const tooDeep = firstTooDeep(lexed.tokens);
  if (tooDeep !== undefined) {
    const span = tokenSpan(path, tooDeep);
    diagnostics.push(makeDiagnostic(S.tooDeeplyNested, [MAX_NESTING], { span }));
  }
  const tokens = tooDeep === undefined ? lexed.tokens : [];
  const decls = parseTokens(path, text, tokens, diagnostics);
  const derailed = lexed.errors.map((e) => ({ from: e.offset, to: lineEnd(text, e.offset) }));
  const kept = diagnostics.filter((d) => !isCascade(d, derailed));
  return { ast: { path, decls }, diagnostics: limitErrors(path, sortByOffset(kept)) };
}

/**
 * The parser descends one level of recursion (several stack frames) per bracket and per unary
 * sign, so absurd nesting would overflow the stack. No real program nests this deep; such input
 * is rejected before parsing, at the first token past the limit.
 */
const MAX_NESTING = 100;

function firstTooDeep(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  let signs = 0;
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === T.LParen || type === T.LBracket || type === T.LBrace) depth++;
    else if (type === T.RParen || type === T.RBracket || type === T.RBrace)
      depth = Math.max(0, depth - 1);
    signs = type === T.Minus || type === T.Plus ? signs + 1 : 0;
    if (depth + signs > MAX_NESTING) return token;
  }
  return undefined;
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline < 0 ? text.length : newline;
}

/**
 * A bad character or an unterminated string derails the rest of its line: what the lexer and
 * the parser make of the tokens after it there are consequences, not new mistakes. Reporting
 * them would bury the one error that matters under a run of "expected ..." lines.
 */
function isCascade(d: Diagnostic, derailed: readonly { from: number; to: number }[]): boolean {
  const at = d.span?.offset;
  return at !== undefined && derailed.some((r) => at > r.from && at <= r.to);
}

function parseTokens(path: string, text: string, tokens: IToken[], out: Diagnostic[]): Decl[] {
  const p = parser();
  p.file = path;
  const decls: Decl[] = [];
  let rest = tokens;
  const reported = new Set<number>();

  while (rest.length > 0) {
    p.input = rest;
    decls.push(...(p.file_() ?? []));

    let skipTo = rest.length;
    for (const error of p.errors) {
      const at = offsetOf(error.token, text);
      if (reported.has(at)) continue; // one error per position: the first is the useful one
      reported.add(at);
      out.push(expectedDiagnostic(path, text, error));

      if (error.name === "NotAllInputParsedException") {
        // Resume at the next token that can start a declaration, after the offending one.
        const index = rest.indexOf(error.token);
        skipTo = index < 0 ? rest.length : nextDeclarationStart(rest, index + 1);
      }
    }
    if (skipTo >= rest.length) break;
    rest = rest.slice(skipTo);
  }
  return decls;
}

function nextDeclarationStart(tokens: IToken[], from: number): number {
  for (let i = from; i < tokens.length; i++) {
    if (DECLARATION_STARTS.has(tokens[i]!.tokenType)) return i;
  }
  return tokens.length;
}

function expectedDiagnostic(path: string, text: string, error: IRecognitionException): Diagnostic {
  const token = error.token;
  const atEnd = !Number.isFinite(token.startOffset);
  const span: Span = atEnd
    ? { file: path, offset: text.length, length: 0 }
    : tokenSpan(path, token);
  const found = atEnd ? "the end of the file" : quoteToken(token.image);
  return makeDiagnostic(S.expected, [error.message, found], { span });
}

function offsetOf(token: IToken, text: string): number {
  return Number.isFinite(token.startOffset) ? token.startOffset : text.length;
}

function tokenSpan(path: string, token: IToken): Span {
  return { file: path, offset: token.startOffset, length: token.image.length };
}

function quoteToken(image: string): string {
  const short = image.length > 24 ? `${image.slice(0, 21)}...` : image;
  return `'${short}'`;
}

function quoteChar(text: string, offset: number): string {
  const code = text.codePointAt(offset) ?? 0;
  const ch = String.fromCodePoint(code);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return code < 32 || code === 127 ? hex : `'${ch}' (${hex})`;
}

function sortByOffset(diags: Diagnostic[]): Diagnostic[] {
  return diags
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.span?.offset ?? 0) - (b.d.span?.offset ?? 0) || a.i - b.i)
    .map(({ d }) => d);
}

function limitErrors(path: string, diags: Diagnostic[]): Diagnostic[] {
  if (diags.length <= MAX_ERRORS_PER_FILE) return diags;
  const kept = diags.slice(0, MAX_ERRORS_PER_FILE);
  kept.push(makeDiagnostic(S.tooManyErrors, [path, diags.length - MAX_ERRORS_PER_FILE]));
  return kept;
}
