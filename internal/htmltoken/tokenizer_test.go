package htmltoken_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/signpost/signpost/internal/corpus"
	"github.com/signpost/signpost/internal/htmltest"
	"github.com/signpost/signpost/internal/htmltoken"
	"github.com/signpost/signpost/internal/site"
	"github.com/signpost/signpost/internal/sitetest"
)

// sameTokens reads b with x/net's tokenizer and with ours (two: one asked
// TagAttr, one EachAttr) in step, and fails where they answer differently:
// a token's type, raw text and text; a tag's name and every attribute.
func sameTokens(t *testing.T, b []byte) {
	t.Helper()
	was := string(b)
	z := html.NewTokenizer(bytes.NewReader(b))
	ours, each := htmltoken.NewTokenizer(b), htmltoken.NewTokenizer(b)
	for i := 0; ; i++ {
		tt := z.Next()
		if ot, et := ours.Next(), each.Next(); ot != tt || et != tt {
			t.Fatalf("%q: token %d is %v, ours says %v", b, i, tt, ot)
		}
		if got, want := ours.Raw(), z.Raw(); string(got) != string(want) {
			t.Fatalf("%q: token %d is %q, ours says %q", b, i, want, got)
		}
		if tt == html.ErrorToken {
			// x/net answers so again, with no raw text.
			if ours.Next() != html.ErrorToken || z.Next() != html.ErrorToken || string(ours.Raw()) != string(z.Raw()) {
				t.Fatalf("%q: ours goes on after the end with %q, x/net with %q", b, ours.Raw(), z.Raw())
			}
			break
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			sameTag(t, b, i, z, ours, each)
		default:
			if got, want := ours.Text(), z.Text(); string(got) != string(want) {
				t.Fatalf("%q: token %d's text is %q, ours says %q", b, i, want, got)
			}
		}
	}
	if string(b) != was {
		t.Fatalf("reading changed the HTML to %q", b)
	}
}

// sameTag compares the name and the attributes of the current tag.
func sameTag(t *testing.T, b []byte, i int, z *html.Tokenizer, ours, each *htmltoken.Tokenizer) {
	t.Helper()
	name, has := z.TagName()
	if got, gotHas := ours.TagName(); string(got) != string(name) || gotHas != has {
		t.Fatalf("%q: token %d's name is %q (attributes %v), ours says %q (%v)", b, i, name, has, got, gotHas)
	}
	var want, got, eachGot strings.Builder
	for more := true; more; {
		k, v, m := z.TagAttr()
		fmt.Fprintf(&want, "%q=%q %v ", k, v, m)
		more = m
	}
	for more := true; more; {
		k, v, m := ours.TagAttr()
		fmt.Fprintf(&got, "%q=%q %v ", k, v, m)
		more = m
	}
	if got.String() != want.String() {
		t.Fatalf("%q: token %d's attributes are %s, ours says %s", b, i, &want, &got)
	}
	// A reader keeps a tag's keys and values until the next token
	// (check's readAttrs): they are compared after the last.
	var kept [][2][]byte
	htmltoken.EachAttr(each, func(k, v []byte) { kept = append(kept, [2][]byte{k, v}) })
	for _, kv := range kept {
		fmt.Fprintf(&eachGot, "%q=%q ", kv[0], kv[1])
	}
	if w := attrsOnly(want.String()); eachGot.String() != w && !(w == `""="" ` && eachGot.Len() == 0) {
		t.Fatalf("%q: token %d's attributes are %s, EachAttr of ours gives %s", b, i, w, &eachGot)
	}
}

// attrsOnly drops the "more" flags of what sameTag writes of TagAttr.
func attrsOnly(s string) string {
	s = strings.ReplaceAll(s, " true ", " ")
	return strings.ReplaceAll(s, " false ", " ")
}

