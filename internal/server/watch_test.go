package server

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/site"
	"github.com/signpost/signpost/internal/sitetest"
)

var long = flag.Bool("long", false, "run the property tests for many more steps (CI runs this once)")

// startWatching serves dir's site as Run does, with a real watcher, and
// returns the server, its URL and the watcher.
func startWatching(t *testing.T, dir string, opt Options) (*Server, *httptest.Server, *Watcher) {
	t.Helper()
	if opt.Debounce == 0 {
		opt.Debounce = 20 * time.Millisecond
	}
	s, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if res := s.Rebuild(context.Background(), nil); res.Problems.HasErrors() {
		t.Fatal(res.Problems)
	}
	w, err := NewWatcher(dir, opt.Debounce, s.dir, s.root)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.watch(ctx, w); close(done) }()
	t.Cleanup(func() { cancel(); <-done; w.Close() })
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts, w
}

// siteFolders are the folders the watcher must watch: the site and every
// folder of its inputs.
func siteFolders(dir string) []string {
	out := []string{"."}
	for _, d := range site.InputDirs {
		filepath.WalkDir(filepath.Join(dir, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil || !e.IsDir() {
				return nil
			}
			if content.Ignored(e.Name()) {
				return filepath.SkipDir
			}
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
			return nil
		})
	}
	slices.Sort(out)
	return out
}

// TestWatchedFoldersFollowTheSite is the property of issue 14.1: after
// any sequence of folder creates, deletes, renames and moves (within the
// site, out of it and back in), the watched folders are the site's
// folders, and the served site shows every page as it is on disk: an edit
// made after a folder moved shows, and pages that went answer 404.
// -long runs many more steps.
func TestWatchedFoldersFollowTheSite(t *testing.T) {
	steps := 25
	if testing.Short() {
		steps = 10
	}
	if *long {
		steps = 200
	}
	dir := sitetest.Write(t, testSite+"-- static/robots.txt --\nUser-agent: *\n")
	_, ts, w := startWatching(t, dir, Options{Build: sitetest.Options(dir)})
	e := &folderEditor{site: dir, attic: t.TempDir(), rng: rand.New(rand.NewSource(14))}
	seen := map[string]bool{} // every page URL served so far
	start := time.Now()
	for i := 0; i < steps; i++ {
		op := e.change(i)
		waitFor(t, fmt.Sprintf("step %d (%s)", i, op), 10*time.Second, func() (bool, string) {
			if got, want := w.Watched(), siteFolders(dir); !slices.Equal(got, want) {
				return false, fmt.Sprintf("watching %v, want %v", got, want)
			}
			return servedAsOnDisk(ts.URL, dir, seen)
		})
	}
	t.Logf("%d folder operations in %s", steps, time.Since(start).Round(time.Millisecond))
}

// folderEditor moves a site's content folders about as editors and their
// tools do; attic is a folder outside the site.
type folderEditor struct {
	site, attic string
	rng         *rand.Rand
	token       int
}

// writePage writes a page holding a new token, which the served page must show.
func (e *folderEditor) writePage(p string) {
	e.token++
	os.WriteFile(p, []byte(fmt.Sprintf("---\ntitle: Page %d\n---\nToken tok%dz.\n", e.token, e.token)), 0o644)
}

