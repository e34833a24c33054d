package htmltoken

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"

	"github.com/signpost/signpost/internal/htmltest"
)

// sameAnswers reads b with a live tokenizer and with a tape of it in step,
// and fails where they answer differently.
func sameAnswers(t *testing.T, b []byte) {
	t.Helper()
	was := string(b)
	tape := Record(b)
	defer tape.Release()
	answerAlike(t, b, html.NewTokenizer(bytes.NewReader(b)), tape.Replay())
	if string(b) != was {
		t.Fatalf("recording changed its input to %q", b)
	}
}

// answerAlike asks z, a live tokenizer of b, and r the same questions in
// step, the readers' (the type; a tag's raw text, name and every
// attribute; a text's text), and fails where they answer differently.
func answerAlike(t *testing.T, b []byte, z *html.Tokenizer, r Tokens) {
	t.Helper()
	for i := 0; ; i++ {
		tt, rt := z.Next(), r.Next()
		if tt != rt {
			t.Fatalf("%q: token %d is %v, the tape says %v", b, i, tt, rt)
		}
		switch tt {
		case html.ErrorToken:
			if r.Next() != html.ErrorToken || len(r.Text()) > 0 || len(r.Raw()) > 0 {
				t.Fatalf("%q: the tape goes on after its end", b)
			}
			return
		case html.TextToken:
			if got, want := r.Text(), z.Text(); string(got) != string(want) {
				t.Fatalf("%q: token %d's text is %q, the tape says %q", b, i, want, got)
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			if got, want := r.Raw(), z.Raw(); string(got) != string(want) {
				t.Fatalf("%q: token %d is %q, the tape says %q", b, i, want, got)
			}
			sameTag(t, b, i, z, r)
		}
	}
}

// sameTag compares a tag's name (asked of the tape only when its raw text
// has a NUL, as readers do) and its attributes, in order.
func sameTag(t *testing.T, b []byte, i int, z *html.Tokenizer, r Tokens) {
	t.Helper()
	if bytes.IndexByte(z.Raw(), 0) >= 0 {
		got, _ := r.TagName()
		if want, _ := z.TagName(); string(got) != string(want) {
			t.Fatalf("%q: token %d's name is %q, the tape says %q", b, i, want, got)
		}
	}
	for more := true; more; {
		k, v, m := z.TagAttr()
		rk, rv, rm := r.TagAttr()
		if string(k) != string(rk) || string(v) != string(rv) || m != rm {
			t.Fatalf("%q: token %d's attribute is %q=%q (more %v), the tape says %q=%q (more %v)", b, i, k, v, m, rk, rv, rm)
		}
		more = m
	}
	if k, v, m := r.TagAttr(); k != nil || v != nil || m {
		t.Fatalf("%q: token %d: the tape gives an attribute after the last", b, i)
	}
}

// TestTapeAnswersAsTokenizer on what pins the readers' HTML (entities,
// NUL bytes, raw text and RCDATA elements, CDATA, comments, duplicate and
// odd attributes, line ends, stray "<"), on every rendered body of the
// markdown and block fixtures and every layout of the bundled site.
func TestTapeAnswersAsTokenizer(t *testing.T) {
	for _, in := range []string{
		"",
		"text only &amp; more",
		"<P>One &amp; two&nbsp;&lt;x&gt; &copy2024 &#0;</P><![CDATA[cd]]><noscript><p>ns</p></noscript><svg><title>svg</title></svg>",
		"<H2 ID=\"h&amp;1\" id=second>Q &amp; A</H2 ><p>a<!-- c -->b</p class=x>c<SCRIPT>no</SCRIPT><span class=\"x block-label\">lab</span>",
		"<i aria-hidden=true>hid</i><h3 id=a/b>sl</h3><textarea>ta <b>x</b></textarea><title>ti &amp; x</title><p>u<BR/>v<br>w<img/>z</p>a\r\nb\rc</>d",
		"<a\x00b x\x00=\"1\x00\">z</a\x00B><IMG\nsrc=a ALT='b\r\nc' alt=d><x-Card =v>t</X-CARD><p/>< p></ p><? pi ?><!doctype html>",
		"<script>if (a</b) {}</SCRIPT ><style>p{}</style><plaintext><p>all text",
		"<div class=x data-v=1 hidden><a href=/y aria-label=\" L \">n</a></div><input disabled>",
		"unclosed <a href=\"/x",
		"<!-- unclosed comment",
		"<",
		"a <",
		"</",
		"<p>end\r",
	} {
		sameAnswers(t, []byte(in))
	}
	n := 0
	for _, dir := range []string{"../markdown/testdata", "../markdown/blocks/testdata", "../../layouts"} {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(p, ".txtar") {
				for _, f := range txtar.Parse(b).Files {
					sameAnswers(t, f.Data)
					n++
				}
			} else if strings.HasSuffix(p, ".html") {
				sameAnswers(t, b)
				n++
			}
			return nil
		})
	}
	if n < 100 {
		t.Errorf("read %d files of HTML, want the fixtures and layouts", n)
	}
}

// TestTapeAnswersAsTokenizerOnRandomHTML: random strings of the pieces
// HTML's hard cases are made of.
func TestTapeAnswersAsTokenizerOnRandomHTML(t *testing.T) {
	rnd := rand.New(rand.NewPCG(18, 4))
	for range 20000 {
		sameAnswers(t, htmltest.Random(rnd))
	}
}
