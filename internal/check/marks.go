package check

import (
	"strings"

	"github.com/signpost/signpost/internal/markdown"
)

// marks places problems found in a page's HTML back on the markdown that
// made them, from the positions the converter took from goldmark's syntax
// tree: a heading by its id, a link by its address and text, an id by
// where the body gives it. Each is taken once, in order, so a second
// "#### Details" is placed at its own line, not at an earlier "## Details".
// What no mark matches came from the layout.
//
// Each index is made from the converter's lists when first asked: most
// pages ask for a few (their headings, images and links to other sites)
// and making all six for every page was 4% of what checking allocated.
type marks struct {
	res      *markdown.Result
	headings map[string][]markdown.Heading // by id
	all      []markdown.Heading            // in order, for headings without an id
	taken    map[int]bool                  // Line of each heading placed
	links    map[string][]markdown.Link    // by address and text
	byDest   map[string][]markdown.Link    // by address
	places   map[string][]markdown.IDPlace // by id
	images   map[string][]markdown.Image   // by src as published
}

func newMarks(res *markdown.Result) *marks {
	m := &marks{res: res, taken: map[int]bool{}}
	if res != nil {
		m.all = res.Headings
	}
	return m
}

// index makes *m, when nil, from the items of the converter's list that
// list picks, keyed by key.
func index[T any](m *map[string][]T, res *markdown.Result, list func(*markdown.Result) []T, key func(T) string) map[string][]T {
	if *m == nil {
		*m = map[string][]T{}
		if res != nil {
			for _, x := range list(res) {
				k := key(x)
				(*m)[k] = append((*m)[k], x)
			}
		}
	}
	return *m
}

func (m *marks) headingsByID() map[string][]markdown.Heading {
	return index(&m.headings, m.res, func(r *markdown.Result) []markdown.Heading { return r.Headings },
		func(h markdown.Heading) string { return h.ID })
}

func (m *marks) linksByKey() map[string][]markdown.Link {
	return index(&m.links, m.res, func(r *markdown.Result) []markdown.Link { return r.Links },
		func(l markdown.Link) string { return linkKey(l.Dest, l.Text) })
}

func (m *marks) linksByDest() map[string][]markdown.Link {
	return index(&m.byDest, m.res, func(r *markdown.Result) []markdown.Link { return r.Links },
		func(l markdown.Link) string { return l.Dest })
}

func (m *marks) placesByID() map[string][]markdown.IDPlace {
	return index(&m.places, m.res, func(r *markdown.Result) []markdown.IDPlace { return r.Places },
		func(p markdown.IDPlace) string { return p.ID })
}

func (m *marks) imagesBySrc() map[string][]markdown.Image {
	return index(&m.images, m.res, func(r *markdown.Result) []markdown.Image { return r.Images },
		func(im markdown.Image) string { return im.Src })
}

func linkKey(dest, text string) string {
	return dest + "\x00" + strings.Join(strings.Fields(text), " ")
}

// heading takes the next heading of the body with this id and level, or
// (when the HTML heading has no id) with this level and text.
func (m *marks) heading(id string, level int, text string) (line, col int, ok bool) {
	byID := m.headingsByID()
	hs := byID[id]
	for i, h := range hs {
		if h.Level == level && !m.taken[h.Line] {
			byID[id] = append(hs[:i:i], hs[i+1:]...)
			m.taken[h.Line] = true
			return h.Line, h.Col, true
		}
	}
	if id != "" {
		return 0, 0, false
	}
	for _, h := range m.all {
		if h.Level == level && h.Text == text && !m.taken[h.Line] {
			m.taken[h.Line] = true
			return h.Line, h.Col, true
		}
	}
	return 0, 0, false
}

// link takes the next link of the body with this address and text.
func (m *marks) link(href, text string) (line, col int) {
	links, k := m.linksByKey(), linkKey(href, text)
	if ls := links[k]; len(ls) > 0 {
		links[k] = ls[1:]
		return ls[0].Line, ls[0].Col
	}
	return 0, 0
}

// place is where the body last gives an element this id (the one to
// change when it repeats an id), or 0.
func (m *marks) place(id string) (line, col int) {
	if ps := m.placesByID()[id]; len(ps) > 0 {
		return ps[len(ps)-1].Line, ps[len(ps)-1].Col
	}
	return 0, 0
}

// linksTo is every place the body links to dest.
func (m *marks) linksTo(dest string) [][2]int {
	var out [][2]int
	for _, l := range m.linksByDest()[dest] {
		out = append(out, [2]int{l.Line, l.Col})
	}
	return out
}

// image takes the next image of the body published with this src.
func (m *marks) image(src string) (line, col int) {
	images := m.imagesBySrc()
	if ims := images[src]; len(ims) > 0 {
		images[src] = ims[1:]
		return ims[0].Line, ims[0].Col
	}
	return 0, 0
}
