package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/hosting"
	"github.com/signpost/signpost/internal/sitetest"
)

// getHost requests path with the Host header set to host.
func getHost(t *testing.T, base, path, host string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", base+path, nil)
	req.Host = host
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	return resp.StatusCode, string(b)
}

// TestHostCheck: a DNS-rebinding page (evil.example resolving to
// 127.0.0.1) gets nothing; loopback names, IP addresses and the --bind
// name get the preview.
func TestHostCheck(t *testing.T) {
	s, _, ts := newServer(t)
	s.opt.Addr = "127.0.0.1:0"
	s.opt.Bind = "preview.lan"
	for _, path := range []string{"/a/", "/", "/nope/", scriptPath, stylePath, "/css/site.css", "/sitemap.xml"} {
		for _, host := range []string{"evil.example", "evil.example:1313", "localhost.evil.example", "127.0.0.1.nip.io:80", "attacker.test."} {
			code, body := getHost(t, ts.URL, path, host)
			if code != http.StatusForbidden || strings.Contains(body, "Hello from A") {
				t.Errorf("Host %q %s: %d, want 403", host, path, code)
			}
		}
		for _, host := range []string{"localhost:1313", "LOCALHOST", "localhost.:8080", "docs.localhost:1313", "127.0.0.1:1313", "127.0.0.2", "[::1]:1313", "[fe80::1%25eth0]:1313", "192.168.1.20:1313", "preview.lan:1313", "Preview.LAN"} {
			if code, _ := getHost(t, ts.URL, path, host); code == http.StatusForbidden {
				t.Errorf("Host %q %s: 403, want an answer", host, path)
			}
		}
	}
	// The event stream is refused before it starts.
	if code, _ := getHost(t, ts.URL, eventsPath, "evil.example"); code != http.StatusForbidden {
		t.Errorf("event stream for evil.example: %d", code)
	}
	code, body := getHost(t, ts.URL, "/a/", "evil.example:1313")
	if code != 403 || !strings.Contains(body, `"evil.example:1313"`) || !strings.Contains(body, "http://localhost:1313/") {
		t.Errorf("refusal does not say what to do: %s", body)
	}
}

var cspMeta = regexp.MustCompile(`<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"`)

// TestServedPagesCarryPublishedCSP: what serve sends runs under the same
// policy as the published site, and what serve adds (reload script,
// overlay, draft banner) needs nothing that policy refuses.
func TestServedPagesCarryPublishedCSP(t *testing.T) {
	s, dir, ts := newServer(t)
	out := filepath.Join(t.TempDir(), "out")
	opt := sitetest.Options(dir)
	opt.Dest = out
	if _, err := buildOnce(opt); err != nil {
		t.Fatal(err)
	}
	built, _ := os.ReadFile(filepath.Join(out, "a/index.html"))
	want := cspMeta.FindStringSubmatch(string(built))
	if want == nil || !strings.Contains(want[1], "default-src 'self'") {
		t.Fatalf("the built page has no CSP to compare with:\n%s", built)
	}
	// A failed build, so the overlay is there too.
	os.WriteFile(filepath.Join(dir, "content/a.md"), []byte("---\ntitle: Page A\ndescription: x.\n---\n[broken](gone.md)\n"), 0o644)
	s.Rebuild(context.Background(), []string{"content/a.md"})
	headers := (&hosting.Site{BaseURL: "http://127.0.0.1/"}).Headers()
	if headers[0].Name != "Content-Security-Policy" || headers[0].Value != hosting.CSP(false) {
		t.Fatalf("hosting's first header is not the http CSP: %v", headers[0])
	}
	for _, path := range []string{"/a/", "/nope/", "/css/site.css", scriptPath, stylePath} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		for _, h := range headers {
			if got := resp.Header.Get(h.Name); got != h.Value {
				t.Errorf("%s: %s: %q, want the published site's %q", path, h.Name, got, h.Value)
			}
		}
	}
	for _, path := range []string{"/a/", "/nope/"} {
		_, body := get(t, ts.URL+path)
		got := cspMeta.FindAllStringSubmatch(body, -1)
		if len(got) != 1 || got[0][1] != want[1] {
			t.Errorf("%s: CSP %q, want the published %q", path, got, want[1])
		}
		if !strings.Contains(body, `id="signpost-errors"`) {
			t.Errorf("%s: no overlay", path)
		}
		// 'self' allows same-origin files only: no inline script, style
		// attribute, <style> or event handler attribute.
		for _, bad := range []*regexp.Regexp{regexp.MustCompile(`<script(?:\s[^>]*)?>[^<]`), regexp.MustCompile(`<script>`), regexp.MustCompile(`\sstyle=`), regexp.MustCompile(`<style`), regexp.MustCompile(`\son[a-z]+=`), regexp.MustCompile(`src="(?:https?:)?//`)} {
			if m := bad.FindString(body); m != "" {
				t.Errorf("%s: %q is refused by the CSP", path, m)
			}
		}
	}
}

