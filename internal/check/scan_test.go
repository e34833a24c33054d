package check

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestScanPageClosesByName closes elements by their name, for known tags
// (named by their atom) and for custom elements alike: a link's name ends
// where its element closes, whatever elements it sits in.
func TestScanPageClosesByName(t *testing.T) {
	pg := scanPage([]byte(`<x-card id="c"><h2 id="h">Call <x-em>now</x-em></h2>` +
		`<a href="/a">one <X-Em>two</x-em></a></x-card> <a href="/b">three</a></span>` +
		`<a href="/c"><x-icon aria-hidden="true">★</x-icon> Help</a>` +
		`<table><tr><td id="d">cell</td></tr></table>`))
	if want := []string{"c", "h", "d"}; !slices.Equal(pg.ids, want) {
		t.Errorf("ids %q, want %q", pg.ids, want)
	}
	if len(pg.headings) != 1 || pg.headings[0].text != "Call now" || pg.headings[0].id != "h" {
		t.Errorf("headings %+v", pg.headings)
	}
	want := []link{{"/a", "one two"}, {"/b", "three"}, {"/c", "Help"}}
	if !slices.Equal(pg.links, want) {
		t.Errorf("links %+v, want %+v", pg.links, want)
	}
}

// TestScanPageAttributesInAnyCase reads the attributes the checks need
// however they are written, among others that the scan skips.
func TestScanPageAttributesInAnyCase(t *testing.T) {
	pg := scanPage([]byte(`<div class="x" data-v="1"><IMG Class=y SRC="a.png" ALT='A cat'>` +
		`<section ID=s><A Href="/b" ARIA-LABEL=" Go home ">x</A><a HREF="/c" aria-HIDDEN=true>y</a>` +
		`<p HIDDEN><a href="/d">z</a></p><img src=b.png data-alt="no"></section></div>`))
	if want := []string{"s"}; !slices.Equal(pg.ids, want) {
		t.Errorf("ids %q, want %q", pg.ids, want)
	}
	if want := []img{{"a.png", "A cat", true}, {"b.png", "", false}}; !slices.Equal(pg.images, want) {
		t.Errorf("images %+v, want %+v", pg.images, want)
	}
	// Hidden links keep their address; what is hidden names nothing.
	if want := []link{{"/b", "Go home"}, {"/c", ""}, {"/d", ""}}; !slices.Equal(pg.links, want) {
		t.Errorf("links %+v, want %+v", pg.links, want)
	}
}

// TestScanPageNestedNames names a heading and the link inside it from the
// same text, images by their alt text, with runs of spaces as one.
func TestScanPageNestedNames(t *testing.T) {
	pg := scanPage([]byte("<a href=/x>before</a><h2>Call\u00a0 <a href=\"/y\">the <img src=i alt=\"help\">\n line</a> today</h2>" +
		"<a href=/z><span hidden>no</span> after </a>"))
	if len(pg.headings) != 1 || pg.headings[0].text != "Call the help line today" {
		t.Errorf("headings %+v", pg.headings)
	}
	want := []link{{"/x", "before"}, {"/y", "the help line"}, {"/z", "after"}}
	if !slices.Equal(pg.links, want) {
		t.Errorf("links %+v, want %+v", pg.links, want)
	}
}

// TestTagNameAsTokenizer reads every tag's name as the tokenizer's TagName
// has it: in lower case, up to a space, "/" or ">", in raw text elements,
// with NUL bytes replaced.
func TestTagNameAsTokenizer(t *testing.T) {
	in := "<!DOCTYPE html><HTML lang=en><Body\tclass=x><br/><IMG\nsrc=a><x-Card>t</X-CARD>" +
		"<script>if (a</b) {}</SCRIPT ><textarea></p></TextArea\f><p/>< p></ p></>" +
		"<a\x00b>z</a\x00B><svg><path d=''/></svg><ÿa></ÿA><h2 id=h>end</h2 >"
	// The same tokens from two tokenizers: one for TagName, which takes
	// the name it returns.
	z, ref := html.NewTokenizer(strings.NewReader(in)), html.NewTokenizer(strings.NewReader(in))
	n := 0
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		ref.Next()
		var raw []byte
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			raw = z.Raw()[1:]
		case html.EndTagToken:
			raw = z.Raw()[2:]
		default:
			continue
		}
		got := string(tagName(z, raw, nil))
		if want, _ := ref.TagName(); got != string(want) {
			t.Errorf("tag %q: name %q, tokenizer has %q", z.Raw(), got, want)
		}
		n++
	}
	if n != 18 {
		t.Errorf("%d tags read, want 18", n)
	}
}

// TestScanPageReadsHTMLAsBrowsers pins how the scan reads what a cheaper
// lexer would read otherwise (tdewolff/parse's, tried for issue 18, gives
// svg as one token, no entities, "<a/b>" as a tag named "a/b", CDATA as
// text, and lowers names in its input): the first of two ids, names and
// attributes in any case, entities in text and attributes (where "&copy="
// stays), what is inside svg, noscript's, title's and script's content as
// text, CDATA and "<!-->" as comments, end tags with spaces or attributes,
// NUL bytes and line ends; and the page's bytes are left as they were.
func TestScanPageReadsHTMLAsBrowsers(t *testing.T) {
	in := []byte(`<DIV ID=top id=second><svg aria-hidden="true"><title id=icon>Icon</title></svg>` +
		`<svg><a href="#s" id=in-svg>svg link</a></svg>` +
		`<noscript><p id=ns>no</p></noscript><![CDATA[<p id=cd>]]><!--><p id=c1>--><!-- <p id=c2> -->` +
		`<A HREF="?a=1&amp;b=2&copy=3&lt" ARIA-LABEL="Tom &amp; Jerry">x</A><a/href=/slash>slash</a>` +
		`<H2 ID="h&amp;2">Q &amp; A &lt3 &copy2024</h2 ><p>x</p class=y><a href=/u>un&nbsp;quoted</a >` +
		`<img alt="a&quot;b" src=i.png><title>t &amp; <a href=/t>no</a></title><textarea><a href=/ta></textarea>` +
		"<script>'<a href=/sc>'</script><a href='/n\x00ul'>n\x00x</a><a href=/cr>a\r\nb\rc</a></>")
	was := string(in)
	pg := scanPage(in)
	if want := []string{"top", "icon", "in-svg", "c1", "h&2"}; !slices.Equal(pg.ids, want) {
		t.Errorf("ids %q, want %q", pg.ids, want)
	}
	if want := []img{{"i.png", `a"b`, true}}; !slices.Equal(pg.images, want) {
		t.Errorf("images %+v, want %+v", pg.images, want)
	}
	if want := []heading{{level: 2, text: "Q & A <3 ©2024", id: "h&2"}}; !slices.Equal(pg.headings, want) {
		t.Errorf("headings %+v, want %+v", pg.headings, want)
	}
	want := []link{{"#s", "svg link"}, {"?a=1&b=2&copy=3<", "Tom & Jerry"}, {"/slash", "slash"}, {"/u", "un quoted"},
		{"/n\ufffdul", "n\x00x"}, {"/cr", "a b c"}}
	if !slices.Equal(pg.links, want) {
		t.Errorf("links %q, want %q", pg.links, want)
	}
	if string(in) != was {
		t.Errorf("the scan changed the page to %q", in)
	}
}
