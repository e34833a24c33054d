package hosting_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/signpost/signpost/internal/hosting"
)

// serverCheck is one check of issue 19 against a running server.
type serverCheck struct {
	name string
	run  func(t *testing.T, base, public string, site *hosting.Site)
}

var serverChecks = []serverCheck{
	{"page headers", checkPageHeaders},
	{"alias 301", checkAliases},
	{"missing URL 404 page", checkNotFound},
	{"immutable fingerprinted asset", checkImmutable},
	{"revalidation 304", checkRevalidation},
	{"compressed for br, gzip", checkCompression},
	{"dot-files refused", checkDotFiles},
	{"path traversal refused", checkTraversal},
	{"no directory listing", checkNoListing},
}

// checkServer runs every check against a running server, one subtest
// each, so "go test -v" lists each check and its result.
func checkServer(t *testing.T, base, public string, site *hosting.Site) {
	for _, c := range serverChecks {
		t.Run(c.name, func(t *testing.T) { c.run(t, base, public, site) })
	}
}

func checkPageHeaders(t *testing.T, base, public string, site *hosting.Site) {
	a := get(t, base+"/")
	if a.status != 200 || !bytes.Equal(a.body, readFile(t, filepath.Join(public, "index.html"))) {
		t.Fatalf("GET / = %d, %d bytes; want 200 and index.html", a.status, len(a.body))
	}
	wantSecurityHeaders(t, "GET /", a, site)
	if got := a.header.Get("Cache-Control"); got != hosting.CacheShort {
		t.Errorf("GET / Cache-Control = %q, want %q", got, hosting.CacheShort)
	}
	if got := a.header.Get("Content-Type"); got != "text/html; charset=utf-8" {
		t.Errorf("GET / Content-Type = %q", got)
	}
	if a.header.Get("Content-Encoding") != "" {
		t.Errorf("GET / without Accept-Encoding came encoded: %q", a.header.Get("Content-Encoding"))
	}
	// A cache between must know that other clients get another body.
	if !strings.Contains(a.header.Get("Vary"), "Accept-Encoding") {
		t.Errorf("GET / without Accept-Encoding: Vary %q, want Accept-Encoding", a.header.Get("Vary"))
	}
}

func checkAliases(t *testing.T, base, public string, site *hosting.Site) {
	// Characters a server could read as a pattern match only themselves.
	for _, p := range []string{"/aXYZb/", "/xz/", "/100/"} {
		if a := get(t, base+p); a.status != 404 {
			t.Errorf("GET %s = %d %q; want 404: no alias has that path", p, a.status, a.header.Get("Location"))
		}
	}
	for _, p := range aliasRequests {
		a := get(t, base+p)
		// Apache makes the Location absolute (same host and port).
		if a.status != 301 || strings.TrimPrefix(a.header.Get("Location"), base) != aliasTarget {
			t.Errorf("GET %s = %d Location %q; want 301 %s", p, a.status, a.header.Get("Location"), aliasTarget)
		}
		wantSecurityHeaders(t, "GET "+p, a, site)
	}
}

func checkNotFound(t *testing.T, base, public string, site *hosting.Site) {
	for _, p := range []string{"/no-such-page/", "/report/no-such-page", "/css/site.0123456789.css"} {
		a := get(t, base+p)
		if a.status != 404 || !bytes.Equal(a.body, readFile(t, filepath.Join(public, "404.html"))) {
			t.Errorf("GET %s = %d, %d bytes; want 404 with the site's 404.html", p, a.status, len(a.body))
		}
		wantSecurityHeaders(t, "GET "+p, a, site)
	}
}

func checkImmutable(t *testing.T, base, public string, site *hosting.Site) {
	css, _ := filepath.Glob(filepath.Join(public, "css", "site.*.css"))
	if len(css) != 1 || !hosting.IsFingerprinted(css[0]) {
		t.Fatalf("want one fingerprinted css/site.HASH.css, found %v", css)
	}
	p := "/css/" + filepath.Base(css[0])
	a := get(t, base+p)
	if a.status != 200 || a.header.Get("Cache-Control") != hosting.CacheImmutable {
		t.Errorf("GET %s = %d Cache-Control %q; want 200 %q", p, a.status, a.header.Get("Cache-Control"), hosting.CacheImmutable)
	}
	if ct := a.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("GET %s Content-Type = %q", p, ct)
	}
	wantSecurityHeaders(t, "GET "+p, a, site)
}

func checkCompression(t *testing.T, base, public string, site *hosting.Site) {
	for _, p := range []string{"/", "/report/", "/404-not-here/"} {
		checkCompressed(t, base, p, public)
	}
}

