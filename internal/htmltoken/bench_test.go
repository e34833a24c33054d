package htmltoken_test

import (
	"bytes"
	"fmt"
	"testing"

	"golang.org/x/net/html"

	"github.com/signpost/signpost/internal/htmltoken"
)

// commentPage is 2,000 comments between lines of text, 72 KB: x/net reads
// every comment, and the lexer the text between them.
func commentPage() []byte {
	var b []byte
	for i := range 2000 {
		b = fmt.Appendf(b, "<!-- editor's note %04d -->\nline %04d\n", i, i)
	}
	return b
}

// mixedPage is ordinary markup with a comment and an svg holding CDATA
// in each card.
func mixedPage() []byte {
	var b []byte
	for i := range 500 {
		b = fmt.Appendf(b, "<div class=\"card\"><h2 id=\"s%d\">Section %d</h2><!-- card %d -->"+
			"<svg><![CDATA[icon]]></svg><p>Text with <a href=\"/x/%d\">a link</a>.</p></div>\n", i, i, i, i)
	}
	return b
}

// plainPage is ordinary markup with nothing for x/net to read.
func plainPage() []byte {
	return bytes.Repeat([]byte("<p class=a id='b&amp;c'>text &amp; more <a href=/x>x</a></p>\n"), 1000)
}

// BenchmarkDelegatedRuns reads pages with many tokens that x/net reads
// for our tokenizer, with ours and with x/net's own, Next only.
func BenchmarkDelegatedRuns(b *testing.B) {
	for _, p := range []struct {
		name string
		page []byte
	}{{"comments", commentPage()}, {"mixed", mixedPage()}, {"plain", plainPage()}} {
		b.Run(p.name+"/ours", func(b *testing.B) {
			b.SetBytes(int64(len(p.page)))
			b.ReportAllocs()
			for b.Loop() {
				for z := htmltoken.NewTokenizer(p.page); z.Next() != html.ErrorToken; {
				}
			}
		})
		b.Run(p.name+"/xnet", func(b *testing.B) {
			b.SetBytes(int64(len(p.page)))
			b.ReportAllocs()
			for b.Loop() {
				for z := html.NewTokenizer(bytes.NewReader(p.page)); z.Next() != html.ErrorToken; {
				}
			}
		})
	}
}
