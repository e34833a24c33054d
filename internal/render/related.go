package render

import (
	"slices"
	"sort"
	"sync"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
)

// relatedIndex is what related reads of the whole site, made once per
// build: the pages in URL order, and each term page's pages as positions
// in that order. Scoring a page's candidates then adds into a slice
// instead of a map, and ties compare positions instead of URLs (in a
// 10,000-page build the map and the URL comparisons were 0.45 s).
type relatedIndex struct {
	byURL   []*content.Page
	pos     map[*content.Page]int32
	members map[*content.Page][]int32 // a term page's Pages, as positions
	scores  sync.Pool                 // *scoring, one per worker at a time
}

// scoring is one related call's scratch space, by position.
type scoring struct {
	score   []int
	seen    []bool
	touched []int32 // the positions scored, to rank and then clear
}

// newRelatedIndex indexes the pages and the term pages they are in.
func newRelatedIndex(all []*content.Page) *relatedIndex {
	x := &relatedIndex{pos: map[*content.Page]int32{}, members: map[*content.Page][]int32{}}
	note := func(p *content.Page) {
		if _, ok := x.pos[p]; !ok {
			x.pos[p] = 0
			x.byURL = append(x.byURL, p)
		}
	}
	for _, p := range all {
		note(p)
	}
	// A page found in a term's list but not in all is indexed too, and
	// so are its own terms: byURL grows while it is walked.
	var terms []*content.Page
	for i := 0; i < len(x.byURL); i++ {
		for _, tms := range x.byURL[i].TermPages {
			for _, tm := range tms.Pages {
				if _, ok := x.members[tm]; !ok {
					x.members[tm] = nil
					terms = append(terms, tm)
					for _, q := range tm.Pages {
						note(q)
					}
				}
			}
		}
	}
	sort.SliceStable(x.byURL, func(i, j int) bool { return x.byURL[i].URL < x.byURL[j].URL })
	for i, p := range x.byURL {
		x.pos[p] = int32(i)
	}
	for _, tm := range terms {
		ms := make([]int32, len(tm.Pages))
		for i, q := range tm.Pages {
			ms[i] = x.pos[q]
		}
		x.members[tm] = ms
	}
	n := len(x.byURL)
	x.scores.New = func() any { return &scoring{score: make([]int, n), seen: make([]bool, n)} }
	return x
}

// broad is the number of pages past which a term is broad.
const broad = 100

// related ranks pages by the terms they share with p, each counting its
// taxonomy's weight in the site's config (on the bundled site a shared app
// counts double: it is the strongest signal), then by URL. Terms shared by
// very many pages say little and would make this quadratic on big sites,
// so they only count when nothing narrower relates. A page the index does
// not hold (one made by hand, such as the 404 page) is scored the same way
// against the pages it does.
func (x *relatedIndex) related(p *content.Page, n int, rules config.Related) []*content.Page {
	if n <= 0 {
		return nil
	}
	self, ok := x.pos[p]
	if !ok {
		self = -1
	}
	sc := x.scores.Get().(*scoring)
	defer func() {
		for _, q := range sc.touched {
			sc.score[q], sc.seen[q] = 0, false
		}
		sc.touched = sc.touched[:0]
		x.scores.Put(sc)
	}()
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
				for i, q := range x.positions(tm) {
					if onlyBroad && i >= broad {
						break
					}
					if q != self {
						sc.add(q, w)
					}
				}
			}
		}
	}
	add(false)
	if len(sc.touched) < n {
		add(true)
	}
	top := sc.best(n)
	out := make([]*content.Page, len(top))
	for i, q := range top {
		out[i] = x.byURL[q]
	}
	return out
}

// positions is a term page's pages as positions; a term page no indexed
// page is in (only a page made by hand can name one) is looked up page by
// page, leaving out pages the index does not hold.
func (x *relatedIndex) positions(tm *content.Page) []int32 {
	if ms, ok := x.members[tm]; ok {
		return ms
	}
	var ms []int32
	for _, q := range tm.Pages {
		if i, ok := x.pos[q]; ok {
			ms = append(ms, i)
		}
	}
	return ms
}

func (sc *scoring) add(q int32, w int) {
	if !sc.seen[q] {
		sc.seen[q] = true
		sc.touched = append(sc.touched, q)
	}
	sc.score[q] += w
}

// best keeps the n best-scored positions in order, ties by position (URL
// order), as the candidates stream past: n is small and the candidates
// many, so this beats sorting them all.
func (sc *scoring) best(n int) []int32 {
	better := func(a, b int32) bool {
		if sc.score[a] != sc.score[b] {
			return sc.score[a] > sc.score[b]
		}
		return a < b
	}
	top := make([]int32, 0, n+1)
	for _, q := range sc.touched {
		if len(top) == n && !better(q, top[n-1]) {
			continue
		}
		i := len(top)
		for i > 0 && better(q, top[i-1]) {
			i--
		}
		top = slices.Insert(top, i, q)
		if len(top) > n {
			top = top[:n]
		}
	}
	return top
}
