// The parent's first minute, on a cheap phone (360×780), light and dark:
// on the crisis pages the whole emergency block is on the first screen,
// with tap-to-call numbers; the header is at most 120px; Exit this page is
// the first stop after the skip link and the sticky bar never lets text
// show beside it; the "Worried" route is one tap away.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch, newContext } from "../lib/browser.js";
import { start } from "../lib/site.js";

const phone = { width: 360, height: 780 };
const englishCrisisPages = ["/", "/report/worried-right-now/", "/report/", "/report/uk/", "/warning-signs/"];
// crisisPages are the English crisis pages and every translation of them
// the build wrote (/ur/report/worried-right-now/…): a parent reading Urdu
// needs the emergency block on the first screen as much as one reading
// English.
function crisisPages(pages) {
  const prefixes = new Set(pages.map((p) => /^\/([a-z]{2,3}(?:-[a-z0-9]+)?)\/$/i.exec(p)?.[1]).filter(Boolean));
  const translated = [...prefixes].flatMap((l) => englishCrisisPages.map((p) => `/${l}${p}`)).filter((p) => pages.includes(p));
  return [...englishCrisisPages, ...translated];
}
const maxHeader = 120;

let site, browser;
before(async () => {
  site = await start();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  site?.close();
});

// measure returns where things are on the first screen, in CSS pixels
// from the top of the page.
function measure() {
  const box = (el) => el && el.getBoundingClientRect();
  const block = document.querySelector("main .block-emergency");
  const tels = block ? [...block.querySelectorAll('a[href^="tel:"]')] : [];
  // The header: everything above the page's own content.
  const bars = [...document.querySelectorAll("body > header, body > .site-routes")];
  const worried = document.querySelector('a.worried-link, header a[href*="worried"]');
  return {
    block: block && { top: Math.round(box(block).top), bottom: Math.round(box(block).bottom) },
    tels: tels.map((a) => ({ href: a.getAttribute("href"), bottom: Math.round(box(a).bottom) })),
    header: Math.round(Math.max(0, ...bars.map((b) => box(b).bottom))),
    worried: worried && worried.checkVisibility() ? Math.round(box(worried).bottom) : null,
  };
}

for (const scheme of ["light", "dark"]) {
  test(`${scheme}, 360×780: the emergency block is on the first screen and the header is at most ${maxHeader}px`, { timeout: 120_000 }, async () => {
    const context = await newContext(browser, site, { viewport: phone, colorScheme: scheme });
    const page = await context.newPage();
    const failed = [];
    for (const path of crisisPages(site.pages)) {
      await page.goto(site.url(path));
      const m = await page.evaluate(measure);
      console.log(`${scheme} ${path}: emergency block ${m.block ? `${m.block.top}–${m.block.bottom}px` : "missing"}, header ${m.header}px, ${m.tels.map((t) => t.href).join(" ") || "no tel: links"}`);
      const problems = [];
      if (!m.block) problems.push("no emergency block");
      else if (m.block.bottom > phone.height) problems.push(`the emergency block ends at ${m.block.bottom}px, below the ${phone.height}px screen`);
      if (!m.tels.length) problems.push("the emergency block has no tap-to-call (tel:) link");
      if (m.header > maxHeader) problems.push(`the header is ${m.header}px tall; at most ${maxHeader}px`);
      if (m.worried === null || m.worried > phone.height) problems.push(`the "Worried" link is not on the first screen`);
      if (problems.length) failed.push(`  ${path}: ${problems.join("; ")}`);
    }
    await context.close();
    assert.equal(failed.length, 0, `first screen problems at 360×780 (${scheme}):\n${failed.join("\n")}`);
  });
}

test("Exit this page is the stop after the skip link, and stays in a bar no text shows beside", { timeout: 120_000 }, async () => {
  const context = await newContext(browser, site, { viewport: phone });
  const page = await context.newPage();
  const failed = [];
  for (const path of ["/report/uk/", "/settings/snapchat/"]) {
    await page.goto(site.url(path));
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const second = await page.evaluate(() => document.activeElement.textContent.trim());
    if (!/^Exit this page/.test(second)) failed.push(`  ${path}: the second Tab focuses "${second.slice(0, 40)}", not Exit this page`);
    await page.evaluate(() => document.activeElement.blur());
    // Scroll into the middle of the text: every point of the row the exit
    // button is in belongs to the bar, so no line of text shows beside or
    // under the button.
    await page.evaluate(() => window.scrollTo({ top: document.body.scrollHeight / 2, behavior: "instant" }));
    const r = await page.evaluate(() => {
      const b = document.querySelector(".exit-button, [data-exit]:not(.skip-link)").getBoundingClientRect();
      // The bar: the exit button's nearest sticky or fixed ancestor.
      let bar = document.querySelector(".exit-button, [data-exit]:not(.skip-link)");
      while (bar.parentElement && !/sticky|fixed/.test(getComputedStyle(bar).position)) bar = bar.parentElement;
      const out = { top: Math.round(b.top), bottom: Math.round(b.bottom), leaks: [] };
      for (let x = 1; x < innerWidth; x += 8) {
        for (const y of [b.top + 1, (b.top + b.bottom) / 2, b.bottom - 1]) {
          const el = document.elementFromPoint(x, y);
          if (!el || !bar.contains(el)) out.leaks.push(`(${x}, ${Math.round(y)}) <${el?.tagName.toLowerCase()}> "${(el?.textContent || "").trim().slice(0, 30)}"`);
        }
      }
      return out;
    });
    console.log(`exit bar ${path}: button at ${r.top}–${r.bottom}px after scrolling, ${r.leaks.length} points outside the bar`);
    if (r.top < 0 || r.bottom > phone.height) failed.push(`  ${path}: the exit button scrolled off screen (${r.top}–${r.bottom}px)`);
    if (r.leaks.length) failed.push(`  ${path}: page content shows in the exit button's row: ${r.leaks.slice(0, 3).join(", ")}`);
  }
  await context.close();
  assert.equal(failed.length, 0, failed.join("\n"));
});

