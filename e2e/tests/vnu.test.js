// The Nu HTML Checker (vnu-jar, on Java 17) on every page: zero errors.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { relative, sep } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { htmlFiles, start } from "../lib/site.js";

let site;
before(async () => {
  site = await start();
});
after(() => site?.close());

test("Nu HTML Checker, every page", { timeout: 600_000 }, () => {
  const jar = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");
  const files = htmlFiles(site.out);
  const run = spawnSync("java", ["-Xss8m", "-jar", jar, "--format", "json", "--stdout", ...files], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  assert.ok(run.stdout.trim().startsWith("{"), `vnu did not run: ${run.error ?? ""} ${run.stderr}`);
  const { messages } = JSON.parse(run.stdout);
  const byFile = new Map(files.map((f) => [f, []]));
  for (const m of messages) {
    const f = m.url?.startsWith("file:") ? fileURLToPath(m.url) : m.url;
    if (!byFile.has(f)) byFile.set(f, []);
    byFile.get(f).push(m);
  }
  const failed = [];
  for (const [f, ms] of byFile) {
    const path = "/" + relative(site.out, f).split(sep).join("/");
    // "info" messages (warnings) are shown but do not fail; "error" and
    // "non-document-error" (the file could not be checked) do.
    const errors = ms.filter((m) => m.type !== "info");
    console.log(`vnu ${path}: ${errors.length} error(s)`);
    if (errors.length > 0) {
      failed.push(`  ${path}\n${errors.map((m) => `    line ${m.lastLine}: ${m.message}\n      ${(m.extract ?? "").replace(/\n/g, " ")}`).join("\n")}`);
    }
  }
  assert.equal(failed.length, 0, `vnu errors on ${failed.length} page(s):\n${failed.join("\n")}`);
});
