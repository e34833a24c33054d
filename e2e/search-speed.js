// Times the first query of the search page on built sites, in Chromium:
//   node search-speed.js [-runs N] /path/to/public [/path/to/other/public …]
// Several sites are timed in turn, run by run, so a busy machine slows
// each alike (paired runs).
// (issue 18: a 10,000-page corpus, first query ≤ 50 ms median). Each run is
// a fresh browser context (empty cache): the page loads, then a query is
// typed and submitted, and the time is taken in the page from the submit to
// the status saying how many results there are, the results shown. Four
// ways: typed key by key, 150 ms a key (a quick typist), then Enter at
// once ("typed"); the same at 60 ms a key, faster than people type ("typed
// fast"); filled in and submitted at once ("instant": the ranking code and
// the shards are fetched on the way); and opening a ?q= link (from
// navigation start). Figures go in notes, not assertions.
import { launch } from "./lib/browser.js";
import { serve } from "./lib/site.js";
import { resolve } from "node:path";

const args = process.argv.slice(2);
let runs = 15;
if (args[0] === "-runs") runs = Number(args.splice(0, 2)[1]);
const queries = ["report grooming", "snapchat privacy settings", "topic 1233", "child online safety", "how do i report"];

const sites = [];
for (const dir of args) {
  const server = serve(resolve(dir));
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  sites.push({ dir, server, base: `http://127.0.0.1:${server.address().port}` });
}
const browser = await launch();

// done resolves with performance.now() when the status names the query.
const watch = (q) =>
  new Promise((ok) => {
    const s = document.querySelector("[data-search-status]");
    new MutationObserver(() => s.textContent.includes(`“${q}”`) && ok(performance.now())).observe(s, { childList: true, characterData: true, subtree: true });
  });

async function submitted(base, q, delay) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/search/`, { waitUntil: "networkidle" });
  const input = page.locator("#search_q");
  await input.focus();
  if (delay) await input.pressSequentially(q, { delay });
  else await input.fill(q);
  await page.evaluate(() => document.querySelector("[data-search]").addEventListener("submit", () => (window.__t0 = performance.now()), { capture: true, once: true }));
  const done = page.evaluate(watch, q);
  await input.press("Enter");
  const t = (await done) - (await page.evaluate(() => window.__t0));
  await context.close();
  return t;
}

async function opened(base, q) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((q) => {
    addEventListener("DOMContentLoaded", () => {
      const s = document.querySelector("[data-search-status]");
      new MutationObserver(() => s.textContent.includes(`“${q}”`) && (window.__done = performance.now())).observe(s, { childList: true, characterData: true, subtree: true });
    });
  }, q);
  await page.goto(`${base}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => window.__done);
  const t = await page.evaluate(() => window.__done);
  await context.close();
  return t;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ways = [
  ["typed", (base, q) => submitted(base, q, 150)],
  ["typed fast", (base, q) => submitted(base, q, 60)],
  ["instant", (base, q) => submitted(base, q, 0)],
  ["?q= link", opened],
];
for (const [name, f] of ways) {
  const all = sites.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [j, site] of sites.entries()) all[j].push(await f(site.base, queries[i % queries.length]));
  }
  for (const [j, site] of sites.entries()) {
    const t = all[j];
    console.log(`${name.padEnd(9)} median ${median(t).toFixed(1)} ms  (min ${Math.min(...t).toFixed(1)}, max ${Math.max(...t).toFixed(1)}, ${runs} runs)  ${site.dir}`);
  }
}
await browser.close();
for (const site of sites) {
  site.server.closeAllConnections?.();
  site.server.close();
}
