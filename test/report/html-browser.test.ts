// The HTML report in a real browser (Debian's chromium driven by playwright-core): it renders
// one square per core, raises no errors, shows a clicked core's details, switches colouring,
// executes nothing from a hostile name and fetches nothing. It also writes the screenshot in
// docs/reports.md. Skipped, saying why, only where /usr/bin/chromium is missing (CI has it).
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, renderHtmlReport } from "../../src/report/index.ts";
import { hostileNamesIr, multiChipIr } from "../helpers/ir-fixtures.ts";
import { demoIr } from "./demo-ir.ts";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`Skipping the HTML report browser tests: ${CHROMIUM} is not installed.`);

const dir = mkdtempSync(join(tmpdir(), "ant-report-html-"));

function writePage(name: string, html: string): string {
  const path = join(dir, `${name}.html`);
  writeFileSync(path, html);
  return pathToFileURL(path).href;
}

describe.skipIf(!hasChromium)("the HTML report in chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a page and collects console errors, page errors, dialogs and outside requests. */
  async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1180, height: 820 } });
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("dialog", (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on("request", (r) => {
      if (r.url() !== url) problems.push(`request: ${r.url()}`);
    });
    await page.goto(url);
    return { page, problems };
  }

  it("draws one square per core, shows a clicked core and switches colouring", async () => {
    const data = buildReport({ ir: demoIr() });
    const { page, problems } = await open(writePage("demo", renderHtmlReport(data)));

    expect(await page.locator("#mesh .core").count()).toBe(data.cores.length);
    expect(data.cores).toHaveLength(8);
    expect(await page.locator("#mesh .link").count()).toBe(data.links.length);

    await page.locator('#mesh .core[data-core="7"]').click();
    const details = await page.locator("#details").innerText();
    expect(details).toContain("Core 7");
    expect(details).toContain("readout [0:10] (10 neurons)");
    expect(details).toMatch(/synapses\s+1200 of 2048 \(58\.6 %\)/);

    const rect = page.locator('#mesh .core[data-core="0"] rect');
    const utilisationFill = await rect.getAttribute("fill");
    expect(utilisationFill).toBe(await rect.getAttribute("data-fill-utilisation"));
    await page.getByRole("radio", { name: "traffic (estimated)" }).check();
    const trafficFill = await rect.getAttribute("fill");
    expect(trafficFill).toBe(await rect.getAttribute("data-fill-traffic"));
    expect(trafficFill).not.toBe(utilisationFill);
    expect(await page.locator('.legend[data-mode="traffic"]').isVisible()).toBe(true);
    expect(await page.locator('.legend[data-mode="utilisation"]').isVisible()).toBe(false);

    await page.locator('#mesh .core[data-core="2"]').focus();
    await page.keyboard.press("Enter");
    expect(await page.locator("#details h2").innerText()).toBe("Core 2");

    // The documentation's screenshot: utilisation colouring with core 6 selected.
    await page.getByRole("radio", { name: "utilisation" }).check();
    await page.locator('#mesh .core[data-core="6"]').click();
    await page.screenshot({ path: "docs/img/report-mesh.png", fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("runs no script and opens no dialog for names that contain markup", async () => {
    const data = buildReport({ ir: hostileNamesIr() });
    const { page, problems } = await open(writePage("hostile", renderHtmlReport(data)));
    await page.locator('#mesh .core[data-core="0"]').click();

    expect(await page.locator("#details li").first().innerText()).toBe(
      "<script>alert(1)</script> [0:3] (3 neurons)",
    );
    expect(await page.title()).toBe(`Placement of '${data.network}'`);
    expect(await page.locator("script").count()).toBe(2);
    expect(await page.locator("img").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("offers energy and spike colouring when a run supplied activity", async () => {
    const ir = multiChipIr();
    const activity = {
      durationS: 1,
      cores: ir.cores.map((_, k) => ({ spikes: 10 * k, synOps: 100 * k, energyJ: 1e-9 * k })),
      links: [{ router: ir.cores[0]!.router, port: 1, messages: 12 }],
    };
    const data = buildReport({ ir, activity });
    const html = renderHtmlReport(data, { colourBy: "energy" });
    const { page, problems } = await open(writePage("activity", html));

    expect(await page.locator("input[name=colour-by]").count()).toBe(4);
    expect(await page.locator("input[value=energy]").isChecked()).toBe(true);
    await page.locator('#mesh .core[data-core="3"]').click();
    expect(await page.locator("#details").innerText()).toMatch(/energy \(measured\)\s+3\.00e-9 J/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
