// axe-core on every page of the bundled site, in light and in dark colour
// scheme: zero violations of WCAG 2.0/2.1/2.2 A and AA and best practice.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import { launch } from "../lib/browser.js";
import { start } from "../lib/site.js";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

let site, browser;
before(async () => {
  site = await start();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  site?.close();
});

function describe(v) {
  const nodes = v.nodes
    .slice(0, 5)
    .map((n) => `      ${n.target.join(" ")}: ${n.html.slice(0, 160)}\n        ${n.failureSummary?.split("\n").join(" ") ?? ""}`)
    .join("\n");
  return `    ${v.id} (${v.impact}): ${v.help} [${v.nodes.length} element(s)]\n${nodes}`;
}

for (const scheme of ["light", "dark"]) {
  test(`axe-core, ${scheme} colour scheme, every page`, { timeout: 900_000 }, async (t) => {
    // The site's Content-Security-Policy would refuse the injected script.
    const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await context.newPage();
    const failed = [];
    for (const path of site.pages) {
      await page.goto(site.url(path), { waitUntil: "load" });
      await page.evaluate(axeSource);
      const result = await page.evaluate(
        (values) => window.axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] }),
        tags,
      );
      const v = result.violations;
      console.log(`axe ${scheme.padEnd(5)} ${path}: ${v.length === 0 ? "0 violations" : v.map((x) => `${x.id}×${x.nodes.length}`).join(", ")}`);
      if (v.length > 0) failed.push(`  ${path}\n${v.map(describe).join("\n")}`);
    }
    await context.close();
    t.diagnostic(`${site.pages.length} pages checked`);
    assert.equal(failed.length, 0, `axe violations (${scheme}) on ${failed.length} page(s):\n${failed.join("\n")}`);
  });
}
