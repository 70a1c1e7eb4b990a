/**
 * Wording of what the parser expected at an error. Chevrotain asks this provider for a message;
 * we return only the "expected ..." part and the caller wraps it in the catalogue entry
 * ANT1002 with the token that was found, so the full sentence still lives in the catalogue.
 */
import { EOF, tokenLabel, type IParserErrorMessageProvider, type TokenType } from "chevrotain";

const VALUE = "a value (a number, a name, a string, 'file', '(' or '[')";

const DECLARATION =
  "a declaration ('network', 'seed', 'import', 'let', 'neuron', 'population', 'input', " +
  "'connect', 'plasticity', 'record' or 'target')";

/** Rules whose alternatives are better summarised in words than as a token list. */
const RULE_SUMMARY: Record<string, string> = {
  file: DECLARATION,
  decl: DECLARATION,
  primary: VALUE,
  unary: VALUE,
  connector:
    "a connector (all_to_all, one_to_one, random(...), fixed_fan_in(...), conv2d(...) or file)",
  connectClause: "'weight', 'delay', 'excitatory', 'inhibitory', 'learn' or 'as'",
};

function describe(token: TokenType): string {
  if (token === EOF) return DECLARATION;
  const label = tokenLabel(token);
  if (label.startsWith("'")) return label;
  return `a ${label}`;
}

function alternatives(tokens: readonly TokenType[]): string {
  // Chevrotain may report an expression's choices from an enclosing rule; name them as a value.
  if (tokens.some((t) => tokenLabel(t) === "number") && tokens.some((t) => tokenLabel(t) === "'('"))
    return VALUE;
  const words = [...new Set(tokens.map(describe))];
  if (words.length <= 1) return words[0] ?? "something else";
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

function firstTokens(paths: readonly (readonly (readonly TokenType[])[])[]): TokenType[] {
  const out: TokenType[] = [];
  for (const alt of paths)
    for (const path of alt) {
      const first = path[0];
      if (first !== undefined) out.push(first);
    }
  return out;
}

export const antErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected }) {
    return describe(expected);
  },
  buildNotAllInputParsedMessage() {
    return DECLARATION;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, ruleName }) {
    return RULE_SUMMARY[ruleName] ?? alternatives(firstTokens(expectedPathsPerAlt));
  },
  buildEarlyExitMessage({ expectedIterationPaths, ruleName }) {
    return RULE_SUMMARY[ruleName] ?? alternatives(firstTokens([expectedIterationPaths]));
  },
};
