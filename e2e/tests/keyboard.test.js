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

test("the first Tab reaches the skip link, which moves focus to main", { timeout: 300_000 }, async () => {
  const page = await context.newPage();
  const failed = [];
  for (const path of site.pages) {
    await page.goto(site.url(path));
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => {
      const a = document.activeElement;
      return { tag: a.tagName, href: a.getAttribute("href"), text: a.textContent.trim() };
    });
    let problem = "";
    if (first.tag !== "A" || !first.href?.startsWith("#") || !/skip/i.test(first.text)) {
      problem = `first Tab focused <${first.tag.toLowerCase()} href=${first.href}> "${first.text}", not a skip link`;
    } else {
      await page.keyboard.press("Enter");
      const where = await page.evaluate(() => {
        const a = document.activeElement;
        return { inMain: !!a.closest("main"), tag: a.tagName, id: a.id };
      });
      if (!where.inMain) problem = `the skip link (${first.href}) left focus on <${where.tag.toLowerCase()} id=${where.id}>, not in main`;
    }
    console.log(`skip link ${path}: ${problem || "ok"}`);
    if (problem) failed.push(`  ${path}: ${problem}`);
  }
  await page.close();
  assert.equal(failed.length, 0, `skip link problems:\n${failed.join("\n")}`);
});

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

test("every interactive element is reached by Tab and shows focus", { timeout: 300_000 }, async () => {
  const page = await context.newPage();
  const failed = [];
  for (const path of site.pages) {
    await page.goto(site.url(path));
    // Number what should be reachable: visible, focusable, not inert, and
    // record how each looks without focus.
    const expected = await page.evaluate(
      ([sel, ring]) => {
        const look = new Function(`return (${ring})`)();
        const out = [];
        document.querySelectorAll(sel).forEach((el, i) => {
          const hidden = el.closest("[hidden], [inert], [aria-hidden='true']") || !el.checkVisibility({ visibilityProperty: true });
          if (hidden) return;
          el.dataset.e2e = String(i);
          out.push({ i: String(i), label: `<${el.tagName.toLowerCase()}> "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40)}"`, before: look(el) });
        });
        return out;
      },
      [focusable, focusRing.toString()],
    );
    const seen = new Map();
    for (let n = 0; n < expected.length * 2 + 5; n++) {
      await page.keyboard.press("Tab");
      const now = await page.evaluate((ring) => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const look = new Function(`return (${ring})`)();
        return { i: el.dataset.e2e ?? null, after: look(el), visible: el.matches(":focus-visible") };
      }, focusRing.toString());
      if (now === null) break;
      if (now.i !== null && seen.has(now.i)) break;
      if (now.i !== null) seen.set(now.i, now);
    }
    const problems = [];
    for (const e of expected) {
      const got = seen.get(e.i);
      if (!got) problems.push(`${e.label} is never reached with Tab`);
      else if (got.after === e.before) problems.push(`${e.label} looks the same with and without focus`);
    }
    console.log(`tab order ${path}: ${seen.size}/${expected.length} reached${problems.length ? `; ${problems.length} problem(s)` : ", all show focus"}`);
    if (problems.length) failed.push(`  ${path}\n${problems.map((p) => `    ${p}`).join("\n")}`);
  }
  await page.close();
  assert.equal(failed.length, 0, `keyboard problems:\n${failed.join("\n")}`);
});
