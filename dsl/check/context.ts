/**
 * State shared by the checks of one program: the diagnostics so far, the global table of
 * declared names (imports included), and the `let` constants with their evaluation state.
 */
import type { Diagnostic, DiagnosticNote, Span } from "../../src/diagnostics/diagnostic.ts";
import { makeDiagnostic, type CatalogueEntry } from "../../src/diagnostics/catalogue/entry.ts";
import type { Decl, LetDecl } from "../syntax/ast.ts";
import type { Value } from "./value.ts";

export type DeclaredKind =
  | "constant"
  | "neuron model"
  | "population"
  | "input"
  | "plasticity rule"
  | "target"
  | "projection";

export interface Declared {
  readonly kind: DeclaredKind;
  readonly span: Span;
  readonly decl: Decl | undefined;
}

export interface LetState {
  readonly decl: LetDecl;
  state: "pending" | "evaluating" | "done";
  value: Value | undefined;
  used: boolean;
}

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly names = new Map<string, Declared>();
  readonly lets = new Map<string, LetState>();

  report(
    item: CatalogueEntry,
    args: readonly (string | number)[],
    span: Span | undefined,
    extra: { notes?: readonly DiagnosticNote[]; help?: string } = {},
  ): void {
    this.diagnostics.push(makeDiagnostic(item, args, { span, ...extra }));
  }

  namesOfKind(...kinds: DeclaredKind[]): string[] {
    return [...this.names].filter(([, d]) => kinds.includes(d.kind)).map(([name]) => name);
  }
}
