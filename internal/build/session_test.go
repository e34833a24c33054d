package build_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/build"
	"github.com/signpost/signpost/internal/sitetest"
)

const rebuildSite = minimal + `
-- layouts/_default/term.html --
{{define "main"}}<h1>{{.Title}}</h1><ul>{{range .Pages}}<li><a href="{{.RelPermalink}}">{{.Title}}</a></li>{{end}}</ul>{{end}}
-- assets/css/site.css --
body { color: black; }
-- content/_index.md --
---
title: Home
---
-- content/talk/_index.md --
---
title: Talking
---
-- content/talk/a.md --
---
title: Alpha
weight: 1
topics: [Talking]
---
Go to [Bravo](b.md#details).
-- content/talk/b.md --
---
title: Bravo
weight: 2
topics: [Talking, Reporting]
---
## Details
Bravo body.
-- content/talk/c.md --
---
title: Charlie
weight: 3
---
Charlie body.
-- content/report/d.md --
---
title: Delta
topics: [Reporting]
---
Delta body.
-- content/report/e.md --
---
title: Echo
---
Echo body, no terms.
`

// session builds a fixture with serve's options and returns it with a
// helper that edits a file and rebuilds incrementally.
func newSession(t *testing.T, files string) (dir string, s *build.Session, edit func(name, data string) *build.Result) {
	t.Helper()
	dir = sitetest.Write(t, files)
	opt := serveOptions(dir, filepath.Join(dir, "public"))
	s = build.NewSession(opt)
	if res, err := s.Build(context.Background(), nil); err != nil {
		t.Fatalf("%v\n%v", err, res.Problems)
	}
	edit = func(name, data string) *build.Result {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if data == "" {
			os.Remove(p)
		} else {
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		res, err := s.Build(context.Background(), []string{name})
		if err != nil {
			t.Fatalf("rebuild after %s: %v\n%v", name, err, res.Problems)
		}
		assertSameAsClean(t, dir)
		return res
	}
	return dir, s, edit
}

func serveOptions(dir, dest string) build.Options {
	o := sitetest.Options(dir, sitetest.Minify)
	o.Dest = dest
	o.StableAssetNames = true
	return o
}

// assertSameAsClean builds the site from scratch elsewhere and compares.
func assertSameAsClean(t *testing.T, dir string) {
	t.Helper()
	clean := filepath.Join(t.TempDir(), "clean")
	if res, err := build.Build(context.Background(), serveOptions(dir, clean)); err != nil {
		t.Fatalf("clean build: %v\n%v", err, res.Problems)
	}
	if diff := diffTrees(t, filepath.Join(dir, "public"), clean); diff != "" {
		t.Fatalf("incremental output differs from a clean build:\n%s", diff)
	}
}

func diffTrees(t *testing.T, a, b string) string {
	t.Helper()
	fa, fb := snapshot(t, a), snapshot(t, b)
	var out []string
	for name, data := range fa {
		if other, ok := fb[name]; !ok {
			out = append(out, "only in incremental: "+name)
		} else if !bytes.Equal(data, other) {
			out = append(out, "differs: "+name)
		}
	}
	for name := range fb {
		if _, ok := fa[name]; !ok {
			out = append(out, "only in clean: "+name)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

func TestIncrementalBodyEditRendersOnePage(t *testing.T) {
	dir, _, edit := newSession(t, rebuildSite)
	res := edit("content/talk/c.md", "---\ntitle: Charlie\nweight: 3\n---\nNew words for Charlie.\n")
	if res.Pages != 1 {
		t.Errorf("rendered %d pages, want 1", res.Pages)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "public/talk/c/index.html")); !bytes.Contains(b, []byte("New words for Charlie.")) {
		t.Error("edit not in output")
	}
}

func TestIncrementalTitleEditRendersDependents(t *testing.T) {
	_, _, edit := newSession(t, rebuildSite)
	// Bravo shows on: itself, talk/ (section), home, Alpha (prev/next and a
	// link to it), Charlie (prev), its term pages and their taxonomy, and
	// the pages sharing its terms (Alpha, Delta) for related guidance.
	res := edit("content/talk/b.md", "---\ntitle: Bravo renamed\nweight: 2\ntopics: [Talking, Reporting]\n---\n## Details\nBravo body.\n")
	if res.Pages < 5 || res.Pages > 10 {
		t.Errorf("rendered %d pages, want the page and its dependents only", res.Pages)
	}
}

func TestIncrementalTemplateEditRendersItsPages(t *testing.T) {
	_, _, edit := newSession(t, rebuildSite)
	res := edit("layouts/_default/term.html", `{{define "main"}}<h1>Term: {{.Title}}</h1>{{end}}`)
	if res.Pages != 2 { // talking, reporting
		t.Errorf("rendered %d pages, want the 2 term pages", res.Pages)
	}
}

func TestIncrementalCSSEditRendersNoPage(t *testing.T) {
	dir, _, edit := newSession(t, rebuildSite)
	res := edit("assets/css/site.css", "body { color: navy; }")
	if res.Pages != 0 {
		t.Errorf("rendered %d pages, want 0", res.Pages)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "public/css/site.css")); !bytes.Contains(b, []byte("navy")) {
		t.Errorf("css not rebuilt: %s", b)
	}
}

func TestIncrementalCreateDeleteRename(t *testing.T) {
	dir, _, edit := newSession(t, rebuildSite)
	edit("content/talk/f.md", "---\ntitle: Foxtrot\ntopics: [Talking]\n---\nNew page.\n")
	edit("content/report/e.md", "")
	if _, err := os.Stat(filepath.Join(dir, "public/report/e/index.html")); err == nil {
		t.Error("deleted page's output remains")
	}
	edit("content/report/d.md", "")
	edit("content/report/delta.md", "---\ntitle: Delta\ntopics: [Reporting]\n---\nDelta body.\n")
}

func TestIncrementalConfigEditRebuildsAll(t *testing.T) {
	_, _, edit := newSession(t, rebuildSite)
	res := edit("signpost.toml", "title = \"Renamed site\"\nbaseURL = \"https://example.org/\"\n")
	if res.Pages < 10 {
		t.Errorf("rendered %d pages, want all", res.Pages)
	}
}

func TestIncrementalErrorKeepsOutputThenRecovers(t *testing.T) {
	dir, s, _ := newSession(t, rebuildSite)
	before, _ := os.ReadFile(filepath.Join(dir, "public/talk/a/index.html"))
	os.WriteFile(filepath.Join(dir, "content/talk/a.md"), []byte("---\ntitle: Alpha\nweight: 1\n---\n[x](nope.md)\n"), 0o644)
	res, err := s.Build(context.Background(), []string{"content/talk/a.md"})
	if err == nil || !strings.Contains(fmt.Sprint(res.Problems), "content/talk/a.md:5:1: error: link to nope.md") {
		t.Fatalf("want broken link error, got %v", err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "public/talk/a/index.html"))
	if !bytes.Equal(before, after) {
		t.Error("failed rebuild changed the output")
	}
	os.WriteFile(filepath.Join(dir, "content/talk/a.md"), []byte("---\ntitle: Alpha\nweight: 1\ntopics: [Talking]\n---\nFixed.\n"), 0o644)
	if res, err := s.Build(context.Background(), []string{"content/talk/a.md"}); err != nil {
		t.Fatalf("%v %v", err, res.Problems)
	}
	assertSameAsClean(t, dir)
}

// TestIncrementalEqualsClean is the property that matters: after any
// sequence of edits, creates, deletes and renames, each followed by an
// incremental build, the output is byte-identical to a clean build.
func TestIncrementalEqualsClean(t *testing.T) {
	steps := 220
	if testing.Short() {
		steps = 40
	}
	dir, s, _ := newSession(t, rebuildSite)
	build.SetFullShare(s, 2) // never fall back for size: test the narrow path
	rng := rand.New(rand.NewSource(1))
	pages := func() []string {
		var out []string
		filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") {
				rel, _ := filepath.Rel(dir, p)
				out = append(out, filepath.ToSlash(rel))
			}
			return nil
		})
		sort.Strings(out)
		return out
	}
	topics := []string{"Talking", "Reporting", "Privacy"}
	page := func(n int) string {
		var terms []string
		for i, tp := range topics {
			if rng.Intn(3) == 0 || (i == 0 && n%2 == 0) {
				terms = append(terms, tp)
			}
		}
		link := ""
		if rng.Intn(2) == 0 { // links go to pages that are never deleted
			link = fmt.Sprintf("See [a page](/%s).\n", []string{"talk/a.md", "talk/b.md", "report/d.md", "talk/_index.md"}[rng.Intn(4)])
		}
		return fmt.Sprintf("---\ntitle: Page %d\nweight: %d\ntopics: [%s]\n---\n## Details\n## Part %d\n%sBody %d.\n", n, rng.Intn(5), strings.Join(terms, ", "), rng.Intn(3), link, rng.Int())
	}
	incremental := 0
	whys := map[string]int{}
	defer func() { t.Logf("%d of %d steps were built incrementally; full builds: %v", incremental, steps, whys) }()
	original := map[string]bool{}
	for _, p := range pages() {
		original[p] = true
	}
	for i := 0; i < steps; i++ {
		ps := pages()
		var made []string // pages this test created, which it may delete
		for _, p := range ps {
			if !original[p] {
				made = append(made, p)
			}
		}
		var changed []string
		var op string
		switch r := rng.Intn(10); {
		case r < 3 && len(ps) > 0: // body edit
			f := ps[rng.Intn(len(ps))]
			b, _ := os.ReadFile(filepath.Join(dir, f))
			os.WriteFile(filepath.Join(dir, f), append(b, fmt.Sprintf("\nMore %d.\n", i)...), 0o644)
			changed, op = []string{f}, "body "+f
		case r < 5 && len(ps) > 0: // front matter edit
			f := ps[rng.Intn(len(ps))]
			os.WriteFile(filepath.Join(dir, f), []byte(page(i)), 0o644)
			changed, op = []string{f}, "meta "+f
		case r < 7: // create
			f := fmt.Sprintf("content/%s/n%d.md", []string{"talk", "report"}[rng.Intn(2)], i)
			os.WriteFile(filepath.Join(dir, f), []byte(page(i)), 0o644)
			changed, op = []string{f}, "create "+f
		case r < 8 && len(made) > 0: // delete
			f := made[rng.Intn(len(made))]
			os.Remove(filepath.Join(dir, f))
			changed, op = []string{f}, "delete "+f
		case r < 9 && len(made) > 0: // rename
			f := made[rng.Intn(len(made))]
			to := fmt.Sprintf("content/talk/r%d.md", i)
			os.Rename(filepath.Join(dir, f), filepath.Join(dir, to))
			changed, op = []string{f, to}, "rename "+f
		default: // template or stylesheet
			if rng.Intn(2) == 0 {
				os.WriteFile(filepath.Join(dir, "layouts/_default/term.html"), []byte(fmt.Sprintf(`{{define "main"}}<h1>{{.Title}} %d</h1>{{range .Pages}}{{.Title}}{{end}}{{end}}`, i)), 0o644)
				changed, op = []string{"layouts/_default/term.html"}, "template"
			} else {
				os.WriteFile(filepath.Join(dir, "assets/css/site.css"), []byte(fmt.Sprintf("body{margin:%dpx}", i)), 0o644)
				changed, op = []string{"assets/css/site.css"}, "css"
			}
		}
		res, err := s.Build(context.Background(), changed)
		clean := filepath.Join(t.TempDir(), "clean")
		cres, cerr := build.Build(context.Background(), serveOptions(dir, clean))
		if (err == nil) != (cerr == nil) {
			t.Fatalf("step %d (%s): incremental err %v, clean err %v\n%v\n%v", i, op, err, cerr, res.Problems, cres.Problems)
		}
		if err != nil {
			t.Fatalf("step %d (%s): %v\n%v", i, op, err, res.Problems)
		}
		if res.Incremental {
			incremental++
		} else {
			whys[res.Why]++
		}
		if diff := diffTrees(t, filepath.Join(dir, "public"), clean); diff != "" {
			t.Fatalf("step %d (%s): incremental differs from clean:\n%s", i, op, diff)
		}
	}
}
