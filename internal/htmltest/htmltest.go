// Package htmltest holds what tests of the packages that read rendered
// HTML (htmltoken, check, search) share: random HTML of the hard cases and
// the rendered bodies of the markdown fixtures. Only tests import it.
package htmltest

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"golang.org/x/tools/txtar"
)

// pieces are what Random strings together: tags of every kind and
// case, attributes quoted and not, entities, NUL bytes, line ends, raw
// text and RCDATA elements, comments, CDATA and stray markup.
var pieces = []string{
	"<p>", "</P>", "<a href=x>", "<A HREF='/y z'>", "</a>", "<img src=a alt='b'>", "<IMG SRC=\"c\">", "<br/>", "<br>",
	"<h2 id=h>", "<H3 ID=\"a&amp;b\" id=c>", "</h2>", "</h3 >", "<x-card>", "</X-Card>", "<a\x00b>", "</a\x00b>",
	"<script>", "</script>", "<textarea>", "</textarea>", "<title>", "</title>", "<style>", "</style>", "<noscript>",
	"<svg>", "</svg>", "<math>", "<iframe>", "<xmp>", "<plaintext>", "<pre><code>", "</code></pre>",
	"<SCRIPT>", "<Title x=1>", "<NOEMBED>", "<noframes/>", "<TextArea\n>", "<scripts>", "<xmpx>", "<style/>",
	"<p class=\"block-label\">", "<span aria-hidden=true>", "<div hidden>", "<a href=/z aria-label=\"L\">",
	"<!-- c -->", "<!--", "-->", "<![CDATA[x]]>", "<!doctype html>", "<?pi?>", "</>", "< p>", "<", "</", "<!", ">", "/>",
	"&amp;", "&lt;", "&nbsp;", "&copy2024", "&#0;", "&#x41;", "&", "\x00", "\r\n", "\r", "\n", " ", "\t",
	"a b", "word", "é", "’", "“q”", " id=", " class=", "\"", "'", "=", "x=1", "data-v=2", "&quot;",
}

// Random is a random string of pieces, for tests that compare readers of
// HTML on its hard cases.
func Random(rnd *rand.Rand) []byte {
	var b []byte
	for range rnd.IntN(40) {
		b = append(b, pieces[rnd.IntN(len(pieces))]...)
	}
	return b
}

// FixtureBodies are the rendered bodies (the .html files) of the markdown
// and block fixtures (internal/markdown/testdata, .../blocks/testdata):
// goldmark's HTML, as pages have it. It fails t when they cannot be read
// or are fewer than 40.
func FixtureBodies(t testing.TB) [][]byte {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	internal := filepath.Dir(filepath.Dir(file))
	var out [][]byte
	for _, dir := range []string{"markdown/testdata", "markdown/blocks/testdata"} {
		files, _ := filepath.Glob(filepath.Join(internal, dir, "*.txtar"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, tf := range txtar.Parse(b).Files {
				if filepath.Ext(tf.Name) == ".html" {
					out = append(out, tf.Data)
				}
			}
		}
	}
	if len(out) < 40 {
		t.Fatalf("%d rendered bodies in the fixtures, want more", len(out))
	}
	return out
}

// Inputs are the fixture bodies and n random strings from rnd: what the
// tests comparing a reader of recorded tokens with one of HTML read.
func Inputs(t testing.TB, rnd *rand.Rand, n int) [][]byte {
	t.Helper()
	ins := FixtureBodies(t)
	for range n {
		ins = append(ins, Random(rnd))
	}
	return ins
}
