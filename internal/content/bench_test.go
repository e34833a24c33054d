package content_test

import (
	"context"
	"testing"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/corpus"
)

// BenchmarkLoad loads a generated 1,000-page site from disk, as a build
// does (through SiteFS), once per iteration.
func BenchmarkLoad(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.WriteSignpost(dir, corpus.Options{Pages: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	fsys := content.NewSiteFS(dir)
	cfg, probs := config.Load(fsys)
	if probs.HasErrors() {
		b.Fatal(probs)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, probs := content.Load(context.Background(), fsys, cfg, content.Options{}); probs.HasErrors() {
			b.Fatal(probs)
		}
	}
}
