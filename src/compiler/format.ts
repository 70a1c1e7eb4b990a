/** Number formatting shared by compiler messages and summaries: "5,120", "1.5 GiB", "1 ms". */

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** Seconds with a readable SI prefix: 0.001 -> "1 ms". */
export function formatSeconds(s: number): string {
  const abs = Math.abs(s);
  const [scale, unit] =
    abs >= 1 ? [1, "s"] : abs >= 1e-3 ? [1e3, "ms"] : abs >= 1e-6 ? [1e6, "us"] : [1e9, "ns"];
  return `${trim(s * scale)} ${unit}`;
}

/** Volts with a readable SI prefix: 0.00162 -> "1.62 mV". */
export function formatVolts(v: number): string {
  const abs = Math.abs(v);
  const [scale, unit] = abs >= 1 ? [1, "V"] : abs >= 1e-3 ? [1e3, "mV"] : [1e6, "uV"];
  return `${trim(v * scale)} ${unit}`;
}

function trim(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** Parses "2GiB", "512 MiB", "1e9" (bytes) into bytes; undefined when it is not a size. */
export function parseBytes(text: string): number | undefined {
  const match = /^\s*([0-9]*\.?[0-9]+(?:e[0-9]+)?)\s*(B|KiB|MiB|GiB|TiB|KB|MB|GB|TB)?\s*$/i.exec(
    text,
  );
  if (match === null) return undefined;
  const factors: Record<string, number> = {
    b: 1,
    kib: 2 ** 10,
    mib: 2 ** 20,
    gib: 2 ** 30,
    tib: 2 ** 40,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    tb: 1e12,
  };
  const factor = factors[(match[2] ?? "B").toLowerCase()];
  return factor === undefined ? undefined : Number(match[1]) * factor;
}
