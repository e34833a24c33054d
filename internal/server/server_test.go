package server

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/signpost/signpost/internal/sitetest"
)

const testSite = `
-- signpost.toml --
title = "Preview"
baseURL = "https://example.org/"
-- assets/css/site.css --
body { color: black; }
-- content/a.md --
---
title: Page A
description: The first page.
---
Hello from A.
`

func newServer(t *testing.T) (*Server, string, *httptest.Server) {
	t.Helper()
	dir := sitetest.Write(t, testSite)
	opt := sitetest.Options(dir)
	s, err := New(Options{Build: opt, Debounce: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if res := s.Rebuild(context.Background(), nil); res.Problems.HasErrors() {
		t.Fatal(res.Problems)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, dir, ts
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServesSiteWithReloadScript(t *testing.T) {
	_, dir, ts := newServer(t)
	code, body := get(t, ts.URL+"/a/")
	if code != 200 || !strings.Contains(body, "Hello from A.") || !strings.Contains(body, `<script src="/_signpost/reload.js"></script>`) {
		t.Fatalf("GET /a/ = %d\n%s", code, body)
	}
	if code, _ := get(t, ts.URL+"/a"); code != 200 { // redirect followed
		t.Errorf("GET /a = %d", code)
	}
	if code, body := get(t, ts.URL+"/nope/"); code != 404 || !strings.Contains(body, "<html") {
		t.Errorf("missing page: %d, want the site's 404 page", code)
	}
	resp, _ := http.Get(ts.URL + "/css/site.css")
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("css content type %q", ct)
	}
	resp.Body.Close()
	// The reload script is serve's alone: a plain build never has it.
	out := filepath.Join(t.TempDir(), "out")
	opt := sitetest.Options(dir)
	opt.Dest = out
	if _, err := buildOnce(opt); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(out, "a/index.html"))
	if strings.Contains(string(b), "_signpost") {
		t.Error("build output contains the live-reload script")
	}
}

func TestPathTraversal(t *testing.T) {
	s, _, ts := newServer(t)
	secret := filepath.Join(s.root, "secret.txt")
	os.WriteFile(secret, []byte("SECRET"), 0o644)
	os.Symlink(secret, filepath.Join(s.dir, "link.txt"))
	for _, p := range []string{"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/a/../../secret.txt", "/%2e%2e%2f%2e%2e%2fetc/passwd", "/link.txt", "/..\\secret.txt"} {
		req, _ := http.NewRequest("GET", ts.URL+"/", nil)
		req.URL.RawPath, req.URL.Path = "", ""
		req.URL.Opaque = p
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(b), "SECRET") || strings.Contains(string(b), "root:") {
			t.Errorf("%s leaked a file outside the site", p)
		}
	}
}

func TestOverlayAndRecovery(t *testing.T) {
	s, dir, ts := newServer(t)
	os.WriteFile(filepath.Join(dir, "content/a.md"), []byte("---\ntitle: Page A\ndescription: x.\n---\n[broken](gone.md)\n"), 0o644)
	s.Rebuild(context.Background(), []string{"content/a.md"})
	_, body := get(t, ts.URL+"/a/")
	if !strings.Contains(body, `id="signpost-errors"`) || !strings.Contains(body, "content/a.md:5:1: error: link to gone.md") {
		t.Fatalf("no overlay naming file:line:\n%s", body)
	}
	if !strings.Contains(body, "Hello from A.") {
		t.Error("the last good page is not underneath the overlay")
	}
	os.WriteFile(filepath.Join(dir, "content/a.md"), []byte("---\ntitle: Page A\ndescription: x.\n---\nFixed.\n"), 0o644)
	s.Rebuild(context.Background(), []string{"content/a.md"})
	_, body = get(t, ts.URL+"/a/")
	if strings.Contains(body, "signpost-errors") || !strings.Contains(body, "Fixed.") {
		t.Fatalf("overlay not cleared:\n%s", body)
	}
}

func TestServerSentEvents(t *testing.T) {
	s, dir, ts := newServer(t)
	resp, err := http.Get(ts.URL + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	r := bufio.NewReader(resp.Body)
	r.ReadString('\n') // ": connected"
	r.ReadString('\n')
	next := func() string {
		t.Helper()
		got := make(chan string, 1)
		go func() { l, _ := r.ReadString('\n'); r.ReadString('\n'); r.ReadString('\n'); got <- l }()
		select {
		case l := <-got:
			return strings.TrimSpace(l)
		case <-time.After(5 * time.Second):
			t.Fatal("no event")
			return ""
		}
	}
	os.WriteFile(filepath.Join(dir, "content/a.md"), []byte("---\ntitle: Page A\ndescription: x.\n---\nNew.\n"), 0o644)
	s.Rebuild(context.Background(), []string{"content/a.md"})
	if ev := next(); ev != "event: reload" {
		t.Errorf("after a content edit: %q", ev)
	}
	os.WriteFile(filepath.Join(dir, "assets/css/site.css"), []byte("body{color:navy}"), 0o644)
	s.Rebuild(context.Background(), []string{"assets/css/site.css"})
	if ev := next(); ev != "event: css" {
		t.Errorf("after a CSS edit: %q", ev)
	}
}

func TestWatcher(t *testing.T) {
	dir := sitetest.Write(t, testSite)
	w, err := NewWatcher(dir, 30*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	expect := func(what string, want ...string) {
		t.Helper()
		select {
		case got := <-w.Changes:
			for _, x := range want {
				if !contains(got, x) {
					t.Errorf("%s: batch %v lacks %s", what, got, x)
				}
			}
			for _, x := range got {
				if strings.Contains(x, ".swp") || strings.HasSuffix(x, "~") || strings.Contains(x, "4913") {
					t.Errorf("%s: batch has editor junk %s", what, x)
				}
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: no batch", what)
		}
	}
	// An atomic save: a temporary file renamed over the page, as editors do,
	// with a swap file and vim's 4913 probe on the way.
	a := filepath.Join(dir, "content/a.md")
	os.WriteFile(filepath.Join(dir, "content/.a.md.swp"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "content/4913"), []byte("x"), 0o644)
	os.WriteFile(a+"~", []byte("x"), 0o644)
	tmp := filepath.Join(dir, "content/.a.md.tmp")
	os.WriteFile(tmp, []byte("---\ntitle: Saved\n---\n"), 0o644)
	os.Rename(tmp, a)
	expect("atomic save", "content/a.md")

	// A new folder with a file, then a file in it: both seen.
	os.MkdirAll(filepath.Join(dir, "content/new/deeper"), 0o755)
	os.WriteFile(filepath.Join(dir, "content/new/deeper/b.md"), []byte("x"), 0o644)
	expect("new folder", "content/new/deeper/b.md")
	time.Sleep(50 * time.Millisecond)
	os.WriteFile(filepath.Join(dir, "content/new/deeper/c.md"), []byte("x"), 0o644)
	expect("file in the new folder", "content/new/deeper/c.md")

	os.Remove(filepath.Join(dir, "content/new/deeper/c.md"))
	expect("delete", "content/new/deeper/c.md")

	os.WriteFile(filepath.Join(dir, "signpost.toml"), []byte("title = \"x\"\n"), 0o644)
	expect("config", "signpost.toml")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestRenderToDisk(t *testing.T) {
	dir := sitetest.Write(t, testSite)
	opt := sitetest.Options(dir)
	s, err := New(Options{Build: opt, RenderToDisk: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if res := s.Rebuild(context.Background(), nil); res.Problems.HasErrors() {
		t.Fatal(res.Problems)
	}
	b, err := os.ReadFile(filepath.Join(dir, "public/a/index.html"))
	if err != nil || !strings.Contains(string(b), "/_signpost/reload.js") {
		t.Fatalf("--render-to-disk did not write public/: %v", err)
	}
}
