package markdown_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/markdown"
	"github.com/signpost/signpost/internal/markdown/blocks"
)

// fuzzSeeds are inputs of every kind the converter was wrong about once.
var fuzzSeeds = []string{
	"[search](search.md?q=snapchat+location) [b](b.md?x=1#part) [pdf](/files/Note.pdf?v=2#p) [q](?a=1) [x](b.md?#)\n",
	"## Report to [CEOP](https://www.ceop.police.uk/) today\n## Tom &amp; Jerry\nKeeping children\nsafe online\n---\n## 5 \\* 3\n## A <!-- c --> b\n",
	strings.Repeat("## Same\n", 200) + "## Same {#same-3}\n[x](#same-199)\n",
	strings.Repeat(":::details Why?\n", 40) + "text\n" + strings.Repeat(":::\n", 40),
	":::tip\n```\n:::\n```\n:::\n::::details Q?\n~~~\n::::\n~~~\n::::\n",
	"The word 'terrifying' and 'turn'. *\"[link](b.md)\" and more.* rock 'n' roll '90s \\'x\\' `'c'`\n",
	"[a](javascript:alert(1)) [b](&#106;avascript:x) <vbscript:x> ![c](data:image/png;base64,AA) [d](file:///etc/passwd)\n[e][r]\n\n[r]: JAVA\tSCRIPT:x\n",
	"<p id=\"install\">x</p>\n\n<a href=\"javascript:x\" id=\"a\">y</a> [s](#install) [n](#fn:1)[^1]\n\n[^1]: note\n",
	"Caf\xe9 \xff\xfe\n## \xe9t\xe9\n",
	"\ufeff# Title\n\ntext\n",
	"| a | b |\n|---|---|\n| 'x' | \"y\" |\n",
}

// FuzzConvert sends any body through the converter with link resolution
// and the guidance blocks. It must not panic, and: every problem has a
// line; the HTML is valid UTF-8; no href or src has a dangerous scheme,
// even with raw HTML allowed; made heading IDs are unique.
func FuzzConvert(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	site := fstest.MapFS{
		"content/a.md":          {Data: []byte("---\ntitle: A\n---\n")},
		"content/b.md":          {Data: []byte("---\ntitle: B\n---\n## Part\n")},
		"content/search.md":     {Data: []byte("---\ntitle: Search\n---\n")},
		"static/files/Note.pdf": {Data: []byte("pdf")},
	}
	cfg, _ := config.Load(site)
	tree, probs := content.Load(context.Background(), site, cfg, content.Options{})
	if probs.HasErrors() {
		f.Fatal(probs)
	}
	page := tree.ByFile("content/a.md")
	exts := blocks.FromData(map[string]any{"helplines": map[string]any{"nspcc": map[string]any{"name": "NSPCC", "phone": "0808 800 5000"}}})
	convs := map[bool]*markdown.Converter{}
	for _, unsafe := range []bool{false, true} {
		convs[unsafe] = markdown.New(markdown.Options{Unsafe: unsafe, Tree: tree, Extensions: exts,
			FileExists: func(u string) bool { return u == "/files/Note.pdf" }})
	}
	f.Fuzz(func(t *testing.T, body string, unsafe bool) {
		res, err := convs[unsafe].Convert(page, []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range res.Problems {
			if p.Path != "content/a.md" || p.Line < 1 {
				t.Fatalf("problem without a position: %v", p)
			}
		}
		if !utf8.Valid(res.HTML) {
			t.Fatalf("HTML is not valid UTF-8: %q", res.HTML)
		}
		assertNoDangerousURL(t, res.HTML)
		// A made id is never empty and never repeats another id; only
		// ids written by hand may repeat (the checks report those).
		seen := map[string]bool{}
		for _, h := range res.Headings {
			if h.ID == "" || seen[h.ID] && !strings.Contains(body, "#"+h.ID) {
				t.Fatalf("heading id %q empty or repeated", h.ID)
			}
			seen[h.ID] = true
		}
	})
}

func assertNoDangerousURL(t *testing.T, b []byte) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			for {
				k, v, more := z.TagAttr()
				switch string(k) {
				case "href", "src", "action", "formaction", "poster", "data", "srcset":
					if sc := markdown.DangerousScheme(string(v)); sc != "" {
						t.Fatalf("published %s=%q", k, v)
					}
				}
				if !more {
					break
				}
			}
		}
	}
}
