package site_test

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/signpost/signpost/internal/site"
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

func TestIncrementalBodyEditRendersOnePage(t *testing.T) {
	sitetest.Run(t, rebuildSite).
		EditFile("content/talk/c.md", "---\ntitle: Charlie\nweight: 3\n---\nNew words for Charlie.\n").Build().
		AssertRendered(1).
		AssertFile("talk/c/index.html", "New words for Charlie.")
}

func TestIncrementalTitleEditRendersDependents(t *testing.T) {
	// Bravo shows on 9 pages: itself, talk/ (its section), home, Alpha
	// (its neighbour, linking to it), Charlie (its neighbour), its two
	// term pages and the taxonomy listing them, and Delta, which shares
	// the term Reporting (related guidance). Echo, with no terms, and
	// report/ are not rendered again.
	sitetest.Run(t, rebuildSite).
		EditFileReplaceAll("content/talk/b.md", "title: Bravo", "title: Bravo renamed").Build().
		AssertRendered(9).
		AssertFile("talk/index.html", "Bravo renamed").
		AssertFile("topics/reporting/index.html", "Bravo renamed")
}

func TestIncrementalTemplateEditRendersItsPages(t *testing.T) {
	sitetest.Run(t, rebuildSite).
		EditFile("layouts/_default/term.html", `{{define "main"}}<h1>Term: {{.Title}}</h1>{{end}}`).Build().
		AssertRendered(2) // talking, reporting
}

func TestIncrementalCSSEditRendersNoPage(t *testing.T) {
	sitetest.Run(t, rebuildSite).
		EditFile("assets/css/site.css", "body { color: navy; }").Build().
		AssertRendered(0).
		AssertFile("css/site.css", "navy")
}

func TestIncrementalCreateDeleteRename(t *testing.T) {
	r := sitetest.Run(t, rebuildSite)
	r.EditFile("content/talk/f.md", "---\ntitle: Foxtrot\ntopics: [Talking]\n---\nNew page.\n").Build()
	r.RemoveFile("content/report/e.md").Build()
	if r.Exists("report/e/index.html") {
		t.Error("deleted page's output remains")
	}
	r.RenameFile("content/report/d.md", "content/report/delta.md").Build()
}

func TestIncrementalConfigEditRebuildsAll(t *testing.T) {
	r := sitetest.Run(t, rebuildSite)
	// Every page of the site: home, talk/ and report/, the five pages,
	// the topics taxonomy and its two terms.
	r.AssertRendered(11)
	r.EditFile("signpost.toml", "title = \"Renamed site\"\nbaseURL = \"https://example.org/\"\n").Build().
		AssertFull("signpost.toml changed").
		AssertRendered(11)
}

func TestIncrementalErrorKeepsOutputThenRecovers(t *testing.T) {
	r := sitetest.Run(t, rebuildSite)
	before, _ := os.ReadFile(filepath.Join(r.Out, "talk/a/index.html"))
	r.EditFile("content/talk/a.md", "---\ntitle: Alpha\nweight: 1\n---\n[x](nope.md)\n").BuildE()
	if r.Err == nil || !strings.Contains(fmt.Sprint(r.Result.Problems), "content/talk/a.md:5:1: error: link to nope.md") {
		t.Fatalf("want broken link error, got %v", r.Err)
	}
	after, _ := os.ReadFile(filepath.Join(r.Out, "talk/a/index.html"))
	if !bytes.Equal(before, after) {
		t.Error("failed rebuild changed the output")
	}
	r.EditFile("content/talk/a.md", "---\ntitle: Alpha\nweight: 1\ntopics: [Talking]\n---\nFixed.\n").Build()
}

var (
	long = flag.Bool("long", false, "run the property tests for many more steps (CI runs this once)")
	seed = flag.Int64("seed", 1, "the seed of the property tests' random changes")
)

// TestIncrementalEqualsClean is the property that matters: after any
// sequence of changes, each batch followed by an incremental build, the
// output folder holds exactly the files of a clean build (none missing,
// none left over), byte for byte. Steps are broad, one to three changes
// per build as serve batches them, and of every kind: body and front
// matter edits (slug, url, aliases, draft, terms), pages created, deleted
// and renamed, sections created, renamed and deleted, static files and
// assets added, edited and removed, and templates. -long runs many more
// steps; -seed picks another sequence.
func TestIncrementalEqualsClean(t *testing.T) {
	incrementalEqualsClean(t, rebuildSite, false)
}

// rebuildLanguages is rebuildSite in English, Welsh and Urdu, with Welsh
// translations by file name and the theme's words in Welsh.
var rebuildLanguages = strings.Replace(rebuildSite, minimal, minimal+`[languages.en]
name = "English"
weight = 1
[languages.cy]
name = "Cymraeg"
weight = 2
[languages.ur]
name = "اردو"
weight = 3
direction = "rtl"
-- i18n/cy.toml --
[home]
other = "Hafan"
-- content/talk/a.cy.md --
---
title: Alffa
translation: {from: en, checked: false}
---
Cymraeg.
`, 1)