// hostile are pieces of markup where our tokenizer and x/net's could read
// differently: every way a tag, its attributes, an entity, a raw text
// element or a declaration can be written oddly.
var hostile = []string{
	"<a b=/>", "<a b=c/>", "<a b='c'/>", "<br/>", "<br />", "<a/b>", "<a / >", "<a =b>", "<a ==b>", "<a b= c>",
	"<a b = 'c' >", "<a b=\"c\"d>", "<a b c>", "<a B=1 b=2>", "<a b=1 B=2 c=3 d=4 e=5 f=6 g=7 h=8 i=9 b=10 i=11>",
	"<A HREF=X>", "<a\tb\fc\nd>", "<a\n>", "<a/>", "<ab/c>", "<é>", "<a é=ü>", "<ſcript>", "</ſcript>", "<p\x00>",
	"<a href='x&amp;y'>", "<a t=\"&#39;&#34;&#43;\">", "<a t=&lt;&gt;&quot;>", "<a t='&#128;'>", "<a t='&#0043;'>",
	"<a t='&#x2b;'>", "<a t='&amp'>", "<a t='&ampx;'>", "<a t='&copy;'>", "<a t='&nbsp'>", "<a t='&#;'>", "<a t='&'>",
	"<a &amp;=1>", "<a t='&#9;'>", "<a t='&#127;'>", "<a t='&#31;'>",
	"&amp;", "&amp", "&#39;", "&#x27;", "&#128;", "&nbsp;", "&notit;", "&#;", "&", "&&", "&lt;b&gt;",
	"<script>", "</script>", "</script >", "</SCRIPT/>", "</scripts>", "<script><!--", "<!--</script>", "-->",
	"<script src=x></script>", "<script>a<b</script>", "<title>", "</title>", "</TITLE>", "<title>&amp;</title>",
	"<textarea>", "</textarea\n>", "<style>", "</style>", "<plaintext>", "<xmp>", "</xmp>", "<iframe>", "<noscript>",
	"<noembed/>", "<noframes>", "<title/>", "<Title x='>'>",
	"<!doctype html>", "<!DOCTYPE HTML>", "<!doctype  html>", "<!doctype html >", "<!doctypehtml>", "<!doctype html",
	"<!---->", "<!-- x -->", "<!-->", "<!--->", "<!-- --!>", "<![CDATA[x]]>", "<?xml?>", "<!x>", "</>", "</ x>", "</3>",
	"< a>", "<3", "<", "</", "<!", "<?", ">", "/", "=", "'", "\"", " ", "\n", "\t", "\f", "word", "é", "’",
	"<a x='", "<a x=\"", "<a x=", "<a x", "</a x='>'>", "</a x=\"y\">", "</a/>", "<h2 id=a>", "</h2>", "<p>", "</p>",
	"\x00", "\r", "\r\n",
	// Where tdewolff's lexer reads otherwise than x/net's.
	"<svg>", "</svg>", "<svg viewBox='0 0 1 1'><path d=M0/></svg>", "<math>", "</math>", "<xml>", "<noscript>", "</noscript>",
	"<noscript><a href=x>", "<noembed><p>", "<noframes>", "</script5>", "</scriptx>", "</script", "</title", "</SCRIPT\f>",
	"<![CDATA[", "]]>", "</>", "</ >", "<a b=1 b=/>", "<a b/>", "<a b c/>", "<a b='c' / >", "<a b=c />", "<a b/c>", "<a/ b>",
	"<a t='&notit;'>", "<a t='a&b=c'>", "<a t='&amp=x'>", "<a t='&nbsp;&apos;'>", "<a t='&Amp;'>", "<a t='&amp;&lt;'>",
	"<a t='&#39;&#x27;&#128;&#0;'>", "<a t='&'>", "<a t='& ;'>", "<A B='x' b='y'>", "<a B=x B=y>", "<A\fB=C>",
	"<a b\f=c>", "<a b=\fc>", "<a b='c'd=e>", "<a b=\"c'>", "</a b>", "</a\tb=c>", "</A B=C>", "<a b='>'>", "<a b=\"\">",
	"<a b=>", "<a b= >", "<a b ='c'>", "<a b = c = d>", "&notit;", "&amp=", "&#x41;", "a < b", "a <3", "<<a>", "<a<b>",
	"<textarea>&amp;</TextArea>", "<TITLE>a</title>", "<style>a</style >", "<xmp><a></xmp/>", "<iframe>x</iframe\n>",
	"<script><!--</script>", "<script>--></script>", "<script>'</script>'", "<!DOCTYPE html><html>",
	// The attack lane's: entities x/net decodes oddly (windows-1252, NUL,
	// surrogates, out of range, prefixes), case, raw text ends, attributes
	// without values or with odd "=", "/" and quotes, tags cut at the end,
	// invalid UTF-8, and raw HTML as editors write it in markdown.
	"&AMP;", "&amp", "&Amp;", "&#128;", "&#129;", "&#159;", "&#0;", "&#xD800;", "&#x110000;", "&#99999999999999999;", "&notin;", "&not", "&notx", "&NotEqual;",
	"&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;", "&#x;", "&#X41;", "&#65", "&#x41", "&lt", "&gt", "&copy", "&amp;amp;",
	"<a t='&AMP;'>", "<a t='&amp'>", "<a t=&amp>", "<a t='&#128;'>", "<a t='&#0;'>", "<a t='&#xD800;'>", "<a t='&#x110000;'>", "<a t='&notin;'>", "<a t='&not'>", "<a t='&not;'>",
	"<a t='&amp;x=1'>", "<a t='&ampx=1'>", "<a t='&amp=1'>", "<a t='&lt=1'>", "<a t='&nbsp'>", "<a t='&NBSP;'>", "<a t='&QUOT;'>", "<a t='&ltx'>",
	"</SCRIPT >", "</title/>", "</style\t>", "<SCRIPT>", "<Script>", "<sCrIpT>x</ScRiPt>", "<textarea>a&amp;b</textarea>", "<xmp>&amp;</xmp>",
	"<iframe src=x>", "</iframe>", "<template>", "</template>", "<select>", "<option selected>", "<a =x>", "<a b==c>", "<a b= >", "<a b='c\"d'>", "<a b=c'd>",
	"<a b=c\"d>", "<a/b/c>", "<br/ >", "<img src=a/>", "<img src=a />", "<a B=1 b=2>", "<a b=1 B=2>", "<a/ b=1>", "<a b=1/ c=2>", "<a b=1 / c=2>", "<a / c/>",
	"<a b='", "<a b=\"x", "<a b=x", "<a", "<a ", "<a b", "<a b ", "<a b=", "<a b= ", "</a", "</a ", "</a b='",
	"<\x80>", "<a \x80=\xff>", "<a\xff>", "<é>", "<a é=1>", "<1", "<12>", "<ä>", "<!-->", "<!--->", "<!-- --!>", "<!--x--!>", "-->", "--!>",
	"<script><script></script>", "<svg><title>x</title></svg>", "<svg><script>x</script></svg>", "<math><mi>x</mi></math>",
	"<details><summary>S</summary>", "</details>", "<table border=1 style=\"width:100%\">", "<td colspan=2>", "<span style='color:red'>",
	"<a href=\"https://x.org/?a=1&amp;b=2\">", "<a href=\"https://x.org/?a=1&b=2\">", "<a href=https://x.org/?a=1&b=2>", "<a href='?a&copy=1'>",
	"<a href='#x'>", "<h2 id=\"x\">", "<h2 id='x&amp;y'>", "<img alt=\"\" src=x>", "<img alt src=x>", "<img ALT=x>",
	"<!DOCTYPE html>", "<!doctype HTML>", "<!DoCtYpE hTmL>", "<!doctype\thtml>", "<!doctype html\n>", "<!doctype\nhtml>",
	"<a\x0bb>", "<a b\x0b=c>", "<a b=c\x0b>", "\x0b", "<a\vb=1>", "<a b='x'/c>", "<a b=''/>", "<a b=\"\"/>", "<a b/ >",
	"<title>a</title >", "<title>a</titlex></title>", "<title>a</title", "<title>&lt;b&gt;</title>", "<TEXTAREA>x</textarea>",
	"<style>a<b</style>", "<style><!--</style>", "<script>/*</script>*/", "<script>a</script/x>", "<script>a</script5>b</script>",
	"<noscript>x</noscript>", "<plaintext>x</plaintext>", "<noembed>x</noembed>", "<noframes>x</noframes>", "<xmp>x</xmp >",
	"<iframe><p></iframe>", "<iframe>a</iframe", "<a href=x>", "\n", "  ", "text", "é", "<p>", "</p>", "<br>", "<hr/>",
	"<a b=\"&#x26;\">", "<a b=\"&#38;amp;\">", "&#38;amp;", "<a b=\"&#X26;\">", "&#x26;lt;", "<a b=&>", "<a b=&;>", "<a b='&#'>", "<a b='&#x'>",
	"<a b='&#65'>", "<a b='&#x41'>", "<a b='&#65x'>", "<a b='&lt;'>", "<a b='&apos;'>", "<a b='&apos'>", "<a b='&quot'>",
	"<a b='&gt'>", "<a b='&lt'>", "<a b='&nbsp;'>", "<a b='&amp;amp;'>",
	"<a b=1 b=2/>", "<a b=1 c=2 b=3/>", "<a b=1 c=3/>", "<a\tb=1\tc=\"2\"\n/>",
	"<svg", "<math", "<xml", "<svgx>", "<mathx>", "<svg/>", "<math/>", "</svg", "<SVG>", "<Math>",
	"<a b=\"x>y\">", "<a b='x>y'>", "</a b='>'>", "</a b=\">\">", "</a >", "</a\n>", "</a/>", "</a\f>", "</a\tb>",
	"<![CDATA[x]]>", "<!x>", "<?x>", "<!>", "<!->", "<!-", "<!--", "<!--x", "<!doctype", "<!doctype html", "<!DOCTYPE",
}

