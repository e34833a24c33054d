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

// TestMayHaveAttrs never skips a tag that has an attribute the checks
// read, however it is written, and skips tags whose text only holds those
// names inside others.
func TestMayHaveAttrs(t *testing.T) {
	read := map[string]bool{"id": true, "src": true, "alt": true, "href": true, "aria-label": true, "aria-hidden": true, "hidden": true}
	in := `<a href="/x"id=y><img src=a.png alt><img ALT/SRC=b><p HIDDEN><b aria-hidden = "true"><i Aria-Label='x'/>` +
		`<a b=1 href><x-y id>` + "<img\tsrc\n=c>" + `<a x='1'id=y><a/href=x><img src=a alt><p a=b aria-label=c>` +
		`<div class="hidden-sm grid-2 sidebar" data-alt-text="x" data-id=1>` +
		`<span idx=1 srcset=a alts=b data-labels=c label=d>`
	z := html.NewTokenizer(strings.NewReader(in))
	var has []bool
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		may, reads := mayHaveAttrs(z.Raw()), false
		for more := true; more; {
			var k []byte
			k, _, more = z.TagAttr()
			reads = reads || read[string(k)]
		}
		if reads && !may {
			t.Errorf("%q has an attribute the checks read, but is skipped", z.Raw())
		}
		has = append(has, may)
	}
	want := []bool{true, true, true, true, true, true, true, true, true, true, true, true, true, false, false}
	if !slices.Equal(has, want) {
		t.Errorf("mayHaveAttrs %v, want %v", has, want)
	}
}
