/**
 * Exact conversion between decimal seconds in text files and the emulator's integer picoseconds.
 * Going through a float (`Number(text) * 1e12`) would turn "0.001" into 999999999.9999999 ps;
 * shifting the decimal point in the digit string instead keeps every time with at most 12
 * fractional digits exact, and writing back prints exactly the picoseconds held.
 */

const DECIMAL = /^\+?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;
const PS_DIGITS = 12;

/**
 * Integer picoseconds for a non-negative decimal number of seconds, rounded half up at the
 * picosecond; undefined when the text is not such a number or the result exceeds 2^53 ps.
 */
export function parseSecondsToPs(text: string): number | undefined {
  const match = DECIMAL.exec(text.trim());
  if (match === null) return undefined;
  const whole = match[1] ?? "";
  const fraction = match[2] ?? "";
  if (whole.length === 0 && fraction.length === 0) return undefined;

  const digits = (whole + fraction).replace(/^0+/, "");
  const exponent = Number(match[3] ?? "0");
  // Position of the decimal point in `digits`, counted from its right end, after scaling to ps.
  const pointFromRight = fraction.length - exponent - PS_DIGITS;
  if (digits.length === 0) return 0;

  let integerDigits: string;
  let roundUp = false;
  if (pointFromRight <= 0) {
    if (digits.length - pointFromRight > 16) return undefined;
    integerDigits = digits + "0".repeat(-pointFromRight);
  } else {
    const keep = digits.length - pointFromRight;
    integerDigits = keep > 0 ? digits.slice(0, keep) : "0";
    const firstDropped = keep >= 0 ? digits[keep] : "0";
    roundUp = firstDropped !== undefined && firstDropped >= "5";
  }

  if (integerDigits.length > 16) return undefined;
  const ps = Number(integerDigits) + (roundUp ? 1 : 0);
  return Number.isSafeInteger(ps) ? ps : undefined;
}

/** Seconds printed exactly from integer picoseconds: 1_500_000_000 -> "0.0015", 0 -> "0". */
export function formatPsAsSeconds(timePs: number): string {
  if (!Number.isSafeInteger(timePs)) return String(timePs / 1e12);
  const negative = timePs < 0;
  const digits = String(Math.abs(timePs)).padStart(PS_DIGITS + 1, "0");
  const whole = digits.slice(0, digits.length - PS_DIGITS);
  const fraction = digits.slice(digits.length - PS_DIGITS).replace(/0+$/, "");
  const text = fraction.length > 0 ? `${whole}.${fraction}` : whole;
  return negative ? `-${text}` : text;
}

/**
 * A float printed the same way on every run and platform: ECMAScript's shortest round-trip
 * form, so reading it back gives the same float64. Negative zero prints as "0".
 */
export function formatFloat(value: number): string {
  return Object.is(value, -0) ? "0" : String(value);
}
