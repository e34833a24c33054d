// Package hosting knows what a web server has to do for a Signpost site:
// the security headers, a 301 for every alias, the 404 page, the cache
// rules, precompressed files, no listings and no dot-files. It writes that
// one set of rules out as configs for nginx, Caddy and Apache and as the
// _headers and _redirects files Netlify and Cloudflare Pages read, so every
// host behaves the same and a change is made in one place.
package hosting

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/signpost/signpost/internal/content"
)

// Site is what the rules depend on, taken from a loaded site.
type Site struct {
	// Title names the site in the configs' comments.
	Title string
	// BaseURL is the site's absolute URL, ending in "/".
	BaseURL string
	// Redirects are the aliases, old path to page, both decoded (as the
	// site's URLs are inside Signpost) and starting with the base path.
	Redirects []Redirect
	// Fingerprinted are the decoded paths of assets with a content hash in
	// their name; _headers lists them, as it has no patterns.
	Fingerprinted []string
}

// Redirect is one alias: From answers 301 with Location To.
type Redirect struct{ From, To string }

// Header is one response header.
type Header struct{ Name, Value string }

// Cache rules. Fingerprinted files never change under their name; every
// other answer (pages, feeds, images, the search index's meta.json) may
// change with the next publish, so caches keep it only a few minutes.
const (
	CacheImmutable = "public, max-age=31536000, immutable"
	CacheShort     = "public, max-age=300"
)

// FingerprintPattern matches the names the build gives CSS and JS: the
// name, a dot, ten hex digits of the content hash, the extension. The build
// test checks that the names it makes match it.
const FingerprintPattern = `\.[0-9a-f]{10}\.(css|js)$`

var fingerprinted = regexp.MustCompile(FingerprintPattern)

// IsFingerprinted reports whether a published path is a fingerprinted asset.
func IsFingerprinted(p string) bool { return fingerprinted.MatchString(p) }

// permissions turns off the browser features the site never uses, so an
// injected script could not use them either.
const permissions = "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), " +
	"magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()"

// CSP is the Content-Security-Policy header of a published site: nothing
// loads from another origin and there are no inline scripts or styles. The
// pages repeat its first part in a meta tag (for hosts that send no
// headers); frame-ancestors and upgrade-insecure-requests only work as a
// header. Over plain http, upgrading requests would break the site.
func CSP(https bool) string {
	s := "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
	if https {
		s += "; upgrade-insecure-requests"
	}
	return s
}

// HTTPS reports whether the site is published over https.
func (s *Site) HTTPS() bool { return strings.HasPrefix(strings.ToLower(s.BaseURL), "https://") }

// Headers are the security headers every answer carries, in a fixed order.
// HSTS only where the site is https: over http a browser ignores it, and it
// must never be sent for a site that is not ready for https.
func (s *Site) Headers() []Header {
	h := []Header{
		{"Content-Security-Policy", CSP(s.HTTPS())},
		{"Referrer-Policy", "no-referrer"},
		{"X-Content-Type-Options", "nosniff"},
		{"X-Frame-Options", "DENY"},
		{"Permissions-Policy", permissions},
		{"Cross-Origin-Opener-Policy", "same-origin"},
	}
	if s.HTTPS() {
		h = append(h, Header{"Strict-Transport-Security", "max-age=31536000"})
	}
	return h
}

