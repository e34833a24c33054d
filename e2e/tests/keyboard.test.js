// Keyboard: the first Tab reaches the skip link and activating it moves
// focus to main; every interactive element can be reached with Tab and
// shows where focus is.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch, newContext } from "../lib/browser.js";
import { start } from "../lib/site.js";

let site, browser, context;
before(async () => {
  site = await start();
  browser = await launch();
  context = await newContext(browser, site);
});
after(async () => {
  await browser?.close();
  site?.close();
});

const focusable =
  'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, iframe, [contenteditable="true"], [tabindex]:not([tabindex="-1"])';

// focusRing is what can show focus on an element: outline, box shadow,
// colours, underline and border.
function focusRing(el) {
  const s = getComputedStyle(el);
  return JSON.stringify([
    s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : "",
    s.boxShadow,
    s.backgroundColor,
    s.color,
    s.textDecorationLine,
    s.textDecorationThickness,
    s.borderColor,
    s.borderWidth,
  ]);
}

// prepare numbers what should be reachable (visible, focusable, not inert),
// records how each looks without focus, and logs every focus from now on.
function prepare([sel, ring]) {
  const look = new Function(`return (${ring})`)();
  const expected = [];
  document.querySelectorAll(sel).forEach((el, i) => {
    const hidden = el.closest("[hidden], [inert], [aria-hidden='true']") || !el.checkVisibility({ visibilityProperty: true });
    if (hidden) return;
    el.dataset.e2e = String(i);
    const text = (el.textContent || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ").slice(0, 50);
    expected.push({ i: String(i), label: `<${el.tagName.toLowerCase()} ${el.getAttribute("href") ?? ""}> "${text}"`, before: look(el) });
  });
  window.__focusLog = [];
  document.addEventListener("focusin", (e) => {
    const el = e.target;
    window.__focusLog.push({
      i: el.dataset?.e2e ?? null,
      tag: el.tagName,
      href: el.getAttribute?.("href") ?? null,
      text: (el.textContent || "").trim(),
      after: look(el),
    });
  });
  return expected;
}

test("keyboard: the first Tab reaches the skip link, which moves focus to main; every interactive element is reached and shows focus", { timeout: 900_000 }, async () => {
  const page = await context.newPage();
  const failed = [];
  for (const path of site.pages) {
    await page.goto(site.url(path));
    const expected = await page.evaluate(prepare, [focusable, focusRing.toString()]);
    // Tab through the page once, and a little more.
    for (let n = 0; n < expected.length + 3; n++) await page.keyboard.press("Tab");
    const log = await page.evaluate(() => window.__focusLog);
    const problems = [];

    const first = log[0];
    // The skip link is the first stop: a link within the page (its words
    // are in the page's language, so they are not checked here).
    if (!first || first.tag !== "A" || !first.href?.startsWith("#")) {
      problems.push(first ? `the first Tab focused <${first.tag.toLowerCase()} ${first.href}> "${first.text}", not a skip link` : "the first Tab focused nothing");
    } else {
      await page.evaluate((i) => document.querySelector(`[data-e2e="${i}"]`).focus(), first.i);
      await page.keyboard.press("Enter");
      const where = await page.evaluate(() => {
        const a = document.activeElement;
        return { inMain: !!a.closest("main"), tag: a.tagName, id: a.id };
      });
      if (!where.inMain) problems.push(`the skip link (${first.href}) left focus on <${where.tag.toLowerCase()} id="${where.id}">, not in main`);
    }

    const seen = new Map();
    for (const f of log) if (f.i !== null && !seen.has(f.i)) seen.set(f.i, f);
    for (const e of expected) {
      const got = seen.get(e.i);
      if (!got) problems.push(`${e.label} is never reached with Tab`);
      else if (got.after === e.before) problems.push(`${e.label} looks the same with and without focus`);
    }
    console.log(`keyboard ${path}: skip link ${problems.some((p) => p.includes("skip link") || p.includes("first Tab")) ? "FAILED" : "ok"}, ${seen.size}/${expected.length} reached by Tab${problems.length ? `, ${problems.length} problem(s)` : ", all show focus"}`);
    if (problems.length) failed.push(`  ${path}\n${problems.map((p) => `    ${p}`).join("\n")}`);
  }
  await page.close();
  assert.equal(failed.length, 0, `keyboard problems:\n${failed.join("\n")}`);
});
