package build_test

import (
	"path/filepath"
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
	})
}
