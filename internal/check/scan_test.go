package check

import (
	"slices"
	"testing"
)

// TestScanPageClosesByName closes elements by their name, for known tags
// (named by their atom) and for custom elements alike: a link's name ends
// where its element closes, whatever elements it sits in.
func TestScanPageClosesByName(t *testing.T) {
	pg := scanPage([]byte(`<x-card id="c"><h2 id="h">Call <x-em>now</x-em></h2>` +
		`<a href="/a">one <X-Em>two</x-em></a></x-card> <a href="/b">three</a></span>` +
		`<a href="/c"><x-icon aria-hidden="true">★</x-icon> Help</a>` +
		`<table><tr><td id="d">cell</td></tr></table>`))
	if want := []string{"c", "h", "d"}; !slices.Equal(pg.ids, want) {
		t.Errorf("ids %q, want %q", pg.ids, want)
	}
	if len(pg.headings) != 1 || pg.headings[0].text != "Call now" || pg.headings[0].id != "h" {
		t.Errorf("headings %+v", pg.headings)
	}
	want := []link{{"/a", "one two"}, {"/b", "three"}, {"/c", "Help"}}
	if !slices.Equal(pg.links, want) {
		t.Errorf("links %+v, want %+v", pg.links, want)
	}
}
