/**
 * The long fuzz run of the language front end: random texts, truncations and mutations of every
 * example (see test/dsl/fuzz-core.ts). Prints the number of cases, how many still checked
 * clean, which diagnostics came back and the slowest input. Exits 1 on any failure.
 *   npx tsx bench/fuzz-dsl.ts 5000          (iterations; default 1000)
 *   npx tsx bench/fuzz-dsl.ts 5000 --seed 9
 */
import { exampleFiles } from "../test/dsl/helpers.ts";
import { fuzzFrontEnd, seedInputs } from "../test/dsl/fuzz-core.ts";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) ? value : fallback;
}

const first = Number(process.argv[2]);
const iterations = Number.isInteger(first) && first > 0 ? first : 1000;
const seed = option("seed", 1);
const limitMs = option("limit-ms", 1000);

const started = performance.now();
const outcome = fuzzFrontEnd(seedInputs(exampleFiles()), seed, iterations, limitMs);
const seconds = (performance.now() - started) / 1000;

console.log(`fuzz-dsl: seed ${seed}, ${iterations} iterations, ${seconds.toFixed(1)} s`);
console.log(`cases ${outcome.cases}, still clean ${outcome.accepted}`);
console.log(`slowest input ${outcome.slowestMs.toFixed(2)} ms`);
for (const [code, n] of Object.entries(outcome.codes).sort()) console.log(`  ${code}  ${n}`);
for (const f of outcome.failures.slice(0, 20)) console.log(`FAIL ${f}`);
console.log(outcome.failures.length === 0 ? "ok" : `${outcome.failures.length} failures`);
process.exitCode = outcome.failures.length === 0 ? 0 : 1;
