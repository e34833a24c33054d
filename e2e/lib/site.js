// Builds the bundled site for the browser tests and serves it on 127.0.0.1.
//
// The site is built with its baseURL set to the local server, so canonical
// links, feeds and the sitemap point where the browser is. Set SIGNPOST to
// use a signpost binary you already built; otherwise it is built with go.
import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

function signpostBinary(dir) {
  if (process.env.SIGNPOST) return process.env.SIGNPOST;
  const bin = join(dir, "signpost");
  execFileSync("go", ["build", "-o", bin, "./cmd/signpost"], { cwd: repo, stdio: ["ignore", "inherit", "inherit"] });
  return bin;
}

// A tiny static file server: folder/ serves folder/index.html, anything
// missing gets 404.html with status 404.
export function serve(root) {
  return createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith("/")) {
        res.writeHead(301, { Location: path + "/" }).end();
        return;
      }
      file = join(file, "index.html");
    }
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(root, "404.html");
    }
    res.writeHead(status, { "Content-Type": types[extname(file)] || "application/octet-stream", "Cache-Control": "no-cache" });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });
}

// start builds the site and serves it. It returns the base URL, the output
// folder, every page's path ("/", "/settings/snapchat/", "/404.html") and
// close().
export async function start() {
  const work = mkdtempSync(join(tmpdir(), "signpost-e2e-"));
  const out = join(work, "public");
  const server = serve(out);
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const bin = signpostBinary(work);
  try {
    execFileSync(bin, ["build", "--source", repo, "--dest", out, "--baseurl", base], { stdio: "pipe" });
  } catch (e) {
    throw new Error(`signpost build failed:\n${e.stderr}`);
  }
  const pages = htmlFiles(out).map((f) => {
    const rel = "/" + relative(out, f).split(sep).join("/");
    return rel.endsWith("/index.html") ? rel.slice(0, -"index.html".length) : rel;
  });
  pages.sort();
  return {
    base,
    out,
    pages,
    url: (p) => new URL(p.replace(/^\//, ""), base).href,
    close: () => {
      server.closeAllConnections?.();
      server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

export function htmlFiles(dir) {
  const found = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) found.push(...htmlFiles(p));
    else if (e.name.endsWith(".html")) found.push(p);
  }
  return found.sort();
}

// kind names a page's type, for picking one page of each.
export function kind(path) {
  if (path === "/") return "home";
  if (path === "/404.html") return "404";
  const parts = path.split("/").filter(Boolean);
  if (["topics", "ages", "apps"].includes(parts[0])) return parts.length === 1 ? "taxonomy" : "term";
  return parts.length === 1 ? "section" : "page";
}

// onePerKind picks the home page and one page of each other kind; a
// preferred page stands for its kind when it exists.
export function onePerKind(pages, preferred = ["/settings/snapchat/", "/report/", "/topics/", "/topics/grooming/"]) {
  const chosen = new Map();
  for (const p of [...preferred, ...pages]) {
    if (!pages.includes(p)) continue;
    const k = kind(p);
    if (!chosen.has(k)) chosen.set(k, p);
  }
  return [...chosen.values()];
}
