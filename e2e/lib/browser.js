// Launches Debian's Chromium through playwright-core. Nothing leaves the
// machine: requests to other hosts are answered by a stub page.
import { chromium } from "playwright-core";

export const chromePath = process.env.CHROME_PATH || "/usr/bin/chromium";
export const chromeArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

export function launch() {
  return chromium.launch({ executablePath: chromePath, args: chromeArgs });
}

// newContext makes a browser context whose requests to anything but the
// local site get a small stub page ("Elsewhere"), so the exit link and
// external links can be followed offline.
export async function newContext(browser, site, options = {}) {
  const context = await browser.newContext(options);
  const local = new URL(site.base).host;
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.host === local || u.protocol === "data:") return route.continue();
    return route.fulfill({
      status: 200,
      contentType: "text/html",
      body: `<!DOCTYPE html><html lang="en"><title>Elsewhere</title><h1>Elsewhere: ${u.host}</h1></html>`,
    });
  });
  return context;
}
