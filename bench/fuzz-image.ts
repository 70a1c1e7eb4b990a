/**
 * The long fuzz run of the chip image reader: mutates the fixture images for a while (default
 * 60 s, `--seconds N`, `--seed N`) and prints how many cases ran, how many mutated images were
 * still valid, which diagnostics came back and the slowest read. Exits 1 on any failure.
 *   npx tsx bench/fuzz-image.ts --seconds 120 --seed 7
 */
import { writeImage } from "../src/image/index.ts";
import { allFixtureIrs } from "../test/helpers/ir-fixtures.ts";
import { fuzzImages } from "../test/image/fuzz-core.ts";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) ? value : fallback;
}

const seconds = option("seconds", 60);
const seed = option("seed", 1);
const originals = allFixtureIrs().map(({ ir }) => writeImage(ir));
const outcome = fuzzImages(originals, seed, seconds * 1000);

console.log(`fuzz-image: seed ${seed}, ${seconds} s`);
console.log(`cases ${outcome.cases}, still valid ${outcome.accepted}`);
console.log(`slowest read ${outcome.slowestReadMs.toFixed(2)} ms`);
for (const [code, n] of Object.entries(outcome.codes).sort()) console.log(`  ${code}  ${n}`);
for (const f of outcome.failures.slice(0, 20)) console.log(`FAIL ${f}`);
console.log(outcome.failures.length === 0 ? "ok" : `${outcome.failures.length} failures`);
process.exitCode = outcome.failures.length === 0 ? 0 : 1;
