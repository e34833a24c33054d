// signpost serve in the browser, as an editor uses it: an edit reloads the
// open page, a broken page shows the error overlay (closable with its
// button and with Escape) over the last good page, a draft carries its
// banner, and nothing serve adds breaks the site's Content-Security-Policy.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { launch } from "../lib/browser.js";
import { repo } from "../lib/site.js";

let dir, server, browser, base, log = "";

const write = (rel, text) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const page = (title, body, extra = "") => `---\ntitle: ${title}\ndescription: A page for the serve test.\n${extra}---\n${body}\n`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "signpost-serve-e2e-"));
  let bin = process.env.SIGNPOST;
  if (!bin) {
    bin = join(dir, "signpost");
    execFileSync("go", ["build", "-o", bin, "./cmd/signpost"], { cwd: repo });
  }
  const site = join(dir, "site");
  mkdirSync(site);
  dir = site;
  write("signpost.toml", 'title = "Serve test"\nbaseURL = "https://example.org/"\n');
  write("content/a.md", page("Page A", "Words of A."));
  write("content/b.md", page("Page B", "Words of B."));
  server = spawn(bin, ["serve", "--source", dir, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  // The whole address, not a chunk of it: the line may arrive in pieces.
  const ready = /Serving the site at (http:\/\/[^/\s]+)\//;
  for (let i = 0; i < 600 && !ready.test(log); i++) await new Promise((r) => setTimeout(r, 100));
  base = log.match(ready)?.[1];
  assert.ok(base, log);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.kill("SIGINT");
  if (dir) rmSync(join(dir, ".."), { recursive: true, force: true });
});

// watchedPage opens a tab that reports Content-Security-Policy violations.
async function watchedPage(violations) {
  const p = await browser.newPage();
  p.on("console", (m) => { if (m.text().startsWith("CSP:")) violations.push(m.text()); });
  await p.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return p;
}

test("edit, break, close the overlay, fix, draft: no CSP violation", { timeout: 120_000 }, async () => {
  const violations = [];
  const p = await watchedPage(violations);
  await p.goto(`${base}/a/`);
  const csp = await p.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(csp, /default-src 'self'/);

  // An edit of the open page shows without touching the browser.
  write("content/a.md", page("Page A", "New words of A."));
  await p.waitForFunction(() => document.body.innerText.includes("New words of A."), null, { timeout: 20_000 });

  // Another page breaks: the overlay names it, over the last good page.
  write("content/b.md", "---\ntitle: Page B\ntopics: [a, b\n---\nBroken.\n");
  const overlay = p.locator("#signpost-errors");
  await overlay.waitFor({ state: "visible", timeout: 20_000 });
  const text = await overlay.innerText();
  assert.match(text, /not in this page but in Page B \(content\/b\.md\)/);
  assert.match(text, /\n>\s+3 \| topics: \[a, b\n/, "the excerpt keeps its lines");
  const box = await overlay.boundingBox();
  const view = p.viewportSize();
  assert.ok(box.height < view.height * 0.7, "the overlay leaves the page visible");
  assert.ok(await p.getByText("New words of A.").isVisible());

  // Closed with Escape; after the next reload, closed with its button.
  await p.keyboard.press("Escape");
  assert.equal(await overlay.isVisible(), false);
  await p.reload();
  await overlay.waitFor({ state: "visible" });
  await p.getByRole("button", { name: "Close" }).click();
  assert.equal(await overlay.isVisible(), false);

  // Fixed: the overlay goes by itself.
  write("content/b.md", page("Page B", "Fixed B."));
  await p.waitForFunction(() => !document.getElementById("signpost-errors"), null, { timeout: 20_000 });

  // A new draft answers with its banner.
  write("content/c.md", page("Page C", "Draft words.", "draft: true\n"));
  for (let i = 0; i < 200; i++) {
    if ((await p.request.get(`${base}/c/`)).status() === 200) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  // In a new tab: the open one reloads after this build, which would
  // interrupt navigating it.
  const q = await watchedPage(violations);
  await q.goto(`${base}/c/`);
  const banner = q.locator(".signpost-draft");
  await banner.waitFor({ state: "visible", timeout: 20_000 });
  assert.match(await banner.innerText(), /^Draft: not published\./);
  const bannerBox = await banner.boundingBox();
  const h1Box = await q.locator("h1").first().boundingBox();
  assert.ok(bannerBox.y < h1Box.y, "the banner is above the page's heading");

  assert.deepEqual(violations, []);
});
