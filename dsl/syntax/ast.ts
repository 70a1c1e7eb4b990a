/**
 * The syntax tree of one .ant file. Every node carries the span (file, offset, length) of the
 * text it was parsed from; nothing here is checked yet; names are resolved by dsl/check/.
 */
import type { Span } from "../../src/diagnostics/diagnostic.ts";

export interface Ident {
  readonly name: string;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Expressions

export type Expr =
  | NumberExpr
  | StringExpr
  | RefExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | TupleExpr
  | ListExpr
  | ShapeExpr
  | FileExpr
  | SequenceExpr;

/** `20 ms`, `0.02`: the unit is checked and applied later. */
export interface NumberExpr {
  readonly kind: "number";
  readonly value: number;
  readonly unit?: Ident;
  readonly span: Span;
}

export interface StringExpr {
  readonly kind: "string";
  readonly value: string;
  readonly span: Span;
}

/** A `let` constant, or a bare word such as `unlimited`, `true` or `stochastic`. */
export interface RefExpr {
  readonly kind: "ref";
  readonly name: string;
  readonly span: Span;
}

export interface CallArg {
  /** Present for `p = 0.02`, absent for a positional argument. */
  readonly name?: Ident;
  readonly value: Expr;
  readonly span: Span;
}

/** `uniform(-60 mV, -50 mV)`, `random(p = 0.02)`. */
export interface CallExpr {
  readonly kind: "call";
  readonly callee: Ident;
  readonly args: readonly CallArg[];
  readonly span: Span;
}

export interface UnaryExpr {
  readonly kind: "unary";
  readonly op: "-" | "+";
  readonly operand: Expr;
  readonly span: Span;
}

export interface BinaryExpr {
  readonly kind: "binary";
  readonly op: "+" | "-" | "*" | "/";
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

/** `(3, 1 ms)`: two or more items in parentheses. */
export interface TupleExpr {
  readonly kind: "tuple";
  readonly items: readonly Expr[];
  readonly span: Span;
}

/** `[1, 2, 3] mV`: a unit after the bracket applies to every number inside. */
export interface ListExpr {
  readonly kind: "list";
  readonly items: readonly Expr[];
  readonly unit?: Ident;
  readonly span: Span;
}

/** `28 x 28`. */
export interface ShapeExpr {
  readonly kind: "shape";
  readonly items: readonly Expr[];
  readonly span: Span;
}

/** `file "rates.csv" Hz`: one number per element, read relative to the .ant file. */
export interface FileExpr {
  readonly kind: "file";
  readonly path: string;
  readonly pathSpan: Span;
  readonly unit?: Ident;
  readonly span: Span;
}

/** `stdp, reward_stdp`: a comma-separated field value. */
export interface SequenceExpr {
  readonly kind: "sequence";
  readonly items: readonly Expr[];
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Fields: `name = value` or `name { fields }`

export interface Field {
  readonly name: Ident;
  readonly value?: Expr;
  readonly block?: readonly Field[];
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Neuron references and slices

export type Slice =
  | { readonly kind: "range"; readonly start: Expr; readonly end: Expr; readonly span: Span }
  | { readonly kind: "indices"; readonly items: readonly Expr[]; readonly span: Span };

/** `exc`, `exc[0..99]`, `exc[0, 5, 7]`. */
export interface NeuronRef {
  readonly name: Ident;
  readonly slice?: Slice;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Declarations

export type Decl =
  | NetworkDecl
  | SeedDecl
  | ImportDecl
  | LetDecl
  | NeuronDecl
  | PopulationDecl
  | InputDecl
  | ConnectDecl
  | PlasticityDecl
  | RecordDecl
  | TargetDecl;

export interface NetworkDecl {
  readonly kind: "network";
  readonly name: Ident;
  readonly span: Span;
}

export interface SeedDecl {
  readonly kind: "seed";
  readonly value: Expr;
  readonly span: Span;
}

export interface ImportDecl {
  readonly kind: "import";
  readonly path: string;
  readonly pathSpan: Span;
  readonly span: Span;
}

export interface LetDecl {
  readonly kind: "let";
  readonly name: Ident;
  readonly value: Expr;
  readonly span: Span;
}

/** `neuron Cell = lif { ... }`. */
export interface NeuronDecl {
  readonly kind: "neuron";
  readonly name: Ident;
  readonly model: Ident;
  readonly fields: readonly Field[];
  readonly span: Span;
}

/** `population exc = Cell[3200] { v = ... }`. */
export interface PopulationDecl {
  readonly kind: "population";
  readonly name: Ident;
  readonly model: Ident;
  readonly shape: readonly Expr[];
  readonly shapeSpan: Span;
  readonly fields: readonly Field[];
  readonly span: Span;
}

/** `input px = poisson[784] { rate = 20 Hz }`, `input dvs = file[2 x 34 x 34] "a.aedat"`. */
export interface InputDecl {
  readonly kind: "input";
  readonly name: Ident;
  /** `poisson`, `spikes` or `file`. */
  readonly source: Ident;
  readonly shape: readonly Expr[];
  readonly shapeSpan: Span;
  readonly path?: StringExpr;
  readonly format?: Ident;
  readonly fields: readonly Field[];
  readonly span: Span;
}

export interface Connector {
  readonly name: Ident;
  readonly args: readonly CallArg[];
  /** `file "syn.csv"`. */
  readonly path?: StringExpr;
  readonly span: Span;
}

export type ConnectClause =
  | { readonly kind: "weight"; readonly value: Expr; readonly span: Span }
  | { readonly kind: "delay"; readonly value: Expr; readonly span: Span }
  | { readonly kind: "receptor"; readonly receptor: "exc" | "inh"; readonly span: Span }
  | { readonly kind: "learn"; readonly rule: Ident; readonly span: Span }
  | { readonly kind: "label"; readonly label: Ident; readonly span: Span };

export interface ConnectDecl {
  readonly kind: "connect";
  readonly pre: readonly NeuronRef[];
  readonly post: readonly NeuronRef[];
  readonly connector: Connector;
  readonly clauses: readonly ConnectClause[];
  readonly span: Span;
}

/** `plasticity stdp Rule { ... }`. */
export interface PlasticityDecl {
  readonly kind: "plasticity";
  readonly rule: Ident;
  readonly name: Ident;
  readonly fields: readonly Field[];
  readonly span: Span;
}

/** `record spikes exc, inh`, `record voltage exc[0, 5, 7]`. */
export interface RecordDecl {
  readonly kind: "record";
  readonly what: Ident;
  readonly refs: readonly NeuronRef[];
  readonly span: Span;
}

export interface TargetDecl {
  readonly kind: "target";
  readonly name: Ident;
  readonly fields: readonly Field[];
  readonly span: Span;
}

export interface SourceFileAst {
  readonly path: string;
  readonly decls: readonly Decl[];
}
