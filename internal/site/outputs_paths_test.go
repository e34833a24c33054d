package site_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/sitetest"
)

// Two things that would write one output file are an error naming both,
// whatever they are, and nothing is published. Collisions are found by the
// file written, not the URL as written: "/" and "/index.html" are one file.
func TestCollisionsNameBothSources(t *testing.T) {
	for _, tc := range []struct {
		name, files string
		want        []string
	}{
		{"page url /index.html beside the home page", `
-- content/_index.md --
---
title: Home
---
-- content/x.md --
---
title: X
url: /index.html
---
`, []string{"content/_index.md and content/x.md both write index.html", "content/x.md:3:"}},
		{"page url /s/index.html beside section s", `
-- content/s/_index.md --
---
title: S
---
-- content/x.md --
---
title: X
url: /s/index.html
---
`, []string{"content/s/_index.md and content/x.md both write s/index.html"}},
		{"two pages with one alias", `
-- content/a.md --
---
title: A
aliases: [/dup/]
---
-- content/b.md --
---
title: B
aliases: [/dup/]
---
`, []string{"content/a.md (alias /dup/) and content/b.md (alias /dup/) both write dup/index.html", "content/a.md:3:"}},
		{"alias /a/index.html replacing page /a/", `
-- content/a.md --
---
title: A
---
-- content/b.md --
---
title: B
aliases: [/a/index.html]
---
`, []string{"content/a.md and content/b.md (alias /a/index.html) both write a/index.html", "remove the alias"}},
		{"static/404.html", "-- static/404.html --\nmine\n", []string{"static/404.html and the 404 page both write 404.html", "edit layouts/404.html"}},
		{"static/feed.xml", "-- static/feed.xml --\n<x/>\n", []string{"static/feed.xml and the Atom feed of the site both write feed.xml"}},
		{"static/sitemap.xml", "-- static/sitemap.xml --\n<x/>\n", []string{"static/sitemap.xml and the sitemap both write sitemap.xml"}},
		{"static/index.html", "-- static/index.html --\nhi\n", []string{"static/index.html and the home page", "both write index.html"}},
		{"static/a/index.html beside page a", "-- static/a/index.html --\nhi\n-- content/a.md --\n---\ntitle: A\n---\n", []string{"content/a.md and static/a/index.html both write a/index.html"}},
		{"static file and bundle file", "-- static/b/pic.txt --\n1\n-- content/b/index.md --\n---\ntitle: B\n---\n-- content/b/pic.txt --\n2\n", []string{"content/b/pic.txt and static/b/pic.txt both write b/pic.txt"}},
		{"static file in the search index", "-- static/search-index/meta.json --\n{}\n-- content/a.md --\n---\ntitle: A\n---\nwords\n", []string{"static/search-index/meta.json and the search index both write search-index/meta.json"}},
		{"static _redirects and aliases", "-- static/_redirects --\n/x /y 301\n-- content/a.md --\n---\ntitle: A\naliases: [/old/]\n---\n", []string{"static/_redirects and the redirects of aliases (_redirects) both write _redirects"}},
		{"names that differ only in case", "-- static/Guides/index.html --\nhi\n-- content/guides.md --\n---\ntitle: G\n---\n", []string{"content/guides.md and static/Guides/index.html both write", "names that differ only in case are one file on macOS and Windows"}},
		{"static files that differ only in case", "-- static/A.txt --\n1\n-- static/a.txt --\n2\n", []string{"static/A.txt and static/a.txt both write", "differ only in case"}},
		// é as one letter (NFC) and as e with an accent (NFD): one file on macOS.
		{"names that differ only in their accents' encoding", "-- content/caf\u00e9.md --\n---\ntitle: A\n---\n-- content/cafe\u0301.md --\n---\ntitle: B\n---\n", []string{"content/cafe\u0301.md and content/caf\u00e9.md both write", "one file on macOS"}},
		{"static files that differ in case and accents' encoding", "-- content/a.md --\n---\ntitle: A\n---\n-- static/\u00c9t\u00e9.txt --\n1\n-- static/e\u0301te\u0301.txt --\n2\n", []string{"static/e\u0301te\u0301.txt and static/\u00c9t\u00e9.txt both write", "one file on macOS"}},
		{"alias with a name too long for a file", "-- content/a.md --\n---\ntitle: A\naliases: [/" + strings.Repeat("a", 300) + "/]\n---\n", []string{"content/a.md:3:", "longer than 255 bytes"}},
		{"url with a name too long for a file", "-- content/a.md --\n---\ntitle: A\nurl: /x/" + strings.Repeat("\u00e9", 130) + ".html\n---\n", []string{"content/a.md:3:", "longer than 255 bytes"}},
		{"static resources.json", "-- static/resources.json --\n{}\n", []string{"static/resources.json and the catalogue's resources.json both write resources.json"}},
		// A file and a folder cannot share a name, in either order of claims.
		{"alias inside a folder named like a generated file", "-- content/a.md --\n---\ntitle: A\naliases: [/sitemap.xml/0/]\n---\n", []string{"the sitemap writes the file sitemap.xml, and content/a.md (alias /sitemap.xml/0/) writes sitemap.xml/0/index.html inside a folder of that name", "content/a.md:3:"}},
		{"static file where a page needs a folder", "-- static/a --\nx\n-- content/a.md --\n---\ntitle: A\n---\n", []string{"static/a writes the file a, and content/a.md writes a/index.html inside a folder of that name"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := sitetest.Build(t, minimal+tc.files)
			if s.Err == nil {
				t.Fatalf("build succeeded; problems:\n%s", s.Problems())
			}
			s.AssertProblem(tc.want...)
			if s.Exists("index.html") {
				t.Error("a failed build published its output")
			}
		})
	}
}

