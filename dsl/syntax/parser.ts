/**
 * The .ant grammar, a chevrotain parser that builds the syntax tree directly. Error recovery is
 * on, so one run reports every syntax error it can; when any is reported the tree may have holes
 * and must not be used (dsl/index.ts gates on that). Rule actions therefore tolerate missing
 * children: during grammar recording and recovery a subrule may return a placeholder.
 */
import { EmbeddedActionsParser, type IToken, type TokenType } from "chevrotain";
import type { Span } from "../../src/diagnostics/diagnostic.ts";
import type * as A from "./ast.ts";
import * as T from "./tokens.ts";
import { antErrorMessages } from "./parse-errors.ts";

/** A placeholder for a node lost to recovery or recording; never seen by later phases. */
const HOLE = { kind: "ref", name: "", span: { file: "", offset: 0, length: 0 } } as const;

export class AntParser extends EmbeddedActionsParser {
  /** Set before each parse; every span names this file. */
  file = "";

  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      errorMessageProvider: antErrorMessages,
    });
    this.performSelfAnalysis();
  }

  // -- spans -----------------------------------------------------------------------------------

  // Tokens may be missing (undefined) during grammar recording and recovery.
  private tokenSpan(token: IToken | undefined): Span {
    const start = token?.startOffset ?? 0;
    const offset = Number.isFinite(start) ? Math.max(0, start) : 0;
    return { file: this.file, offset, length: token?.image?.length ?? 0 };
  }

  /** From the start of `first` to the end of the last token consumed so far. */
  private spanFrom(first: IToken | undefined): Span {
    const firstOffset = first?.startOffset ?? 0;
    const start = Number.isFinite(firstOffset) ? Math.max(0, firstOffset) : 0;
    const last = this.LA(0);
    const endOffset =
      last !== undefined && Number.isFinite(last.startOffset)
        ? last.startOffset + (last.image?.length ?? 0)
        : start + (first?.image?.length ?? 0);
    return { file: this.file, offset: start, length: Math.max(0, endOffset - start) };
  }

  private ident(token: IToken | undefined): A.Ident {
    return { name: token?.image ?? "", span: this.tokenSpan(token) };
  }

  private unquote(token: IToken | undefined): string {
    const body = (token?.image ?? "").slice(1, -1);
    return body.replace(/\\(.)/g, (_whole, ch: string) =>
      ch === "n" ? "\n" : ch === "t" ? "\t" : ch,
    );
  }

  private isUnitAhead(): boolean {
    // A word after a number is its unit unless it starts the next field (`name =` or `name {`).
    if (this.LA(1).tokenType !== T.Identifier) return false;
    const next: TokenType = this.LA(2).tokenType;
    return next !== T.Equals && next !== T.LBrace;
  }

  // -- file and declarations -------------------------------------------------------------------

  public file_ = this.RULE("file", (): A.Decl[] => {
    const decls: A.Decl[] = [];
    this.MANY(() => {
      const decl = this.SUBRULE(this.decl);
      this.ACTION(() => {
        if (decl !== undefined && "kind" in decl) decls.push(decl);
      });
    });
    return decls;
  });

  private decl = this.RULE("decl", (): A.Decl => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.networkDecl) },
      { ALT: () => this.SUBRULE(this.seedDecl) },
      { ALT: () => this.SUBRULE(this.importDecl) },
      { ALT: () => this.SUBRULE(this.letDecl) },
      { ALT: () => this.SUBRULE(this.neuronDecl) },
      { ALT: () => this.SUBRULE(this.populationDecl) },
      { ALT: () => this.SUBRULE(this.inputDecl) },
      { ALT: () => this.SUBRULE(this.connectDecl) },
      { ALT: () => this.SUBRULE(this.plasticityDecl) },
      { ALT: () => this.SUBRULE(this.recordDecl) },
      { ALT: () => this.SUBRULE(this.targetDecl) },
    ]);
  });

  private networkDecl = this.RULE("networkDecl", (): A.NetworkDecl => {
    const first = this.CONSUME(T.Network);
    const name = this.CONSUME(T.Identifier);
    return { kind: "network", name: this.ident(name), span: this.spanFrom(first) };
  });

  private seedDecl = this.RULE("seedDecl", (): A.SeedDecl => {
    const first = this.CONSUME(T.Seed);
    const value = this.SUBRULE(this.expr);
    return { kind: "seed", value, span: this.spanFrom(first) };
  });

  private importDecl = this.RULE("importDecl", (): A.ImportDecl => {
    const first = this.CONSUME(T.Import);
    const path = this.CONSUME(T.StringLiteral);
    return {
      kind: "import",
      path: this.unquote(path),
      pathSpan: this.tokenSpan(path),
      span: this.spanFrom(first),
    };
  });

  private letDecl = this.RULE("letDecl", (): A.LetDecl => {
    const first = this.CONSUME(T.Let);
    const name = this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    const value = this.SUBRULE(this.value);
    return { kind: "let", name: this.ident(name), value, span: this.spanFrom(first) };
  });

  private neuronDecl = this.RULE("neuronDecl", (): A.NeuronDecl => {
    const first = this.CONSUME(T.Neuron);
    const name = this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    const model = this.CONSUME2(T.Identifier);
    const fields = this.OPTION(() => this.SUBRULE(this.block)) ?? [];
    return {
      kind: "neuron",
      name: this.ident(name),
      model: this.ident(model),
      fields,
      span: this.spanFrom(first),
    };
  });

  private populationDecl = this.RULE("populationDecl", (): A.PopulationDecl => {
    const first = this.CONSUME(T.Population);
    const name = this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    const model = this.CONSUME2(T.Identifier);
    const open = this.CONSUME(T.LBracket);
    const shape = this.SUBRULE(this.shapeItems);
    this.CONSUME(T.RBracket);
    const shapeSpan = this.spanFrom(open);
    const fields = this.OPTION(() => this.SUBRULE(this.block)) ?? [];
    return {
      kind: "population",
      name: this.ident(name),
      model: this.ident(model),
      shape,
      shapeSpan,
      fields,
      span: this.spanFrom(first),
    };
  });

  private inputDecl = this.RULE("inputDecl", (): A.InputDecl => {
    const first = this.CONSUME(T.Input);
    const name = this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    const source = this.OR([
      { ALT: () => this.CONSUME2(T.Identifier) },
      { ALT: () => this.CONSUME(T.File) },
    ]);
    const open = this.CONSUME(T.LBracket);
    const shape = this.SUBRULE(this.shapeItems);
    this.CONSUME(T.RBracket);
    const shapeSpan = this.spanFrom(open);
    const path = this.OPTION(() => {
      const token = this.CONSUME(T.StringLiteral);
      return { kind: "string", value: this.unquote(token), span: this.tokenSpan(token) } as const;
    });
    const format = this.OPTION2(() => {
      this.CONSUME(T.Format);
      return this.ident(this.CONSUME3(T.Identifier));
    });
    const fields = this.OPTION3(() => this.SUBRULE(this.block)) ?? [];
    return {
      kind: "input",
      name: this.ident(name),
      source: this.ident(source),
      shape,
      shapeSpan,
      path,
      format,
      fields,
      span: this.spanFrom(first),
    };
  });

  private connectDecl = this.RULE("connectDecl", (): A.ConnectDecl => {
    const first = this.CONSUME(T.Connect);
    const pre = this.SUBRULE(this.refList);
    this.CONSUME(T.Arrow);
    const post = this.SUBRULE2(this.refList);
    const connector = this.SUBRULE(this.connector);
    const clauses: A.ConnectClause[] = [];
    this.MANY(() => {
      const clause = this.SUBRULE(this.connectClause);
      this.ACTION(() => {
        if (clause !== undefined && "kind" in clause) clauses.push(clause);
      });
    });
    return { kind: "connect", pre, post, connector, clauses, span: this.spanFrom(first) };
  });

  private connector = this.RULE("connector", (): A.Connector => {
    return this.OR([
      {
        ALT: () => {
          const first = this.CONSUME(T.File);
          const token = this.CONSUME(T.StringLiteral);
          const path = { kind: "string", value: this.unquote(token), span: this.tokenSpan(token) };
          return { name: this.ident(first), args: [], path, span: this.spanFrom(first) } as const;
        },
      },
      {
        ALT: () => {
          const first = this.CONSUME(T.Identifier);
          const args = this.OPTION(() => this.SUBRULE(this.argList)) ?? [];
          return { name: this.ident(first), args, span: this.spanFrom(first) };
        },
      },
    ]);
  });

  private connectClause = this.RULE("connectClause", (): A.ConnectClause => {
    return this.OR([
      {
        ALT: () => {
          const first = this.CONSUME(T.Weight);
          const value = this.SUBRULE(this.expr);
          return { kind: "weight", value, span: this.spanFrom(first) } as const;
        },
      },
      {
        ALT: () => {
          const first = this.CONSUME(T.Delay);
          const value = this.SUBRULE2(this.expr);
          return { kind: "delay", value, span: this.spanFrom(first) } as const;
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(T.Excitatory);
          return { kind: "receptor", receptor: "exc", span: this.tokenSpan(token) } as const;
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(T.Inhibitory);
          return { kind: "receptor", receptor: "inh", span: this.tokenSpan(token) } as const;
        },
      },
      {
        ALT: () => {
          const first = this.CONSUME(T.Learn);
          const rule = this.ident(this.CONSUME(T.Identifier));
          return { kind: "learn", rule, span: this.spanFrom(first) } as const;
        },
      },
      {
        ALT: () => {
          const first = this.CONSUME(T.As);
          const label = this.ident(this.CONSUME2(T.Identifier));
          return { kind: "label", label, span: this.spanFrom(first) } as const;
        },
      },
    ]);
  });

  private plasticityDecl = this.RULE("plasticityDecl", (): A.PlasticityDecl => {
    const first = this.CONSUME(T.Plasticity);
    const rule = this.CONSUME(T.Identifier);
    const name = this.CONSUME2(T.Identifier);
    const fields = this.OPTION(() => this.SUBRULE(this.block)) ?? [];
    return {
      kind: "plasticity",
      rule: this.ident(rule),
      name: this.ident(name),
      fields,
      span: this.spanFrom(first),
    };
  });

  private recordDecl = this.RULE("recordDecl", (): A.RecordDecl => {
    const first = this.CONSUME(T.Record);
    const what = this.CONSUME(T.Identifier);
    const refs = this.SUBRULE(this.refList);
    return { kind: "record", what: this.ident(what), refs, span: this.spanFrom(first) };
  });

  private targetDecl = this.RULE("targetDecl", (): A.TargetDecl => {
    const first = this.CONSUME(T.Target);
    const name = this.CONSUME(T.Identifier);
    const fields = this.SUBRULE(this.block);
    return { kind: "target", name: this.ident(name), fields, span: this.spanFrom(first) };
  });

  // -- fields ----------------------------------------------------------------------------------

  private block = this.RULE("block", (): A.Field[] => {
    const fields: A.Field[] = [];
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      const field = this.SUBRULE(this.field);
      this.ACTION(() => {
        if (field !== undefined && "name" in field) fields.push(field);
      });
    });
    this.CONSUME(T.RBrace);
    return fields;
  });

  private field = this.RULE("field", (): A.Field => {
    const first = this.CONSUME(T.Name);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Equals);
          const value = this.SUBRULE(this.value);
          return { name: this.ident(first), value, span: this.spanFrom(first) };
        },
      },
      {
        ALT: () => {
          const block = this.SUBRULE(this.block);
          return { name: this.ident(first), block, span: this.spanFrom(first) };
        },
      },
    ]);
  });

  // -- neuron references -----------------------------------------------------------------------

  private refList = this.RULE("refList", (): A.NeuronRef[] => {
    const refs: A.NeuronRef[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const ref = this.SUBRULE(this.neuronRef);
        this.ACTION(() => {
          if (ref !== undefined && "name" in ref) refs.push(ref);
        });
      },
    });
    return refs;
  });

  private neuronRef = this.RULE("neuronRef", (): A.NeuronRef => {
    const name = this.CONSUME(T.Identifier);
    const slice = this.OPTION(() => {
      const open = this.CONSUME(T.LBracket);
      const start = this.SUBRULE(this.expr);
      const result = this.OR([
        {
          ALT: () => {
            this.CONSUME(T.DotDot);
            const end = this.SUBRULE2(this.expr);
            return { kind: "range", start, end } as const;
          },
        },
        {
          ALT: () => {
            const items: A.Expr[] = [start];
            this.MANY(() => {
              this.CONSUME(T.Comma);
              items.push(this.SUBRULE3(this.expr));
            });
            return { kind: "indices", items } as const;
          },
        },
      ]);
      this.CONSUME(T.RBracket);
      return { ...result, span: this.spanFrom(open) };
    });
    return { name: this.ident(name), slice, span: this.spanFrom(name) };
  });

  // -- expressions -----------------------------------------------------------------------------

  private argList = this.RULE("argList", (): A.CallArg[] => {
    const args: A.CallArg[] = [];
    this.CONSUME(T.LParen);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        const arg = this.SUBRULE(this.arg);
        this.ACTION(() => {
          if (arg !== undefined && "value" in arg) args.push(arg);
        });
      },
    });
    this.CONSUME(T.RParen);
    return args;
  });

  private arg = this.RULE("arg", (): A.CallArg => {
    const first = this.LA(1);
    const name = this.OPTION(() => {
      const token = this.CONSUME(T.Name);
      this.CONSUME(T.Equals);
      return this.ident(token);
    });
    const value = this.SUBRULE(this.shapeExpr);
    return { name, value, span: this.spanFrom(first) };
  });

  /** A field value: one shape expression, or several separated by commas. */
  private value = this.RULE("value", (): A.Expr => {
    const first = this.LA(1);
    const items: A.Expr[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => items.push(this.SUBRULE(this.shapeExpr)) });
    if (items.length === 1) return items[0] ?? HOLE;
    return { kind: "sequence", items, span: this.spanFrom(first) };
  });

  private shapeItems = this.RULE("shapeItems", (): A.Expr[] => {
    const items: A.Expr[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Cross, DEF: () => items.push(this.SUBRULE(this.expr)) });
    return items;
  });

  private shapeExpr = this.RULE("shapeExpr", (): A.Expr => {
    const first = this.LA(1);
    const items = this.SUBRULE(this.shapeItems);
    if (items.length === 1) return items[0] ?? HOLE;
    return { kind: "shape", items, span: this.spanFrom(first) };
  });

  private expr = this.RULE("expr", (): A.Expr => {
    const first = this.LA(1);
    let left = this.SUBRULE(this.term);
    this.MANY(() => {
      const op = this.OR([
        { ALT: () => this.CONSUME(T.Plus) },
        { ALT: () => this.CONSUME(T.Minus) },
      ]);
      const right = this.SUBRULE2(this.term);
      const kind = op?.image === "+" ? "+" : "-";
      left = { kind: "binary", op: kind, left, right, span: this.spanFrom(first) };
    });
    return left;
  });

  private term = this.RULE("term", (): A.Expr => {
    const first = this.LA(1);
    let left = this.SUBRULE(this.unary);
    this.MANY(() => {
      const op = this.OR([
        { ALT: () => this.CONSUME(T.Star) },
        { ALT: () => this.CONSUME(T.Slash) },
      ]);
      const right = this.SUBRULE2(this.unary);
      const kind = op?.image === "*" ? "*" : "/";
      left = { kind: "binary", op: kind, left, right, span: this.spanFrom(first) };
    });
    return left;
  });

  private unary = this.RULE("unary", (): A.Expr => {
    return this.OR([
      {
        ALT: () => {
          const op = this.OR2([
            { ALT: () => this.CONSUME(T.Minus) },
            { ALT: () => this.CONSUME(T.Plus) },
          ]);
          const operand = this.SUBRULE(this.unary);
          const kind = op?.image === "+" ? "+" : "-";
          return { kind: "unary", op: kind, operand, span: this.spanFrom(op) } as const;
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  private unit = this.RULE("unit", (): A.Ident | undefined => {
    return this.OPTION({
      GATE: () => this.isUnitAhead(),
      DEF: () => this.ident(this.CONSUME(T.Identifier)),
    });
  });

  private primary = this.RULE("primary", (): A.Expr => {
    return this.OR([
      {
        ALT: () => {
          const token = this.CONSUME(T.NumberLiteral);
          const unit = this.SUBRULE(this.unit);
          const value = Number(token.image);
          return { kind: "number", value, unit, span: this.spanFrom(token) } as const;
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(T.StringLiteral);
          return {
            kind: "string",
            value: this.unquote(token),
            span: this.tokenSpan(token),
          } as const;
        },
      },
      {
        ALT: () => {
          const first = this.CONSUME(T.File);
          const token = this.CONSUME2(T.StringLiteral);
          const unit = this.SUBRULE2(this.unit);
          return {
            kind: "file",
            path: this.unquote(token),
            pathSpan: this.tokenSpan(token),
            unit,
            span: this.spanFrom(first),
          } as const;
        },
      },
      {
        ALT: () => {
          const name = this.CONSUME(T.Identifier);
          const args = this.OPTION(() => this.SUBRULE(this.argList));
          if (args === undefined)
            return { kind: "ref", name: name?.image ?? "", span: this.tokenSpan(name) };
          return {
            kind: "call",
            callee: this.ident(name),
            args,
            span: this.spanFrom(name),
          } as const;
        },
      },
      {
        ALT: () => {
          const open = this.CONSUME(T.LParen);
          const items: A.Expr[] = [];
          this.AT_LEAST_ONE_SEP({
            SEP: T.Comma,
            DEF: () => items.push(this.SUBRULE(this.shapeExpr)),
          });
          this.CONSUME(T.RParen);
          if (items.length === 1) return items[0] ?? HOLE;
          return { kind: "tuple", items, span: this.spanFrom(open) } as const;
        },
      },
      {
        ALT: () => {
          const open = this.CONSUME(T.LBracket);
          const items: A.Expr[] = [];
          this.MANY_SEP({ SEP: T.Comma, DEF: () => items.push(this.SUBRULE2(this.shapeExpr)) });
          this.CONSUME(T.RBracket);
          const unit = this.SUBRULE3(this.unit);
          return { kind: "list", items, unit, span: this.spanFrom(open) } as const;
        },
      },
    ]);
  });
}
