package htmltoken

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/signpost/signpost/internal/htmltest"
)

// attrsOf is what EachAttr gives for the current tag of z.
func attrsOf(z Tokens) string {
	var b strings.Builder
	EachAttr(z, func(k, v []byte) { fmt.Fprintf(&b, "%q=%q ", k, v) })
	return b.String()
}

// tagAttrsOf is what TagAttr gives for the current tag of z.
func tagAttrsOf(z *html.Tokenizer) string {
	var b strings.Builder
	for more := true; more; {
		k, v, m := z.TagAttr()
		if len(k) > 0 {
			fmt.Fprintf(&b, "%q=%q ", k, v)
		}
		more = m
	}
	return b.String()
}

// eachAttrAlike reads b with a live tokenizer asked TagAttr and, in step,
// with another live tokenizer and a tape of b asked EachAttr; and a page
// holding b likewise, with a tokenizer and a tee (whose tags in b come
// from its tape). It fails where a start tag's attributes differ or the
// bytes read were changed.
func eachAttrAlike(t *testing.T, b []byte) {
	t.Helper()
	was := string(b)
	tape := Record(b)
	defer tape.Release()
	inStep(t, b, html.NewTokenizer(bytes.NewReader(b)), html.NewTokenizer(bytes.NewReader(b)), tape.Replay())
	page := append(append([]byte("<p class=a>x"), b...), "</p>"...)
	tee := NewTee(page, b)
	inStep(t, page, html.NewTokenizer(bytes.NewReader(page)), tee)
	if tape := tee.Tape(); tape != nil {
		tape.Release()
	}
	if string(b) != was {
		t.Fatalf("reading attributes changed the HTML to %q", b)
	}
}

// inStep reads b's tokens with z and each of rs, and compares what
// EachAttr of each gives for a start tag with z's TagAttr.
func inStep(t *testing.T, b []byte, z *html.Tokenizer, rs ...Tokens) {
	t.Helper()
	for i := 0; ; i++ {
		tt := z.Next()
		for _, r := range rs {
			r.Next()
		}
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		want := tagAttrsOf(z)
		for _, r := range rs {
			if got := attrsOf(r); got != want {
				t.Fatalf("%q: token %d %q: EachAttr of %T gives %s, TagAttr %s", b, i, z.Raw(), r, got, want)
			}
		}
	}
}

// attrPieces are what randomAttrs makes tags of: names in any case and
// repeated, values quoted, unquoted and empty, "=" in odd places, "/",
// spaces of every kind, and the bytes TagAttr changes in values.
var attrPieces = []string{" ", "\t", "\n", "\f", "\r", "\r\n", "/", "=", " = ", "'", "\"", "id", "ID", "Id", "href", "HREF",
	"alt", "src", "class", "aria-hidden", "aria-label", "hidden", "x", "=x", "='a b'", "=\"c>d\"", "=e/", "=/f", "=>", "&amp;",
	"&copy", "\x00", "é", "data-v", "a", "b"}

// randomAttrs is a start tag of random attribute pieces, closed with ">"
// or "/>", with some text around it.
func randomAttrs(rnd *rand.Rand) []byte {
	b := []byte("a<" + []string{"a", "IMG", "h2", "x-y", "p"}[rnd.IntN(5)])
	if rnd.IntN(4) > 0 {
		b = append(b, ' ')
	}
	for range rnd.IntN(24) {
		b = append(b, attrPieces[rnd.IntN(len(attrPieces))]...)
	}
	return append(b, []string{">", "/>", " >", "'>\">"}[rnd.IntN(4)]...)
}

// TestEachAttrAsTagAttr: EachAttr gives the attributes TagAttr gives, from
// a live tokenizer, a tape and a tee, on the markdown fixtures' bodies, on
// random HTML and on random tags.
func TestEachAttrAsTagAttr(t *testing.T) {
	ins := htmltest.FixtureBodies(t)
	ins = append(ins, []byte(`<a href=x HREF=y Href="z" id=1 ID='2'><p =x a = b c= d=/> <img src=a alt/><x-y a=b/ c>`+
		`<p a b c d e f g h i j k l a=2 B=3><a href=/x>`))
	rnd := rand.New(rand.NewPCG(18, 30))
	for range 10000 {
		ins = append(ins, htmltest.Random(rnd), randomAttrs(rnd))
	}
	for _, b := range ins {
		eachAttrAlike(t, b)
	}
}