func TestOverlayNamesFailingPageKeepsLinesAndCloses(t *testing.T) {
	files := testSite + `
-- content/b.md --
---
title: Page B
---
B.
`
	dir := sitetest.Write(t, files)
	s, err := New(Options{Build: sitetest.Options(dir)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if res := s.Rebuild(context.Background(), nil); res.Problems.HasErrors() {
		t.Fatal(res.Problems)
	}
	ts := newHTTP(t, s)
	// A YAML error: its excerpt spans lines.
	os.WriteFile(filepath.Join(dir, "content/b.md"), []byte("---\ntitle: Page B\ntags: [a, b\nweight: 2\n---\nB.\n"), 0o644)
	res := s.Rebuild(context.Background(), []string{"content/b.md"})
	if !res.Problems.HasErrors() {
		t.Fatal("the broken front matter did not fail the build")
	}
	_, onA := get(t, ts.URL+"/a/")
	if !strings.Contains(onA, `The problem is not in this page but in <a href="/b/">Page B</a> (<code>content/b.md</code>)`) {
		t.Errorf("overlay on /a/ does not name the failing page:\n%s", onA)
	}
	pre := regexp.MustCompile(`(?s)<pre>(.*?)</pre>`).FindStringSubmatch(onA)
	if pre == nil || !strings.Contains(pre[1], "content/b.md:") {
		t.Fatalf("no <pre> with the problem: %s", onA)
	}
	// The hint quotes the file with a caret: its lines are kept.
	excerpt := res.Problems[0].Hint
	if !strings.Contains(excerpt, "\n>  4 | weight: 2\n") {
		t.Fatalf("want a YAML error whose hint quotes lines, got %q", excerpt)
	}
	if !strings.Contains(pre[1], "   3 | tags: [a, b\n&gt;  4 | weight: 2\n       ^") {
		t.Errorf("the excerpt lost its lines: %q", pre[1])
	}
	if !strings.Contains(onA, `<button type="button" data-signpost-close>Close</button>`) {
		t.Error("overlay has no close button")
	}
	_, js := get(t, ts.URL+scriptPath)
	for _, want := range []string{`"Escape"`, `data-signpost-close`, `hidden = true`} {
		if !strings.Contains(js, want) {
			t.Errorf("reload.js lacks %s", want)
		}
	}
	_, css := get(t, ts.URL+stylePath)
	if !strings.Contains(css, "#signpost-errors{position:fixed") || !strings.Contains(css, "max-height:60vh") || strings.Contains(css, "inset:0") {
		t.Errorf("the overlay covers the whole page: %s", css)
	}
	_, onB := get(t, ts.URL+"/b/")
	if !strings.Contains(onB, "The problem is in this page, <code>content/b.md</code>") {
		t.Errorf("overlay on /b/ does not say the problem is here:\n%s", onB)
	}
}

func TestDraftsShownWithBanner(t *testing.T) {
	files := testSite + `
-- content/d.md --
---
title: Draft page
draft: true
---
Not yet.
-- content/sec/_index.md --
---
title: Draft section
draft: true
---
-- content/sec/in.md --
---
title: In a draft section
---
Inside.
`
	dir := sitetest.Write(t, files)
	s, err := New(Options{Build: sitetest.Options(dir, sitetest.Drafts)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if res := s.Rebuild(context.Background(), nil); res.Problems.HasErrors() {
		t.Fatal(res.Problems)
	}
	ts := newHTTP(t, s)
	for _, path := range []string{"/d/", "/sec/", "/sec/in/"} {
		code, body := get(t, ts.URL+path)
		i, j := strings.Index(body, "Draft: not published"), strings.Index(body, "<main")
		if code != 200 || i < 0 || i < j {
			t.Errorf("%s: %d, no draft banner inside <main>:\n%s", path, code, body)
		}
		if !strings.Contains(body, `<link rel="stylesheet" href="`+stylePath+`">`) {
			t.Errorf("%s: banner without its stylesheet", path)
		}
	}
	if _, body := get(t, ts.URL+"/a/"); strings.Contains(body, "Draft: not published") {
		t.Error("a published page has the draft banner")
	}
}

func newHTTP(t *testing.T, s *Server) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}

// waitFor polls cond until it holds or the time is up.
func waitFor(t *testing.T, what string, d time.Duration, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		ok, why := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: %s", what, why)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestDraftsOffSaysWhy: with --drafts=false a new draft answers 404, and
// the log says it was left out as a draft instead of "rendered 0 pages".
func TestDraftsOffSaysWhy(t *testing.T) {
	dir := sitetest.Write(t, testSite+"-- content/old.md --\n---\ntitle: Old draft\ndraft: true\n---\nOld.\n"+
		"-- content/sec/_index.md --\n---\ntitle: Draft section\ndraft: true\n---\n-- content/sec/in.md --\n---\ntitle: In it\n---\nIn.\n")
	var log syncBuffer
	s, err := New(Options{Build: sitetest.Options(dir), Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Rebuild(context.Background(), nil)
	if !strings.Contains(log.String(), "left out 3 drafts (--drafts=false): content/old.md, content/sec/_index.md, content/sec/in.md\n") {
		t.Errorf("first build does not list the drafts left out:\n%s", log.String())
	}
	ts := newHTTP(t, s)
	os.WriteFile(filepath.Join(dir, "content/new.md"), []byte("---\ntitle: New\ndraft: true\n---\nNew.\n"), 0o644)
	s.Rebuild(context.Background(), []string{"content/new.md"})
	if code, _ := get(t, ts.URL+"/new/"); code != 404 {
		t.Errorf("a draft with drafts off: %d", code)
	}
	if !strings.Contains(log.String(), "content/new.md is a draft, so it is left out (--drafts=false)") {
		t.Errorf("the log does not say the new page is a draft:\n%s", log.String())
	}
}

// TestUnpublishedURLsStopAnswering: after each edit, the URLs a clean
// build would not publish answer 404 (issue 14.2's examples).
func TestUnpublishedURLsStopAnswering(t *testing.T) {
	dir := sitetest.Write(t, testSite+"-- content/sec/foo.md --\n---\ntitle: Foo\n---\nFoo.\n-- content/sec/other.md --\n---\ntitle: Other\n---\nOther.\n")
	s, err := New(Options{Build: sitetest.Options(dir)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Rebuild(context.Background(), nil)
	ts := newHTTP(t, s)
	foo := filepath.Join(dir, "content/sec/foo.md")
	steps := []struct {
		what, file, data string
		live, gone       []string
	}{
		{"slug added", foo, "---\ntitle: Foo\nslug: bar\n---\nFoo.\n", []string{"/sec/bar/"}, []string{"/sec/foo/"}},
		{"slug removed", foo, "---\ntitle: Foo\n---\nFoo.\n", []string{"/sec/foo/"}, []string{"/sec/bar/"}},
		{"url set", foo, "---\ntitle: Foo\nurl: /elsewhere/\n---\nFoo.\n", []string{"/elsewhere/"}, []string{"/sec/foo/"}},
		{"url and aliases", foo, "---\ntitle: Foo\naliases: [/was/, /was-too/]\n---\nFoo.\n", []string{"/sec/foo/", "/was/", "/was-too/"}, []string{"/elsewhere/"}},
		{"alias dropped", foo, "---\ntitle: Foo\naliases: [/was/]\n---\nFoo.\n", []string{"/was/"}, []string{"/was-too/"}},
		{"page deleted", foo, "", []string{"/sec/other/"}, []string{"/sec/foo/", "/was/"}},
		{"section emptied", filepath.Join(dir, "content/sec/other.md"), "", []string{"/a/"}, []string{"/sec/other/", "/sec/", "/sec/feed.xml"}},
	}
	for _, st := range steps {
		if st.data == "" {
			os.Remove(st.file)
		} else {
			os.WriteFile(st.file, []byte(st.data), 0o644)
		}
		rel, _ := filepath.Rel(dir, st.file)
		if res := s.Rebuild(context.Background(), []string{filepath.ToSlash(rel)}); res.Problems.HasErrors() {
			t.Fatalf("%s: %v", st.what, res.Problems)
		}
		for _, u := range st.live {
			if code, _ := get(t, ts.URL+u); code != 200 {
				t.Errorf("%s: %s answers %d, want 200", st.what, u, code)
			}
		}
		for _, u := range st.gone {
			if code, _ := get(t, ts.URL+u); code != 404 {
				t.Errorf("%s: %s answers %d, want 404", st.what, u, code)
			}
		}
	}
}

// TestOverlayForABuildThatCouldNotRun: an error with no file (the output
// folder cannot be written, say) is shown as it is, naming no page.
func TestOverlayForABuildThatCouldNotRun(t *testing.T) {
	here := overlayHTML(diag.List{{Path: "content/a.md", Severity: diag.Error, Message: "x"}, {Path: "content/b.md", Severity: diag.Error, Message: "y"},
		{Path: "content/c.md", Severity: diag.Error, Message: "z"}}, pageInfo{File: "content/a.md"}, nil)
	if !strings.Contains(here, "The problem is in this page, <code>content/a.md</code>, and in 2 other files.") {
		t.Errorf("overlay does not count the other files: %s", here)
	}
	got := overlayHTML(diag.List{{Severity: diag.Error, Message: "cannot create /x/site: permission denied"}}, pageInfo{File: "content/a.md"}, nil)
	if !strings.Contains(got, "<pre>cannot create /x/site: permission denied</pre>") || strings.Contains(got, "not in this page") || strings.Contains(got, "in this page,") {
		t.Errorf("overlay: %s", got)
	}
}
