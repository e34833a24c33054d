package markdown_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/corpus"
	"github.com/signpost/signpost/internal/markdown"
	"github.com/signpost/signpost/internal/markdown/blocks"
)

// linkifyCases are bodies at the edges of mayLinkify: addresses, and
// blanks at line ends, where goldmark's cuts for linkify show.
var linkifyCases = []struct {
	body string
	may  bool
}{
	{"Call 0808 800 5000 (free) or *write* to us.\n", false},
	{"Visit https://www.childline.org.uk/ for help.\n", true},
	{"Visit www.childline.org.uk for help.\n", true},
	{"Write to help@nspcc.org.uk.\n", true},
	{"ftp://example.org/x\n", true},
	{"a hard break  \nnext", true},
	{"a\t\t\nb\n", true},
	{"a \t\nb\n", true},
	{"a \r\nb\r\n", true},
	{"end of file  ", true},
	{"para \ngraph\t\nwith CRLF\r\nbackslash\\\nend ", false},
	{"- item \n- item\t\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", false},
	{"## Heading \t ##\n\n> quote \n", false},
}

// TestMayLinkify: linkify is left out of the bodies with no address and
// no line ending in two blanks, and those convert the same without it;
// the rule about line ends is needed: "a\t\t" converts otherwise.
func TestMayLinkify(t *testing.T) {
	conv, page := linkifyConverter(t)
	for _, tc := range linkifyCases {
		if got := markdown.MayLinkify([]byte(tc.body)); got != tc.may {
			t.Errorf("MayLinkify(%q) = %v, want %v", tc.body, got, tc.may)
		}
		if !tc.may {
			assertSameWithoutLinkify(t, conv, page, tc.body)
		}
	}
	with, without := convertOnly(t, conv, page, "a\t\t\nb\n")
	if string(with.HTML) == string(without.HTML) {
		t.Errorf("a line ending in two tabs converts the same without linkify (%q): the rule about line ends is not needed", with.HTML)
	}
}

// TestSameWithoutLinkify converts every body the tests, the bundled site
// and a generated corpus hold, with and without linkify: those it is
// left out of must convert the same (HTML, contents, ids, problems,
// links, places), and most corpus pages must be among them.
func TestSameWithoutLinkify(t *testing.T) {
	conv, page := linkifyConverter(t)
	bodies := append([]string{}, fuzzSeeds...)
	bodies = append(bodies, markdown.GoldenBodies(t)...)
	site, _ := filepath.Glob("../../content/*/*.md")
	top, _ := filepath.Glob("../../content/*.md")
	for _, f := range append(site, top...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, string(b))
	}
	plain := 0
	for _, f := range corpus.Content(corpus.Options{Pages: 300, Seed: 1}) {
		if strings.HasSuffix(f.Path, ".md") {
			bodies = append(bodies, string(f.Data))
			if !markdown.MayLinkify(f.Data) {
				plain++
			}
		}
	}
	if plain < 250 {
		t.Errorf("%d of 300 corpus pages convert without linkify", plain)
	}
	bodies = append(bodies, randomBodies(5000)...)
	for _, b := range bodies {
		if !markdown.MayLinkify([]byte(b)) {
			assertSameWithoutLinkify(t, conv, page, b)
		}
	}
}

// markdownPieces are what randomBodies strings together: blanks of every
// kind next to the characters goldmark cuts text at, escapes, entities,
// and the starts of blocks.
var markdownPieces = []string{
	"a", "word", "é", " ", " ", "\t", "\n", "\n", "\r\n", "  \n", "\\\n", "\\", "\\ ", "(", ")", "*", "_", "~", "~~",
	"'", "\"", "[", "]", "](b.md)", "](a b.md)", "![x](p.png)", "`", "&amp;", "&#32;", "-", "--", "...", "<b>", "\u00a0",
	"\n\n", "\n# ", "\n## ", " {#id}", "\n- ", "\n1. ", "\n> ", "\n    ", "\n\t", "\n| a | b |\n|---|---|\n| ",
	"\n:::tip\n", "\n:::\n", "\n```\n", "\n[^1]: ", "[^1]", "\nTerm\n: ", "[ ] ", "[x] ",
}

// randomBodies makes n bodies of random pieces, the same ones every run.
func randomBodies(n int) []string {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range 1 + r.IntN(40) {
			b.WriteString(markdownPieces[r.IntN(len(markdownPieces))])
		}
		out[i] = b.String()
	}
	return out
}

// FuzzSameWithoutLinkify: any body with no address converts the same
// with and without linkify, unless a line ends in two blanks.
func FuzzSameWithoutLinkify(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, tc := range linkifyCases {
		f.Add(tc.body)
	}
	conv, page := linkifyConverter(f)
	f.Fuzz(func(t *testing.T, body string) {
		// Addresses broken, to reach the other rule more often.
		body = strings.NewReplacer("@", "a", "://", ":/", "www.", "ww.").Replace(body)
		if markdown.MayLinkify([]byte(body)) {
			t.Skip("a line ends in two blanks")
		}
		assertSameWithoutLinkify(t, conv, page, body)
	})
}

// linkifyConverter is a converter as a build makes: links resolved in a
// small site, the guidance blocks, raw HTML shown as text.
func linkifyConverter(tb testing.TB) (*markdown.Converter, *content.Page) {
	site := fstest.MapFS{
		"content/a.md":       {Data: []byte("---\ntitle: A\n---\n")},
		"content/b.md":       {Data: []byte("---\ntitle: B\n---\n## Part\n")},
		"static/files/x.pdf": {Data: []byte("pdf")},
	}
	cfg, _ := config.Load(site)
	tree, probs := content.Load(context.Background(), site, cfg, content.Options{})
	if probs.HasErrors() {
		tb.Fatal(probs)
	}
	exts := blocks.FromData(map[string]any{"helplines": map[string]any{"nspcc": map[string]any{"name": "NSPCC", "phone": "0808 800 5000"}}})
	conv := markdown.New(markdown.Options{Tree: tree, Extensions: exts, FileExists: func(u string) bool { return u == "/files/x.pdf" }})
	return conv, tree.ByFile("content/a.md")
}

// convertOnly converts body with linkify and without it.
func convertOnly(t *testing.T, conv *markdown.Converter, page *content.Page, body string) (with, without *markdown.Result) {
	t.Helper()
	with, err := markdown.Only(conv, true).Convert(page, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	without, err = markdown.Only(conv, false).Convert(page, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	return with, without
}

func assertSameWithoutLinkify(t *testing.T, conv *markdown.Converter, page *content.Page, body string) {
	t.Helper()
	with, without := convertOnly(t, conv, page, body)
	if !reflect.DeepEqual(with, without) {
		t.Errorf("%q converts otherwise without linkify; HTML (-with +without):\n%s\nresults:\n%+v\n%+v",
			body, cmp.Diff(string(with.HTML), string(without.HTML)), *with, *without)
	}
}
