package render_test

import (
	"testing"

	signpost "github.com/signpost/signpost"
	"github.com/signpost/signpost/internal/i18n"
	"github.com/signpost/signpost/internal/render"
	"github.com/signpost/signpost/internal/sitetest"
)

// BenchmarkRenderCorpus executes the built-in theme's templates for every
// page of a generated 1,000-page site (without their markdown): the
// templates' own cost, apart from the rest of a build.
func BenchmarkRenderCorpus(b *testing.B) {
	fsys, cfg, tree := sitetest.Corpus(b, 1000)
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
