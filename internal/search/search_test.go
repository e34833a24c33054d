package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestStem(t *testing.T) {
	// Examples from Porter's paper, through the whole algorithm, and words
	// parents type.
	for word, want := range map[string]string{
		"caresses": "caress", "ponies": "poni", "ties": "ti", "caress": "caress", "cats": "cat",
		"feed": "feed", "agreed": "agre", "plastered": "plaster", "bled": "bled", "motoring": "motor",
		"sing": "sing", "conflated": "conflat", "troubled": "troubl", "sized": "size", "hopping": "hop",
		"tanned": "tan", "falling": "fall", "hissing": "hiss", "fizzed": "fizz", "failing": "fail",
		"filing": "file", "happy": "happi", "sky": "sky", "relational": "relat", "conditional": "condit",
		"rational": "ration", "generalizations": "gener", "oscillators": "oscil", "hopeful": "hope",
		"goodness": "good", "adjustment": "adjust", "controll": "control", "roll": "roll",
		"probate": "probat", "rate": "rate", "cease": "ceas", "electrical": "electr", "formalize": "formal",
		"photos": "photo", "photo": "photo", "grooming": "groom", "groomed": "groom", "location": "locat",
		"locations": "locat", "sextortion": "sextort", "settings": "set", "setting": "set",
		"images": "imag", "image": "imag", "reporting": "report", "children": "children", "asked": "ask",
		// left alone: short, not a–z
		"uk": "uk", "us": "us", "999": "999", "tiktok": "tiktok", "café": "café",
	} {
		if got := Stem(word); got != want {
			t.Errorf("Stem(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestWordsAndTerms(t *testing.T) {
	for _, c := range []struct {
		in           string
		words, terms []string
	}{
		{"Someone asked my son for photos!", []string{"someone", "asked", "my", "son", "for", "photos"}, []string{"someon", "ask", "son", "photo"}},
		{"Don't panic: it's not your child's fault.", []string{"dont", "panic", "its", "not", "your", "childs", "fault"}, []string{"panic", "child", "fault"}},
		{"Call 1-800-843-5678 (UK: 999)", []string{"call", "1", "800", "843", "5678", "uk", "999"}, []string{"call", "1", "800", "843", "5678", "uk", "999"}},
		{"“Snap Map” — Ghost Mode", []string{"snap", "map", "ghost", "mode"}, []string{"snap", "map", "ghost", "mode"}},
		{"Ünïcode wörds", []string{"ünïcode", "wörds"}, []string{"ünïcode", "wörds"}},
		{"the and of", []string{"the", "and", "of"}, nil},
	} {
		if got := Words(c.in); !reflect.DeepEqual(got, c.words) {
			t.Errorf("Words(%q) = %q, want %q", c.in, got, c.words)
		}
		got := Terms(c.in)
		if len(got) == 0 && len(c.terms) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, c.terms) {
			t.Errorf("Terms(%q) = %q, want %q", c.in, got, c.terms)
		}
	}
	if w := Words(strings.Repeat("x", 41) + " ok"); !reflect.DeepEqual(w, []string{"ok"}) {
		t.Errorf("a 41-letter run should be dropped: %q", w)
	}
}

func hit(d *Doc, term string) Hit {
	for _, h := range d.Hits() {
		if h.Term == term {
			return h
		}
	}
	return Hit{}
}

func TestAnalyseWeighsTitleHeadingBody(t *testing.T) {
	d := Analyse(Page{
		URL: "/settings/snapchat/", Title: "Snapchat settings", Description: "Hide your child's location.",
		Terms: []string{"Privacy settings", "Snapchat"},
		HTML: []byte(`<p>Intro about ghosts.</p>
<div class="block block-warning"><p class="block-label"><span aria-hidden="true">!</span> Warning</p><p>Keep evidence.</p></div>
<h2 id="snap-map">Turn off Snap Map</h2><p>Your child's location shows on the map. The map, the map.</p>
<h2>No id here</h2><p>Ghost mode.</p>
<h3 id="report">Report someone</h3><p>Use the report button to report.</p>`),
	})
	if want := []Heading{{"Turn off Snap Map", "snap-map"}, {"Report someone", "report"}}; !reflect.DeepEqual(d.Headings(), want) {
		t.Errorf("headings = %v, want %v", d.Headings(), want)
	}
	title, heading, body := hit(d, "snapchat"), hit(d, "snap"), hit(d, "ghost")
	if !(title.Score > heading.Score && heading.Score > body.Score && body.Score > 0) {
		t.Errorf("want title > heading > body: snapchat %d, snap %d, ghost %d", title.Score, heading.Score, body.Score)
	}
	if h := hit(d, "map"); h.Section != 1 {
		t.Errorf("map: section %d, want 1 (Turn off Snap Map)", h.Section)
	}
	if h := hit(d, "report"); h.Section != 2 {
		t.Errorf("report: section %d, want 2", h.Section)
	}
	if h := hit(d, "locat"); h.Score <= hit(d, "ghost").Score {
		t.Errorf("description words should outweigh body words: locat %d, ghost %d", h.Score, hit(d, "ghost").Score)
	}
	if h := hit(d, "warn"); h.Score != 0 {
		t.Errorf("block labels are not indexed, got warn %+v", h)
	}
	if h := hit(d, "mode"); h.Section != 1 {
		t.Errorf("text under a heading without an id belongs to the section before: got %d", h.Section)
	}
}

func TestVarints(t *testing.T) {
	var b []byte
	in := []int{0, 1, 31, 32, 1023, 1024, 4095, 123456}
	for _, n := range in {
		b = appendVarint(b, n)
	}
	if got := readVarints(string(b)); !reflect.DeepEqual(got, in) {
		t.Errorf("round trip: %v, want %v", got, in)
	}
}

func TestBoundary(t *testing.T) {
	for _, c := range [][3]string{
		{"snap", "snapchat", "snapc"}, {"abc", "b", "b"}, {"abc", "abd", "abd"}, {"a", "ab", "ab"}, {"zz", "é", "é"},
	} {
		if got := boundary(c[0], c[1]); got != c[2] {
			t.Errorf("boundary(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

func TestWriteIsDeterministic(t *testing.T) {
	var docs []*Doc
	for _, u := range []string{"/b/", "/a/", "/c/"} {
		docs = append(docs, Analyse(Page{URL: u, Title: "Page " + u, HTML: []byte("<p>Shared words and " + u + "</p>")}))
	}
	a := Write("en", docs)
	b := Write("en", []*Doc{docs[2], docs[0], docs[1]})
	if !reflect.DeepEqual(a, b) {
		t.Error("the index depends on the order of the pages")
	}
	var meta Meta
	for _, f := range a {
		if f.Path == Dir+"meta.json" {
			json.Unmarshal(f.Data, &meta)
		}
	}
	if meta.Docs != 3 || meta.Hash == "" || len(meta.Bounds) != 1 {
		t.Errorf("meta: %+v", meta)
	}
	// "share" is on every page: pages 0, 1, 2 (by URL), each a distance of
	// 0 or 1 from the last, with a body score and no title bit.
	for _, f := range a {
		if f.Path != Dir+"t0.json" {
			continue
		}
		var shard map[string]string
		json.Unmarshal(f.Data, &shard)
		got := readVarints(shard["share"])
		if len(got) != 6 || got[0] != 0 || got[2] != 1 || got[4] != 1 || got[1]&titleBit != 0 || got[1]>>(sectionBits+1) == 0 {
			t.Errorf("postings of share: %v", got)
		}
		if got := readVarints(shard["page"]); got[1]&titleBit == 0 {
			t.Errorf("page is in every title: %v", got)
		}
	}
}

// TestWalkTextReadsHTMLAsBrowsers pins the text of what a cheaper lexer
// would read otherwise (tdewolff/parse's, tried for issue 18, gives svg as
// one token, no entities, CDATA as text, and lowers names in its input):
// entities, NUL as U+FFFD, svg's text, noscript's, textarea's and title's
// content as text, CDATA and comments as nothing, the first of two ids,
// names in any case, end tags with spaces or attributes, line ends as
// "\n".
func TestWalkTextReadsHTMLAsBrowsers(t *testing.T) {
	in := []byte("<P>One &amp; two&nbsp;&lt;x&gt; &copy2024 &#0;</P><![CDATA[cd]]><noscript><p>ns</p></noscript><svg><title>svg</title></svg>" +
		"<H2 ID=\"h&amp;1\" id=second>Q &amp; A</H2 ><p>a<!-- c -->b</p class=x>c<SCRIPT>no</SCRIPT><span class=\"x block-label\">lab</span>" +
		"<i aria-hidden=true>hid</i><h3 id=a/b>sl</h3><textarea>ta <b>x</b></textarea><title>ti &amp; x</title><p>u<BR/>v<br>w<img/>z</p>a\r\nb\rc</>d")
	was := string(in)
	var got []string
	var w weigher
	w.walkText(html.NewTokenizer(bytes.NewReader(in)), func(text []byte, heading bool, id []byte) {
		got = append(got, fmt.Sprintf("%s|%v|%s", text, heading, id))
	})
	want := []string{"One & two\u00a0<x> ©2024 \ufffd <p>ns</p>svg|false|", "Q & A|true|h&1", "ab c|false|", "sl|true|a/b",
		"ta <b>x</b>ti & x|false|", "u v w z a\nb\ncd|false|"}
	if !slices.Equal(got, want) {
		t.Errorf("text %q, want %q", got, want)
	}
	if string(in) != was {
		t.Errorf("the walk changed the page to %q", in)
	}
}
