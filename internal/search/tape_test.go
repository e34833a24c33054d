package search

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"golang.org/x/net/html"

	"github.com/signpost/signpost/internal/htmltest"
	"github.com/signpost/signpost/internal/htmltoken"
)

// TestWalkTextFromTapeAsFromHTML: walkText reads the same text, headings
// and ids from a body's recorded tokens as from its HTML, on the rendered
// bodies of the markdown fixtures and on random HTML; Analyse gives the
// same Doc either way.
func TestWalkTextFromTapeAsFromHTML(t *testing.T) {
	ins := htmltest.Inputs(t, rand.New(rand.NewPCG(18, 6)), 5000)
	walk := func(z htmltoken.Tokens) []string {
		var w weigher
		var got []string
		w.walkText(z, func(text []byte, heading bool, id []byte) {
			got = append(got, fmt.Sprintf("%s|%v|%s", text, heading, id))
		})
		return got
	}
	for _, b := range ins {
		tape := htmltoken.Record(b)
		if got, want := walk(tape.Replay()), walk(html.NewTokenizer(bytes.NewReader(b))); !slices.Equal(got, want) {
			t.Errorf("%q: text from the tape %q, from the HTML %q", b, got, want)
		}
		p := Page{URL: "/p/", Title: "T", HTML: b}
		want := Analyse(p)
		p.Tokens = tape
		if got := Analyse(p); !slices.Equal(got.Hits(), want.Hits()) || got.headings != want.headings {
			t.Errorf("%q: Analyse from the tape %+v, from the HTML %+v", b, got, want)
		}
		tape.Release()
	}
}
