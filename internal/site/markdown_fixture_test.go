package site_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/site"
	"github.com/signpost/signpost/internal/sitetest"
)

const bom = "\xef\xbb\xbf"

// TestBOMIgnored: a UTF-8 byte order mark at the start of any file
// Signpost reads (config in TOML or YAML, data in YAML, TOML or JSON,
// content, a template, urls.txt) is ignored, not read as text.
func TestBOMIgnored(t *testing.T) {
	files := `
-- content/a.md --
` + bom + `---
title: Page A
description: A page whose file starts with a BOM.
---
Hello.
-- content/b.md --
` + bom + `+++
title = "Page B"
+++
Hi.
-- content/c.md --
` + bom + `No front matter, text only.
-- data/one.yaml --
` + bom + `name: Yaml data
-- data/two.toml --
` + bom + `name = "Toml data"
-- data/three.json --
` + bom + `{"name": "Json data"}
-- assets/css/extra.css --
` + bom + `body { color: black }
-- assets/js/extra.js --
` + bom + `console.log(1)
-- layouts/partials/footer.html --
` + bom + `<footer>{{.Site.Data.one.name}}, {{.Site.Data.two.name}}, {{.Site.Data.three.name}}</footer>
`
	for _, cfg := range []string{
		"-- signpost.toml --\n" + bom + "title = \"Bom site\"\nbaseURL = \"https://example.org/\"\n",
		"-- signpost.yaml --\n" + bom + "title: Bom site\nbaseURL: https://example.org/\n",
	} {
		s := sitetest.BuildOK(t, cfg+files)
		for _, page := range []string{"a/index.html", "b/index.html", "c/index.html"} {
			s.AssertFile(page, "Bom site", "<footer>Yaml data, Toml data, Json data</footer>", "! \ufeff")
		}
		s.AssertFile("a/index.html", "<title>Page A", "<p>Hello.</p>")
		s.AssertFile("b/index.html", "<title>Page B")
		s.AssertFile("c/index.html", "<p>No front matter, text only.</p>")
		assertNoBOM(t, s.Out)
	}
}

// TestLinkQueryAndFragmentKept: a query and a fragment written on a link
// to a page or a file survive resolution.
func TestLinkQueryAndFragmentKept(t *testing.T) {
	s := sitetest.BuildOK(t, `
-- signpost.toml --
title = "T"
baseURL = "https://example.org/guide/"
-- content/a.md --
---
title: A
---
[search](search.md?q=snapchat+location), [b](b.md?x=1#part), [pdf](/files/Note.pdf?v=2),
[pdf part](/files/Note.pdf?v=2#page=3), [same](?tab=2), [b only query](b.md?), [encoded](b.md?q=caf%C3%A9&n=1)
-- content/search.md --
---
title: Search
---
-- content/b.md --
---
title: B
---
## Part
-- static/files/Note.pdf --
pdf
`)
	s.AssertFile("a/index.html", `href="/guide/search/?q=snapchat+location"`, `href="/guide/b/?x=1#part"`,
		`href="/guide/files/Note.pdf?v=2"`, `href="/guide/files/Note.pdf?v=2#page=3"`, `href="?tab=2"`,
		`href="/guide/b/"`, `href="/guide/b/?q=caf%C3%A9&amp;n=1"`)
}

// TestAnchorsCountEveryID: links to anchors count every id of the target
// page: headings, {#id} attributes, footnotes, raw HTML (markup.unsafe) and
// the layout's; a missing one has a hint that does not end empty.
func TestAnchorsCountEveryID(t *testing.T) {
	s := sitetest.BuildOK(t, `
-- signpost.toml --
title = "T"
baseURL = "https://example.org/"
[markup]
unsafe = true
-- content/a.md --
---
title: A
---
<p id="install">Install it.</p>

[step](#install), [note](#fn:1), [back](#fnref:1), [attr](#own-id), [main](#main_content),
[other](b.md#b-raw), [other note](b.md#fn:1).[^1]

## Heading {#own-id}

[^1]: A note.
-- content/b.md --
---
title: B
---
<div id="b-raw">Raw.</div>

Text.[^1]

[^1]: Note.
`)
	if got := s.Problems(); strings.Contains(got, "no such heading") {
		t.Fatalf("anchor problems:\n%s", got)
	}
	s = sitetest.Build(t, `
-- signpost.toml --
title = "T"
baseURL = "https://example.org/"
-- content/a.md --
---
title: A
---
[x](#nowhere) and [y](b.md#nowhere)
-- content/b.md --
---
title: B
---
Nothing.
`)
	p := s.AssertProblem("content/a.md:4:1: error: link to #nowhere, but this page has no such heading or anchor")
	q := s.AssertProblem("content/a.md:4:19: error: link to content/b.md#nowhere")
	for _, h := range []string{p.Hint, q.Hint} {
		if strings.HasSuffix(strings.TrimSpace(h), "of") || strings.HasSuffix(h, " ") || h == "" {
			t.Errorf("hint ends empty: %q", h)
		}
	}
}

