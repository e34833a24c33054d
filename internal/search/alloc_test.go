package search

import (
	"slices"
	"strings"
	"testing"
)

// TestWordSplitterReusesItsBuffer splits text once per table cell of a
// huge page: it must not allocate per call (a buffer per call escaped to
// the heap, 600 MB of garbage for a 20,000 × 200 table), and must split
// as Words does, long runs and letters beyond ASCII included.
func TestWordSplitterReusesItsBuffer(t *testing.T) {
	for _, text := range []string{
		"a",
		"Child's phone: Café ÉCOLE naïve 12 months",
		"it’s " + strings.Repeat("x", maxTermLen+3) + " ok " + strings.Repeat("é", maxTermLen),
		// normalised and folded: decomposed letters, presentation forms
		"cafe\u0301 ﬁle ŹRÓDŁO بَچّے كي ﻻ \u0a59ਤਰੇ ੯੯੯",
	} {
		s := wordSplitter{a: For("ur")}
		var got []string
		s.each(text, func(w []byte) { got = append(got, string(w)) })
		if want := For("ur").Words(text); !slices.Equal(got, want) {
			t.Errorf("%q: split %q, Words gives %q", text, got, want)
		}
		n := 0
		allocs := testing.AllocsPerRun(100, func() { s.each(text, func(w []byte) { n += len(w) }) })
		if allocs != 0 {
			t.Errorf("%q: %v allocations per call, want 0", text, allocs)
		}
	}
}