test("Who to call sheets: one A4 page each, the two rules on it, no country after each name", { timeout: 120_000 }, async () => {
  const context = await newContext(browser, site);
  const page = await context.newPage();
  // Every language's sheets (/ur/who-to-call/uk/) must print on one page;
  // the two rules are checked in English, the words the test knows.
  const sheets = site.pages.filter((p) => /^\/([a-z]{2,3}\/)?who-to-call\/[^/]+\/$/.test(p));
  const english = (p) => p.startsWith("/who-to-call/");
  assert.ok(sheets.length >= 3, `found ${sheets.length} sheets`);
  const failed = [];
  for (const path of sheets) {
    await page.goto(site.url(path));
    const text = await page.evaluate(() => document.querySelector("main").innerText);
    const country = await page.evaluate(() => document.querySelector("h1").textContent.replace(/^.* in (the )?/, ""));
    const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
    const pages = Number(/\/Type\s*\/Pages[^>]*?\/Count (\d+)/.exec(pdf)?.[1] ?? /\/Count (\d+)/.exec(pdf)?.[1]);
    const problems = [];
    if (pages !== 1) problems.push(`prints on ${pages} A4 pages`);
    for (const rule of english(path) ? ["Never save, forward or show a sexual image of a child", "Do not confront the person"] : []) {
      if (!text.includes(rule)) problems.push(`does not say "${rule}"`);
    }
    const repeats = text.split(`(${country})`).length - 1 + text.split(`, ${country})`).length - 1;
    if (repeats) problems.push(`says "(${country})" ${repeats} times`);
    console.log(`sheet ${path}: ${pages} page(s) printed, ${problems.length ? problems.join("; ") : "both rules, no repeated country"}`);
    if (problems.length) failed.push(`  ${path}: ${problems.join("; ")}`);
  }
  await context.close();
  assert.equal(failed.length, 0, `sheet problems:\n${failed.join("\n")}`);
});

test("printed, links within the site show their full address", { timeout: 60_000 }, async () => {
  const context = await newContext(browser, site);
  const page = await context.newPage();
  await page.emulateMedia({ media: "print" });
  await page.goto(site.url("/report/uk/"));
  const shown = await page.$$eval('main a[href^="/"]', (as) =>
    as.map((a) => ({ href: a.href, after: getComputedStyle(a, "::after").content })).filter((a) => a.after !== "none")
  );
  assert.ok(shown.length > 0, "no link within the site prints its address");
  const partial = shown.filter((a) => !a.after.includes(a.href));
  console.log(`print /report/uk/: ${shown.length - partial.length}/${shown.length} links within the site print their full address`);
  assert.equal(partial.length, 0, `links printing less than their address:\n${partial.map((a) => `  ${a.href}: ${a.after}`).join("\n")}`);
});

test("the home page's ways in are whole cards to tap", { timeout: 60_000 }, async () => {
  const context = await newContext(browser, site, { viewport: phone });
  const page = await context.newPage();
  await page.goto(site.url("/"));
  const cards = await page.$$eval(".cards li", (lis) =>
    lis.map((li) => {
      li.scrollIntoView({ behavior: "instant", block: "center" });
      const b = li.getBoundingClientRect();
      // A point in the card's empty corner, away from the link text.
      const el = document.elementFromPoint(b.right - 6, b.bottom - 6);
      return { href: li.querySelector("a")?.getAttribute("href"), tapped: el?.closest("a")?.getAttribute("href") ?? null };
    })
  );
  console.log(`home: ${cards.length} cards: ${cards.map((c) => `${c.href}${c.tapped === c.href ? "" : " (corner not a link)"}`).join(", ")}`);
  await context.close();
  assert.ok(cards.length >= 4, `the home page shows ${cards.length} ways in; want the four sections`);
  assert.deepEqual(cards.filter((c) => c.tapped !== c.href), [], "cards whose corner does not follow their link");
});
