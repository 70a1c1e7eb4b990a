/**
 * The public library surface of ANT. Scripts import from here; the CLI is a thin layer on top.
 */
export type * from "../dsl/resolved.ts";
export type * from "./ir/types.ts";
export type * from "./diagnostics/diagnostic.ts";
