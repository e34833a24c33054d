package check

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"golang.org/x/net/html"

	"github.com/signpost/signpost/internal/htmltest"
	"github.com/signpost/signpost/internal/htmltoken"
)

// xnet is x/net's tokenizer of b: what the checks read pages with before
// htmltoken.Tokenizer, and what they are compared with.
func xnet(b []byte) *html.Tokenizer { return html.NewTokenizer(bytes.NewReader(b)) }

// TestProseFromTapeAsFromHTML: the prose reader finds the same blocks in
// a body's recorded tokens as in its HTML, on the rendered bodies of the
// markdown fixtures and on random HTML.
func TestProseFromTapeAsFromHTML(t *testing.T) {
	ins := htmltest.Inputs(t, rand.New(rand.NewPCG(18, 5)), 5000)
	for _, b := range ins {
		tape := htmltoken.Record(b)
		if got, want := proseOf(tape.Replay()), proseOf(xnet(b)); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: prose from the tape %q, from the HTML %q", b, got, want)
		}
		tape.Release()
	}
}

// TestScanWithBodyAsApart: scanning a page while taking its body's tokens
// finds what scanning it alone does, and the prose of the body's tokens
// is the body's, on the markdown fixtures written in a layout as the
// bundled site's, and on random bodies in random pages.
func TestScanWithBodyAsApart(t *testing.T) {
	type pair struct{ page, body []byte }
	var ins []pair
	for _, b := range htmltest.FixtureBodies(t) {
		ins = append(ins, pair{[]byte("<main><h1>T</h1><div class=\"content\">\n" + string(b) + "\n</div><a href=/x>x</a></main>"), b})
	}
	rnd := rand.New(rand.NewPCG(18, 8))
	for range 5000 {
		body := htmltest.Random(rnd)
		page := append(append(htmltest.Random(rnd), body...), htmltest.Random(rnd)...)
		ins = append(ins, pair{page, body})
	}
	for _, in := range ins {
		got, tape := scanWithBody(Input{HTML: in.page, Content: in.body})
		want := scanTokens(xnet(in.page))
		// (An empty list may be nil or not.)
		if g, w := fmt.Sprintf("%q %+v %+v %+v", got.ids, got.images, got.headings, got.links),
			fmt.Sprintf("%q %+v %+v %+v", want.ids, want.images, want.headings, want.links); g != w {
			t.Errorf("%q: scanned with its body %s, alone %s", in.page, g, w)
		}
		got.release()
		want.release()
		if len(in.body) == 0 {
			continue
		}
		if got, want := proseOf(tape.Replay()), proseOf(xnet(in.body)); !reflect.DeepEqual(got, want) {
			t.Errorf("%q in %q: prose of its tokens %q, of the body %q", in.body, in.page, got, want)
		}
		tape.Release()
	}
}

// TestScanKeepsDecodedValues: a tag's values with entities, which the
// tokenizer decodes into its buffer, are read as x/net's when the scan
// keeps more than one of them (readAttrs keeps them until the next
// token): decoding each over the last gave a link the image's address.
func TestScanKeepsDecodedValues(t *testing.T) {
	b := []byte(`<p><a href="/x?a=1&amp;b=2" aria-label="Tom&#39;s page" id="i&amp;d">t</a>` +
		`<img src="a&amp;b.png" alt="x&amp;y"></p>`)
	got, want := scanPage(b), scanTokens(xnet(b))
	g := fmt.Sprintf("%q %+v %+v", got.ids, got.images, got.links)
	if w := fmt.Sprintf("%q %+v %+v", want.ids, want.images, want.links); g != w {
		t.Errorf("scan %s, x/net's %s", g, w)
	}
}
