package site_test

import (
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/sitetest"
)

// assertPositioned fails for any problem without a file and a line.
func assertPositioned(t *testing.T, s *sitetest.Site) {
	t.Helper()
	for _, p := range s.Result.Problems {
		if p.Path == "" || p.Line < 1 {
			t.Errorf("problem without a position: %s", p)
		}
	}
}

// A page whose address cannot be written is reported where the address
// is set, not as a bare "write ..index.html".
func TestUnwritableAddressesArePlaced(t *testing.T) {
	for name, tc := range map[string]struct{ page, want string }{
		"slug":  {"---\ntitle: A\nslug: ..\n---\n", "content/a.md:3:"},
		"url":   {"---\ntitle: A\nurl: /../../pwn/\n---\n", "content/a.md:3:"},
		"alias": {"---\ntitle: A\n\naliases: [/../../pwn/]\n---\n", "content/a.md:4:"},
	} {
		t.Run(name, func(t *testing.T) {
			s := sitetest.Build(t, minimal+"-- content/a.md --\n"+tc.page)
			if s.Err == nil {
				t.Fatal("an address outside the site should fail the build")
			}
			s.AssertProblem(tc.want, "error")
			assertPositioned(t, s)
		})
	}
}

// Two pages at one address: the message names what made each, and is
// placed where an editor can change one of them.
func TestCollisionsNameTheirSources(t *testing.T) {
	s := sitetest.Build(t, minimal+`
-- content/a.md --
---
title: A
topics: [Sleep]
---
-- content/b.md --
---
title: B

url: /topics/sleep/
---
-- content/topics/_index.md --
---
title: Our own topics page
---
`)
	s.AssertProblem(`content/b.md:4: error: content/a.md (the term page "Sleep") and content/b.md both write topics/sleep/index.html`)
	s.AssertProblem(`content/topics/_index.md:1: error: content/topics/_index.md and the taxonomy page "Topics" both write topics/index.html`)
	assertPositioned(t, s)
}

// Two taxonomies with one plural are one config error at the line of the
// second, not ":1: Topics and Topics".
func TestTaxonomiesWithOnePlural(t *testing.T) {
	s := sitetest.Build(t, `
-- signpost.toml --
title = "T"
baseURL = "https://example.org/"
[taxonomies]
topic = "topics"
subject = "topics"
-- content/a.md --
---
title: A
topics: [x]
---
`)
	p := s.AssertProblem(`signpost.toml:5: error: taxonomies "topic" and "subject" both have the plural "topics"`)
	if p.Hint == "" {
		t.Error("no hint")
	}
	assertPositioned(t, s)
}

// A problem caused by a page's data (its title shown as link text on a
// list page, a source shown by the layout) points at the line of that data,
// not at the list page's output file; only what the layout writes itself
// is the layout's.
func TestDataProblemsPointAtTheirData(t *testing.T) {
	s := sitetest.Build(t, minimal+home+`
-- content/common/_index.md --
---
title: Common questions
description: A list.
---
-- content/common/vague.md --
---
description: Its title is vague.
title: Click here
---
Text.
-- content/common/heading.md --
---
description: Its title is its first heading.
---
# Read more

Text.
-- content/more/inner.md --
---
title: Inside a folder named "more"
description: Its section has no _index.md.
---
-- content/common/here.md --
---
description: Its title is its file name.
---
Text.
-- content/guide.md --
---
title: Guide
description: A guide with sources.
topics: [More]
sources:
  - title: NSPCC
    url: https://www.nspcc.org.uk/
    checked: 2026-01-01
  - title: [not, text]
    url: https://example.org/b
    checked: 2026-01-01
reviewed: 2026-01-01
review_by: 2026-12-01
---
Text.
-- content/flow.md --
---
title: Flow
description: Sources on one line.
sources: [{title: 1, url: [a]}, {title: "", url: "https://example.org/c", checked: 2026-01-01}]
---
-- content/empty.md --
---
title: Empty
description: A source with nothing in it.
sources:
  - checked: 2026-01-01
---
`, checked)
	s.AssertProblem(`content/common/vague.md:3: warning: link text "Click here" does not say where it goes`, "the text is the title of content/common/vague.md")
	s.AssertProblem(`content/common/heading.md:4: warning: link text "Read more" does not say where it goes`)
	s.AssertProblem(`content/common/here.md:1: warning: link text "Here" does not say where it goes`, "made from its file name")
	s.AssertProblem(`content/guide.md:4: warning: link text "More" does not say where it goes`, "made from content/guide.md:4")
	s.AssertProblem(`content/more: warning: link text "More" does not say where it goes`, "give the section a title in content/more/_index.md")
	s.AssertProblem(`content/guide.md:9: error: source 2: title is not text`)
	s.AssertProblem(`content/guide.md:9: error: link to https://example.org/b has no text`, "source 2")
	s.AssertProblem(`content/flow.md:4: error: source 1: url is not text`)
	s.AssertProblem(`content/flow.md:4: error: source 2 (https://example.org/c) has no title`)
	s.AssertProblem(`content/empty.md:5: error: source 1 has no title and no url`)
	s.AssertProblem(`content/empty.md:5: error: a link has no text and no address`, "source 1")
	for _, p := range s.Result.Problems {
		if p.Path == "common/index.html" || p.Path == "topics/index.html" || p.Path == "topics/more/index.html" {
			t.Errorf("placed on a list page's output: %s", p)
		}
	}
	for _, p := range s.Result.Problems {
		if p.Line < 1 && p.Path != "content/more" { // a folder has no lines
			t.Errorf("problem without a position: %s", p)
		}
	}
}

