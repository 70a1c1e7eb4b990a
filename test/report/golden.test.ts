// Golden text and JSON reports of small fixture IRs and of compiled examples, reviewed by eye: a change to what a user
// sees is a diff in test/golden/reports/. Rewrite them with UPDATE_GOLDEN=1 and read the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileFile } from "../../src/compiler/index.ts";
import type { ChipIR } from "../../src/ir/types.ts";
import { buildReport, formatJsonReport, formatTextReport } from "../../src/report/index.ts";
import { hostileNamesIr, multiChipIr, smallNetworkIr } from "../helpers/ir-fixtures.ts";

const GOLDEN_DIR = join(import.meta.dirname, "../golden/reports");
const update = process.env["UPDATE_GOLDEN"] === "1";

function expectGolden(file: string, actual: string): void {
  const path = join(GOLDEN_DIR, file);
  if (update || !existsSync(path)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual);
    if (!update) throw new Error(`wrote missing golden file ${file}; review it and run again`);
    return;
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}

const cases: { name: string; ir: () => ChipIR }[] = [
  { name: "small", ir: smallNetworkIr },
  { name: "multi-chip", ir: multiChipIr },
  { name: "hostile-names", ir: hostileNamesIr },
  // Compiled examples: a change in the compiler's mapping shows up here as a reviewed diff.
  { name: "example-stdp", ir: () => compiledExample("stdp.ant") },
  { name: "example-conv", ir: () => compiledExample("conv.ant") },
];

function compiledExample(file: string): ChipIR {
  const result = compileFile(join(import.meta.dirname, "../../examples", file), "ant-ref");
  if (result.ir === undefined) throw new Error(`examples/${file} did not compile`);
  return result.ir;
}

describe("golden placement reports", () => {
  for (const { name, ir } of cases) {
    it(`matches the reviewed text report of the ${name} fixture`, () => {
      expectGolden(`${name}.txt`, formatTextReport(buildReport({ ir: ir() })));
    });

    it(`matches the reviewed JSON report of the ${name} fixture`, () => {
      expectGolden(`${name}.json`, formatJsonReport(buildReport({ ir: ir() })));
    });
  }
});