func checkDotFiles(t *testing.T, base, public string, site *hosting.Site) {
	for _, p := range []string{"/.signpost-output", "/css/.hidden", "/.git/config", "/.well-known/.hidden-inside", "/%2egit/config"} {
		a := get(t, base+p)
		if a.status != 403 && a.status != 404 || bytes.Contains(a.body, []byte("HIDDEN")) || bytes.Contains(a.body, []byte("built by Signpost")) {
			t.Errorf("GET %s = %d %q; want 403 or 404 without the file", p, a.status, short(a.body))
		}
	}
	if a := get(t, base+"/.well-known/security.txt"); a.status != 200 || !strings.HasPrefix(string(a.body), "Contact:") {
		t.Errorf("GET /.well-known/security.txt = %d; want 200: /.well-known/ is served", a.status)
	}
}

func checkTraversal(t *testing.T, base, public string, site *hosting.Site) {
	for _, p := range []string{"/../secret.txt", "/css/../../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/css/..%2f..%2fsecret.txt", "/%2e%2e%2fsecret.txt"} {
		a := raw(t, base, p)
		if a.status < 400 || a.status > 499 || bytes.Contains(a.body, []byte("SECRET")) {
			t.Errorf("GET %s = %d %q; want a 4xx without the file beside the root", p, a.status, short(a.body))
		}
	}
}

func checkNoListing(t *testing.T, base, public string, site *hosting.Site) {
	// Folders without index.html; a listing would name these files,
	// which no page links to.
	css, _ := filepath.Glob(filepath.Join(public, "css", "site.*.css.gz"))
	for p, file := range map[string]string{"/css/": filepath.Base(append(css, "site.css.gz")[0]), "/.well-known/": "security.txt"} {
		a := get(t, base+p)
		if a.status == 200 || bytes.Contains(a.body, []byte(file)) {
			t.Errorf("GET %s = %d %q; want no listing", p, a.status, short(a.body))
		}
	}
}

// checkRevalidation asks again with the page's ETag: a cache that kept
// the page gets 304 with no body, and keeps the same rules.
func checkRevalidation(t *testing.T, base, public string, site *hosting.Site) {
	first := get(t, base+"/report/")
	etag := first.header.Get("ETag")
	if etag == "" {
		t.Fatal("GET /report/ has no ETag")
	}
	a := get(t, base+"/report/", "If-None-Match", etag)
	if a.status != 304 || len(a.body) != 0 {
		t.Errorf("GET /report/ If-None-Match %s = %d, %d bytes; want 304, empty", etag, a.status, len(a.body))
	}
	if got := a.header.Get("Cache-Control"); got != hosting.CacheShort {
		t.Errorf("304 Cache-Control = %q, want %q", got, hosting.CacheShort)
	}
}

// checkCompressed asks for p with "Accept-Encoding: br, gzip" and wants an
// encoded answer that decodes to the file, with its type, Vary and the
// security headers.
func checkCompressed(t *testing.T, base, p, public string) {
	t.Helper()
	a := get(t, base+p, "Accept-Encoding", "br, gzip")
	var r io.Reader
	switch enc := a.header.Get("Content-Encoding"); enc {
	case "br":
		r = brotli.NewReader(bytes.NewReader(a.body))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(a.body))
		if err != nil {
			t.Fatalf("GET %s: %v", p, err)
		}
		r = zr
	default:
		t.Errorf("GET %s with Accept-Encoding: br, gzip: Content-Encoding %q", p, enc)
		return
	}
	body, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("GET %s: decoding: %v", p, err)
	}
	file := filepath.Join(public, filepath.FromSlash(p), "index.html")
	if _, err := os.Stat(file); err != nil {
		file = filepath.Join(public, "404.html")
	}
	if !bytes.Equal(body, readFile(t, file)) {
		t.Errorf("GET %s: the decoded answer is not %s", p, file)
	}
	if ct := a.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("GET %s compressed: Content-Type %q", p, ct)
	}
	if v := a.header.Values("Vary"); strings.Join(v, ",") != "Accept-Encoding" {
		t.Errorf("GET %s compressed: Vary %q, want Accept-Encoding once", p, v)
	}
	want := 200
	if strings.HasPrefix(p, "/404") {
		want = 404
	}
	if a.status != want {
		t.Errorf("GET %s compressed = %d, want %d", p, a.status, want)
	}
	t.Logf("GET %s: %s, %d bytes for %d", p, a.header.Get("Content-Encoding"), len(a.body), len(body))
}

func short(b []byte) string {
	s, _ := url.PathUnescape(string(b))
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}
