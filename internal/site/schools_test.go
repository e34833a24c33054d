package site_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/search"
	"github.com/signpost/signpost/internal/site"
	"github.com/signpost/signpost/internal/sitetest"
)

// indexMeta reads the search index's meta.json of a built site.
func indexMeta(t *testing.T, s *sitetest.Site) search.Meta {
	t.Helper()
	var m search.Meta
	if err := json.Unmarshal([]byte(s.Read(search.Dir+"meta.json")), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// shardOf returns the shard of the index holding term, decoded.
func shardOf(t *testing.T, s *sitetest.Site, m search.Meta, term string) map[string]string {
	t.Helper()
	i := len(m.Bounds) - 1
	for i > 0 && m.Bounds[i] > term {
		i--
	}
	var shard map[string]string
	if err := json.Unmarshal([]byte(s.Read(fmt.Sprintf("%st%d.json", search.Dir, i))), &shard); err != nil {
		t.Fatal(err)
	}
	return shard
}

func TestSearchIndexIsWrittenAndSharded(t *testing.T) {
	// 30 pages with 150 words of their own each: more than one shard.
	var b strings.Builder
	b.WriteString(minimal)
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, "-- content/guide/p%02d.md --\n---\ntitle: Page %d\ndescription: About page %d.\n---\n## Part one\n", i, i, i)
		for w := 0; w < 150; w++ {
			fmt.Fprintf(&b, "word%dx%d ", i, w)
		}
		b.WriteString("\n")
	}
	b.WriteString("-- content/search.md --\n---\ntitle: Search\ndescription: Search the site.\nlayout: search\n---\n")
	s := sitetest.BuildOK(t, b.String())

	m := indexMeta(t, s)
	if m.Docs != 30 { // not the home or search pages, nor the section (it has no file)
		t.Errorf("index has %d pages, want 30", m.Docs)
	}
	if len(m.Bounds) < 3 {
		t.Fatalf("want the terms split into several shards, got bounds %q", m.Bounds)
	}
	for i := range m.Bounds {
		data := s.Read(fmt.Sprintf("%st%d.json", search.Dir, i))
		if len(data) > 24<<10 {
			t.Errorf("shard %d is %d bytes", i, len(data))
		}
	}
	for i := 0; i < 4; i++ { // 30 pages, 8 a chunk
		if !s.Exists(fmt.Sprintf("%sd%d.json", search.Dir, i)) {
			t.Errorf("missing page chunk %d", i)
		}
	}
	if s.Exists(search.Dir + "d4.json") {
		t.Error("one chunk too many")
	}
	// A page's own word is in the shard its bound says, once.
	if _, ok := shardOf(t, s, m, "word17x99")["word17x99"]; !ok {
		t.Error("word17x99 is not in its shard")
	}
	if m.Hash == "" || len(m.Stop) == 0 || len(m.Synonyms) == 0 {
		t.Errorf("meta.json lacks hash, stop words or synonyms: %+v", m)
	}
	var chunk [][]any
	if err := json.Unmarshal([]byte(s.Read(search.Dir+"d0.json")), &chunk); err != nil {
		t.Fatal(err)
	}
	if got := chunk[1]; got[0] != "Page 1" || got[1] != "/guide/p01/" || got[2] != "About page 1." || !reflect.DeepEqual(got[3], []any{"Part one", "part-one"}) {
		t.Errorf("second page of chunk 0: %v", got)
	}
	s.AssertFile("search/index.html", `data-index="/search-index/"`, `<form class="search-form"`, " hidden>", `<script src="/js/search.`)
}

func TestSearchIndexFollowsEdits(t *testing.T) {
	r := sitetest.Run(t, rebuildSite)
	read := func() string {
		var all strings.Builder
		files, _ := filepath.Glob(filepath.Join(r.Out, search.Dir, "t*.json"))
		for _, f := range files {
			b, _ := os.ReadFile(f)
			all.Write(b)
		}
		return all.String()
	}
	// A body edit renders one page and writes the index again; a clean
	// build gives the same index (Build compares).
	r.EditFile("content/talk/c.md", "---\ntitle: Charlie\nweight: 3\n---\nNow about zeppelins.\n").Build().AssertRendered(1)
	if !strings.Contains(read(), `"zeppelin"`) {
		t.Error("the new word is not in the index")
	}
	r.RemoveFile("content/talk/c.md").Build()
	if strings.Contains(read(), `"zeppelin"`) {
		t.Error("a deleted page's words stay in the index")
	}
}

