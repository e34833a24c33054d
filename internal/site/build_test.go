package site_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/site"
	"github.com/signpost/signpost/internal/sitetest"
)

const minimal = `
-- signpost.toml --
title = "Test site"
baseURL = "https://example.org/"
`

func TestMinimalSiteBuildsWithBuiltInTheme(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+`
-- content/privacy/snapchat.md --
---
title: Snapchat settings
description: How to set up Snapchat.
---
Hello **world**.
`)
	s.AssertFile("privacy/snapchat/index.html", "<h1>Snapchat settings</h1>", "<strong>world</strong>", `<link rel="canonical" href="https://example.org/privacy/snapchat/">`)
	s.AssertFile("privacy/index.html", "Snapchat settings", `href="/privacy/snapchat/"`)
	s.AssertFile("index.html", "Test site")
	for _, f := range []string{"404.html", "sitemap.xml", "robots.txt", "feed.xml", "privacy/feed.xml", site.Marker} {
		if !s.Exists(f) {
			t.Errorf("missing %s", f)
		}
	}
}

func TestSectionsBundlesAndOrder(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+`
-- content/_index.md --
---
title: Home page
---
-- content/guide/_index.md --
---
title: The guide
---
Guide intro.
-- content/guide/b.md --
---
title: Bravo
weight: 2
---
-- content/guide/a.md --
---
title: Alpha
weight: 1
---
-- content/guide/z.md --
---
title: Zulu (no weight, newest)
date: 2026-05-01
---
-- content/guide/y.md --
---
title: Yankee (no weight, older)
date: 2025-01-01
---
-- content/guide/deeper/more/page.md --
---
title: Deep page
---
-- content/guide/photo/index.md --
---
title: A bundle
---
![A phone showing settings](phone.png)
-- content/guide/photo/phone.png --
PNG
-- content/loose.txt --
loose
`)
	list := s.Read("guide/index.html")
	order := []string{"Alpha", "Bravo", "Zulu", "Yankee"}
	last := -1
	for _, w := range order {
		i := strings.Index(list, w)
		if i < last {
			t.Errorf("order wrong: %s before previous in\n%s", w, list)
		}
		last = i
	}
	s.AssertFile("guide/a/index.html", `rel="next" href="/guide/b/"`, "! rel=\"prev\"")
	s.AssertFile("guide/b/index.html", `rel="prev" href="/guide/a/"`)
	s.AssertFile("guide/deeper/more/page/index.html", `href="/guide/deeper/more/"`, `href="/guide/deeper/"`, `href="/guide/"`)
	s.AssertFile("guide/deeper/index.html", `href="/guide/deeper/more/"`)
	s.AssertFile("guide/photo/index.html", `<img src="/guide/photo/phone.png" alt="A phone showing settings">`)
	s.AssertFile("guide/photo/phone.png", "PNG")
	s.AssertFile("loose.txt", "loose")
}

func TestTaxonomies(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+`
-- content/a.md --
---
title: Page A
topics: [Privacy settings, Reporting]
ages: [11 to 13]
---
-- content/b.md --
---
title: Page B
topics: [privacy settings]
apps: [Snapchat]
---
`)
	s.AssertFile("topics/index.html", `href="/topics/privacy-settings/"`, `href="/topics/reporting/"`)
	s.AssertFile("topics/privacy-settings/index.html", "Page A", "Page B")
	s.AssertFile("topics/reporting/index.html", "Page A", "! Page B")
	s.AssertFile("ages/11-to-13/index.html", "Page A")
	s.AssertFile("apps/snapchat/index.html", "Page B")
}

func TestFeedsSitemapRobotsAliases(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+`
-- content/report/_index.md --
---
title: Report
---
-- content/report/uk.md --
---
title: Reporting in the UK
description: Every way to report in the UK.
reviewed: 2026-11-01
review_by: 2027-11-01
aliases: [/old/uk/, /reporting-uk.html]
---
-- content/talk.md --
---
title: Talking
date: 2026-01-01
---
`)
	s.AssertFile("feed.xml", `<feed xmlns="http://www.w3.org/2005/Atom"`, "<title>Reporting in the UK</title>", "<updated>2026-11-01T00:00:00Z</updated>", "<title>Talking</title>")
	s.AssertFile("report/feed.xml", "Reporting in the UK", "! <title>Talking</title>")
	s.AssertFile("sitemap.xml", "<loc>https://example.org/report/uk/</loc>", "<lastmod>2026-11-01</lastmod>")
	s.AssertFile("robots.txt", "Sitemap: https://example.org/sitemap.xml")
	s.AssertFile("old/uk/index.html", `<link rel="canonical" href="https://example.org/report/uk/">`, `<meta http-equiv="refresh" content="0; url=/report/uk/">`)
	s.AssertFile("reporting-uk.html", `url=/report/uk/`)
	s.AssertFile("_redirects", "/old/uk/ /report/uk/ 301\n", "/reporting-uk.html /report/uk/ 301\n")
}

