/**
 * Seeded mutation fuzzing of the image reader, shared by the suite's short run
 * (test/image/fuzz.test.ts) and the long run (bench/fuzz-image.ts). Half of the mutations keep
 * every checksum right, so they reach the metadata and value checks instead of stopping at a
 * CRC. A run fails on anything but "read back a valid IR" or "one non-internal diagnostic".
 */
import { readImage, writeImage } from "../../src/image/index.ts";
import { editMeta, fixCrcs, seededRandom, tableEntries } from "./craft.ts";

export interface FuzzOutcome {
  readonly cases: number;
  readonly accepted: number;
  /** How often each diagnostic code was produced. */
  readonly codes: Readonly<Record<string, number>>;
  /** Descriptions of cases that broke the reader's promises; empty when all is well. */
  readonly failures: readonly string[];
  readonly slowestReadMs: number;
}

type Random = () => number;

const INTERESTING = [0, 1, 2, 7, 8, 255, 0xffff, 0x7fffffff, 0xffffffff, -1];
const JSON_VALUES: unknown[] = [null, -1, 0, 1.5, 1e300, "x", "Infinity", [], {}, true, 2 ** 53];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function mutate(original: Uint8Array, random: Random): { bytes: Uint8Array; how: string } {
  const bytes = original.slice();
  const at = (): number => Math.floor(random() * bytes.length);
  const strategy = Math.floor(random() * 7);
  switch (strategy) {
    case 0: {
      const i = at();
      bytes[i] = bytes[i]! ^ (1 << Math.floor(random() * 8));
      return { bytes, how: `flip a bit of byte ${i}` };
    }
    case 1: {
      const n = Math.floor(random() * bytes.length);
      return { bytes: bytes.slice(0, n), how: `truncate to ${n}` };
    }
    case 2: {
      const longer = new Uint8Array(bytes.length + 1 + Math.floor(random() * 16));
      longer.set(bytes);
      longer.fill(Math.floor(random() * 256), bytes.length);
      return { bytes: longer, how: "append bytes" };
    }
    case 3: {
      // A payload byte changed and every checksum recomputed: reaches the value checks.
      const entries = tableEntries(bytes).filter((e) => e.length > 0);
      const e = pick(random, entries);
      const i = e.offset + Math.floor(random() * e.length);
      bytes[i] = Math.floor(random() * 256);
      return { bytes: fixCrcs(bytes), how: `set byte ${i} of section id ${e.id}, CRCs fixed` };
    }
    case 4: {
      // A table field set to an interesting value, checksums fixed: reaches the layout checks.
      const e = pick(random, tableEntries(bytes));
      const field = pick(random, [8, 16, 24]);
      const value = BigInt.asUintN(
        64,
        BigInt(pick(random, INTERESTING) + Math.floor(random() * 3) * 8),
      );
      new DataView(bytes.buffer).setBigUint64(e.at + field, value, true);
      return { bytes: fixCrcs(bytes), how: `table entry ${e.index} field ${field} = ${value}` };
    }
    case 5: {
      // One JSON value replaced or removed: reaches the schema and index checks.
      let how = "";
      const edited = editMeta(bytes, (meta) => {
        how = mutateJson(meta, random);
      });
      return { bytes: edited, how };
    }
    default: {
      // A 4-byte word of an array section set to an interesting value, CRCs fixed.
      const entries = tableEntries(bytes).filter((e) => e.id !== 1 && e.length >= 4);
      const e = pick(random, entries);
      const i = e.offset + 4 * Math.floor((random() * e.length) / 4);
      new DataView(bytes.buffer).setInt32(i, pick(random, INTERESTING), true);
      return { bytes: fixCrcs(bytes), how: `word at ${i} of section id ${e.id}, CRCs fixed` };
    }
  }
}

function mutateJson(root: Record<string, unknown>, random: Random): string {
  let node: unknown = root;
  let path = "$";
  for (let depth = 0; depth < 6; depth++) {
    const container = node as Record<string, unknown>;
    const keys = Object.keys(container);
    if (keys.length === 0) break;
    const key = pick(random, keys);
    const child = container[key];
    const stop = typeof child !== "object" || child === null || random() < 0.3;
    if (stop) {
      if (random() < 0.2) {
        if (Array.isArray(container)) container.pop();
        else delete container[key];
        return `delete ${path}.${key}`;
      }
      const value = pick(random, JSON_VALUES);
      container[key] = value;
      return `${path}.${key} = ${JSON.stringify(value)}`;
    }
    node = child;
    path += `.${key}`;
  }
  return "no change";
}

export function fuzzImages(
  originals: readonly Uint8Array[],
  seed: number,
  budgetMs: number,
  maxCases = Infinity,
): FuzzOutcome {
  const random = seededRandom(seed);
  const codes: Record<string, number> = {};
  const failures: string[] = [];
  let cases = 0;
  let accepted = 0;
  let slowest = 0;
  const started = performance.now();

  while (cases < maxCases && performance.now() - started < budgetMs) {
    const original = pick(random, originals);
    const { bytes, how } = mutate(original, random);
    cases++;
    const t0 = performance.now();
    let result: ReturnType<typeof readImage>;
    try {
      result = readImage(bytes, "fuzz.antbin");
    } catch (error) {
      failures.push(`case ${cases} (${how}) threw: ${String(error)}`);
      continue;
    }
    slowest = Math.max(slowest, performance.now() - t0);

    if (result.ir !== undefined) {
      // An accepted mutation must be a valid IR: writing it again must read back the same.
      accepted++;
      const again = readImage(writeImage(result.ir));
      if (again.diagnostics.length > 0)
        failures.push(`case ${cases} (${how}) was accepted but does not survive a rewrite`);
      continue;
    }
    const [d] = result.diagnostics;
    if (result.diagnostics.length !== 1 || d === undefined || !/^ANT4\d{3}$/.test(d.code))
      failures.push(`case ${cases} (${how}) gave ${JSON.stringify(result.diagnostics)}`);
    else if (d.code === "ANT4000")
      failures.push(`case ${cases} (${how}): internal error ${d.message}`);
    else if (d.bytes === undefined || d.bytes.byteOffset < 0 || d.bytes.byteOffset > bytes.length)
      failures.push(`case ${cases} (${how}) has no byte offset inside the file`);
    if (d !== undefined) codes[d.code] = (codes[d.code] ?? 0) + 1;
  }
  return { cases, accepted, codes, failures, slowestReadMs: slowest };
}