// The property holds with translations: translations created, edited
// and removed, and the i18n file edited, among the other changes.
func TestIncrementalEqualsCleanLanguages(t *testing.T) {
	incrementalEqualsClean(t, rebuildLanguages, true)
}

func incrementalEqualsClean(t *testing.T, fixture string, langs bool) {
	steps := 40
	if testing.Short() {
		steps = 12
	}
	if *long {
		steps = 300
		if langs {
			// Five languages make each clean build several times dearer;
			// 100 steps keep CI's one -race run within minutes.
			steps = 100
		}
	}
	r := sitetest.Run(t, fixture)
	site.SetFullShare(r.Session, 2) // never fall back for size: test the narrow path
	e := &editor{dir: r.Dir, rng: rand.New(rand.NewSource(*seed)), langs: langs}
	incremental, changes := 0, 0
	whys := map[string]int{}
	start := time.Now()
	defer func() {
		t.Logf("%d steps (%d changes), %d built incrementally, in %s; full builds: %v", steps, changes, incremental, time.Since(start).Round(time.Millisecond), whys)
	}()
	for i := 0; i < steps; i++ {
		var ops []string
		for k := e.rng.Intn(3); k >= 0; k-- {
			c, op := e.change(i*10 + k)
			r.Changed(c...)
			ops = append(ops, op)
			changes++
		}
		if r.BuildE(); r.Err != nil {
			t.Fatalf("step %d %v: %v\n%v", i, ops, r.Err, r.Result.Problems)
		}
		if r.Result.Incremental {
			incremental++
		} else {
			whys[r.Result.Why]++
		}
		if diff := r.DiffClean(); diff != "" {
			t.Fatalf("step %d %v: incremental differs from clean (-clean +incremental):\n%s", i, ops, diff)
		}
	}
}

// editor makes random changes to a rebuildSite the way editors and their
// tools do, and says which paths changed as the watcher would.
type editor struct {
	dir string
	rng *rand.Rand
	// langs adds changes to translations and i18n files.
	langs bool
}

// Pages others link to are edited but never removed or made drafts.
var linked = []string{"content/talk/a.md", "content/talk/b.md", "content/report/d.md"}

