// "Exit this page": a real link that works without JavaScript; with it,
// Shift pressed three times leaves at once and Back does not come back.
// Other sites are stubbed (lib/browser.js): nothing leaves the machine.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch, newContext } from "../lib/browser.js";
import { onePerKind, start } from "../lib/site.js";

// The exit link, however the theme marks it.
const exitLink = 'a.exit-button, a.exit-this-page, .exit-this-page a[href], a[data-exit]:not(.skip-link), a[href][class*="exit"]:not(.skip-link)';

let site, browser, pages;
before(async () => {
  site = await start();
  browser = await launch();
  pages = onePerKind(site.pages, ["/report/worried-right-now/", "/report/", "/topics/", "/topics/grooming/"]);
});
after(async () => {
  await browser?.close();
  site?.close();
});

test("every page has an exit link to another site", { timeout: 120_000 }, async () => {
  const context = await newContext(browser, site, { javaScriptEnabled: false });
  const page = await context.newPage();
  const missing = [];
  for (const path of site.pages) {
    await page.goto(site.url(path));
    const href = await page.locator(exitLink).first().getAttribute("href", { timeout: 1000 }).catch(() => null);
    const ok = href && new URL(href, site.base).host !== new URL(site.base).host;
    if (!ok) missing.push(`  ${path}: ${href === null ? "no exit link" : `exit link goes to ${href}`}`);
  }
  await context.close();
  console.log(`exit link present on ${site.pages.length - missing.length}/${site.pages.length} pages`);
  assert.equal(missing.length, 0, `pages without a working exit link:\n${missing.join("\n")}`);
});

test("the exit link works with JavaScript off", { timeout: 120_000 }, async () => {
  const context = await newContext(browser, site, { javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of pages) {
    await page.goto(site.url(path));
    const link = page.locator(exitLink).first();
    const target = new URL(await link.getAttribute("href"), site.base);
    await Promise.all([page.waitForURL((u) => u.host === target.host, { timeout: 10_000 }), link.click()]);
    console.log(`exit without JavaScript ${path}: left for ${new URL(page.url()).host}`);
  }
  await context.close();
});

test("Shift pressed three times leaves the page and Back does not return", { timeout: 120_000 }, async () => {
  const context = await newContext(browser, site);
  for (const path of pages) {
    const page = await context.newPage();
    // Arrive from somewhere else, as a parent would.
    await page.goto("https://start.example/");
    await page.goto(site.url(path));
    const target = new URL(await page.locator(exitLink).first().getAttribute("href"), site.base);
    await page.locator("body").click({ position: { x: 1, y: 1 } }).catch(() => {});
    await Promise.all([
      page.waitForURL((u) => u.host === target.host, { timeout: 10_000 }),
      (async () => {
        for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
      })(),
    ]);
    await page.goBack({ timeout: 10_000 }).catch(() => null);
    const back = new URL(page.url());
    assert.notEqual(back.host, new URL(site.base).host, `${path}: Back returned to the site (${page.url()})`);
    console.log(`exit with Shift ×3 ${path}: left for ${target.host}; Back goes to ${back.host}`);
    await page.close();
  }
  await context.close();
});
