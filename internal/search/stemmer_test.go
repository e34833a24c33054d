package search

import (
	"fmt"
	"sync"
	"testing"
)

// TestStemmerShared: words stemmed from many goroutines at once, new and
// seen, get Stem's answer every time, across the moves of new words into
// the read map.
func TestStemmerShared(t *testing.T) {
	var words []string
	for i := range 3000 {
		words = append(words, fmt.Sprintf("talking%d", i%1000), []string{"parents", "settings", "reporting", "children"}[i%4])
	}
	st := &Stemmer{}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range words {
				w := words[(i*7+g*131)%len(words)]
				if got, want := st.Stem(w), Stem(w); got != want {
					t.Errorf("Stem(%q) = %q, want %q", w, got, want)
					return
				}
			}
		})
	}
	wg.Wait()
	if st.size != 1004 {
		t.Errorf("%d words remembered, want 1004", st.size)
	}
}

// BenchmarkStemmerShared looks up words already seen from every CPU at
// once, as a build's render workers do.
func BenchmarkStemmerShared(b *testing.B) {
	words := Words("parents children settings reporting privacy location friends gaming screens talking online safety accounts blocking messages strangers pictures")
	st := &Stemmer{}
	for _, w := range words {
		st.Stem(w)
	}
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			st.Stem(words[i%len(words)])
			i++
		}
	})
}
