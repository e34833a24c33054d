package htmltoken

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// delegatedPieces are tokens that x/net reads for the Tokenizer, some
// with a ">" before their end (where pageReader's pieces end early) or
// longer than x/net's 4 KB buffer.
var delegatedPieces = []string{
	"<!-- c -->", "<!---->", "<!-->", "<!-- a > b -->", "<!-- --!>", "<!--x--!>y-->", "<![CDATA[x]]>", "<![CDATA[a>b]]>",
	"<?pi?>", "<?x>", "<?a>b?>", "</>", "</ x>", "</3>", "<!x>", "<!doctype x>", "<!DOCTYPE html PUBLIC 'a>b'>",
	"<svg>", "</svg>", "<math>", "<xml>", "<a t='&notit;'>", "<a t='x>y&copy;'>", "<a/b>", "<a =b>", "</a x='>'>",
	"<noscript><p>n</noscript>", "<noembed>x</noembed>", "<script>/*</script5>*/</script>", "<script><!--x</script>",
	"<title>a</title5>b</title>", "<iframe>a", "<!-- " + strings.Repeat("a>", 3000) + " -->",
	"<!-- " + strings.Repeat("long ", 1000) + "-->",
}

// ordinaryPieces are what the lexer reads, raw text elements among them.
var ordinaryPieces = []string{
	"", "text", "\n", "a > b", ">", "<p>", "</p>", "<a href=/x>", "</a>", "<br/>", "&amp;", "&lt;b&gt;", "<h2 id=a>",
	"<script>s</script>", "<script>a<b</script>", "<style>p>a{}</style>", "<textarea>t&amp;</textarea>",
	"<title>t&amp;</title>", "<xmp>x</xmp>", "<iframe>x</iframe>", "<script>", "<title>", "<style>", "<textarea>",
	"</script>", "</title>", "<!doctype html>", strings.Repeat("word > ", 1000),
}

// DelegatedRuns are pages with runs of tokens x/net reads for the
// Tokenizer, one after another or between text, tags and raw text
// elements, and last; then random strings of such tokens and ordinary
// markup.
func DelegatedRuns() [][]byte {
	rep := func(s string, n int) []byte { return []byte(strings.Repeat(s, n)) }
	pages := [][]byte{
		rep("<!-- c -->", 2000), rep("<!-- c -->text ", 500), rep("<!-- c -->\n", 500), rep("<!-- a > b -->x", 300),
		[]byte("<svg>" + strings.Repeat("<![CDATA[x]]>", 500) + "</svg>"),
		[]byte("<svg>" + strings.Repeat("<![CDATA[a>b]]>text", 200) + "</svg><p>x</p>"),
		rep("<?pi?>", 500), rep("<?x>y", 500), rep("</ x><!x>", 300),
		rep("<p>a<!-- c --></p><![CDATA[x]]><a href=/x>y</a><svg><?p?></svg>", 300),
		[]byte("<p>x</p><!-- end -->"), []byte("<p>x</p><!-- unclosed"), []byte("<p><?end"), []byte("x<![CDATA["),
		[]byte("<!-- c --><svg"), []byte("<!-- c --><!-- d -->"), []byte("a<!-- c -->b"),
	}
	for _, raw := range []string{"script", "style", "textarea", "title", "xmp", "iframe"} {
		open, end := "<"+raw+">", "</"+raw+">"
		for _, c := range []string{"<!-- c -->", "<?p>", "<svg>", "<!-- a > b -->"} {
			pages = append(pages,
				[]byte(c+open+"a<b"+end+c), []byte(c+open), []byte(c+open+"x"), []byte(open+"x"+end+c+c+"y"),
				[]byte(c+open+c+end+c), []byte(c+c+open+"a"+end+"<p>"+c), []byte(c+"t"+open+end+"t"+c))
		}
	}
	rnd := rand.New(rand.NewPCG(11, 5))
	for range 4000 {
		var b []byte
		for range 1 + rnd.IntN(30) {
			if rnd.IntN(2) == 0 {
				b = append(b, delegatedPieces[rnd.IntN(len(delegatedPieces))]...)
			} else {
				b = append(b, ordinaryPieces[rnd.IntN(len(ordinaryPieces))]...)
			}
		}
		pages = append(pages, b)
	}
	return pages
}

// TestTapeAnswersAsTokenizerOnDelegatedRuns: tapes of pages with runs of
// tokens x/net reads, recorded one after another (a tape's tokenizer, and
// its x/net tokenizer, serve the next page).
func TestTapeAnswersAsTokenizerOnDelegatedRuns(t *testing.T) {
	for _, b := range DelegatedRuns() {
		sameAnswers(t, b)
	}
}
