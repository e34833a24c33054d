package render

import (
	"context"
	"os"
	"slices"
	"testing"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/corpus"
)

// TestRelatedIndexAgrees: the index gives every page of a generated site
// the same related pages, in the same order, as scoring with a map, with
// broad terms (more than 100 pages) and many ties, for several n and
// weights.
func TestRelatedIndexAgrees(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.WriteSignpost(dir, corpus.Options{Pages: 600, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	cfg, probs := config.Load(fsys)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	tree, probs := content.Load(context.Background(), fsys, cfg, content.Options{})
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	x := newRelatedIndex(tree.All)
	broadSeen := false
	for _, rules := range []config.Related{{}, {Weights: map[string]int{"tags": 3}}, {Weights: map[string]int{"tags": 0}}} {
		for _, n := range []int{0, 1, 6, 50} {
			for _, p := range tree.All {
				for _, tms := range p.TermPages {
					for _, tm := range tms.Pages {
						broadSeen = broadSeen || len(tm.Pages) > broad
					}
				}
				want, got := related(p, n, rules), x.related(p, n, rules)
				if !slices.Equal(got, want) {
					t.Fatalf("%s, n=%d, %v: index gives %v, map %v", p.URL, n, rules.Weights, urls(got), urls(want))
				}
			}
		}
	}
	if !broadSeen {
		t.Error("no term with more than 100 pages: the test misses broad terms")
	}
}

func urls(ps []*content.Page) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.URL)
	}
	return out
}