// A collision is reported the same way in every build, and a build without
// one is byte-identical each time (the writers never race on one file).
func TestCollisionReportedTheSameEveryBuild(t *testing.T) {
	s := sitetest.Build(t, minimal+`
-- content/_index.md --
---
title: Home
---
-- content/a.md --
---
title: A
url: /index.html
---
-- content/b.md --
---
title: B
url: /index.html
---
-- content/s/_index.md --
---
title: S
---
-- content/c.md --
---
title: C
url: /s/index.html
---
`)
	first := s.Problems()
	if !strings.Contains(first, "both write index.html") || !strings.Contains(first, "both write s/index.html") {
		t.Fatalf("collisions not reported:\n%s", first)
	}
	for i := 0; i < 10; i++ {
		s.Rebuild()
		if got := s.Problems(); got != first {
			t.Fatalf("build %d reported\n%s\nthen\n%s", i, first, got)
		}
	}
}

// A URL ending in a file name is written as that file (aliases), or
// refused with a message (a page's url must be a folder or .html); a
// folder whose name looks like a file is still a folder.
func TestURLsEndingInAFileName(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+`
-- content/a.md --
---
title: A
aliases: [/old/page.php, /old/doc, /old/doc/, "old/doc"]
---
-- content/x.md/_index.md --
---
title: X
---
-- content/x.md/y.md --
---
title: Y
---
-- content/h.md --
---
title: H
url: /b/page.html
---
`)
	s.AssertFile("old/page.php", `url=/a/`)
	s.AssertFile("old/doc/index.html", `url=/a/`)
	if r := s.Read("_redirects"); strings.Count(r, "/old/doc/ ") != 1 {
		t.Errorf("one alias written three ways is listed more than once:\n%s", r)
	}
	s.AssertFile("x.md/index.html", "<h1>X</h1>")
	s.AssertFile("x.md/y/index.html", "<h1>Y</h1>")
	s.AssertFile("b/page.html", "<h1>H</h1>")
	for _, bad := range []string{"old/page.phpindex.html", "x.mdindex.html"} {
		if s.Exists(bad) {
			t.Errorf("%s written", bad)
		}
	}

	f := sitetest.Build(t, minimal+"-- content/b.md --\n---\ntitle: B\nurl: /b/file.txt\n---\n")
	f.AssertProblem("content/b.md:3:", `url "/b/file.txt" ends in a .txt file name, but a page is HTML`, "end it with / (a folder) or .html")
}

