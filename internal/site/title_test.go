package site_test

import (
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/sitetest"
)

// A page whose front matter sets no title and whose body opens with a
// level-one heading takes that heading as its title, and the heading is
// not rendered a second time: one h1, as in MkDocs and Docusaurus.
func TestLeadingHeadingIsTheTitle(t *testing.T) {
	s := sitetest.Build(t, minimal+home+`
Hello.
-- content/cmd/tar.md --
# tar

Archives files. See [here](ls.md).

## Options
-- content/cmd/ls.md --
---
description: Lists files.
---


Report to [CEOP](https://www.ceop.police.uk/) &amp; *more* \* today
===

Text about [tar](tar.md "the tar page").
-- content/cmd/kept.md --
---
title: From front matter
description: The heading stays.
---
# Kept heading

Text.
-- content/cmd/second.md --
---
description: Not a leading heading.
---
Some text first.

# Later heading
-- content/cmd/h2.md --
---
description: A level-two heading names nothing.
---
## Only level two
-- content/cmd/fenced.md --
---
description: A code block is not a heading.
---
    # indented code
-- content/cmd/ёлка.md --
---
description: A name, as nothing else gives one.
---
Text.
-- content/cmd/empty.md --
---
title: ""
description: An empty title is no title.
---
# Named by its heading {#custom}
`)
	h1s := func(rel string) []string {
		var out []string
		for _, part := range strings.Split(s.Read(rel), "<h1")[1:] {
			out = append(out, part[strings.Index(part, ">")+1:strings.Index(part, "</h1>")])
		}
		return out
	}
	for rel, want := range map[string]string{
		"cmd/tar/index.html":    "tar",
		"cmd/ls/index.html":     "Report to CEOP &amp; more * today",
		"cmd/h2/index.html":     "H2",
		"cmd/fenced/index.html": "Fenced",
		"cmd/ёлка/index.html":   "Ёлка",
		"cmd/empty/index.html":  "Named by its heading",
	} {
		if got := h1s(rel); len(got) != 1 || got[0] != want {
			t.Errorf("%s: h1s %q, want just %q", rel, got, want)
		}
	}
	if got := h1s("cmd/kept/index.html"); len(got) != 2 || got[0] != "From front matter" {
		t.Errorf("a title in front matter keeps the body's heading: %q", got)
	}
	if got := h1s("cmd/second/index.html"); len(got) != 2 || got[0] != "Second" {
		t.Errorf("a heading after text is not the title: %q", got)
	}
	s.AssertFile("cmd/tar/index.html", "<title>tar – Test site</title>", `<h2 id="options">Options</h2>`)
	s.AssertFile("cmd/index.html", ">tar</a>", ">Report to CEOP &amp; more * today</a>")
	// Checked, the heading counts as the title; a second h1 is still one,
	// and the lines of problems below the heading are the file's lines.
	s.Rebuild(checked)
	s.AssertProblem("content/cmd/kept.md:5:1: error: second h1")
	s.AssertProblem("content/cmd/second.md:6:1: error: second h1")
	s.AssertProblem("content/cmd/tar.md:1: error: page has no description")
	s.AssertProblem("content/cmd/tar.md:3:21: warning: link text \"here\"")
	for _, p := range s.Result.Problems {
		if strings.Contains(p.Message, "no title") && !strings.Contains("fenced h2 second ёлка", strings.TrimSuffix(p.Path[len("content/cmd/"):], ".md")) {
			t.Errorf("unexpected: %s", p)
		}
		if p.Path == "content/cmd/ls.md" {
			t.Errorf("unexpected: %s", p)
		}
	}
}

// serve: editing the heading that names a page renames it everywhere it
// is listed, as an edited title in front matter would.
func TestLeadingHeadingEditRebuilds(t *testing.T) {
	r := sitetest.Run(t, minimal+`
-- content/_index.md --
---
title: Home
---
-- content/cmd/tar.md --
# tar

Archives.
`)
	for _, body := range []string{"# tar command\n\nArchives.\n", "\n\n# tar command\n\nArchives more.\n", "No heading now.\n"} {
		r.EditFile("content/cmd/tar.md", body).Build() // and compares with a clean build
	}
	r.AssertFile("cmd/tar/index.html", "<h1>Tar</h1>", "No heading now.")
}