func TestStaticAssetsAndMinify(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+`
-- static/favicon.ico --
ICO
-- static/robots.txt --
User-agent: *
Disallow: /drafts/
-- assets/css/site.css --
body   {   color :  red ; }
-- layouts/_default/baseof.html --
<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>   <title>{{.Title}}</title>
{{with asset "css/site.css"}}<link rel="stylesheet" href="{{.URL}}" integrity="{{.Integrity}}">{{end}}
</head>
<body>   {{block "main" .}}{{end}}   </body>
</html>
-- content/a.md --
---
title: A
---
text
`, sitetest.Minify)
	s.AssertFile("favicon.ico", "ICO")
	s.AssertFile("robots.txt", "Disallow: /drafts/")
	html := s.Read("a/index.html")
	if strings.Contains(html, "   ") {
		t.Errorf("HTML not minified:\n%s", html)
	}
	var css string
	entries, _ := os.ReadDir(filepath.Join(s.Out, "css"))
	for _, e := range entries {
		css = e.Name()
	}
	if !strings.HasPrefix(css, "site.") || len(css) != len("site.0123456789.css") {
		t.Fatalf("css not fingerprinted: %q", css)
	}
	s.AssertFile("css/"+css, "body{color:red}")
	s.AssertFile("a/index.html", `href="/css/`+css+`"`, `integrity="sha384-`)
}

func TestSiteLayoutsOverrideTheme(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+`
-- layouts/_default/single.html --
{{define "main"}}<p class="mine">{{.Title}} by my layout</p>{{.Content}}{{end}}
-- layouts/partials/extra.html --
<p>partial {{.Title}}</p>
-- layouts/guide/single.html --
{{define "main"}}<p>guide layout</p>{{partial "extra.html" .}}{{end}}
-- content/a.md --
---
title: A
---
-- content/guide/b.md --
---
title: B
---
`)
	s.AssertFile("a/index.html", `<p class="mine">A by my layout</p>`, "<!DOCTYPE html>")
	s.AssertFile("guide/b/index.html", "<p>guide layout</p>", "<p>partial B</p>")
}

func TestDrafts(t *testing.T) {
	files := minimal + `
-- content/a.md --
---
title: Draft page
draft: true
---
-- content/b.md --
---
title: Published
---
`
	s := sitetest.BuildOK(t, files)
	if s.Exists("a/index.html") {
		t.Error("draft published without --drafts")
	}
	s.AssertFile("index.html", "! Draft page")
	s = sitetest.BuildOK(t, files, sitetest.Drafts)
	s.AssertFile("a/index.html", "Draft page")
}

// TestDraftSectionLeavesOutItsPages: the pages below a draft section are
// not published either (they were, at their own URLs).
func TestDraftSectionLeavesOutItsPages(t *testing.T) {
	files := minimal + `
-- content/sec/_index.md --
---
title: Draft section
draft: true
---
-- content/sec/in.md --
---
title: Inside the draft section
---
-- content/sec/deeper/more.md --
---
title: Deeper inside
---
-- content/b.md --
---
title: Published
---
`
	s := sitetest.BuildOK(t, files)
	for _, f := range []string{"sec/index.html", "sec/in/index.html", "sec/deeper/index.html", "sec/deeper/more/index.html"} {
		if s.Exists(f) {
			t.Errorf("%s published without --drafts", f)
		}
	}
	s.AssertFile("sitemap.xml", "! /sec/")
	s = sitetest.BuildOK(t, files, sitetest.Drafts)
	s.AssertFile("sec/in/index.html", "Inside the draft section")
	s.AssertFile("sec/deeper/more/index.html", "Deeper inside")
}

func TestLinksResolve(t *testing.T) {
	s := sitetest.BuildOK(t, `
-- signpost.toml --
title = "T"
baseURL = "https://example.org/guide/"
-- content/a.md --
---
title: A
---
See [b](b.md), [b's section](sub/_index.md), [c](/sub/c.md#call-now), [root](/sub/c.md),
[top](#top-part), [out](https://www.nspcc.org.uk/) and <https://www.childline.org.uk/>.

## Top part
-- content/sub/c.md --
---
title: C
---
## Call now
Back to [a](../a.md).
-- content/b.md --
---
title: B
---
`)
	s.AssertFile("a/index.html", `href="/guide/b/"`, `href="/guide/sub/"`, `href="/guide/sub/c/#call-now"`, `href="/guide/sub/c/"`,
		`href="#top-part"`, `<a href="https://www.nspcc.org.uk/" rel="noopener">`, `<a href="https://www.childline.org.uk/" rel="noopener" dir="ltr">`)
	s.AssertFile("sub/c/index.html", `href="/guide/a/"`)
}

func TestDeterministic(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+`
-- content/a.md --
---
title: A
topics: [X, Y]
---
-- content/b.md --
---
title: B
topics: [Y]
---
-- content/c/d.md --
---
title: D
date: 2026-01-01
---
`, sitetest.Minify)
	first := snapshot(t, s.Out)
	s.Rebuild(sitetest.Minify)
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	second := snapshot(t, s.Out)
	if len(first) != len(second) {
		t.Fatalf("file count differs: %d vs %d", len(first), len(second))
	}
	for name, data := range first {
		if !bytes.Equal(data, second[name]) {
			t.Errorf("%s differs between builds", name)
		}
	}
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[strings.TrimPrefix(p, dir)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestBuildCancelled(t *testing.T) {
	dir := sitetest.Write(t, minimal+"-- content/a.md --\n---\ntitle: A\n---\n")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := site.Build(ctx, sitetest.Options(dir))
	if err == nil {
		t.Fatal("cancelled build succeeded")
	}
	if _, statErr := os.Stat(filepath.Join(dir, "public")); statErr == nil {
		t.Error("cancelled build wrote output")
	}
}
