/**
 * Physical dimensions as vectors of integer exponents over base dimensions, and the names
 * people use for the common ones. A quantity's value is always kept in SI base units.
 */

/** Exponents of [time (s), length (m), mass (kg), current (A), information (bit)]. */
export type Dimension = readonly [number, number, number, number, number];

export const DIMENSIONLESS: Dimension = [0, 0, 0, 0, 0];
export const TIME: Dimension = [1, 0, 0, 0, 0];
export const FREQUENCY: Dimension = [-1, 0, 0, 0, 0];
export const CURRENT: Dimension = [0, 0, 0, 1, 0];
/** kg m^2 s^-3 A^-1. */
export const VOLTAGE: Dimension = [-3, 2, 1, -1, 0];
/** kg m^2 s^-3 A^-2. */
export const RESISTANCE: Dimension = [-3, 2, 1, -2, 0];
/** kg m^2 s^-2. */
export const ENERGY: Dimension = [-2, 2, 1, 0, 0];
/** kg m^2 s^-3. */
export const POWER: Dimension = [-3, 2, 1, 0, 0];
export const INFORMATION: Dimension = [0, 0, 0, 0, 1];

const BASE_SYMBOLS = ["s", "m", "kg", "A", "bit"] as const;

const NAMED: readonly { dim: Dimension; name: string; unit: string }[] = [
  { dim: DIMENSIONLESS, name: "a plain number", unit: "" },
  { dim: TIME, name: "a time", unit: "s" },
  { dim: FREQUENCY, name: "a frequency", unit: "Hz" },
  { dim: CURRENT, name: "a current", unit: "A" },
  { dim: VOLTAGE, name: "a voltage", unit: "V" },
  { dim: RESISTANCE, name: "a resistance", unit: "ohm" },
  { dim: ENERGY, name: "an energy", unit: "J" },
  { dim: POWER, name: "a power", unit: "W" },
  { dim: INFORMATION, name: "an amount of information", unit: "bit" },
];

export function sameDimension(a: Dimension, b: Dimension): boolean {
  return a.every((exponent, i) => exponent === b[i]);
}

export function multiplyDimensions(a: Dimension, b: Dimension, sign: 1 | -1): Dimension {
  return a.map((exponent, i) => exponent + sign * (b[i] ?? 0)) as unknown as Dimension;
}

/** The SI formula of a dimension, such as `s^-2 A`; empty for a plain number. */
export function dimensionFormula(dim: Dimension): string {
  const parts: string[] = [];
  dim.forEach((exponent, i) => {
    if (exponent === 0) return;
    const symbol = BASE_SYMBOLS[i] ?? "?";
    parts.push(exponent === 1 ? symbol : `${symbol}^${exponent}`);
  });
  return parts.join(" ");
}

/** "a voltage", "a time", or "a quantity in s^-2 A" for dimensions without a common name. */
export function describeDimension(dim: Dimension): string {
  const named = NAMED.find((n) => sameDimension(n.dim, dim));
  return named ? named.name : `a quantity in ${dimensionFormula(dim)}`;
}

const PREFIXES: readonly [number, string][] = [
  [1e9, "G"],
  [1e6, "M"],
  [1e3, "k"],
  [1, ""],
  [1e-3, "m"],
  [1e-6, "u"],
  [1e-9, "n"],
  [1e-12, "p"],
];

/** A readable rendering of an SI value, such as `-49 mV` or `0.02`. */
export function formatQuantity(valueSi: number, dim: Dimension): string {
  const named = NAMED.find((n) => sameDimension(n.dim, dim));
  if (named === undefined) return `${shortNumber(valueSi)} ${dimensionFormula(dim)}`;
  if (named.unit === "") return shortNumber(valueSi);
  if (named.unit === "bit" || valueSi === 0 || !Number.isFinite(valueSi))
    return `${shortNumber(valueSi)} ${named.unit}`;
  const magnitude = Math.abs(valueSi);
  const [factor, prefix] = PREFIXES.find(([f]) => magnitude >= f) ?? PREFIXES[PREFIXES.length - 1]!;
  return `${shortNumber(valueSi / factor)} ${prefix}${named.unit}`;
}

function shortNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}
