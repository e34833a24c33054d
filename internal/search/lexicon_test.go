package search

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// TestLexiconShared: words looked up from many goroutines at once, new and
// seen, get the id of their term every time, across the moves of new
// words into the read map; words of one stem share an id, and stop words
// have none.
func TestLexiconShared(t *testing.T) {
	var words []string
	for i := range 3000 {
		words = append(words, fmt.Sprintf("talking%d", i%1000), []string{"parents", "settings", "reporting", "children", "the"}[i%5])
	}
	lex := (&Lexicon{}).of(For("en"))
	var wg sync.WaitGroup
	got := make([][]int32, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := range words {
				got[g] = append(got[g], lex.id([]byte(words[(i*7+g*131)%len(words)])))
			}
		})
	}
	wg.Wait()
	terms := lex.snapshot()
	for g := range 8 {
		for i, id := range got[g] {
			w := words[(i*7+g*131)%len(words)]
			want := For("en").term(w)
			if (want == "") != (id == noTerm) || (id != noTerm && terms[id] != want) {
				t.Fatalf("id(%q) = %d, want the id of %q", w, id, want)
			}
		}
	}
	if len(terms) != 1004 || lex.size != 1005 {
		t.Errorf("%d terms of %d words, want 1004 of 1005", len(terms), lex.size)
	}
	if a, b := lex.id([]byte("reporting")), lex.id([]byte("reported")); a != b {
		t.Errorf("reporting and reported: ids %d and %d, want one term", a, b)
	}
	// Words of up to eight bytes are keyed by number: a shorter word is
	// not a longer one with zero bytes.
	if a, b := lex.id([]byte("ab")), lex.id([]byte("ab\x00")); a == b {
		t.Errorf("ab and ab\\0 share id %d", a)
	}
}

// BenchmarkLexiconShared looks up words already seen from every CPU at
// once, as a build's render workers do.
func BenchmarkLexiconShared(b *testing.B) {
	words := Words("parents children settings reporting privacy location friends gaming screens talking online safety accounts blocking messages strangers pictures")
	lex := (&Lexicon{}).of(For("en"))
	for _, w := range words {
		lex.id([]byte(w))
	}
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			lex.id([]byte(words[i%len(words)]))
			i++
		}
	})
}

// TestHitRoundTrip: a hit reads back as it was written, at the edges of
// its fields.
func TestHitRoundTrip(t *testing.T) {
	in := []idHit{{0, 1, false, 0}, {1, maxScore, true, 0}, {2, 5, false, 1}, {300, 17, true, 63}, {300000, maxScore, true, 65535}}
	var b []byte
	prev := int32(0)
	for _, h := range in {
		b, prev = appendHit(b, h, prev), h.id
	}
	prev = 0
	for _, want := range in {
		var got idHit
		got, b = readHit(b, prev)
		if got != want {
			t.Errorf("read %+v, want %+v", got, want)
		}
		prev = got.id
	}
	if len(b) != 0 {
		t.Errorf("%d bytes left over", len(b))
	}
}

// TestSharedLexicon: pages analysed with one build's Lexicon, from several
// goroutines and in any order, have the hits and make the index they have
// when each page numbers its own terms, and a page's hits do not depend
// on the pages analysed before it by the same worker.
func TestSharedLexicon(t *testing.T) {
	var pages []Page
	for i := range 40 {
		pages = append(pages, Page{URL: fmt.Sprintf("/p%02d/", i), Title: fmt.Sprintf("Page %d about settings", i%7),
			Description: "Reporting photos", Terms: []string{"Snapchat", fmt.Sprintf("Topic %d", i%5)},
			HTML: fmt.Appendf(nil, `<p>Words %d and more words, talking %d.</p><h2 id="a">Blocking</h2><p>Block them %d times.</p>`, i, i%3, i%11)})
	}
	own := make([]*Doc, len(pages))
	for i, p := range pages {
		own[i] = Analyse(p)
	}
	lex := &Lexicon{}
	shared := make([]*Doc, len(pages))
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := len(pages) - 1 - g; i >= 0; i -= 4 {
				p := pages[i]
				p.Lexicon = lex
				shared[i] = Analyse(p)
			}
		})
	}
	wg.Wait()
	for i := range pages {
		if a, b := own[i].Hits(), shared[i].Hits(); !reflect.DeepEqual(a, b) {
			t.Fatalf("%s: hits %v with a shared lexicon, %v alone", pages[i].URL, b, a)
		}
		if n, max := len(shared[i].hits), 4*len(shared[i].Hits()); n > max {
			t.Errorf("%s: %d bytes of hits for %d terms", pages[i].URL, n, max/4)
		}
	}
	if !reflect.DeepEqual(Write("en", own), Write("en", shared)) {
		t.Error("the index depends on how terms were numbered")
	}
}

