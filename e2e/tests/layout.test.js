// Layout: at 320 CSS pixels wide no page scrolls sideways (WCAG 1.4.10
// reflow); printed, pages hide navigation and buttons.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch, newContext } from "../lib/browser.js";
import { start } from "../lib/site.js";

let site, browser;
before(async () => {
  site = await start();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  site?.close();
});

test("at 320px wide no page scrolls sideways", { timeout: 600_000 }, async () => {
  const context = await newContext(browser, site, { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const failed = [];
  for (const path of site.pages) {
    await page.goto(site.url(path));
    const r = await page.evaluate(() => {
      const root = document.documentElement;
      const width = root.clientWidth;
      const wide = [];
      if (root.scrollWidth > width) {
        for (const el of document.body.querySelectorAll("*")) {
          const b = el.getBoundingClientRect();
          if (b.right > width + 1 && b.width > 0 && !el.closest(".skip-link, .visually-hidden")) {
            wide.push(`<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ""}> right edge ${Math.round(b.right)}px`);
          }
        }
      }
      return { scrollWidth: root.scrollWidth, width, wide: wide.slice(0, 5) };
    });
    const ok = r.scrollWidth <= r.width;
    console.log(`320px ${path}: ${ok ? "fits" : `scrolls sideways (${r.scrollWidth}px in ${r.width}px)`}`);
    if (!ok) failed.push(`  ${path}: ${r.scrollWidth}px wide in ${r.width}px\n${r.wide.map((w) => `    ${w}`).join("\n")}`);
  }
  await context.close();
  assert.equal(failed.length, 0, `pages wider than 320px:\n${failed.join("\n")}`);
});

test("printed pages hide navigation and buttons", { timeout: 600_000 }, async () => {
  const context = await newContext(browser, site);
  const page = await context.newPage();
  await page.emulateMedia({ media: "print" });
  const failed = [];
  for (const path of site.pages) {
    await page.goto(site.url(path));
    const shown = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('nav, button, [role="button"], [role="navigation"], .skip-link, [data-exit], .exit-this-page, input, select')) {
        if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        const b = el.getBoundingClientRect();
        // Visually hidden (skip links before focus) do not print either.
        if (b.width <= 1 || b.height <= 1 || b.right <= 0 || b.bottom <= 0) continue;
        const label = el.getAttribute("aria-label") || el.textContent.trim().replace(/\s+/g, " ").slice(0, 40);
        out.push(`<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ""}> "${label}"`);
      }
      return out;
    });
    console.log(`print ${path}: ${shown.length === 0 ? "navigation and buttons hidden" : `${shown.length} shown`}`);
    if (shown.length) failed.push(`  ${path}\n${shown.map((s) => `    ${s}`).join("\n")}`);
  }
  await context.close();
  assert.equal(failed.length, 0, `printed pages that show navigation or buttons:\n${failed.join("\n")}`);
});
