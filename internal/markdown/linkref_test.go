package markdown

import (
	"bytes"
	"os"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// TestLinkRefsAsGoldmark converts bodies with goldmark's default parser
// and with linkRefs in place of its link reference transformer: the HTML
// must be the same for definitions of every shape and place, and for
// every markdown golden file.
func TestLinkRefsAsGoldmark(t *testing.T) {
	bodies := []string{
		"[a]: /u\n\n[x][a] and [a]\n",
		"text first\n[a]: /u\n\n[a]\n",
		"   [a]: /u \"title\"\n[b]:\n/v\n'title\n on two lines'\nrest of the paragraph\n\n[a] [b]\n",
		"    [a]: /code\n\n[a]\n",
		"- [a]: /u\n- item [a]\n\n> [b]: /v\n> [b]\n",
		"[a]: /u\n[a]: /second\n[A]: /third\n\n[a]\n",
		"[^1]: note\n\nref[^1] and [a]\n\n[a]: <a b> \"t\"\n",
		"[not a definition] text\n[a]: /u\n\n[a]\n",
		"text with [a] link\n\n[a]:\n\n[a]\n",
		"| a | b |\n|---|---|\n| [x] | 2 |\n\n[x]: /u\n",
		"\\[a]: /u\n\n[a]\n",
		"[a]: /u\ttrailing\n\n[a]\n",
	}
	bodies = append(bodies, GoldenBodies(t)...)
	if b, err := os.ReadFile("../../docs/authoring.md"); err == nil {
		bodies = append(bodies, string(b))
	}
	exts := goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList)
	theirs := goldmark.New(exts)
	ours := goldmark.New(goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefs{}, 100)),
	)), exts)
	for _, src := range bodies {
		var want, got bytes.Buffer
		if err := theirs.Convert([]byte(src), &want); err != nil {
			t.Fatal(err)
		}
		if err := ours.Convert([]byte(src), &got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%q:\ngot  %s\nwant %s", src, got.String(), want.String())
		}
	}
}