func (e *folderEditor) folders(root string) []string {
	var out []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func (e *folderEditor) pick(list []string) string { return list[e.rng.Intn(len(list))] }

// change makes one random change numbered i and describes it.
func (e *folderEditor) change(i int) string {
	all := e.folders(filepath.Join(e.site, "content")) // content itself first
	sub := all[1:]                                     // folders that may move or go
	name := fmt.Sprintf("d%d", i)
	switch r := e.rng.Intn(9); {
	case r == 0 || len(sub) == 0: // a new folder with a page, written at once
		d := filepath.Join(e.pick(all), name)
		os.Mkdir(d, 0o755)
		e.writePage(filepath.Join(d, fmt.Sprintf("p%d.md", i)))
		return "mkdir " + d
	case r == 1: // a new page in a folder
		e.writePage(filepath.Join(e.pick(all), fmt.Sprintf("p%d.md", i)))
		return "create page"
	case r <= 3: // edit a page, wherever it is now
		var pages []string
		for _, d := range all {
			m, _ := filepath.Glob(filepath.Join(d, "*.md"))
			pages = append(pages, m...)
		}
		f := e.pick(pages)
		e.writePage(f)
		return "edit " + f
	case r == 4: // rename or move a folder within the site
		from := e.pick(sub)
		var into []string
		for _, d := range all {
			if d != from && !strings.HasPrefix(d, from+string(filepath.Separator)) {
				into = append(into, d)
			}
		}
		to := filepath.Join(e.pick(into), name)
		os.Rename(from, to)
		return "mv " + from + " " + to
	case r == 5: // move a folder out of the site
		from := e.pick(sub)
		os.Rename(from, filepath.Join(e.attic, name))
		return "mv out " + from
	case r == 6: // move a folder back in
		out, _ := os.ReadDir(e.attic)
		if len(out) == 0 {
			return "nothing"
		}
		to := filepath.Join(e.pick(all), name)
		os.Rename(filepath.Join(e.attic, out[e.rng.Intn(len(out))].Name()), to)
		return "mv in " + to
	case r == 7: // a folder moved aside and a new one made in its place
		from := e.pick(sub)
		os.Rename(from, filepath.Join(filepath.Dir(from), name))
		os.Mkdir(from, 0o755)
		e.writePage(filepath.Join(from, fmt.Sprintf("p%d.md", i)))
		return "replace " + from
	default: // remove a folder and all in it
		from := e.pick(sub)
		os.RemoveAll(from)
		return "rm -r " + from
	}
}

// servedAsOnDisk checks that every page in content/ is served with the
// token it holds on disk, and that page URLs served before whose files
// are gone answer 404.
func servedAsOnDisk(base, dir string, seen map[string]bool) (bool, string) {
	now := map[string]string{}
	filepath.WalkDir(filepath.Join(dir, "content"), func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".md") && e.Name() != "_index.md" {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(filepath.Join(dir, "content"), p)
			i := bytes.Index(b, []byte("tok"))
			if i >= 0 {
				now["/"+strings.TrimSuffix(filepath.ToSlash(rel), ".md")+"/"] = string(b[i : i+bytes.IndexByte(b[i:], 'z')+1])
			} else {
				now["/"+strings.TrimSuffix(filepath.ToSlash(rel), ".md")+"/"] = "Hello from A."
			}
		}
		return nil
	})
	for _, u := range slices.Sorted(mapsKeys(now)) {
		code, body := fetch(base + u)
		if code != 200 || !strings.Contains(body, now[u]) {
			return false, fmt.Sprintf("%s answers %d without %q", u, code, now[u])
		}
		seen[u] = true
	}
	for u := range seen {
		if _, ok := now[u]; !ok {
			if code, _ := fetch(base + u); code != 404 {
				return false, fmt.Sprintf("%s is gone from disk but answers %d", u, code)
			}
		}
	}
	return true, ""
}

func mapsKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func fetch(url string) (int, string) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return resp.StatusCode, b.String()
}

