/**
 * The tokens of the .ant language. Keywords are reserved only where the grammar needs them to
 * end a clause (`weight`, `delay`, `inhibitory` end a number's optional unit); all of them also
 * belong to the `Name` category so they can still be field names (`delay = 6 bit`).
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

export const Name = createToken({ name: "Name", pattern: Lexer.NA, label: "name" });

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Name],
  label: "name",
});

function keyword(word: string): TokenType {
  return createToken({
    name: word[0]!.toUpperCase() + word.slice(1),
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories: [Name],
    label: `'${word}'`,
  });
}

export const Network = keyword("network");
export const Seed = keyword("seed");
export const Import = keyword("import");
export const Let = keyword("let");
export const Neuron = keyword("neuron");
export const Population = keyword("population");
export const Input = keyword("input");
export const Connect = keyword("connect");
export const Plasticity = keyword("plasticity");
export const Record = keyword("record");
export const Target = keyword("target");
export const Weight = keyword("weight");
export const Delay = keyword("delay");
export const Excitatory = keyword("excitatory");
export const Inhibitory = keyword("inhibitory");
export const Learn = keyword("learn");
export const As = keyword("as");
export const File = keyword("file");
export const Format = keyword("format");
/** The shape separator in `28 x 28`; write it with spaces around it. */
export const Cross = keyword("x");

export const NumberLiteral = createToken({
  name: "NumberLiteral",
  // A dot must be followed by a digit, so `0..99` lexes as 0, .., 99.
  pattern: /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/,
  label: "number",
});

export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\r\n]|\\.)*"/,
  label: "string",
});

export const Arrow = createToken({ name: "Arrow", pattern: /->/, label: "'->'" });
export const DotDot = createToken({ name: "DotDot", pattern: /\.\./, label: "'..'" });
export const Equals = createToken({ name: "Equals", pattern: /=/, label: "'='" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "','" });
export const LParen = createToken({ name: "LParen", pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: "RParen", pattern: /\)/, label: "')'" });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/, label: "'['" });
export const RBracket = createToken({ name: "RBracket", pattern: /\]/, label: "']'" });
export const LBrace = createToken({ name: "LBrace", pattern: /\{/, label: "'{'" });
export const RBrace = createToken({ name: "RBrace", pattern: /\}/, label: "'}'" });
export const Plus = createToken({ name: "Plus", pattern: /\+/, label: "'+'" });
export const Minus = createToken({ name: "Minus", pattern: /-/, label: "'-'" });
export const Star = createToken({ name: "Star", pattern: /\*/, label: "'*'" });
export const Slash = createToken({ name: "Slash", pattern: /\//, label: "'/'" });

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\f\v]+/,
  group: Lexer.SKIPPED,
});
export const LineComment = createToken({
  name: "LineComment",
  pattern: /\/\/[^\r\n]*/,
  group: Lexer.SKIPPED,
});
export const BlockComment = createToken({
  name: "BlockComment",
  pattern: /\/\*[\s\S]*?\*\//,
  group: Lexer.SKIPPED,
});

export const keywordTokens = [
  Network,
  Seed,
  Import,
  Let,
  Neuron,
  Population,
  Input,
  Connect,
  Plasticity,
  Record,
  Target,
  Weight,
  Delay,
  Excitatory,
  Inhibitory,
  Learn,
  As,
  File,
  Format,
  Cross,
];

/** Order matters: comments before `/`, `->` before `-`, keywords before identifiers. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  Arrow,
  DotDot,
  NumberLiteral,
  StringLiteral,
  ...keywordTokens,
  Identifier,
  Name,
  Equals,
  Comma,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Plus,
  Minus,
  Star,
  Slash,
];

export const antLexer = new Lexer(allTokens, {
  ensureOptimizations: false,
  positionTracking: "onlyOffset",
});