func TestPagesHaveLinkCards(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+`
-- content/talk/a.md --
---
title: Talking about apps
description: How to start the talk.
---
Hello.
`)
	s.AssertFile("talk/a/index.html",
		`<link rel="canonical" href="https://example.org/talk/a/">`,
		`<meta property="og:type" content="article">`,
		`<meta property="og:title" content="Talking about apps">`,
		`<meta property="og:description" content="How to start the talk.">`,
		`<meta property="og:url" content="https://example.org/talk/a/">`,
		`<meta property="og:site_name" content="Test site">`,
		`<meta name="twitter:card" content="summary">`,
		`<meta name="twitter:title" content="Talking about apps">`,
		`<meta name="twitter:description" content="How to start the talk.">`,
		`<p class="share" hidden data-print><button type="button" class="button-secondary">Print this page</button></p>`)
	s.AssertFile("index.html", `<meta property="og:type" content="website">`)
}

const catalogueSite = minimal + `
-- content/report/_index.md --
---
title: Report
description: Where to report.
topics: [Reporting]
reviewed: 2026-09-01
review_by: 2027-09-01
---
-- content/report/uk.md --
---
title: Report in the UK
description: Where to report in the UK.
topics: [Reporting, Grooming]
ages: [11 to 13]
reviewed: 2026-11-28
review_by: 2027-11-28
sources:
  - title: CEOP
    url: https://www.ceop.police.uk/
    checked: 2026-11-28
---
-- content/settings/snapchat.md --
---
title: Snapchat settings
description: Snapchat, step by step.
topics: [Privacy settings]
ages: [11 to 13, 14 and over]
apps: [Snapchat]
reviewed: 2026-10-15
review_by: 2027-10-15
---
-- content/settings/draft-notes.md --
---
title: Not guidance
description: No review dates, so not in the catalogue.
---
`

func TestResourcesJSON(t *testing.T) {
	s := sitetest.BuildOK(t, catalogueSite)
	var got map[string]any
	if err := json.Unmarshal([]byte(s.Read("resources.json")), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"site": "Test site", "url": "https://example.org/", "language": "en",
		"pages": []any{
			map[string]any{"title": "Report", "url": "https://example.org/report/", "description": "Where to report.",
				"topics": []any{"Reporting"}, "ages": []any{}, "apps": []any{}, "reviewed": "2026-09-01", "review_by": "2027-09-01"},
			map[string]any{"title": "Report in the UK", "url": "https://example.org/report/uk/", "description": "Where to report in the UK.",
				"topics": []any{"Reporting", "Grooming"}, "ages": []any{"11 to 13"}, "apps": []any{}, "reviewed": "2026-11-28", "review_by": "2027-11-28"},
			map[string]any{"title": "Snapchat settings", "url": "https://example.org/settings/snapchat/", "description": "Snapchat, step by step.",
				"topics": []any{"Privacy settings"}, "ages": []any{"11 to 13", "14 and over"}, "apps": []any{"Snapchat"}, "reviewed": "2026-10-15", "review_by": "2027-10-15"},
		},
	}
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		t.Errorf("resources.json:\n%s", g)
	}
}

func TestUpdatesFeedsByReviewedDate(t *testing.T) {
	s := sitetest.BuildOK(t, catalogueSite)
	type feed struct {
		ID      string `xml:"id"`
		Entries []struct {
			Title   string `xml:"title"`
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
		} `xml:"entry"`
	}
	read := func(path string) (titles []string, f feed) {
		if err := xml.Unmarshal([]byte(s.Read(path)), &f); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, e := range f.Entries {
			titles = append(titles, e.Title)
		}
		return titles, f
	}
	titles, f := read("updates.xml")
	if want := []string{"Report in the UK", "Snapchat settings", "Report"}; !reflect.DeepEqual(titles, want) {
		t.Errorf("updates.xml: %q, want latest reviewed first %q", titles, want)
	}
	if e := f.Entries[0]; e.ID != "https://example.org/report/uk/#reviewed-2026-11-28" || e.Updated != "2026-11-28T00:00:00Z" {
		t.Errorf("first entry: %+v", e)
	}
	if titles, _ := read("topics/reporting/updates.xml"); !reflect.DeepEqual(titles, []string{"Report in the UK", "Report"}) {
		t.Errorf("topic feed: %q", titles)
	}
	if titles, _ := read("topics/privacy-settings/updates.xml"); !reflect.DeepEqual(titles, []string{"Snapchat settings"}) {
		t.Errorf("topic feed: %q", titles)
	}
	s.AssertFile("topics/reporting/index.html", `href="/topics/reporting/updates.xml">Get updates about Reporting</a>`,
		`<link rel="alternate" type="application/atom+xml" title="Reporting: guidance updates" href="/topics/reporting/updates.xml">`)
	s.AssertFile("index.html", `href="/updates.xml"`)
	if s.Exists("ages/11-to-13/updates.xml") {
		t.Error("only topics have updates feeds")
	}
}