// url, slug and aliases are checked and normalised: no scheme, no host, no
// query, nothing climbing out; escapes decoded once and encoded on output.
func TestURLFrontMatterValidated(t *testing.T) {
	for _, tc := range []struct{ key, value, want string }{
		{"url", "//evil.example/", "names another host"},
		{"url", "https://evil.example/x/", "is a full address"},
		{"url", "javascript:alert(1)", "is a full address"},
		{"url", "/x/?a=1", "has a query or fragment"},
		{"url", "/x/#top", "has a query or fragment"},
		{"url", "/../../../some/dir/pwn.html", "outside the site's output folder"},
		{"url", "/a/./b/", "outside the site's output folder"},
		{"url", "/a%2", "broken %-escape"},
		{"url", "/a%2F..%2F..%2Fx/", "outside the site's output folder"},
		{"aliases", "[/../../../some/dir/]", "outside the site's output folder"},
		{"aliases", "[//evil.example/x/]", "names another host"},
		{"aliases", "[/old/?p=1]", "has a query or fragment"},
		{"slug", "..", "is not a name"},
		{"slug", "a/b", "holds / \\ ? or #"},
		{"slug", "x?y", "holds / \\ ? or #"},
	} {
		t.Run(tc.key+" "+tc.value, func(t *testing.T) {
			s := sitetest.Build(t, minimal+"-- content/p.md --\n---\ntitle: P\n"+tc.key+": "+tc.value+"\n---\n")
			if s.Err == nil {
				t.Fatal("build succeeded")
			}
			s.AssertProblem("content/p.md:3:", "error: ", tc.want)
			if _, err := os.Stat(filepath.Join(s.Dir, "..", "some")); err == nil {
				t.Error("a file was written outside the output")
			}
		})
	}
}

// Spaces, other scripts and escapes in url are published encoded, in the
// page's links, the sitemap, feeds, og:url, _redirects and the search index.
func TestURLsEncodedEverywhere(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+`
-- content/space page.md --
---
title: Space
date: 2026-01-02
aliases: [/old page/]
---
words about space
-- content/проверка.md --
---
title: Check
date: 2026-01-01
---
words about checks
-- content/e.md --
---
title: E
url: /a%20b/
reviewed: 2026-11-01
---
[space](<space page.md>) [check](проверка.md) [file](</files/my file.txt>)
-- static/files/my file.txt --
x
`)
	s.AssertFile("a b/index.html", `href="/space%20page/"`, `href="/%D0%BF%D1%80%D0%BE%D0%B2%D0%B5%D1%80%D0%BA%D0%B0/"`, `href="/files/my%20file.txt"`, "! %25")
	s.AssertFile("resources.json", `"https://example.org/a%20b/"`)
	s.AssertFile("sitemap.xml", "<loc>https://example.org/space%20page/</loc>", "<loc>https://example.org/%D0%BF%D1%80%D0%BE%D0%B2%D0%B5%D1%80%D0%BA%D0%B0/</loc>", "<loc>https://example.org/a%20b/</loc>", "! space page/")
	s.AssertFile("feed.xml", "<id>https://example.org/space%20page/</id>", `href="https://example.org/space%20page/"`, "! проверка/")
	s.AssertFile("space page/index.html", `<meta property="og:url" content="https://example.org/space%20page/">`)
	s.AssertFile("a b/index.html", "<h1>E</h1>")
	s.AssertFile("_redirects", "/old%20page/ /space%20page/ 301")
	s.AssertFile("old page/index.html", "url=/space%20page/")
	index := ""
	entries, _ := os.ReadDir(filepath.Join(s.Out, "search-index"))
	for _, e := range entries {
		index += s.Read("search-index/" + e.Name())
	}
	if !strings.Contains(index, "/space%20page/") || strings.Contains(index, "/space page/") {
		t.Errorf("search index URLs not encoded:\n%s", index)
	}
}

