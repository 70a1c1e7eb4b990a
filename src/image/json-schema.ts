/**
 * A small schema language for the image's JSON section. One schema drives both directions:
 * `encodeJson` walks the schema (so keys come out in schema order and the bytes are the same for
 * equal values, whatever order the producer built its objects in) and `decodeJson` checks every
 * field of untrusted JSON and rebuilds the value. JSON has no Infinity, so fields that allow it
 * store the strings "Infinity" and "-Infinity"; only those fields turn such strings back into
 * numbers, so a population named "Infinity" stays a string.
 */

export type Schema =
  | {
      readonly kind: "number";
      readonly integer: boolean;
      readonly min?: number;
      readonly infinity: boolean;
    }
  | { readonly kind: "string" }
  | { readonly kind: "enum"; readonly values: readonly string[] }
  | { readonly kind: "array"; readonly of: Schema }
  | ObjectSchema
  | {
      readonly kind: "union";
      readonly tag: string;
      readonly variants: Readonly<Record<string, ObjectSchema>>;
    };

export interface ObjectSchema {
  readonly kind: "object";
  readonly fields: Readonly<Record<string, Schema>>;
  readonly optional?: readonly string[];
}

export const num = (options: { min?: number } = {}): Schema => ({
  kind: "number",
  integer: false,
  infinity: false,
  ...options,
});
/** A finite number or +/-Infinity. */
export const numOrInf = (options: { min?: number } = {}): Schema => ({
  kind: "number",
  integer: false,
  infinity: true,
  ...options,
});
/** A safe integer (indices, counts, seeds). */
export const int = (options: { min?: number } = {}): Schema => ({
  kind: "number",
  integer: true,
  infinity: false,
  ...options,
});
export const str: Schema = { kind: "string" };
export const oneOf = (...values: string[]): Schema => ({ kind: "enum", values });
export const arrayOf = (of: Schema): Schema => ({ kind: "array", of });
export const obj = (
  fields: Record<string, Schema>,
  optional: readonly string[] = [],
): ObjectSchema => ({ kind: "object", fields, optional });
export const union = (tag: string, variants: Record<string, ObjectSchema>): Schema => ({
  kind: "union",
  tag,
  variants,
});

/** A field of untrusted JSON that does not match its schema. */
export class SchemaMismatch extends Error {
  constructor(
    /** Dotted path of the field, for example `populations[2].size`. */
    readonly path: string,
    readonly found: string,
    readonly expected: string,
  ) {
    super(`${path} is ${found}; expected ${expected}`);
  }
}

/** Turns a value into plain JSON data in schema order; throws on a value the schema forbids. */
export function encodeJson(value: unknown, schema: Schema, path = "$"): unknown {
  switch (schema.kind) {
    case "number":
      if (typeof value !== "number" || Number.isNaN(value))
        throw new SchemaMismatch(path, describe(value), "a number");
      if (!Number.isFinite(value)) {
        if (!schema.infinity) throw new SchemaMismatch(path, describe(value), "a finite number");
        return value > 0 ? "Infinity" : "-Infinity";
      }
      return value;
    case "string":
    case "enum":
      return value;
    case "array":
      if (!Array.isArray(value)) throw new SchemaMismatch(path, describe(value), "an array");
      return value.map((item, i) => encodeJson(item, schema.of, `${path}[${i}]`));
    case "object":
      return encodeObject(value, schema, path);
    case "union": {
      const tag = (value as Record<string, unknown>)[schema.tag];
      const variant = typeof tag === "string" ? schema.variants[tag] : undefined;
      if (variant === undefined) throw new SchemaMismatch(path, describe(tag), "a known kind");
      return encodeObject(value, variant, path);
    }
  }
}

function encodeObject(value: unknown, schema: ObjectSchema, path: string): unknown {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.fields)) {
    if (source[key] === undefined && schema.optional?.includes(key)) continue;
    out[key] = encodeJson(source[key], field, `${path}.${key}`);
  }
  return out;
}

/** Checks untrusted JSON data against a schema and rebuilds the value; throws SchemaMismatch. */
export function decodeJson(json: unknown, schema: Schema, path = "$"): unknown {
  switch (schema.kind) {
    case "number":
      return decodeNumber(json, schema, path);
    case "string":
      if (typeof json !== "string") throw new SchemaMismatch(path, describe(json), "a string");
      return json;
    case "enum":
      if (typeof json !== "string" || !schema.values.includes(json))
        throw new SchemaMismatch(path, describe(json), `one of ${schema.values.join(", ")}`);
      return json;
    case "array":
      if (!Array.isArray(json)) throw new SchemaMismatch(path, describe(json), "an array");
      return json.map((item, i) => decodeJson(item, schema.of, `${path}[${i}]`));
    case "object":
      return decodeObject(json, schema, path);
    case "union": {
      const tag = isRecord(json) ? json[schema.tag] : undefined;
      const variant = typeof tag === "string" ? schema.variants[tag] : undefined;
      if (variant === undefined)
        throw new SchemaMismatch(
          `${path}.${schema.tag}`,
          describe(tag),
          `one of ${Object.keys(schema.variants).join(", ")}`,
        );
      return decodeObject(json, variant, path);
    }
  }
}

function decodeNumber(json: unknown, schema: Schema & { kind: "number" }, path: string): number {
  let value = json;
  if (schema.infinity && json === "Infinity") value = Infinity;
  if (schema.infinity && json === "-Infinity") value = -Infinity;
  const expected = schema.integer ? "an integer" : "a number";
  const bound = schema.min === undefined ? "" : ` of at least ${schema.min}`;
  if (typeof value !== "number") throw new SchemaMismatch(path, describe(json), expected + bound);
  if (schema.integer && !Number.isSafeInteger(value))
    throw new SchemaMismatch(path, describe(json), expected + bound);
  if (schema.min !== undefined && value < schema.min)
    throw new SchemaMismatch(path, describe(json), expected + bound);
  return value;
}

function decodeObject(json: unknown, schema: ObjectSchema, path: string): unknown {
  if (!isRecord(json)) throw new SchemaMismatch(path, describe(json), "an object");
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.fields)) {
    const value = json[key];
    if (value === undefined) {
      if (schema.optional?.includes(key)) continue;
      throw new SchemaMismatch(`${path}.${key}`, "missing", describeSchema(field));
    }
    out[key] = decodeJson(value, field, `${path}.${key}`);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describeSchema(schema: Schema): string {
  switch (schema.kind) {
    case "number":
      return schema.integer ? "an integer" : "a number";
    case "string":
      return "a string";
    case "enum":
      return `one of ${schema.values.join(", ")}`;
    case "array":
      return "an array";
    default:
      return "an object";
  }
}

/** A short, safe description of an untrusted value for a message. */
function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string")
    return `the string '${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  return `${typeof value} ${String(value)}`;
}
