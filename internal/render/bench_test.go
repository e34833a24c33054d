package render_test

import (
	"context"
	"os"
	"testing"

	signpost "github.com/signpost/signpost"
	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/corpus"
	"github.com/signpost/signpost/internal/i18n"
	"github.com/signpost/signpost/internal/render"
)

// BenchmarkRenderCorpus executes the built-in theme's templates for every
// page of a generated 1,000-page site (without their markdown): the
// templates' own cost, apart from the rest of a build.
func BenchmarkRenderCorpus(b *testing.B) {
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
	cat, _ := i18n.Load(fsys, signpost.Theme, cfg)
	assets := map[string]render.Asset{"css/site.css": {URL: "/site.css"}, "js/site.js": {URL: "/site.js"}}
	for b.Loop() {
		r, probs := render.New(render.Options{Site: fsys, Theme: signpost.Theme, Tree: tree, Assets: assets, I18n: cat})
		if probs.HasErrors() {
			b.Fatal(probs)
		}
		for _, p := range tree.All {
			if _, _, err := r.Page(p, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}
