package htmltoken

import (
	"math/rand/v2"
)

// pieces are what RandomHTML strings together: tags of every kind and
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

// RandomHTML is a random string of pieces, for tests that compare readers
// of HTML on its hard cases.
func RandomHTML(rnd *rand.Rand) []byte {
	var b []byte
	for range rnd.IntN(40) {
		b = append(b, pieces[rnd.IntN(len(pieces))]...)
	}
	return b
}
