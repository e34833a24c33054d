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
type marks struct {
	headings map[string][]markdown.Heading // by id
	all      []markdown.Heading            // in order, for headings without an id
	taken    map[int]bool                  // Line of each heading placed
	links    map[string][]markdown.Link    // by address and text
	byDest   map[string][]markdown.Link    // by address
	places   map[string][]markdown.IDPlace // by id
	images   map[string][]markdown.Image   // by src as published
}

func newMarks(res *markdown.Result) *marks {
	m := &marks{headings: map[string][]markdown.Heading{}, links: map[string][]markdown.Link{},
		byDest: map[string][]markdown.Link{}, places: map[string][]markdown.IDPlace{}, taken: map[int]bool{},
		images: map[string][]markdown.Image{}}
	if res == nil {
		return m
	}
	m.all = res.Headings
	for _, h := range res.Headings {
		m.headings[h.ID] = append(m.headings[h.ID], h)
	}
	for _, l := range res.Links {
		k := linkKey(l.Dest, l.Text)
		m.links[k] = append(m.links[k], l)
		m.byDest[l.Dest] = append(m.byDest[l.Dest], l)
	}
	for _, p := range res.Places {
		m.places[p.ID] = append(m.places[p.ID], p)
	}
	for _, im := range res.Images {
		m.images[im.Src] = append(m.images[im.Src], im)
	}
	return m
}

func linkKey(dest, text string) string {
	return dest + "\x00" + strings.Join(strings.Fields(text), " ")
}

// heading takes the next heading of the body with this id and level, or
// (when the HTML heading has no id) with this level and text.
func (m *marks) heading(id string, level int, text string) (line, col int, ok bool) {
	hs := m.headings[id]
	for i, h := range hs {
		if h.Level == level && !m.taken[h.Line] {
			m.headings[id] = append(hs[:i:i], hs[i+1:]...)
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
	k := linkKey(href, text)
	if ls := m.links[k]; len(ls) > 0 {
		m.links[k] = ls[1:]
		return ls[0].Line, ls[0].Col
	}
	return 0, 0
}

// place is where the body last gives an element this id (the one to
// change when it repeats an id), or 0.
func (m *marks) place(id string) (line, col int) {
	if ps := m.places[id]; len(ps) > 0 {
		return ps[len(ps)-1].Line, ps[len(ps)-1].Col
	}
	return 0, 0
}

// linksTo is every place the body links to dest.
func (m *marks) linksTo(dest string) [][2]int {
	var out [][2]int
	for _, l := range m.byDest[dest] {
		out = append(out, [2]int{l.Line, l.Col})
	}
	return out
}

// image takes the next image of the body published with this src.
func (m *marks) image(src string) (line, col int) {
	if ims := m.images[src]; len(ims) > 0 {
		m.images[src] = ims[1:]
		return ims[0].Line, ims[0].Col
	}
	return 0, 0
}