// TestHeadingsKeptAsOneString: a heading's text has its spaces collapsed as
// strings.Fields and Join would (Unicode spaces, invalid UTF-8), and long
// texts and ids read back whole.
func TestHeadingsKeptAsOneString(t *testing.T) {
	texts := []string{"  Turn off\n\tSnap Map ", "a\u00a0b\u2003 c\u0085", "\xff bad \xe2\x80", "", strings.Repeat("long words ", 40)}
	var b []byte
	var want []Heading
	for i, text := range texts {
		if got, w := string(collapseSpaces(nil, []byte(text))), strings.Join(strings.Fields(text), " "); got != w {
			t.Errorf("collapseSpaces(%q) = %q, want %q", text, got, w)
		}
		id := strings.Repeat("id", i*50+1)
		b = appendHeading(b, collapseSpaces(nil, []byte(text)), []byte(id))
		want = append(want, Heading{strings.Join(strings.Fields(text), " "), id})
	}
	if got := (&Doc{headings: string(b)}).Headings(); !reflect.DeepEqual(got, want) {
		t.Errorf("headings read back as %q, want %q", got, want)
	}
}

// TestIDCacheDifferential: a render worker's cache of ids gives what the
// lexicon gives, for random and hostile words (empty, zero bytes, non-ASCII,
// right-to-left, emoji, longer than a short key, words that share a slot),
// and keeps each lexicon's ids apart.
func TestIDCacheDifferential(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "e", "s", "t", "ing", "\x00", "é", "ß", "ا", "ש", "😀", "İ", "\u200d", "the", "and"}
	var words [][]byte
	for range 30000 {
		var b []byte
		for n := rng.IntN(6); n > 0; n-- {
			b = append(b, alphabet[rng.IntN(len(alphabet))]...)
		}
		words = append(words, b)
	}
	words = append(words, nil, []byte{}, []byte(strings.Repeat("a", 9)), []byte(strings.Repeat("x", 100000)))
	var w weigher
	// Two lexicons read in turn, as a build's languages are, and then
	// more lexicons than a worker keeps caches for, each new one giving
	// the same words other ids.
	langs := []string{"en", "fr", "en", "fr", "en"}
	for range maxIDCaches + 2 {
		langs = append(langs, "en")
	}
	lexes := map[int]*lexicon{}
	for round, lang := range langs {
		k := round
		if round < 5 {
			k = round % 2
		}
		if lexes[k] == nil {
			lexes[k] = (&Lexicon{}).of(For(lang))
		}
		lex := lexes[k]
		w.start(lex)
		for i := range words {
			b := words[(i*(round+3)+round)%len(words)] // another order each round, so other ids
			got := w.ids1.id(lex, b)
			if want := lex.id(b); got != want {
				t.Fatalf("round %d: cached id(%q) = %d, the lexicon's is %d", round, b, got, want)
			}
			if term := lex.a.term(string(b)); (term == "") != (got == noTerm) || (got != noTerm && lex.snapshot()[got] != term) {
				t.Fatalf("round %d: cached id(%q) = %d, not the id of %q", round, b, got, term)
			}
		}
	}
	if len(w.caches) > maxIDCaches {
		t.Errorf("a worker keeps %d caches, at most %d", len(w.caches), maxIDCaches)
	}
}
