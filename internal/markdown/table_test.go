package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// TestTableCellsAsGoldmark renders tables with and without tableCells:
// the HTML must be the same for every alignment, header cells, empty
// cells and inline markup, as HTML and as XHTML (which aligns by
// attribute).
func TestTableCellsAsGoldmark(t *testing.T) {
	tables := []string{
		"| a | b |\n|---|---|\n| 1 | 2 |\n",
		"| l | c | r | n |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n| | *x* | `y` \\| z | [l](/u) |\n",
		"| only | head |\n|------|-----:|\n",
		"| a |\n|---|\n| 1 | extra |\n|\n",
	}
	for _, xhtml := range []bool{false, true} {
		var opts []renderer.Option
		if xhtml {
			opts = append(opts, html.WithXHTML())
		}
		plain := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(opts...))
		ours := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(
			append(opts, renderer.WithNodeRenderers(util.Prioritized(newTableCells(), 100)))...))
		for _, src := range tables {
			var want, got bytes.Buffer
			if err := plain.Convert([]byte(src), &want); err != nil {
				t.Fatal(err)
			}
			if err := ours.Convert([]byte(src), &got); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("xhtml %v, %q:\ngot  %s\nwant %s", xhtml, src, got.String(), want.String())
			}
		}
	}
}