// Files from static/ and bundles are published byte for byte, even with
// minify on; only what Signpost generates is minified.
func TestStaticAndBundleFilesVerbatim(t *testing.T) {
	files := map[string]string{
		"static/legacy.js":        "/*! licence: keep me */\nfunction  a ( ) {  return 1 ; }\n",
		"static/app.json":         "{\n  \"a\" : 1\n}\n",
		"static/google1234.html":  "<html>\n  <body>google-site-verification: google1234.html</body>\n</html>\n",
		"static/style.css":        "/* licence */\nbody  {  color : red ; }\n",
		"content/b/diagram.svg":   "<?xml version=\"1.0\"?>\n<!-- licence: CC BY -->\n<svg xmlns=\"http://www.w3.org/2000/svg\">  <rect/>  </svg>\n",
		"content/b/data.xml":      "<?xml version=\"1.0\"?>\n<a>  <b/>  </a>\n",
		"content/loose/notes.css": "a  {  b : c }\n",
	}
	txt := minimal + "-- content/b/index.md --\n---\ntitle: B\n---\n![Diagram](diagram.svg)\n"
	for name, data := range files {
		txt += "-- " + name + " --\n" + data
	}
	s := sitetest.BuildOK(t, txt, sitetest.Minify)
	for name, want := range files {
		rel := strings.TrimPrefix(strings.TrimPrefix(name, "static/"), "content/")
		if got := s.Read(rel); got != want {
			t.Errorf("%s changed on the way out:\n%q\nwant\n%q", rel, got, want)
		}
	}
	if html := s.Read("b/index.html"); strings.Contains(html, "\n  ") {
		t.Errorf("generated HTML not minified:\n%s", html)
	}
}

// Everything in static/ is published, dot-files included, and a link to
// one resolves; editor junk is filtered only in content/.
func TestStaticDotFilesPublished(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+`
-- static/.well-known/security.txt --
Contact: mailto:security@example.org
-- static/.htaccess --
ErrorDocument 404 /404.html
-- content/a.md --
---
title: A
---
[Report a security problem](/.well-known/security.txt)
-- content/.notes.md --
---
title: Hidden
---
-- content/b.md~ --
backup
`)
	s.AssertFile(".well-known/security.txt", "Contact: mailto:security@example.org")
	s.AssertFile(".htaccess", "ErrorDocument 404")
	s.AssertFile("a/index.html", `href="/.well-known/security.txt"`)
	for _, junk := range []string{".notes/index.html", "b.md~"} {
		if s.Exists(junk) {
			t.Errorf("editor junk %s published", junk)
		}
	}
}

// URLs are lower-case unless the site keeps case; links written with the
// file's real case still resolve.
func TestURLsLowerCase(t *testing.T) {
	pages := `
-- content/Guides/_index.md --
---
title: Guides
---
-- content/Guides/My-Guide.md --
---
title: My guide
---
-- content/b.md --
---
title: B
---
[by file](Guides/My-Guide.md) [by URL](/Guides/My-Guide/) [section](/Guides/)
`
	s := sitetest.BuildOK(t, minimal+pages)
	s.AssertFile("guides/my-guide/index.html", "<h1>My guide</h1>")
	s.AssertFile("b/index.html", `href="/guides/my-guide/">by file`, `href="/guides/my-guide/">by URL`, `href="/guides/">section`)
	if s.Exists("Guides/My-Guide/index.html") {
		t.Error("capitals kept in the URL")
	}
	k := sitetest.BuildOK(t, strings.Replace(minimal, "title =", "disablePathToLower = true\ntitle =", 1)+pages)
	k.AssertFile("Guides/My-Guide/index.html", "<h1>My guide</h1>")
	k.AssertFile("b/index.html", `href="/Guides/My-Guide/">by file`)
}

// The bundled site's published URLs are all lower-case, so its urls.txt
// (which a build checks) stays valid with lower-casing on.
func TestBundledURLsAreLowerCase(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "urls.txt"))
	if err != nil {
		t.Skip(err)
	}
	for _, line := range bytes.Split(data, []byte("\n")) {
		if l := string(line); !strings.HasPrefix(l, "#") && l != strings.ToLower(l) {
			t.Errorf("urls.txt lists %q, which lower-casing would change", l)
		}
	}
}