// randomHostile is a random string of hostile pieces.
func randomHostile(rnd *rand.Rand) []byte {
	var b []byte
	for range rnd.IntN(30) {
		b = append(b, hostile[rnd.IntN(len(hostile))]...)
	}
	return b
}

// TestTokenizerAsXNet: our tokenizer answers as x/net's on the rendered
// markdown fixtures, random HTML of the hard cases (htmltest.Random) and
// hostile markup, each also without NUL bytes and carriage returns (which
// send a whole page to x/net), and on huge inputs.
func TestTokenizerAsXNet(t *testing.T) {
	rnd := rand.New(rand.NewPCG(6, 18))
	ins := htmltest.Inputs(t, rnd, 10000)
	for range 10000 {
		ins = append(ins, randomHostile(rnd))
	}
	for _, h := range hostile {
		ins = append(ins, []byte(h), []byte("x"+h+"y"), []byte(h+h))
	}
	big := bytes.Repeat([]byte("<p class=a id='b&amp;c'>text &amp; more <a href=/x>x</a></p>\n"), 5000)
	ins = append(ins, big, append(big, "<script>"...), append([]byte("<title>"), big...))
	for _, n := range []int{63, 64, 65, 66, 200} { // tags with many attributes, some repeated
		b := []byte("<img ")
		for i := range n {
			b = fmt.Appendf(b, "a%d=%d A%d='x' ", i%70, i, (i*7)%(n+1))
		}
		ins = append(ins, append(b, "/>"...), append(b, "b=/>"...))
	}
	strip := strings.NewReplacer("\x00", "", "\r", "")
	for _, b := range ins {
		sameTokens(t, b)
		sameTokens(t, []byte(strip.Replace(string(b))))
	}
}

