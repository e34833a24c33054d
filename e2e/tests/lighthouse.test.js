// Lighthouse 12 (mobile) on the home page and one page of each kind:
// accessibility, best practices and SEO 100, performance at least 95.
// The scores are printed for CI.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromeArgs, chromePath } from "../lib/browser.js";
import { onePerKind, start } from "../lib/site.js";

const want = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };

let site, chrome;
before(async () => {
  site = await start();
  chrome = await chromeLauncher.launch({ chromePath, chromeFlags: chromeArgs, logLevel: "silent" });
});
after(async () => {
  await chrome?.kill();
  site?.close();
});

test("Lighthouse scores, mobile", { timeout: 480_000 }, async () => {
  const failed = [];
  const rows = [];
  for (const path of onePerKind(site.pages)) {
    const result = await lighthouse(
      site.url(path),
      { port: chrome.port, output: "json", logLevel: "error", onlyCategories: Object.keys(want) },
      // The default config is mobile: a Moto G Power screen and simulated slow 4G.
      undefined,
    );
    const lhr = result.lhr;
    if (lhr.runtimeError) failed.push(`  ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = {};
    for (const [id, min] of Object.entries(want)) {
      const score = Math.round((lhr.categories[id]?.score ?? 0) * 100);
      scores[id] = score;
      if (score < min) {
        // Name the audits that cost points.
        const lost = lhr.categories[id].auditRefs
          .filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1)
          .map((r) => `${r.id} (${lhr.audits[r.id].displayValue ?? lhr.audits[r.id].score})`);
        failed.push(`  ${path}: ${id} ${score} < ${min}: ${lost.join(", ")}`);
      }
    }
    const row = `lighthouse ${path}: performance ${scores.performance}, accessibility ${scores.accessibility}, best-practices ${scores["best-practices"]}, seo ${scores.seo}`;
    console.log(row);
    rows.push(row);
  }
  assert.equal(failed.length, 0, `Lighthouse below target:\n${failed.join("\n")}`);
});
