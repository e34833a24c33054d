package sitetest

import (
	"context"
	"io/fs"
	"os"
	"testing"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/corpus"
)

// Corpus writes a generated site of pages pages (seed 1, the benchmarks'
// corpus) in a temporary folder and loads its config and content tree, as
// a build does before rendering; it fails tb on any error.
func Corpus(tb testing.TB, pages int) (fs.FS, *config.Config, *content.Tree) {
	tb.Helper()
	dir := tb.TempDir()
	if err := corpus.WriteSignpost(dir, corpus.Options{Pages: pages, Seed: 1}); err != nil {
		tb.Fatal(err)
	}
	fsys := os.DirFS(dir)
	cfg, probs := config.Load(fsys)
	if probs.HasErrors() {
		tb.Fatal(probs)
	}
	tree, probs := content.Load(context.Background(), fsys, cfg, content.Options{})
	if probs.HasErrors() {
		tb.Fatal(probs)
	}
	return fsys, cfg, tree
}
