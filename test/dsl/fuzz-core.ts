/**
 * Seeded fuzzing of the language front end, shared by the suite's short run
 * (test/dsl/fuzz.test.ts) and the long run (bench/fuzz-dsl.ts). Inputs are random bytes, every
 * example cut off at many points, and examples with random byte and token mutations. The
 * front end's promise: loadProgramFromText always returns, never throws, never reports an
 * internal error, and answers each input quickly.
 */
import { readFileSync } from "node:fs";
import { loadProgramFromText } from "../../dsl/index.ts";
import { seededRandom } from "../helpers/seeded-random.ts";

export interface FuzzOutcome {
  readonly cases: number;
  /** Inputs that still checked without errors. */
  readonly accepted: number;
  readonly codes: Readonly<Record<string, number>>;
  /** Inputs that broke the promise; empty when all is well. */
  readonly failures: readonly string[];
  readonly slowestMs: number;
}

type Random = () => number;

export { seededRandom };

const FRAGMENTS = [
  "{",
  "}",
  "[",
  "]",
  "(",
  ")",
  "..",
  "->",
  ",",
  "=",
  " x ",
  "-",
  "*",
  "/",
  "+",
  '"',
  "/*",
  "ms",
  "mV",
  "Hz",
  "KiB",
  "unlimited",
  "0",
  "1e309",
  "-1",
  "0.5",
  "999999999",
  "file",
  "import",
  "connect",
  "population",
  "neuron",
  "let",
  "target",
  "weight",
  "conv2d(kernel = 3 x 3)",
  "random(p = 2)",
  "uniform(1 mV, 0 mV)",
  "\n",
  "\u00e9",
  "\u0000",
];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export interface FuzzInput {
  readonly path: string;
  readonly text: string;
}

/** The example files as fuzzing seeds: path (so imports still resolve) and text. */
export function seedInputs(paths: readonly string[]): FuzzInput[] {
  return paths.map((path) => ({ path, text: readFileSync(path, "utf8") }));
}

export function randomText(random: Random, length: number): string {
  const codes = Array.from({ length }, () =>
    random() < 0.8 ? 32 + Math.floor(random() * 95) : Math.floor(random() * 256),
  );
  return String.fromCharCode(...codes);
}

/** Cut-off points spread over the whole text, ends included. */
export function truncations(text: string, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i <= count; i++) out.push(text.slice(0, Math.round((text.length * i) / count)));
  return out;
}

export function mutate(random: Random, text: string): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = random();
    if (kind < 0.3) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 8));
    else if (kind < 0.6) out = out.slice(0, at) + pick(random, FRAGMENTS) + out.slice(at);
    else if (kind < 0.8) {
      const byte = String.fromCharCode(Math.floor(random() * 256));
      out = out.slice(0, at) + byte + out.slice(at + 1);
    } else {
      // Repeat a slice: deep nesting and long runs of the same construct.
      const piece = out.slice(at, at + 1 + Math.floor(random() * 12));
      out = out.slice(0, at) + piece.repeat(1 + Math.floor(random() * 40)) + out.slice(at);
    }
  }
  return out;
}

export class FuzzRun {
  private cases = 0;
  private accepted = 0;
  private slowestMs = 0;
  private readonly codes: Record<string, number> = {};
  private readonly failures: string[] = [];

  constructor(private readonly limitMs: number) {}

  /** Loads one input and records whether the front end kept its promise. */
  check(path: string, text: string, label: string): void {
    this.cases++;
    const started = performance.now();
    let result: ReturnType<typeof loadProgramFromText>;
    try {
      result = loadProgramFromText(path, text);
    } catch (error) {
      this.failures.push(`${label}: threw ${String(error)}`);
      return;
    }
    const ms = performance.now() - started;
    this.slowestMs = Math.max(this.slowestMs, ms);
    if (ms > this.limitMs) this.failures.push(`${label}: took ${ms.toFixed(0)} ms`);

    for (const d of result.diagnostics) {
      this.codes[d.code] = (this.codes[d.code] ?? 0) + 1;
      if (d.code === "ANT1000" || d.code === "ANT2000")
        this.failures.push(`${label}: internal error ${d.message}`);
    }
    const hasError = result.diagnostics.some((d) => d.severity === "error");
    if (hasError === (result.program !== undefined))
      this.failures.push(`${label}: a program is given if and only if there is no error`);
    if (!hasError) this.accepted++;
  }

  outcome(): FuzzOutcome {
    return {
      cases: this.cases,
      accepted: this.accepted,
      codes: { ...this.codes },
      failures: [...this.failures],
      slowestMs: this.slowestMs,
    };
  }
}

/** One round: random texts, truncations of every seed, and mutations of every seed. */
export function fuzzFrontEnd(
  seeds: readonly FuzzInput[],
  seed: number,
  rounds: number,
  limitMs: number,
): FuzzOutcome {
  const random = seededRandom(seed);
  const run = new FuzzRun(limitMs);
  for (let round = 0; round < rounds; round++) {
    const length = Math.floor(random() * 400);
    run.check("examples/fuzz.ant", randomText(random, length), `random #${round}`);
    for (const input of seeds) {
      const text = mutate(random, input.text);
      run.check(input.path, text, `mutation #${round} of ${input.path}`);
    }
  }
  for (const input of seeds) {
    truncations(input.text, 40).forEach((text, i) => {
      run.check(input.path, text, `truncation ${i}/40 of ${input.path}`);
    });
  }
  return run.outcome();
}
