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

// hardPieces are shapes biased to the state x/net's tokenizer keeps
// between tokens (bytes read ahead, a raw text element open, the input's
// end), which decides whether the one kept for delegated tokens may be
// re-pointed: unfinished comments, "<?", "<!" and "</", ">" inside
// tokens, raw text elements written oddly, NUL and CR.
var hardPieces = []string{
	"<!--", "<!-- c", "<!-- c -->", "<!--->", "<!-->", "<!---", "<!--x--", "<!--x--!", "<!--x--!>", "-->", "--!>",
	"<?", "<?x", "<?x>", "<?a>b?>", "<!", "<!x", "<!x>", "<!>", "<!->", "<!-", "</", "</ ", "</3", "</3>", "</>", "</ x>",
	"<![CDATA[", "<![CDATA[x]]>", "<![CDATA[a>b]]>", "]]>", "<!doctype", "<!DOCTYPE x>", "<!doctype html", "<!DOCTYPE html PUBLIC 'a>b'>",
	"<svg>", "</svg>", "<svg", "<math>", "<xml>", "<a t='&notit;'>", "<a t='x>y&copy;'>", "<a/b>", "<a =b>", "</a x='>'>",
	"<script>", "</script>", "<script/>", "<SCRIPT>", "</script", "</script5>", "<style>", "</style>", "<textarea>", "</textarea>",
	"<title>", "</title>", "<xmp>", "</xmp>", "<iframe>", "</iframe>", "<noembed>", "</noembed>", "<noframes>", "</noframes>",
	"<noscript>", "</noscript>", "<plaintext>", "<noscript/>", "<title/>", "<title t='&notit;'>", "<script a='&notit;'>",
	"<textarea t=\"a>b\">", "<style x='>'>",
	"text", " ", "\n", ">", "<", "<p>", "</p>", "<a href=/x>", "</a>", "<br/>", "&amp;", "&notit;", "a<b", "<3", "x>y",
	"\x00", "\r", "\r\n",
	"<a b='", "<a b=\"x", "<a", "<a ", "</a", "</a ",
}

// hardPage is a random page of hardPieces, long comments and random HTML.
func hardPage(rnd *rand.Rand) []byte {
	var b []byte
	n := 1 + rnd.IntN(20)
	for range n {
		switch rnd.IntN(20) {
		case 0:
			b = append(b, "<!-- "+strings.Repeat("a>", rnd.IntN(3000))+" -->"...)
		case 1:
			b = append(b, "<!-- "+strings.Repeat("long ", rnd.IntN(2000))...)
		case 2:
			b = append(b, htmltest.Random(rnd)...)
		default:
			b = append(b, hardPieces[rnd.IntN(len(hardPieces))]...)
		}
	}
	if rnd.IntN(3) == 0 {
		b = bytes.ReplaceAll(bytes.ReplaceAll(b, []byte{0}, nil), []byte{'\r'}, nil)
	}
	return b
}

// sameAsXNet reads up to stop tokens of b with z (already reset on b) and
// x/net in step, and describes the first difference.
func sameAsXNet(b []byte, z *Tokenizer, stop int) error {
	x := html.NewTokenizer(bytes.NewReader(b))
	for i := 0; i < stop; i++ {
		tt := x.Next()
		ot := z.Next()
		if tt != ot {
			return fmt.Errorf("token %d: x/net %v, ours %v (x/net raw %q, ours %q)", i, tt, ot, x.Raw(), z.Raw())
		}
		if string(x.Raw()) != string(z.Raw()) {
			return fmt.Errorf("token %d (%v): x/net raw %q, ours %q", i, tt, x.Raw(), z.Raw())
		}
		if tt == html.ErrorToken {
			if z.Next() != html.ErrorToken || x.Next() != html.ErrorToken || string(z.Raw()) != string(x.Raw()) {
				return fmt.Errorf("after the end: x/net %q ours %q", x.Raw(), z.Raw())
			}
			return nil
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			n1, h1 := x.TagName()
			n2, h2 := z.TagName()
			if string(n1) != string(n2) || h1 != h2 {
				return fmt.Errorf("token %d name: x/net %q %v, ours %q %v", i, n1, h1, n2, h2)
			}
			for more := true; more; {
				k, v, m := x.TagAttr()
				k2, v2, m2 := z.TagAttr()
				if string(k) != string(k2) || string(v) != string(v2) || m != m2 {
					return fmt.Errorf("token %d attr: x/net %q=%q %v, ours %q=%q %v", i, k, v, m, k2, v2, m2)
				}
				more = m
			}
		default:
			if string(x.Text()) != string(z.Text()) {
				return fmt.Errorf("token %d (%v) text: x/net %q, ours %q", i, tt, x.Text(), z.Text())
			}
		}
	}
	return nil
}

// TestTokenizerResetAcrossPages: one Tokenizer reset from page to page
// (its x/net tokenizer kept when between tokens), some pages read to the
// end, some left after a random token, answers as a new x/net's on each.
func TestTokenizerResetAcrossPages(t *testing.T) {
	rnd := rand.New(rand.NewPCG(99, 1))
	var z Tokenizer
	n := 2500
	if testing.Short() {
		n = 1000
	}
	for i := range n {
		b := hardPage(rnd)
		stop := 1 << 30
		if rnd.IntN(3) == 0 {
			stop = rnd.IntN(12)
		}
		z.reset(b)
		if err := sameAsXNet(b, &z, stop); err != nil {
			t.Fatalf("page %d %q (stop %d): %v", i, b, stop, err)
		}
	}
}

// TestTapesInSequenceOnHardShapes: tapes recorded one after another (their
// pooled tokenizer, and its x/net tokenizer, serve the next), and Tees of
// pages holding such bodies, against x/net.
func TestTapesInSequenceOnHardShapes(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 55))
	n := 1200
	if testing.Short() {
		n = 500
	}
	for range n {
		sameAnswers(t, hardPage(rnd))
	}
	for range n / 2 {
		body := hardPage(rnd)
		page := append(append(append(hardPage(rnd), "<div>\n"...), body...), hardPage(rnd)...)
		teeAlike(t, page, body)
	}
}