func TestWhoToCallSheets(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+`
-- data/helplines.yaml --
zz-emergency:
  name: Emergency (UK)
  phone: "999"
  country: UK
aa-helpline:
  name: A helpline
  for: Advice.
  phone: "0800 000"
  country: UK
far-away:
  name: Far away line
  phone: "000"
  country: Australia
no-country:
  name: Nowhere
-- content/who-to-call/australia.md --
---
title: Our own Australian sheet
description: Written by the site.
---
Ours.
`)
	uk := s.Read("who-to-call/uk/index.html")
	if !regexp.MustCompile(`(?s)<h1>Who to call in the UK</h1>.*Emergency<span class="helpline-country"> \(UK\)</span>.*A helpline`).MatchString(uk) {
		t.Errorf("the UK sheet lists its helplines in the data file's order:\n%s", uk)
	}
	if strings.Contains(uk, "Far away") || strings.Contains(uk, "Nowhere") {
		t.Error("the UK sheet lists other countries' helplines")
	}
	s.AssertFile("who-to-call/uk/index.html", `<div class="content sheet">`, `href="tel:999"`,
		"Never save, forward or show a sexual image of a child", "Do not confront the person")
	s.AssertFile("who-to-call/australia/index.html", "Our own Australian sheet", "! Far away line")
	s.AssertFile("who-to-call/index.html", "<h1>Who to call</h1>", `href="/who-to-call/uk/"`, `href="/who-to-call/australia/"`)
}

func TestURLManifest(t *testing.T) {
	dir := sitetest.Write(t, minimal+`
-- content/talk/a.md --
---
title: Alpha
description: Alpha page.
---
-- content/talk/b.md --
---
title: Bravo
description: Bravo page.
---
`)
	opt := sitetest.Options(dir)
	opt.URLs = site.URLsKeep
	run := func() (*site.Result, error) { return site.Build(context.Background(), opt) }
	if res, err := run(); err != nil {
		t.Fatalf("%v\n%v", err, res.Problems)
	}
	manifest := filepath.Join(dir, "urls.txt")
	first, err := os.ReadFile(manifest)
	if err != nil || !strings.Contains(string(first), "\n/talk/a/\n/talk/b/\n") {
		t.Fatalf("urls.txt after the first build: %v\n%s", err, first)
	}

	// Renamed without an alias: the build fails, naming the URL, and
	// leaves urls.txt and the output as they were.
	os.Rename(filepath.Join(dir, "content/talk/a.md"), filepath.Join(dir, "content/talk/alpha.md"))
	res, err := run()
	if err == nil {
		t.Fatal("the build should fail when a published URL disappears")
	}
	p := res.Problems[0]
	if p.Path != "urls.txt" || p.Line == 0 || !strings.Contains(p.Message, "/talk/a/ was published before") ||
		!strings.Contains(p.Hint, "content/talk/alpha.md: aliases: [/talk/a/]") || !strings.Contains(p.Hint, "--allow-removed") {
		t.Errorf("problem: %s\nhint: %s", p, p.Hint)
	}
	if now, _ := os.ReadFile(manifest); string(now) != string(first) {
		t.Error("a failed build changed urls.txt")
	}

	// An alias fixes it.
	os.WriteFile(filepath.Join(dir, "content/talk/alpha.md"), []byte("---\ntitle: Alpha\ndescription: Alpha page.\naliases: [/talk/a/]\n---\n"), 0o644)
	if res, err := run(); err != nil {
		t.Fatalf("with an alias: %v\n%v", err, res.Problems)
	}
	if now, _ := os.ReadFile(manifest); !strings.Contains(string(now), "\n/talk/a/\n/talk/alpha/\n") {
		t.Errorf("urls.txt should keep the old URL and add the new one:\n%s", now)
	}

	// Removed on purpose: the flag records it, and later builds pass.
	os.Remove(filepath.Join(dir, "content/talk/b.md"))
	if _, err := run(); err == nil {
		t.Fatal("a removed page should fail the build without the flag")
	}
	opt.AllowRemoved = true
	if res, err := run(); err != nil {
		t.Fatalf("--allow-removed: %v\n%v", err, res.Problems)
	}
	opt.AllowRemoved = false
	if res, err := run(); err != nil {
		t.Fatalf("after recording the removal: %v\n%v", err, res.Problems)
	}
	if now, _ := os.ReadFile(manifest); !strings.Contains(string(now), "\nremoved /talk/b/\n") || strings.Contains(string(now), "\n/talk/b/\n") {
		t.Errorf("urls.txt should list /talk/b/ as removed:\n%s", now)
	}
}
