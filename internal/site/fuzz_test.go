package site_test

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/signpost/signpost/internal/sitetest"
)

// FuzzPage sends one page through the whole pipeline (front matter,
// markdown, guidance blocks, links, templates, minify): it must never
// panic, and every problem must name the file and a line.
func FuzzPage(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\n---\n# Hi\n[x](b.md#top) ![i](/x.png)\n",
		"+++\ntitle = 'A'\n+++\n:::warning\ntext\n:::\n",
		"---\ntitle: [\n---\n",
		":::steps\n### One\nx\n:::\n:::helpline nspcc\n:::\n::::details Why?\n:::tip\nx\n:::\n::::\n",
		"---\nsources: 3\nreviewed: soon\n---\n[^1]\n\n[^1]: note\n| a |\n|---|\n| b |\n",
		"<script>x</script>\n## Ünïcödé {#id .c}\n[a](#id)\n",
		"---\nslug: ..\n---\n",
		"---\nurl: /../../x/\naliases: [//evil.example/, /b/, /index.html]\n---\n",
		"---\nurl: /b/\n---\n",
		"---\nurl: \"/a b/проверка.html\"\naliases: [/old/page.php, \"/x/?a=1\"]\n---\n",
		"---\nurl: /feed.xml\n---\n",
		"---\naliases: [/sitemap.xml, /404.html, /search-index/meta.json]\n---\n",
		"---\nsources: [{title: 1, url: [a]}]\ntopics: [x]\n---\n",
		"# Leading title\n\n[here](b.md)\n",
		// Link resolution with queries and fragments; heading ids from
		// rendered text; quotes; fences in blocks; dangerous addresses;
		// ids of every kind; a BOM; invalid UTF-8; deep and repeated input.
		"---\ntitle: Q\n---\n[s](b.md?q=a+b#top) [f](/x.png?v=2) [q](?x=1#y) [e](b.md?#)\n",
		"## Report to [CEOP](https://www.ceop.police.uk/) today\n## Tom &amp; Jerry\nTwo\nlines\n---\n[t](#tom-jerry)\n",
		"The word 'terrifying' and 'turn'. *\"[b](b.md)\" and more.*\n",
		":::tip\n```\n:::\n```\n:::\n",
		"---\nsources:\n  - title: S\n    url: javascript:alert(1)\n---\n[x](javascript:alert(1)) <a href=\"vbscript:x\">y</a> ![i](data:x)\n",
		"<p id=\"raw\">r</p>\n[r](#raw) [n](#fn:1) [m](#main_content)[^1]\n\n[^1]: n\n",
		"\ufeff---\ntitle: BOM\n---\nText.\n",
		"---\ntitle: L\n---\nCaf\xe9\n",
		strings.Repeat(":::details Why?\n", 40) + "x\n" + strings.Repeat(":::\n", 40),
		strings.Repeat("## Same\n", 300),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		site := fstest.MapFS{
			"signpost.toml":       {Data: []byte("title = \"F\"\nbaseURL = \"https://example.org/\"\n")},
			"content/a.md":        {Data: []byte(page)},
			"content/b.md":        {Data: []byte("---\ntitle: B\n---\n## Top\n")},
			"data/helplines.yaml": {Data: []byte("nspcc:\n  name: NSPCC\n  phone: \"0808 800 5000\"\n")},
		}
		opt := sitetest.Options("")
		opt.Source, opt.Site, opt.Dest = "", site, filepath.Join(t.TempDir(), "out")
		res, _ := buildWith(opt)
		for _, p := range res.Problems {
			if p.Path == "" || (p.Path == "content/a.md" && p.Line < 1) {
				t.Fatalf("problem without a position: %v", p)
			}
		}
		// Whatever the page holds, no output is invalid UTF-8.
		sitetest.AssertValidUTF8(t, opt.Dest)
	})
}
