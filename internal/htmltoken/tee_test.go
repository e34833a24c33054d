package htmltoken

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"golang.org/x/net/html"

	"github.com/signpost/signpost/internal/htmltest"
)

// teeAlike reads page through a Tee recording body, which page holds, and
// fails unless the Tee answers as a live tokenizer of the page does and
// its tape, when it has one, as a live tokenizer of the body does. It
// reports whether there was a tape.
func teeAlike(t *testing.T, page, body []byte) bool {
	t.Helper()
	tee := NewTee(page, body)
	answerAlike(t, page, html.NewTokenizer(bytes.NewReader(page)), tee)
	tape := tee.Tape()
	if tape == nil {
		return false
	}
	defer tape.Release()
	answerAlike(t, body, html.NewTokenizer(bytes.NewReader(body)), tape.Replay())
	return true
}

// TestTeeRecordsTheBodyAsRecord: a body's tokens taken from the page that
// holds it are the body's own, in layouts as the bundled site's (the body
// between "<div class=content>\n" and "\n</div>") and in random pages
// around random bodies, where tokens run across the body's edges: into it,
// out of it, as text or as raw text, tags, comments; real bodies (the
// markdown fixtures') in random pages; and the page is read as before.
func TestTeeRecordsTheBodyAsRecord(t *testing.T) {
	bodies := [][]byte{[]byte("<h2 id=a>A</h2>\n<p>One &amp; two.</p>\n"), []byte("<p>x</p>\n<script>a</b</script>\n"),
		[]byte("<p>ends in text"), []byte("<p>a</p>\r"), []byte("<p>a &amp</p>\n&am"), []byte("text <"), []byte("<title>t</title>")}
	for _, body := range bodies {
		page := []byte("<html><body><div class=\"content\">\n" + string(body) + "\n</div><footer>f</footer>")
		if !teeAlike(t, page, body) {
			t.Errorf("no tape of %q in %q", body, page)
		}
	}
	for _, c := range []struct{ before, body, after string }{
		{"<p title=\"", "<p>x</p>", "\">"},         // in an attribute's value
		{"<script>", "<p>x</p>", "</script>"},      // in raw text
		{"<!-- ", "<p>x</p>", " -->"},              // in a comment
		{"<p>", "<p>x</p><a href=\"", "y\">z</a>"}, // a tag runs out of it
		{"<p>", "<p>x</p><", "b>y</b>"},            // what ends it starts a tag
		{"<p>", "<p>x</p><!--", "-->"},             // a comment runs out of it
		{"<p>", "<p>x</p><script>a", "</script>"},  // raw text runs out of it
		{"", "<p>x</p>", ""},                       // the page ends with it
		{"<p>a", "<p>x</p>", ""},                   // text runs into it
		{"0\x00", "<A>0", "<A"},                    // x/net reads it all (a NUL); it ends in a tag
		{"<!--c--><svg>", "</>x<?y>", "<math>"},    // what x/net reads, around it and in it
	} {
		page := []byte(c.before + c.body + c.after)
		teeAlike(t, page, []byte(c.body))
	}
	rnd := rand.New(rand.NewPCG(18, 7))
	taped := 0
	const n = 40000
	edges := []string{"", "\n", ">", "<div class=content>\n", "\n</div>", "</p>", "<", "&amp", "\r"}
	fixtures := htmltest.FixtureBodies(t)
	for i := range n {
		body, page := htmltest.Random(rnd), htmltest.Random(rnd)
		if i%2 == 1 { // a real body in a layout
			body, page = fixtures[rnd.IntN(len(fixtures))], []byte("<main><h1>T</h1>")
		}
		page = append(page, edges[rnd.IntN(len(edges))]...)
		page = append(page, body...)
		page = append(page, edges[rnd.IntN(len(edges))]...)
		page = append(page, htmltest.Random(rnd)...)
		if teeAlike(t, page, body) {
			taped++
		}
	}
	t.Logf("%d of %d random pages gave their body's tape", taped, n)
	if taped < n/5 {
		t.Errorf("%d of %d random pages gave their body's tape, want more to test", taped, n)
	}
}
