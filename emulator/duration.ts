/**
 * Durations as users type them (`1s`, `250ms`, `1.5 us`, `100ps`), converted to integer
 * picoseconds, the emulator's unit of time. A bare number is refused: a unit is always needed,
 * so `--duration 10` never silently means ten seconds or ten picoseconds.
 */

const PS_PER_UNIT: Record<string, number> = {
  ps: 1,
  ns: 1e3,
  us: 1e6,
  µs: 1e6,
  ms: 1e9,
  s: 1e12,
};

/** Integer picoseconds, or undefined when the text is not a positive duration with a unit. */
export function parseDurationPs(text: string): number | undefined {
  const match = /^\s*([0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)\s*(ps|ns|us|µs|ms|s)\s*$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]) * PS_PER_UNIT[match[2]!]!;
  if (!Number.isFinite(value) || value <= 0 || value > 2 ** 53) return undefined;
  return Math.round(value);
}
