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

// audit runs Lighthouse once on path.
async function audit(path) {
  const result = await lighthouse(
    site.url(path),
    { port: chrome.port, output: "json", logLevel: "error", onlyCategories: Object.keys(want) },
    // The default config is mobile: a Moto G Power screen and simulated slow 4G.
    undefined,
  );
  return result.lhr;
}

// steady is Lighthouse's result for path; when performance falls short it
// is the run of median performance of three. The performance score scales
// the CPU time it observes, so one busy moment on a shared CI machine moves
// it (Lighthouse's own guidance on variability: take the median of several
// runs); the other categories do not depend on timing.
async function steady(path) {
  const first = await audit(path);
  if ((first.categories.performance?.score ?? 0) * 100 >= want.performance) return first;
  const runs = [first, await audit(path), await audit(path)];
  runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
  return runs[1];
}

test("Lighthouse scores, mobile", { timeout: 900_000 }, async () => {
  const failed = [];
  const rows = [];
  for (const path of onePerKind(site.pages)) {
    const lhr = await steady(path);
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