// TestWatcherOnlyInputs: files that are not the site's inputs (a log at
// the root, the output folder inside the site, a temporary build folder)
// cause no batch; inputs do, including a folder that appears later.
func TestWatcherOnlyInputs(t *testing.T) {
	dir := sitetest.Write(t, testSite)
	out := filepath.Join(dir, "site-out")
	os.MkdirAll(filepath.Join(out, "a"), 0o755)
	w, err := NewWatcher(dir, 20*time.Millisecond, out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	quiet := func(what string) {
		t.Helper()
		select {
		case got := <-w.Changes:
			t.Errorf("%s: batch %v, want none", what, got)
		case <-time.After(200 * time.Millisecond):
		}
	}
	expect := func(what string, want ...string) {
		t.Helper()
		select {
		case got := <-w.Changes:
			if !slices.Equal(got, want) {
				t.Errorf("%s: batch %v, want %v", what, got, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: no batch", what)
		}
	}
	for i := 0; i < 3; i++ {
		os.WriteFile(filepath.Join(dir, "serve.log"), []byte(strings.Repeat("log line\n", i+1)), 0o644)
		os.WriteFile(filepath.Join(dir, "README.md"), []byte("notes"), 0o644)
		os.WriteFile(filepath.Join(out, "a/index.html"), []byte("out"), 0o644)
		os.MkdirAll(filepath.Join(dir, ".site-out.build-1/x"), 0o755)
		os.Mkdir(filepath.Join(dir, "node_modules"), 0o755)
		os.WriteFile(filepath.Join(dir, "node_modules/x.js"), []byte("x"), 0o644)
	}
	quiet("log, README, output and build folder at the root")
	if slices.ContainsFunc(w.Watched(), func(p string) bool { return strings.HasPrefix(p, "site-out") }) {
		t.Errorf("the output folder is watched: %v", w.Watched())
	}
	os.Mkdir(filepath.Join(dir, "i18n"), 0o755)
	os.WriteFile(filepath.Join(dir, "i18n/fr.yaml"), []byte("x: y\n"), 0o644)
	expect("a new i18n folder", "i18n", "i18n/fr.yaml")
	os.WriteFile(filepath.Join(dir, "signpost.toml"), []byte("title = \"x\"\n"), 0o644)
	expect("config", "signpost.toml")
	// static/ is published as it is, dot-files included, so they are inputs;
	// the same names elsewhere are editors' files.
	os.Mkdir(filepath.Join(dir, "static"), 0o755)
	expect("a new static folder", "static")
	os.Mkdir(filepath.Join(dir, "static/.well-known"), 0o755)
	os.WriteFile(filepath.Join(dir, "static/.well-known/security.txt"), []byte("Contact: x\n"), 0o644)
	expect("a dot-folder in static", "static/.well-known", "static/.well-known/security.txt")
	os.WriteFile(filepath.Join(dir, "static/.well-known/security.txt"), []byte("Contact: y\n"), 0o644)
	expect("an edit in a dot-folder in static", "static/.well-known/security.txt")
	os.WriteFile(filepath.Join(dir, "static/.htaccess"), []byte("x"), 0o644)
	expect("a dot-file in static", "static/.htaccess")
	os.WriteFile(filepath.Join(dir, "content/.notes.md.swp"), []byte("x"), 0o644)
	quiet("a swap file in content")
}

// syncBuffer is a log written by the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// TestRenderToDiskInsideSiteDoesNotRebuildForever: serve
// --render-to-disk --dest ./site-out writes into the site; its own
// writes must not start another build (issue 11.10).
func TestRenderToDiskInsideSiteDoesNotRebuildForever(t *testing.T) {
	dir := sitetest.Write(t, testSite)
	opt := sitetest.Options(dir)
	opt.Dest = filepath.Join(dir, "site-out")
	var log syncBuffer
	ready := make(chan string, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Build: opt, RenderToDisk: true, Addr: "127.0.0.1:0", Log: &log, Debounce: 20 * time.Millisecond,
			Ready: func(u string) { ready <- u }})
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	if n := strings.Count(log.String(), "built "); n != 1 {
		t.Errorf("%d builds without an edit, want 1:\n%s", n, log.String())
	}
	// A full build swaps the whole output folder into place, which the
	// site's own folder sees.
	os.WriteFile(filepath.Join(dir, "signpost.toml"), []byte("title = \"Renamed\"\nbaseURL = \"https://example.org/\"\n"), 0o644)
	waitFor(t, "the edit", 5*time.Second, func() (bool, string) {
		code, body := fetch(url + "a/")
		return code == 200 && strings.Contains(body, "Renamed"), body
	})
	time.Sleep(500 * time.Millisecond)
	if n := strings.Count(log.String(), "built "); n != 2 {
		t.Errorf("%d builds after one edit, want 2 in all:\n%s", n, log.String())
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
