package site_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/sitetest"
)

func TestErrors(t *testing.T) {
	for name, tc := range map[string]struct {
		files string
		opts  []sitetest.Option
		want  []string
	}{
		"bad yaml": {`
-- content/a.md --
---
title: A
topics: [one, two
description: x
---
`, nil, []string{"content/a.md:4:", "error: invalid YAML"}},
		"bad toml": {`
-- content/a.md --
+++
title = "A"
weight = ten
+++
`, nil, []string{"content/a.md:3:", "error: invalid TOML"}},
		"unclosed front matter": {`
-- content/a.md --
---
title: A
body text
`, nil, []string{"content/a.md:1:1: error: front matter opened with --- on line 1 is never closed", "did you forget the closing ---?"}},
		"wrong type": {`
-- content/a.md --
---
title: A
reviewed: last tuesday
---
`, nil, []string{"content/a.md:3: error: reviewed: last tuesday is not a date Signpost can read"}},
		"broken link": {`
-- content/a.md --
---
title: A
---
Para one.

See [the other page](other.md) now.
-- content/others.md --
---
title: O
---
`, nil, []string{"content/a.md:6:5: error: link to other.md, but there is no such page", "did you mean /others.md?"}},
		"broken anchor on another page": {`
-- content/a.md --
---
title: A
---
See [b](b.md#call-999).
-- content/b.md --
---
title: B
---
## Call 999 now
`, nil, []string{"content/a.md:4:5: error: link to content/b.md#call-999, but that page has no such heading or anchor", `did you mean "call-999-now"?`}},
		"broken anchor on the same page": {`
-- content/a.md --
---
title: A
---
## Intro

Jump to [the end](#ending).
`, nil, []string{"content/a.md:6:", "link to #ending, but this page has no such heading"}},
		"missing file link": {`
-- content/a.md --
---
title: A
---
![A chart](/img/chart.png)
`, nil, []string{"content/a.md:4:", "link to /img/chart.png, but the site has no such page or file"}},
		"missing template": {`
-- content/a.md --
---
title: A
---
`, []sitetest.Option{sitetest.NoTheme}, []string{"content/a.md: error: no template for this page page", "add one of layouts/a/single.html, layouts/_default/single.html"}},
		"template error": {`
-- layouts/_default/single.html --
{{define "main"}}{{.Title}{{end}}
-- content/a.md --
---
title: A
---
`, nil, []string{"layouts/_default/single.html:1:", "error: template:"}},
		"duplicate URL": {`
-- content/a.md --
---
title: A
---
-- content/b.md --
---
title: B
url: /a/
---
`, nil, []string{"error: content/a.md and content/b.md both write a/index.html"}},
		"unknown block": {`
-- content/a.md --
---
title: A
---
:::warnign
Careful.
:::
`, nil, []string{"content/a.md:4:1: error: unknown block \":::warnign\"", `did you mean "warning"?`}},
		"bad config": {`
-- signpost.toml --
title = "x"
baseURL = [
`, nil, []string{"signpost.toml:2:12: error: invalid TOML"}},
	} {
		t.Run(name, func(t *testing.T) {
			s := sitetest.Build(t, tc.files, tc.opts...)
			if s.Err == nil {
				t.Fatalf("build succeeded; problems:\n%s", s.Problems())
			}
			s.AssertProblem(tc.want...)
		})
	}
}

func TestWarningsDoNotFail(t *testing.T) {
	s := sitetest.BuildOK(t, `
-- signpost.toml --
title = "x"
titel = "y"
-- content/a.md --
---
title: A
descripton: typo
review_by: 2020-01-01
---
`)
	s.AssertProblem(`signpost.toml:2: warning: unknown config key "titel"`, `did you mean "title"?`)
	s.AssertProblem(`content/a.md:3: warning: unknown front matter key "descripton"`, `if you meant description, spell it description; otherwise templates can read it as .Params.descripton`)
	s.AssertProblem("content/a.md:1: warning: guidance is past its review date")
}

func TestEveryErrorIsReported(t *testing.T) {
	s := sitetest.Build(t, `
-- content/a.md --
---
title: [
---
-- content/b.md --
---
title: B
---
[x](nope.md) and [y](gone.md)
-- content/c.md --
---
title: C
:::
`)
	if s.Err == nil {
		t.Fatal("build succeeded")
	}
	s.AssertProblem("content/a.md:2:")
	s.AssertProblem("content/c.md:1:1:", "never closed")
	// Link errors of b come from rendering, which only runs when loading
	// succeeded; fix a and c and both links are reported together.
	write(t, s.Dir, "content/a.md", "---\ntitle: A\n---\n")
	write(t, s.Dir, "content/c.md", "---\ntitle: C\n---\n")
	s.Rebuild()
	s.AssertProblem("content/b.md:4:1:", "nope.md")
	s.AssertProblem("content/b.md:4:18:", "gone.md")
}

func TestFailedBuildLeavesOldOutput(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+"-- content/a.md --\n---\ntitle: Good version\n---\n")
	before := s.Read("a/index.html")
	write(t, s.Dir, "content/a.md", "---\ntitle: Broken\n---\n[x](missing.md)\n")
	s.Rebuild()
	if s.Err == nil {
		t.Fatal("broken site built")
	}
	if after := s.Read("a/index.html"); after != before {
		t.Errorf("output changed by a failed build")
	}
	leftovers, _ := filepath.Glob(filepath.Join(s.Dir, ".public.build-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left behind: %v", leftovers)
	}
}

func TestDestinationRefused(t *testing.T) {
	dir := sitetest.Write(t, minimal+"-- content/a.md --\n---\ntitle: A\n---\n-- mine/notes.txt --\nprecious\n")
	home, _ := os.UserHomeDir()
	for name, dest := range map[string]string{
		"source folder":     dir,
		"content folder":    filepath.Join(dir, "content"),
		"not ours":          filepath.Join(dir, "mine"),
		"parent of sources": filepath.Dir(dir),
		"home":              home,
	} {
		t.Run(name, func(t *testing.T) {
			opt := sitetest.Options(dir)
			opt.Dest = dest
			s := &sitetest.Site{}
			_ = s
			_, err := buildWith(opt)
			if err == nil || !strings.Contains(err.Error(), "refusing to write the site to") {
				t.Fatalf("want refusal, got %v", err)
			}
		})
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "mine", "notes.txt")); string(b) != "precious\n" {
		t.Error("refused destination was changed")
	}
	// An empty folder is fine, and once built it carries the marker.
	empty := filepath.Join(t.TempDir(), "out")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	opt := sitetest.Options(dir)
	opt.Dest = empty
	if _, err := buildWith(opt); err != nil {
		t.Fatal(err)
	}
	if _, err := buildWith(opt); err != nil {
		t.Fatalf("rebuilding into our own output: %v", err)
	}
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