func (e *editor) list(under string, keep func(rel string, d os.DirEntry) bool) []string {
	var out []string
	filepath.WalkDir(filepath.Join(e.dir, under), func(p string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(e.dir, p)
		if err == nil && keep(filepath.ToSlash(rel), d) {
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func (e *editor) pages() []string {
	return e.list("content", func(rel string, d os.DirEntry) bool {
		return !d.IsDir() && strings.HasSuffix(rel, ".md") && !strings.HasSuffix(rel, "_index.md")
	})
}

// made are the pages and sections this test created, which it may remove.
func (e *editor) made(dirs bool) []string {
	return e.list("content", func(rel string, d os.DirEntry) bool {
		base := path.Base(rel)
		if dirs {
			return d.IsDir() && strings.HasPrefix(base, "sec")
		}
		return !d.IsDir() && (strings.HasPrefix(base, "n") || strings.HasPrefix(base, "r"))
	})
}

func (e *editor) pick(list []string) string { return list[e.rng.Intn(len(list))] }

func (e *editor) write(rel, data string) {
	p := filepath.Join(e.dir, filepath.FromSlash(rel))
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, []byte(data), 0o644)
}

// page is a page's text with random front matter: terms, weight, and
// sometimes a slug, a url, aliases, a draft flag and a link.
func (e *editor) page(n int, mayDraft bool) string {
	var fm []string
	var terms []string
	for _, tp := range []string{"Talking", "Reporting", "Privacy"} {
		if e.rng.Intn(3) == 0 {
			terms = append(terms, tp)
		}
	}
	fm = append(fm, fmt.Sprintf("title: Page %d", n), fmt.Sprintf("weight: %d", e.rng.Intn(5)), "topics: ["+strings.Join(terms, ", ")+"]")
	switch e.rng.Intn(8) {
	case 0, 1:
		fm = append(fm, fmt.Sprintf("slug: s%d", n))
	case 2:
		fm = append(fm, fmt.Sprintf("url: /u%d/", n))
	}
	if e.rng.Intn(4) == 0 {
		fm = append(fm, fmt.Sprintf("aliases: [/old%d/, /older%d/]", n, n))
	}
	if mayDraft && e.rng.Intn(6) == 0 {
		fm = append(fm, "draft: true")
	}
	link := ""
	if e.rng.Intn(2) == 0 {
		link = fmt.Sprintf("See [a page](/%s).\n", e.pick([]string{"talk/a.md", "talk/b.md", "report/d.md", "talk/_index.md"}))
	}
	return fmt.Sprintf("---\n%s\n---\n## Details\n## Part %d\n%sBody %d.\n", strings.Join(fm, "\n"), e.rng.Intn(3), link, e.rng.Int())
}

// change makes one random change and returns the changed paths.
func (e *editor) change(n int) (changed []string, op string) {
	pages, madePages, sections := e.pages(), e.made(false), e.made(true)
	folders := append([]string{"content/talk", "content/report"}, sections...)
	if e.langs && e.rng.Intn(4) == 0 {
		return e.translate(n, pages)
	}
	switch r := e.rng.Intn(20); {
	case r < 4: // body edit
		f := e.pick(pages)
		b, _ := os.ReadFile(filepath.Join(e.dir, f))
		e.write(f, string(b)+fmt.Sprintf("\nMore %d.\n", n))
		return []string{f}, "body " + f
	case r < 8: // front matter edit
		f := e.pick(pages)
		e.write(f, e.page(n, !slices.Contains(linked, f)))
		return []string{f}, "meta " + f
	case r < 10: // create a page
		f := fmt.Sprintf("%s/n%d.md", e.pick(folders), n)
		e.write(f, e.page(n, true))
		return []string{f}, "create " + f
	case r < 11 && len(madePages) > 0: // delete a page
		f := e.pick(madePages)
		os.Remove(filepath.Join(e.dir, f))
		return []string{f}, "delete " + f
	case r < 12 && len(madePages) > 0: // rename or move a page
		f := e.pick(madePages)
		to := fmt.Sprintf("%s/r%d.md", e.pick(folders), n)
		os.Rename(filepath.Join(e.dir, f), filepath.Join(e.dir, to))
		return []string{f, to}, "rename " + f + " " + to
	case r < 13: // a new section with a page
		d := fmt.Sprintf("content/sec%d", n)
		if e.rng.Intn(2) == 0 {
			e.write(d+"/_index.md", fmt.Sprintf("---\ntitle: Section %d\n---\nAbout.\n", n))
		}
		e.write(d+fmt.Sprintf("/n%d.md", n), e.page(n, true))
		return append([]string{d}, e.list(d, func(_ string, d os.DirEntry) bool { return !d.IsDir() })...), "new section " + d
	case r < 14 && len(sections) > 0: // rename a section (the watcher reports both folders and the files)
		from := e.pick(sections)
		to := fmt.Sprintf("content/sec%d", n)
		os.Rename(filepath.Join(e.dir, from), filepath.Join(e.dir, to))
		return append([]string{from, to}, e.list(to, func(_ string, d os.DirEntry) bool { return !d.IsDir() })...), "rename section " + from + " " + to
	case r < 15 && len(sections) > 0: // delete a section and all in it
		d := e.pick(sections)
		files := e.list(d, func(_ string, d os.DirEntry) bool { return !d.IsDir() })
		os.RemoveAll(filepath.Join(e.dir, d))
		return append(files, d), "delete section " + d
	case r < 17: // static files and assets: add, edit, remove
		kind := e.pick([]string{"static/files", "assets/js"})
		existing := e.list(kind, func(_ string, d os.DirEntry) bool { return !d.IsDir() })
		if len(existing) > 0 && e.rng.Intn(3) == 0 {
			f := e.pick(existing)
			os.Remove(filepath.Join(e.dir, f))
			return []string{f}, "remove " + f
		}
		f := fmt.Sprintf("%s/f%d.txt", kind, n)
		if len(existing) > 0 && e.rng.Intn(2) == 0 {
			f = e.pick(existing)
		} else if kind == "assets/js" {
			f = fmt.Sprintf("%s/f%d.js", kind, n)
		}
		e.write(f, fmt.Sprintf("var x%d = %d;\n", n, e.rng.Int()))
		return []string{f}, "write " + f
	case r < 18: // stylesheet
		e.write("assets/css/site.css", fmt.Sprintf("body{margin:%dpx}", n))
		return []string{"assets/css/site.css"}, "css"
	default: // template
		e.write("layouts/_default/term.html", fmt.Sprintf(`{{define "main"}}<h1>{{.Title}} %d</h1>{{range .Pages}}{{.Title}}{{end}}{{end}}`, n))
		return []string{"layouts/_default/term.html"}, "template"
	}
}

// translate makes one change to the Welsh side of a site: a translation
// written (created or edited), a translation removed, or the i18n file
// edited.
func (e *editor) translate(n int, pages []string) (changed []string, op string) {
	var english, welsh []string
	for _, p := range pages {
		if strings.HasSuffix(p, ".cy.md") {
			welsh = append(welsh, p)
		} else {
			english = append(english, p)
		}
	}
	switch r := e.rng.Intn(5); {
	case r < 3:
		f := strings.TrimSuffix(e.pick(english), ".md") + ".cy.md"
		checked := e.rng.Intn(2) == 0
		link := e.pick([]string{"talk/a.md", "talk/b.md", "report/d.md", "talk/_index.md"})
		e.write(f, fmt.Sprintf("---\ntitle: Tudalen %d\ntranslation: {from: en, checked: %v}\n---\nCorff %d, [dolen](/%s).\n", n, checked, e.rng.Int(), link))
		return []string{f}, "translate " + f
	case r < 4 && len(welsh) > 0:
		f := e.pick(welsh)
		os.Remove(filepath.Join(e.dir, f))
		return []string{f}, "untranslate " + f
	default:
		e.write("i18n/cy.toml", fmt.Sprintf("[home]\nother = \"Hafan %d\"\n[menu]\nother = \"Dewislen\"\n", n))
		return []string{"i18n/cy.toml"}, "i18n"
	}
}
