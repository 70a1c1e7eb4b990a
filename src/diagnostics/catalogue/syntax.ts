/**
 * Catalogue section for phase 1: Lexing and parsing of .ant files.
 * Codes ANT1000-ANT1999 belong to this phase; add entries here, never inline messages.
 */
import { entry } from "./entry.ts";

export const syntaxDiagnostics = {
  internal: entry("ANT1000", "error", "Internal error in the syntax phase: {0}."),
  unexpectedCharacter: entry("ANT1001", "error", "Unexpected character {0}."),
  /** {0}: what the grammar allows here; {1}: the token found. */
  expected: entry("ANT1002", "error", "Expected {0} but found {1}."),
  unterminatedString: entry(
    "ANT1003",
    "error",
    "Unterminated string; a string must end with '\"' on the line where it starts.",
  ),
  unterminatedComment: entry(
    "ANT1004",
    "error",
    "Unterminated block comment; '/*' has no matching '*/'.",
  ),
  tooManyErrors: entry(
    "ANT1005",
    "error",
    "Too many syntax errors in '{0}'; {1} more are not shown.",
  ),
  unreadableFile: entry("ANT1006", "error", "Cannot read '{0}': {1}."),
  invalidNumber: entry("ANT1007", "error", "The number '{0}' is too large to represent."),
  tooDeeplyNested: entry(
    "ANT1008",
    "error",
    "Brackets and signs are nested more than {0} levels deep here; the file is not parsed further.",
  ),
} as const;
