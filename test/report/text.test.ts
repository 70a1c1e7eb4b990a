// The terminal table: names from the user's file cannot drive the terminal.
import { describe, expect, it } from "vitest";
import { buildReport, formatTextReport, terminalSafe } from "../../src/report/index.ts";
import { buildIr, emptyIr } from "../helpers/ir-fixtures.ts";

describe("formatTextReport", () => {
  it("replaces escape sequences and bidirectional overrides in names", () => {
    const ir = buildIr({
      name: "red\u001b[31m",
      populations: [{ name: "ab\u202ecd", size: 1 }],
    });
    const text = formatTextReport(buildReport({ ir }));

    expect(text).toContain("'red?[31m'");
    expect(text).toContain("ab?cd[0:1]");
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e]/);
  });

  it("cuts long names with an ellipsis", () => {
    expect(terminalSafe("abcdefghij", 6)).toBe("abc...");
    expect(terminalSafe("abc", 6)).toBe("abc");
  });

  it("says so when a network has no projections and no link carries a spike", () => {
    const text = formatTextReport(buildReport({ ir: emptyIr() }));

    expect(text).toContain("Quantisation: no projections");
    expect(text).toContain("busiest link: none (no spike leaves its core)");
  });
});
