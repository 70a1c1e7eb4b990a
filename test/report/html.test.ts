// The HTML page as text: self-contained, every user name escaped, one square per core, and the
// colour of every mode precomputed. The browser test (html-browser.test.ts) checks behaviour.
import { describe, expect, it } from "vitest";
import { escapeHtml, jsonForScript } from "../../src/report/html-escape.ts";
import { buildReport, renderHtmlReport } from "../../src/report/index.ts";
import { rampColour } from "../../src/report/colour.ts";
import { allFixtureIrs, hostileNamesIr, smallNetworkIr } from "../helpers/ir-fixtures.ts";

describe("renderHtmlReport", () => {
  it("loads nothing from outside the file and forbids fetching anything", () => {
    for (const { ir } of allFixtureIrs()) {
      const html = renderHtmlReport(buildReport({ ir }));

      expect(html).toContain(`content="default-src 'none';`);
      expect(html).not.toMatch(/<(link|img|iframe|object)\b/i);
      expect(html).not.toMatch(/\b(src|href)=/i);
      expect(html).not.toMatch(/url\(/i);
    }
  });

  it("escapes every name, so markup in a name stays text", () => {
    const html = renderHtmlReport(buildReport({ ir: hostileNamesIr() }));

    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html).not.toContain("<img");
    expect(html).not.toContain('p<&>"');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("p&lt;&amp;&gt;&quot;&#39;");
    expect(html).toContain("naïve ∑ 🧠");
  });

  it("draws one square per core and one line per loaded link, coloured for every mode", () => {
    const data = buildReport({ ir: smallNetworkIr() });
    const html = renderHtmlReport(data, { colourBy: "traffic" });

    expect(html.match(/<g class="core"/g)).toHaveLength(3);
    expect(html.match(/<line class="link/g)).toHaveLength(data.links.length);
    expect(html.match(/<rect class="slot"/g)).toHaveLength(16 - 3);
    expect(html).toContain('<input type="radio" name="colour-by" value="traffic" checked>');
    // Core 1 carries the most traffic (50 Hz out, 280 Hz in): the darkest colour.
    expect(html).toContain(`fill="${rampColour(1, 1)}" data-fill-utilisation`);
  });

  it("falls back to utilisation when asked for a mode that needs a run", () => {
    const html = renderHtmlReport(buildReport({ ir: smallNetworkIr() }), { colourBy: "energy" });

    expect(html).toContain('value="utilisation" checked');
    expect(html).not.toContain('value="energy"');
  });
});

describe("escaping helpers", () => {
  it("escape the five characters that matter in text and attributes", () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  });

  it("keep JSON inside a script element from closing it", () => {
    const json = jsonForScript({ name: "</script><!--\u2028" });

    expect(json).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(json)).toEqual({ name: "</script><!--\u2028" });
  });
});