// A data file in JSON says where its fault is, as YAML and TOML ones do.
func TestDataJSONProblemsHaveLines(t *testing.T) {
	for name, tc := range map[string]struct{ json, want string }{
		"trailing comma": {"{\n  \"a\": 1,\n  \"b\": [1,2,],\n}\n", "data/x.json:3:13: error: invalid JSON"},
		"cut short":      {"{\n  \"a\": [1,\n", "data/x.json:3:1: error: invalid JSON"},
		"bare key":       {"{\n  a: 1\n}", "data/x.json:2:3: error: invalid JSON"},
	} {
		t.Run(name, func(t *testing.T) {
			s := sitetest.Build(t, minimal+home+"-- data/x.json --\n"+tc.json)
			s.AssertProblem(tc.want)
			assertPositioned(t, s)
		})
	}
}

// A problem a template writes on its own is placed on the template's line;
// what a template writes from data it is given, on the template at least
// (and the hint names the page); the markdown and data are never blamed.
func TestTemplateProblemsPointAtTemplates(t *testing.T) {
	s := sitetest.Build(t, minimal+home+`
-- layouts/_default/list.html --
{{define "main"}}
<h1>{{.Title}}</h1>
<img src="/static-logo.png">
<ul>{{range .Pages}}<li><a href="{{.RelPermalink}}">{{.Title}}</a> <a href="{{.RelPermalink}}">Read more</a></li>{{end}}</ul>
<h3>Also here</h3>
<p id="twice">a</p><p id="twice">b</p>
{{end}}
-- layouts/_default/term.html --
{{define "main"}}<p>No heading at all.</p>{{end}}
-- content/guides/_index.md --
---
title: Guides
description: The guides.
---
-- content/guides/a.md --
---
title: A guide
description: About a thing.
apps: [Things]
---
Text.
-- static/static-logo.png --
png
`, checked)
	s.AssertProblem(`layouts/_default/list.html:3: error: image /static-logo.png has no alt attribute`, "while rendering /guides/")
	s.AssertProblem(`layouts/_default/list.html:4: warning: link text "Read more" does not say where it goes`)
	s.AssertProblem(`layouts/_default/list.html:5: error: heading "Also here" is h3 after an h1`)
	s.AssertProblem(`layouts/_default/list.html:6: error: id "twice" is used by 2 elements`)
	s.AssertProblem(`layouts/_default/term.html: error: page has no h1 heading`, "written by this template or a partial it uses, while rendering /apps/things/")
	for _, p := range s.Result.Problems {
		if strings.HasPrefix(p.Path, "content/guides") || strings.HasSuffix(p.Path, "index.html") {
			t.Errorf("a template's problem placed elsewhere: %s", p)
		}
	}
}
