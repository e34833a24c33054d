package search

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
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

// TestTagNameFromRaw: tagName reads from a token's raw text the name
// Tokenizer.TagName gives, for start and end tags of any case and shape.
func TestTagNameFromRaw(t *testing.T) {
	src := `<P>a</P><H2 id=x>b</h2 ><br/><IMG
src=a><a href="/x" class='y'>c</a ><div	class="block"><span/>d</DIV><x-y:z>e</x-y:z><p/>`
	z := html.NewTokenizer(strings.NewReader(src))
	var w textWalker
	n := 0
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken && tt != html.EndTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		got := string(w.tagName(z.Raw()))
		want, _ := z.TagName()
		if got != string(want) {
			t.Errorf("%q: name %q, want %q", z.Raw(), got, want)
		}
		n++
	}
	if n != 14 {
		t.Errorf("%d tags, want 14", n)
	}
}