// TestInvalidUTF8 is an error at the line of the first bad byte, and no
// output is invalid UTF-8 (sitetest asserts that on every build).
func TestInvalidUTF8(t *testing.T) {
	s := sitetest.Build(t, `
-- signpost.toml --
title = "T"
baseURL = "https://example.org/"
-- content/a.md --
---
title: Menu
---
Tea.

Caf`+"\xe9"+` au lait.
`)
	s.AssertProblem("content/a.md:6:4: error: the file is not valid UTF-8")
	for _, tc := range []struct{ file, data, want string }{
		{"content/a.md", "---\ntitle: \"Caf\xe9\"\n---\nText.\n", "content/a.md:2:12: error: the file is not valid UTF-8"},
		{"content/a.md", "+++\ntitle = 'A'\ndescription = 'Caf\xe9'\n+++\n", "content/a.md:3:19: error: the file is not valid UTF-8"},
		{"data/menu.yaml", "drink: tea\nfood: cr\xe8me\n", "data/menu.yaml:2:9: error: the file is not valid UTF-8"},
		{"data/menu.json", "{\"food\": \"cr\xe8me\"}", "data/menu.json:1:13: error: the file is not valid UTF-8"},
		{"layouts/partials/footer.html", "<footer>\n\xa9 2026</footer>", "layouts/partials/footer.html:2:1: error: the file is not valid UTF-8"},
	} {
		s := sitetest.Build(t, "-- signpost.toml --\ntitle = \"T\"\n-- content/b.md --\n---\ntitle: B\n---\n-- "+tc.file+" --\n"+tc.data)
		s.AssertProblem(tc.want)
	}
}

// TestContentsListText: the "On this page" list shows each heading's text
// as readers see it, escaped once, and links to the id made from it.
func TestContentsListText(t *testing.T) {
	s := sitetest.BuildOK(t, `
-- signpost.toml --
title = "T"
-- content/a.md --
---
title: A
---
## Tom &amp; Jerry

## 5 \* 3

## Report to [CEOP](https://www.ceop.police.uk/) today

Keeping children
safe online
------------
`)
	s.AssertFile("a/index.html", `<a href="#tom-jerry">Tom &amp; Jerry</a>`, `<a href="#5-3">5 * 3</a>`,
		`<a href="#report-to-ceop-today">Report to CEOP today</a>`,
		`<a href="#keeping-children-safe-online">Keeping children safe online</a>`, "! &amp;amp;", `! 5 \* 3`)
}

// TestDangerousLinksAreProblems: javascript:, vbscript:, data: and file:
// links are problems at their line whatever markup.unsafe says, in
// markdown, in raw HTML, in sources; params.exitURL must be https.
func TestDangerousLinksAreProblems(t *testing.T) {
	for _, unsafe := range []string{"false", "true"} {
		s := sitetest.Build(t, `
-- signpost.toml --
title = "T"
baseURL = "https://example.org/"
[markup]
unsafe = `+unsafe+`
-- content/a.md --
---
title: A
description: B.
sources:
  - title: Bad source
    url: javascript:alert(1)
    checked: 2026-11-01
---
[js](javascript:alert(1)) [vb](vbscript:x)
[data](data:text/html,x) [file](file:///etc/passwd)
![img](JavaScript:alert(1))
<a href="javascript:alert(2)">raw</a>
`, func(o *site.Options) { o.Check = true })
		s.AssertProblem("content/a.md:6:", `source 1 (Bad source) has url "javascript:alert(1)"`)
		s.AssertProblem("content/a.md:9:1: error: link to a javascript: address")
		s.AssertProblem("content/a.md:9:27: error: link to a vbscript: address")
		s.AssertProblem("content/a.md:10:1: error: link to a data: address")
		s.AssertProblem("content/a.md:10:26: error: link to a file: address")
		s.AssertProblem("content/a.md:11:1: error: image to a javascript: address")
		if unsafe == "true" {
			s.AssertProblem("content/a.md:12:1: error: raw HTML href=\"javascript:alert(2)\"")
		}
	}
}

// TestExitURLMustBeHTTPS: the Exit button's address is checked at its
// line of the config, in TOML and YAML.
func TestExitURLMustBeHTTPS(t *testing.T) {
	for _, tc := range []struct{ cfg, want string }{
		{"-- signpost.toml --\ntitle = \"T\"\n[params]\nexitURL = \"javascript:history.back()\"\n", `signpost.toml:3: error: params.exitURL "javascript:history.back()" is not an https address`},
		{"-- signpost.toml --\ntitle = \"T\"\n[params]\nexitURL = \"http://example.com/\"\n", `signpost.toml:3: error: params.exitURL "http://example.com/"`},
		{"-- signpost.yaml --\ntitle: T\nparams:\n  exitURL: /local/\n", `signpost.yaml:3: error: params.exitURL "/local/"`},
		{"-- signpost.yaml --\ntitle: T\nparams:\n  exitURL: 3\n", `signpost.yaml:3: error: params.exitURL "3"`},
	} {
		s := sitetest.Build(t, tc.cfg)
		s.AssertProblem(tc.want)
	}
	sitetest.BuildOK(t, "-- signpost.toml --\ntitle = \"T\"\n[params]\nexitURL = \"https://www.bbc.co.uk/weather\"\n-- content/_index.md --\nHome.\n")
}

// TestExternalImageWarned: an image on another site is blocked by the
// published site's security policy: a warning at its line.
func TestExternalImageWarned(t *testing.T) {
	s := sitetest.Build(t, `
-- signpost.toml --
title = "T"
baseURL = "https://example.org/"
-- content/a.md --
---
title: A
description: B.
---
Text.

![A phone](https://cdn.example.net/phone.png)
`, func(o *site.Options) { o.Check = true })
	s.AssertProblem("content/a.md:7:1: warning: image https://cdn.example.net/phone.png is on another site")
}

// assertNoBOM fails if a file Signpost wrote (not copied from static/)
// starts with a byte order mark.
func assertNoBOM(t *testing.T, dir string) {
	t.Helper()
	n := 0
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		switch filepath.Ext(p) {
		case ".html", ".css", ".js", ".xml", ".json", ".txt":
			b, err := os.ReadFile(p)
			if err == nil && strings.HasPrefix(string(b), bom) {
				t.Errorf("%s starts with a BOM", p)
			}
			n++
		}
		return nil
	})
	if n < 5 {
		t.Fatalf("only %d files read in %s", n, dir)
	}
}