// FuzzTokenizerAsXNet: our tokenizer answers as x/net's on any input
// (go test -fuzz FuzzTokenizerAsXNet; the hostile pieces are its seeds).
func FuzzTokenizerAsXNet(f *testing.F) {
	for _, h := range hostile {
		f.Add([]byte(h))
	}
	for _, run := range []string{"<!-- c --><!-- d -->", "a<!-- c -->b<?p>c</ x>", "<svg><![CDATA[x]]><![CDATA[a>b]]></svg>",
		"<!-- a > b -->x<!-- c --><p>", "<!-- c --><script>a</script><?p><title>t</title><!x>"} {
		f.Add([]byte(run))
	}
	f.Fuzz(sameTokens)
}

// TestTokenizerAsXNetOnSites: our tokenizer answers as x/net's on every
// page of the bundled site and of a generated 1,000-page site, as the
// checks read them (not minified).
func TestTokenizerAsXNetOnSites(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two sites")
	}
	dir := t.TempDir()
	if err := corpus.WriteSignpost(filepath.Join(dir, "corpus"), corpus.Options{Pages: 1000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{filepath.Join("..", ".."), filepath.Join(dir, "corpus")} {
		dest := filepath.Join(dir, "out")
		opt := sitetest.Options(src) // not minified
		opt.Dest = dest
		if res, err := site.Build(context.Background(), opt); err != nil {
			t.Fatalf("%v\n%v", err, res.Problems)
		}
		n := 0
		err := filepath.WalkDir(dest, func(path string, d fs.DirEntry, err error) error {
			if err != nil || filepath.Ext(path) != ".html" {
				return err
			}
			b, err := os.ReadFile(path)
			n++
			sameTokens(t, b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if n < 200 {
			t.Fatalf("%s: %d pages, want more", src, n)
		}
		if err := os.RemoveAll(dest); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTokenizerLinear: markup that x/net reads short but tdewolff's lexer
// scans far past (to the next "]]>", the end of an svg, "</>" as text)
// does not make our tokenizer quadratic: each such token once had the
// lexer scan to the same far end again (20,000 "</>" took 1.3 s where
// x/net takes 0.3 ms, 20,000 "<svg>" 10 s); nor is a tag with many
// attributes (each compared with every one before it for a repeated
// name: 80,000 took 17 s, x/net 40 ms), nor EachAttr on such a tag
// (which read the tag again from its start for each name past the
// eighth), nor one comment with many ">" in it (x/net is given the page
// in pieces that end at a ">"). Four times the input takes about four times as long, not
// sixteen.
func TestTokenizerLinear(t *testing.T) {
	read := func(b []byte) time.Duration {
		best := time.Hour
		for range 2 {
			start := time.Now()
			for z := htmltoken.NewTokenizer(b); ; {
				tt := z.Next()
				if tt == html.ErrorToken {
					break
				}
				if tt == html.StartTagToken { // as the checks read a tag
					htmltoken.EachAttr(z, func(_, _ []byte) {})
				}
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	for _, p := range []string{"<!--a>", "<svg><![CDATA[a>", "<noscript>a>", "<script><!--a>", "</>", "x</>", "<!-->", "<!--a--!>", "<![CDATA[x>", "<svg>", "<math>", "<XML>", "<!-- c -->", "<?x>", "</ x>", "<!x>", "<a b=c>", "a &amp; b", "<p "} {
		of := func(n int) []byte { return bytes.Repeat([]byte(p), n) }
		// One token x/net reads with n ">" in it: a comment, CDATA in
		// svg, raw text of an element the lexer leaves to x/net.
		for _, one := range [][2]string{{"<!--a>", "-->"}, {"<svg><![CDATA[a>", "]]></svg>"}, {"<noscript>a>", "</noscript>"}, {"<script><!--a>", "</script>"}} {
			if p == one[0] {
				head, piece, tail := strings.TrimSuffix(one[0], "a>"), "a>", one[1]
				of = func(n int) []byte { return []byte(head + strings.Repeat(piece, n) + tail) }
			}
		}
		if p == "<p " { // a tag with n attributes, each named apart
			of = func(n int) []byte {
				b := []byte(p)
				for i := range n {
					b = fmt.Appendf(b, "a%d=%d ", i, i)
				}
				return append(b, ">x</p>"...)
			}
		}
		small, big := read(of(5000)), read(of(20000))
		if big > 8*small+20*time.Millisecond {
			t.Errorf("%q: 5,000 of them are read in %v, 20,000 in %v", p, small, big)
		}
	}
}

// TestTokenizerAsXNetOnDelegatedRuns: runs of tokens that x/net reads for
// our tokenizer (its one x/net tokenizer re-pointed at each, reading on
// while it holds bytes past one), between text, tags and raw text
// elements, and last.
func TestTokenizerAsXNetOnDelegatedRuns(t *testing.T) {
	for _, b := range htmltoken.DelegatedRuns() {
		sameTokens(t, b)
	}
}

// TestDelegatedRunsReuseOneTokenizer: reading a page with 1,000 tokens
// that x/net reads, of each kind, one after another or between text, tags
// and raw text, costs no more allocations than with 10 but those x/net's
// tokenizer makes itself for the 990 more (the name of a raw text
// element): one x/net tokenizer serves them all. A new one each (4 KB, a
// map, a reader) made a page of 2,000 comments 6 times as slow to read as
// x/net's reading it all.
func TestDelegatedRunsReuseOneTokenizer(t *testing.T) {
	read := func(z interface {
		Next() html.TokenType
		Raw() []byte
		Text() []byte
	}) {
		for z.Next() != html.ErrorToken {
			_, _ = z.Raw(), z.Text()
		}
	}
	allocs := func(p string, n int) (ours, xnet float64) {
		b := []byte(strings.Repeat(p, n))
		ours = testing.AllocsPerRun(20, func() { read(htmltoken.NewTokenizer(b)) })
		xnet = testing.AllocsPerRun(20, func() { read(html.NewTokenizer(bytes.NewReader(b))) })
		return ours, xnet
	}
	for _, p := range []string{
		"<!-- c -->", "<!-- c -->text ", "<!-- a > b -->x", "<svg><![CDATA[x]]></svg>", "<?pi?>", "<?a>b", "</ x>", "<!x>",
		"<!-- c --><p>a</p>", "<p>a<!-- c --></p><a href=/x>y</a>", "<script>s</script><!-- c -->", "<!-- c --><title>t</title>",
		"<textarea>t</textarea><?p>", "<script><!--x</script>", "<noscript>n</noscript>",
	} {
		few, xFew := allocs(p, 10)
		many, xMany := allocs(p, 1000)
		if many-few > xMany-xFew+2 {
			t.Errorf("%q: 10 of them take %.0f allocations, 1,000 take %.0f (x/net alone: %.0f, %.0f)", p, few, many, xFew, xMany)
		}
	}
}
