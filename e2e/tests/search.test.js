// Search that answers: parents' questions (data/search-queries.json) typed
// into the real search page in Chromium, and the page that must come first.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { launch, newContext } from "../lib/browser.js";
import { start } from "../lib/site.js";

const { queries } = JSON.parse(readFileSync(new URL("../data/search-queries.json", import.meta.url), "utf8"));

let site, browser;
before(async () => {
  site = await start();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  site?.close();
});

test("parents' questions find the right page first", { timeout: 300_000 }, async () => {
  assert.ok(queries.length >= 20, `only ${queries.length} queries in data/search-queries.json`);
  const context = await newContext(browser, site);
  const page = await context.newPage();
  // The ranking code is fetched only when a reader starts a search.
  const engine = () => page.evaluate(() => [...document.scripts].some((s) => /search-engine\./.test(s.src)));
  const failed = [];
  let at = "";
  // Each query is typed into its language's search page (/ur/search/),
  // which searches that language's index.
  for (const { page: searchPage = "/search/", q, first, above = [] } of queries) {
    if (searchPage !== at) {
      await page.goto(site.url(searchPage));
      at = searchPage;
      assert.equal(await engine(), false, `${searchPage}: the ranking code was loaded before anyone searched`);
    }
    const input = page.locator("#search_q");
    await input.fill(q);
    await input.press("Enter");
    // The status says "N results for “q”" (or no results, in the page's
    // language: „q” in Polish) when the list is shown.
    await page.waitForFunction((q) => {
      const s = document.querySelector("[data-search-status]").textContent;
      return s.includes(`${q}”`);
    }, q, { timeout: 10_000 });
    const got = await page.$$eval("[data-search-results] .search-title a", (as) => as.map((a) => new URL(a.href).pathname));
    assert.ok(await engine(), "searching loads the ranking code");
    const want = [first].flat();
    const problems = [];
    if (!want.includes(got[0])) problems.push(`first is ${got[0] ?? "nothing"}, want ${want.join(" or ")}`);
    for (const [a, b] of above) {
      const ia = got.indexOf(a), ib = got.indexOf(b);
      if (ia < 0 || (ib >= 0 && ib < ia)) problems.push(`${a} (${ia < 0 ? "not found" : `#${ia + 1}`}) should rank above ${b} (#${ib + 1})`);
    }
    console.log(`search ${searchPage} "${q}": ${got.slice(0, 3).join(", ")}${problems.length ? "  ✗" : ""}`);
    if (problems.length) failed.push(`  ${searchPage} "${q}": ${problems.join("; ")}\n    results: ${got.slice(0, 6).join(", ")}`);
  }
  await context.close();
  assert.equal(failed.length, 0, `queries ranked wrong:\n${failed.join("\n")}`);
});

test("the status speaks the page's language, in its plural forms", async () => {
  const context = await newContext(browser, site);
  const page = await context.newPage();
  await page.goto(site.url("/search/"));
  // The sentences are the page's (a translated search page sets them from
  // i18n/); here the page is made Polish, which has one, few, many, other.
  await page.evaluate(() => {
    document.documentElement.lang = "pl";
    Object.assign(document.querySelector("[data-search-status]").dataset, { one: "one {n} {q}", few: "few {n} {q}", many: "many {n} {q}", other: "other {n} {q}", none: "none {q}" });
  });
  for (const q of ["snapchat", "xylophone"]) {
    await page.locator("#search_q").fill(q);
    await page.locator("#search_q").press("Enter");
    await page.waitForFunction((q) => document.querySelector("[data-search-status]").textContent.endsWith(` ${q}`), q);
    const n = await page.$$eval("[data-search-results] li", (ls) => ls.length);
    const more = await page.isVisible("[data-search-more]");
    const status = await page.textContent("[data-search-status]");
    if (!n) assert.equal(status, `none ${q}`);
    else {
      const total = Number(status.split(" ")[1]);
      assert.ok(more ? total > n : total === n, `status ${status} with ${n} results shown`);
      assert.equal(status, `${new Intl.PluralRules("pl").select(total)} ${total} ${q}`);
    }
  }
  await context.close();
});
