package markdown_test

import (
	"testing"

	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/markdown"
	"github.com/signpost/signpost/internal/sitetest"
)

// BenchmarkConvert converts every page of a generated 1,000-page site,
// as a build does (links resolved through the tree), once per iteration.
func BenchmarkConvert(b *testing.B) {
	fsys, _, tree := sitetest.Corpus(b, 1000)
	bodies := map[*content.Page][]byte{}
	for _, p := range tree.All {
		if body, err := content.ReadBody(fsys, p); err == nil && body != nil {
			bodies[p] = body
		}
	}
	c := markdown.New(markdown.Options{Tree: tree, PageAnchors: true, FileExists: func(string) bool { return true }})
	b.ReportAllocs()
	for b.Loop() {
		for p, body := range bodies {
			if _, err := c.Convert(p, body); err != nil {
				b.Fatal(err)
			}
		}
	}
}
