/**
 * `npm run bench`: the benchmarks people expect to run in one go, each as its own process so one
 * failure does not hide the others. Arguments after `--` go to every benchmark, and each ignores
 * the options it does not know: a quick check is `npm run bench -- --duration 1s --sizes 10000`.
 * The long image fuzzer (bench/fuzz-image.ts) is not part of this run: start it on its own.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
/** Emulator throughput (with Brian2 beside it) and compile time; a missing file is skipped. */
const BENCHMARKS = ["emulator.ts", "compile.ts"].filter((f) => existsSync(join(HERE, f)));

let failed = 0;
for (const file of BENCHMARKS) {
  process.stdout.write(`== bench/${file}\n`);
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", join(HERE, file), ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  if (child.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
