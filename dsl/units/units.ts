/**
 * The units the language knows, each with its dimension and its factor to SI base units.
 * `B` is a byte (8 bit); KiB and MiB are binary multiples, as memory sizes are quoted.
 */
import * as D from "./dimension.ts";

export interface UnitInfo {
  readonly dim: D.Dimension;
  /** Multiply a value in this unit by `factor` to get SI base units (bits for information). */
  readonly factor: number;
}

const table: Record<string, UnitInfo> = {
  s: { dim: D.TIME, factor: 1 },
  ms: { dim: D.TIME, factor: 1e-3 },
  us: { dim: D.TIME, factor: 1e-6 },
  ns: { dim: D.TIME, factor: 1e-9 },
  ps: { dim: D.TIME, factor: 1e-12 },
  V: { dim: D.VOLTAGE, factor: 1 },
  mV: { dim: D.VOLTAGE, factor: 1e-3 },
  uV: { dim: D.VOLTAGE, factor: 1e-6 },
  A: { dim: D.CURRENT, factor: 1 },
  uA: { dim: D.CURRENT, factor: 1e-6 },
  nA: { dim: D.CURRENT, factor: 1e-9 },
  pA: { dim: D.CURRENT, factor: 1e-12 },
  Hz: { dim: D.FREQUENCY, factor: 1 },
  kHz: { dim: D.FREQUENCY, factor: 1e3 },
  MHz: { dim: D.FREQUENCY, factor: 1e6 },
  J: { dim: D.ENERGY, factor: 1 },
  uJ: { dim: D.ENERGY, factor: 1e-6 },
  nJ: { dim: D.ENERGY, factor: 1e-9 },
  pJ: { dim: D.ENERGY, factor: 1e-12 },
  W: { dim: D.POWER, factor: 1 },
  mW: { dim: D.POWER, factor: 1e-3 },
  uW: { dim: D.POWER, factor: 1e-6 },
  ohm: { dim: D.RESISTANCE, factor: 1 },
  kohm: { dim: D.RESISTANCE, factor: 1e3 },
  Mohm: { dim: D.RESISTANCE, factor: 1e6 },
  Gohm: { dim: D.RESISTANCE, factor: 1e9 },
  bit: { dim: D.INFORMATION, factor: 1 },
  B: { dim: D.INFORMATION, factor: 8 },
  KiB: { dim: D.INFORMATION, factor: 8 * 1024 },
  MiB: { dim: D.INFORMATION, factor: 8 * 1024 * 1024 },
};

/**
 * Converts a number written in a unit to SI. A decimal prefix shifts the decimal exponent of the
 * number as written, so 1.62 mV becomes exactly the double nearest 0.00162 (1.62 / 1000 and
 * 1.62 * 1e-3 both land one step above it, and 1.005 * 1000 one step below 1005). Binary
 * factors (B, KiB, MiB) are powers of two, whose products are exact.
 */
export function toSi(value: number, unit: UnitInfo): number {
  const exponent = Math.round(Math.log10(unit.factor));
  if (!Number.isFinite(value) || Number(`1e${exponent}`) !== unit.factor) {
    return value * unit.factor;
  }
  // toExponential() gives the shortest digits that name `value`: the literal the user wrote.
  const [digits = "0", power = "0"] = value.toExponential().split("e");
  return Number(`${digits}e${Number(power) + exponent}`);
}

export function lookupUnit(name: string): UnitInfo | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

export const unitNames: readonly string[] = Object.keys(table);