// BasePath is the path of BaseURL, "/" for a site at the root of its host.
func (s *Site) BasePath() string {
	u, err := url.Parse(s.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return strings.TrimSuffix(u.Path, "/") + "/"
}

// Host is the host name of BaseURL (no port), or "" when it has none.
func (s *Site) Host() string {
	u, err := url.Parse(s.BaseURL)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// NotFound is the published path of the 404 page.
func (s *Site) NotFound() string { return s.BasePath() + "404.html" }

// redirects returns the aliases sorted by From, with the variants of each
// folder alias (/old, /old/index.html), so that they too go straight to the
// page in one hop. From stays decoded: servers match decoded paths.
func (s *Site) redirects() []Redirect {
	seen := map[string]bool{}
	var out []Redirect
	add := func(from, to string) {
		if !seen[from] {
			seen[from] = true
			out = append(out, Redirect{from, to})
		}
	}
	for _, r := range s.Redirects {
		add(r.From, r.To)
		if strings.HasSuffix(r.From, "/") && r.From != "/" {
			add(strings.TrimSuffix(r.From, "/"), r.To)
			add(r.From+"index.html", r.To)
		}
	}
	slices.SortFunc(out, func(a, b Redirect) int { return strings.Compare(a.From, b.From) })
	return out
}

// Location percent-encodes a path for a Location header or a config file:
// the site's one encoder (content.EscapePath), and also "$", ";" and "'",
// which a URL may hold as they are but nginx, Apache and Caddy would read
// as a variable, the end of a directive or a quote.
func Location(p string) string {
	return configUnsafe.Replace(content.EscapePath(p))
}

var configUnsafe = strings.NewReplacer("$", "%24", ";", "%3B", "'", "%27")

// Options say where and how a server config serves the site.
type Options struct {
	// Root is the absolute path of the built site (public/).
	Root string
	// Listen is the address to listen on: a port, host:port or, for Caddy,
	// empty for the base URL's host with automatic HTTPS.
	Listen string
	// Prefix, when set, is a folder for the server's pid file, logs and
	// temporary files, so that a user without root can run the config.
	Prefix string
	// Admin is Caddy's admin endpoint ("off", or host:port instead of
	// localhost:2019).
	Admin string
	// Brotli has nginx send the .br files too, with the brotli_static
	// module (Debian: libnginx-mod-http-brotli-static); Caddy and Apache
	// always do.
	Brotli bool
	// Snippet prints only the server block (the virtual host) for an
	// existing configuration.
	Snippet bool
}

// Config writes the config for the named server.
func Config(server string, s *Site, o Options) (string, error) {
	if bp := s.BasePath(); bp != "/" {
		return "", fmt.Errorf("the base URL %s has the path %s, and the configs serve a site at the root of its host; "+
			"publish at the root of a host (a subdomain), or serve the built folder under %s yourself", s.BaseURL, bp, bp)
	}
	if !strings.HasPrefix(o.Root, "/") {
		return "", fmt.Errorf("the root %q must be an absolute path", o.Root)
	}
	// Folders are quoted in the configs; what quoting cannot make safe
	// (variables, placeholders, quotes, line breaks) is refused.
	if strings.ContainsAny(o.Root+o.Prefix, "\"`\\{}$%") || strings.ContainsFunc(o.Root+o.Prefix, isControl) {
		return "", fmt.Errorf("the folders %q and %q must not hold quotes, backslashes, braces, $, %% or control characters; move the site", o.Root, o.Prefix)
	}
	if !addrPattern.MatchString(o.Listen) || !addrPattern.MatchString(o.Admin) {
		return "", fmt.Errorf("the listen and admin addresses must be a port, host:port or [IPv6]:port, not %q %q", o.Listen, o.Admin)
	}
	for _, r := range s.Redirects {
		if strings.ContainsFunc(r.From, isControl) {
			return "", fmt.Errorf("the alias %q holds a control character; no server can match it", r.From)
		}
	}
	switch server {
	case "nginx":
		return nginx(s, o), nil
	case "caddy":
		return caddy(s, o), nil
	case "apache":
		return apache(s, o), nil
	}
	return "", fmt.Errorf("unknown server %q: choose nginx, caddy or apache", server)
}

func isControl(c rune) bool { return c < 0x20 || c == 0x7f }

// addrPattern is what --listen and --admin take: empty, a port, a host or
// IP with a port, or Caddy's "off".
var addrPattern = regexp.MustCompile(`^([A-Za-z0-9.-]*:?[0-9]*|\[[0-9A-Fa-f:.]+\]:[0-9]+|off)$`)

// Servers are the names Config knows.
var Servers = []string{"nginx", "caddy", "apache"}

// mimeTypes are the types a Signpost site publishes, for configs that
// must not depend on the system's mime.types file.
var mimeTypes = [][2]string{
	{"text/html", "html"},
	{"text/css", "css"},
	{"text/javascript", "js mjs"},
	{"application/json", "json"},
	{"application/manifest+json", "webmanifest"},
	{"application/xml", "xml"},
	{"text/plain", "txt"},
	{"image/svg+xml", "svg"},
	{"image/png", "png"},
	{"image/jpeg", "jpg jpeg"},
	{"image/gif", "gif"},
	{"image/webp", "webp"},
	{"image/avif", "avif"},
	{"image/x-icon", "ico"},
	{"font/woff2", "woff2"},
	{"font/woff", "woff"},
	{"application/pdf", "pdf"},
}

// textTypes get "; charset=utf-8".
var textTypes = []string{"text/html", "text/css", "text/javascript", "application/json", "application/manifest+json",
	"application/xml", "text/plain", "image/svg+xml"}

// comment is the config's first lines: what it is and how to run it.
func comment(s *Site, server, run string) string {
	return fmt.Sprintf("# %s config for %s (%s),\n# printed by \"signpost hosting %s\" (docs/hosting.md). %s\n",
		server, strings.ReplaceAll(s.Title, "\n", " "), s.BaseURL, strings.ToLower(server), run)
}

// lineWriter returns a printf for the server configs that writes one
// line to b, indented by in; an empty line is not indented, so no line
// ends in spaces.
func lineWriter(b *strings.Builder, in string) func(format string, args ...any) {
	return func(format string, args ...any) {
		if format != "" {
			b.WriteString(in)
		}
		fmt.Fprintf(b, format+"\n", args...)
	}
}
