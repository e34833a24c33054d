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
// the same related pages, in the same order, as scoring with a map (the
// straightforward way, relatedByMap, which the index replaced), with
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
				want, got := relatedByMap(p, n, rules), x.related(p, n, rules)
				if !slices.Equal(got, want) {
					t.Fatalf("%s, n=%d, %v: index gives %v, map %v", p.URL, n, rules.Weights, urls(got), urls(want))
				}
			}
		}
	}
	// A page made by hand (not in the index) that shares p's terms is
	// scored like any other, p among its candidates.
	for _, p := range tree.All[:50] {
		hand := *p
		hand.URL = "/made-by-hand/"
		if want, got := relatedByMap(&hand, 6, config.Related{}), x.related(&hand, 6, config.Related{}); !slices.Equal(got, want) {
			t.Fatalf("a copy of %s made by hand: index gives %v, map %v", p.URL, urls(got), urls(want))
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

// relatedByMap ranks pages by the terms they share with p, each counting its
// taxonomy's weight in the site's config (on the bundled site a shared app
// counts double: it is the strongest signal), then by URL. Terms shared by
// very many pages say little and would make this quadratic on big sites,
// so they only count when nothing narrower relates.
func relatedByMap(p *content.Page, n int, rules config.Related) []*content.Page {
	score := make(map[*content.Page]int, 64) // room to start with, so it grows fewer times
	add := func(onlyBroad bool) {
		for _, tt := range p.TermPages { // in the taxonomies' order
			w := rules.Weight(tt.Taxonomy)
			if w == 0 {
				continue
			}
			for _, tm := range tt.Pages {
				if (len(tm.Pages) > broad) != onlyBroad {
					continue
				}
				for i, q := range tm.Pages {
					if onlyBroad && i >= broad {
						break
					}
					if q != p {
						score[q] += w
					}
				}
			}
		}
	}
	add(false)
	if len(score) < n {
		add(true)
	}
	return bestByMap(score, n)
}

// scored is a candidate of related with its score.
type scored struct {
	p     *content.Page
	score int
}

// bestByMap keeps the n best-scored pages in order, ties by URL, as the
// candidates stream past: n is small and the candidates many, so this
// beats sorting them all; the scores are read from the map once.
func bestByMap(score map[*content.Page]int, n int) []*content.Page {
	if n <= 0 {
		return nil
	}
	better := func(a, b scored) bool {
		if a.score != b.score {
			return a.score > b.score
		}
		return a.p.URL < b.p.URL
	}
	top := make([]scored, 0, n+1)
	for q, sc := range score {
		c := scored{q, sc}
		if len(top) == n && !better(c, top[n-1]) {
			continue
		}
		i := len(top)
		for i > 0 && better(c, top[i-1]) {
			i--
		}
		top = slices.Insert(top, i, c)
		if len(top) > n {
			top = top[:n]
		}
	}
	out := make([]*content.Page, len(top))
	for i, c := range top {
		out[i] = c.p
	}
	return out
}
