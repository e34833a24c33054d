package markdown_test

import (
	"context"
	"os"
	"testing"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/corpus"
	"github.com/signpost/signpost/internal/markdown"
)

// BenchmarkConvert converts every page of a generated 1,000-page site,
// as a build does (links resolved through the tree), once per iteration.
func BenchmarkConvert(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.WriteSignpost(dir, corpus.Options{Pages: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	cfg, probs := config.Load(fsys)
	if probs.HasErrors() {
		b.Fatal(probs)
	}
	tree, probs := content.Load(context.Background(), fsys, cfg, content.Options{})
	if probs.HasErrors() {
		b.Fatal(probs)
	}
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
