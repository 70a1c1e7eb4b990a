// Compile -> write -> read gives back the identical IR for every bundled example that declares a
// network (target-only files have nothing to map), and the image bytes depend only on the source.
import { readdirSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { compileFile } from "../../src/compiler/index.ts";
import { readImage, writeImage } from "../../src/image/index.ts";

const networks = readdirSync("examples")
  .filter((f) => f.endsWith(".ant") && !f.endsWith("-target.ant"))
  .sort();

describe.each(networks)("the compiled example '%s'", (file) => {
  const compiled = compileFile(`examples/${file}`, "ant-ref");

  it("compiles for ant-ref without errors", () => {
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(compiled.ir).toBeDefined();
  });

  it("reads back from its image as the identical IR", () => {
    const result = readImage(writeImage(compiled.ir!), file);

    expect(result.diagnostics).toEqual([]);
    expect(isDeepStrictEqual(result.ir, compiled.ir)).toBe(true);
  });

  it("gives a byte-identical image when compiled again", () => {
    const again = compileFile(`examples/${file}`, "ant-ref");

    expect(Buffer.from(writeImage(again.ir!)).equals(Buffer.from(writeImage(compiled.ir!)))).toBe(
      true,
    );
  });
});

it("covers at least the four network examples", () => {
  expect(networks).toEqual(
    expect.arrayContaining(["conv.ant", "cuba.ant", "imported.ant", "stdp.ant"]),
  );
});
