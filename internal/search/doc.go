package search

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/signpost/signpost/internal/htmltoken"
)

// Page is what the index needs from one page.
type Page struct {
	URL         string // the page's link, as RelPermalink
	Title       string
	Description string
	Terms       []string // its topics, ages and apps, as written
	HTML        []byte   // the converted markdown body, without the templates
	// Tokens, when not nil, are HTML's tokens, recorded once for the
	// index and the checks, which both read the body.
	Tokens *htmltoken.Tape
	// Lang is the page's language, a key ("ur") or a code ("en-GB"): its
	// words are split and reduced by For(Lang); "" is English.
	Lang string
	// Lexicon is shared by a build's pages, so each word is stemmed
	// and numbered once; nil numbers every page's terms afresh.
	Lexicon *Lexicon
	// Country is the site's own country as a region code ("GB"). A page
	// whose title names only other countries ranks below the site's own
	// equivalents, except for those countries' names.
	Country string
	// Minor pages (about the site rather than guidance) rank below
	// guidance for words that are not in their title.
	Minor bool
	// Answer pages rank first for questions such as "how do I report":
	// AnswerHub for a section's own page, AnswerFirst for a page that
	// answers "what do I do" before all others ("Worried right now?") and
	// ranks a little higher for any query.
	Answer Answer
}

// Answer says whether a page answers a parent's questions, and how first.
type Answer uint8

const (
	AnswerNone Answer = iota
	AnswerHub
	AnswerFirst
)

// Doc is a page analysed for the index. The build keeps one for every page,
// so that after an edit the index is written again from the pages' Docs
// without reading any other page.
type Doc struct {
	URL, Title, Description string
	// Lang is the language of its terms (Analyser.Lang): Write indexes
	// the pages of one language.
	Lang string
	// Answer says whether the page answers questions (see Page.Answer).
	Answer Answer
	// headings are the body's headings that have an id, in order (see
	// Headings), as one string: a page's headings as strings and
	// structs were 5 MB of a 10,000-page build's live heap.
	headings string
	// lex numbers the page's terms, and hits holds them, a few bytes
	// each (see appendHit), in order of id.
	lex  *lexicon
	hits []byte
}

// Analyse extracts a page's text and weighs its terms, in the page's
// language.
func Analyse(p Page) *Doc {
	a := For(p.Lang)
	d := &Doc{URL: p.URL, Title: p.Title, Description: p.Description, Answer: p.Answer, Lang: a.Lang, lex: p.Lexicon.of(a)}
	w := weighers.Get().(*weigher)
	defer weighers.Put(w)
	w.start(d.lex)
	w.addFixed(p.Title, weightTitle)
	w.addFixed(p.Description, weightDescription)
	w.addFixed(strings.Join(p.Terms, "\n"), weightTaxonomy)
	heads, n := w.heads[:0], 0
	var z htmltoken.Tokens
	if p.Tokens != nil {
		z = p.Tokens.Replay()
	} else {
		z = html.NewTokenizer(bytes.NewReader(p.HTML))
	}
	w.walkText(z, func(text []byte, heading bool, id []byte) {
		if heading && len(id) > 0 {
			w.spaced = collapseSpaces(w.spaced[:0], text)
			heads = appendHeading(heads, w.spaced, id)
			n++
			w.section = n
		}
		// A heading without an id (a helpline card's name) cannot be
		// linked to: it counts as text of the section it is in.
		w.addText(text, heading && len(id) > 0)
	})
	d.hits = w.hits(p.share(d.lex))
	d.headings, w.heads = string(heads), heads
	return d
}

// Headings returns the body's headings that have an id, in order; section
// i (from 1) is the text under heading i-1, and section 0 the text before
// the first of them.
func (d *Doc) Headings() []Heading {
	var out []Heading
	for s := d.headings; s != ""; {
		var text, id string
		text, s = readString(s)
		id, s = readString(s)
		out = append(out, Heading{Text: text, ID: id})
	}
	return out
}

// appendHeading appends a heading's text and id, each after its length.
func appendHeading(b, text, id []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(text)))
	b = append(b, text...)
	b = binary.AppendUvarint(b, uint64(len(id)))
	return append(b, id...)
}

// collapseSpaces appends text to dst with its runs of spaces made one
// and none at either end, as strings.Join(strings.Fields(text), " ").
func collapseSpaces(dst, text []byte) []byte {
	start, field := len(dst), false
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(text[i:])
		}
		if unicode.IsSpace(r) {
			field = false
		} else {
			if !field && len(dst) > start {
				dst = append(dst, ' ')
			}
			field = true
			dst = append(dst, text[i:i+n]...)
		}
		i += n
	}
	return dst
}

// readString reads a string after its length from the start of s, and
// returns it and the rest of s.
func readString(s string) (string, string) {
	var n uint64
	var i int
	for shift := 0; ; shift += 7 {
		c := s[i]
		i++
		n |= uint64(c&0x7f) << shift
		if c < 0x80 {
			break
		}
	}
	return s[i : i+int(n)], s[i+int(n):]
}

// Hits returns the page's terms, sorted, with their weight.
func (d *Doc) Hits() []Hit {
	terms := d.lex.snapshot()
	var out []Hit
	for id, rest := int32(0), d.hits; len(rest) > 0; {
		var h idHit
		h, rest = readHit(rest, id)
		id = h.id
		out = append(out, Hit{Term: terms[h.id], Score: h.score, InTitle: h.inTitle, Section: h.section})
	}
	slices.SortFunc(out, func(a, b Hit) int { return strings.Compare(a.Term, b.Term) })
	return out
}

// Heading is a heading a result can link to.
type Heading struct {
	Text, ID string
}

// Hit is one term of a page: how strongly the page is about it, whether
// its title says it, and the section that mentions it most.
type Hit struct {
	Term    string
	Score   uint8
	InTitle bool
	Section uint16
}

// idHit is a Hit as a Doc keeps it, by term id.
type idHit struct {
	id      int32
	score   uint8
	inTitle bool
	section uint16
}

// appendHit encodes a hit after the one of id prev (ids ascending) in two
// varints: the distance from prev, then section<<7 | inTitle<<6 | score
// (a score is at most maxScore, 63). Most hits take two or three bytes.
func appendHit(b []byte, h idHit, prev int32) []byte {
	b = binary.AppendUvarint(b, uint64(h.id-prev))
	v := uint64(h.section)<<7 | uint64(h.score)
	if h.inTitle {
		v |= 1 << 6
	}
	return binary.AppendUvarint(b, v)
}

// readHit decodes the hit at the start of b, after the one of id prev, and
// returns it and the rest of b.
func readHit(b []byte, prev int32) (idHit, []byte) {
	d, n := binary.Uvarint(b)
	b = b[n:]
	v, n := binary.Uvarint(b)
	return idHit{id: prev + int32(d), score: uint8(v & maxScore), inTitle: v&(1<<6) != 0, section: uint16(v >> 7)}, b[n:]
}

// Weights of one occurrence of a term, by where it is. Titles count most,
// then headings, then the description and terms, then body text.
const (
	weightTitle       = 12
	weightHeading     = 6
	weightTaxonomy    = 5
	weightDescription = 4
	// weightBody is the most body text can add: each further mention adds
	// less, so a long page does not outrank a page about the thing.
	weightBody = 5
	maxScore   = 63
)

// weighers are reused from page to page: their buffers and tables grow to
// a page's size once per render worker, not once per page.
var weighers = sync.Pool{New: func() any { return &weigher{} }}

// weigher gathers the terms of one page and where they are.
type weigher struct {
	lex  *lexicon
	ids1 *idCache // lex's ids of short words this worker looked up
	// caches are ids1 of each lexicon this worker has read pages of: a
	// build's pages come in all its languages, one after another.
	caches  map[*lexicon]*idCache
	words   wordSplitter
	text    textWalker
	accs    []termAcc
	slot    []int32 // by term id: 1 + the term's index in accs, 0 for none
	ids     []int32
	idsTmp  []int32 // sortIDs' other buffer
	heads   []byte  // the page's headings, as Doc.headings
	spaced  []byte  // a heading's text, its spaces collapsed
	out     []byte
	fixed   int32 // counts addFixed calls, to count a word once per call
	section int   // the section being read: 0 before the first heading with an id
}

// termAcc is what a page says of one term. Sections are read in order,
// so it keeps the section being read and the best before it.
type termAcc struct {
	id      int32
	seen    int32   // the addFixed call that last counted it
	fixed   float64 // title, description, taxonomy
	inTitle bool
	section int // the last section that mentions it, and its weight there
	weight  int
	best    int // the section that mentions it most, and that weight
	bestW   int
	tf, hw  int // body and heading mentions in all
}

// maxIDCaches bounds a worker's caches: more than a site's languages.
const maxIDCaches = 16

// start readies w for a page whose terms lex numbers.
func (w *weigher) start(lex *lexicon) {
	if w.ids1 = w.caches[lex]; w.ids1 == nil {
		if w.caches == nil || len(w.caches) >= maxIDCaches {
			// Lexicons of past builds (or of single pages) are let go.
			w.caches = map[*lexicon]*idCache{}
		}
		w.ids1 = new(idCache)
		w.caches[lex] = w.ids1
	}
	w.lex, w.section, w.fixed = lex, 0, 0
	w.words.a = lex.a
	w.accs = w.accs[:0]
}

// acc returns the accumulator of a word's term, or nil for a stop word.
func (w *weigher) acc(word []byte) *termAcc {
	id := w.ids1.id(w.lex, word)
	if id == noTerm {
		return nil
	}
	if int(id) >= len(w.slot) {
		w.slot = append(w.slot, make([]int32, int(id)+1-len(w.slot)+len(w.slot)/2)...)
	}
	if i := w.slot[id]; i > 0 {
		return &w.accs[i-1]
	}
	w.accs = append(w.accs, termAcc{id: id})
	w.slot[id] = int32(len(w.accs))
	return &w.accs[len(w.accs)-1]
}

// addFixed weighs the words of a title, description or taxonomy term.
func (w *weigher) addFixed(text string, weight float64) {
	w.fixed++
	w.words.each(text, func(word []byte) {
		if a := w.acc(word); a != nil && a.seen != w.fixed { // said twice in a title, counted once
			a.seen = w.fixed
			a.fixed += weight
			a.inTitle = a.inTitle || weight == weightTitle
		}
	})
}

// addText counts the words of a run of body text in the current section.
func (w *weigher) addText(text []byte, heading bool) {
	splitWords(&w.words, text, func(word []byte) {
		a := w.acc(word)
		if a == nil {
			return
		}
		if a.weight > 0 && a.section != w.section {
			a.endSection()
		}
		a.section = w.section
		if heading {
			a.weight += weightHeading
			a.hw++
		} else {
			a.weight++
			a.tf++
		}
	})
}

// endSection closes the section a term was last mentioned in: the first
// of the sections that mention it most is its best.
func (a *termAcc) endSection() {
	if a.weight > a.bestW {
		a.best, a.bestW = a.section, a.weight
	}
	a.weight = 0
}

// hits scores every term and encodes them in order of id; share, when
// not nil, says how much of its score each term keeps.
func (w *weigher) hits(share func(id int32, inTitle bool) float64) []byte {
	// Sorting the ids and finding each one's accumulator by its slot is
	// cheaper than sorting the accumulators.
	ids := w.ids[:0]
	for i := range w.accs {
		ids = append(ids, w.accs[i].id)
	}
	ids, w.idsTmp = sortIDs(ids, w.idsTmp)
	out, prev := w.out[:0], int32(0)
	for _, id := range ids {
		a := &w.accs[w.slot[id]-1]
		w.slot[id] = 0
		a.endSection()
		score := a.fixed + float64(min(a.hw, 2))*weightHeading + weightBody*float64(a.tf)/(float64(a.tf)+1.5)
		if share != nil {
			score *= share(id, a.inTitle)
		}
		h := idHit{id: id, score: uint8(min(max(math.Round(score), 1), maxScore)), inTitle: a.inTitle, section: uint16(a.best)}
		out, prev = appendHit(out, h, prev), id
	}
	w.out, w.ids = out, ids
	return slices.Clone(out)
}

// sortIDs sorts term ids (not negative) in ascending order, a byte of them
// at a time, least significant first, in ids and tmp in turn; it returns
// them sorted and the other buffer. A page's ids are a few hundred numbers
// below the size of the lexicon (two or three bytes): slices.Sort of them
// was a sixth of Analyse's time.
func sortIDs(ids, tmp []int32) (sorted, other []int32) {
	var most int32
	for _, id := range ids {
		most = max(most, id)
	}
	tmp = slices.Grow(tmp[:0], len(ids))[:len(ids)]
	for shift := 0; shift < 32 && most>>shift > 0; shift += 8 {
		var at [256]int
		for _, id := range ids {
			at[id>>shift&0xff]++
		}
		n := 0
		for b, c := range at {
			at[b], n = n, n+c
		}
		for _, id := range ids {
			b := id >> shift & 0xff
			tmp[at[b]] = id
			at[b]++
		}
		ids, tmp = tmp, ids
	}
	return ids, tmp
}

// walkText calls fn with the text of each heading and of each run of body
// text that z reads, skipping what is there for looks (block labels, hidden
// icons); text is only valid during the call.
func (w *weigher) walkText(z htmltoken.Tokens, fn func(text []byte, heading bool, id []byte)) {
	t := &w.text
	t.fn, t.text, t.heading, t.id, t.skip, t.stack = fn, t.text[:0], 0, t.id[:0], 0, t.stack[:0]
	for {
		switch z.Next() {
		case html.ErrorToken:
			t.flush()
			t.fn = nil
			return
		case html.TextToken:
			if t.skip == 0 {
				t.text = append(t.text, z.Text()...)
			}
		case html.StartTagToken:
			t.start(z)
		case html.EndTagToken:
			t.end(t.tagName(z.Raw()))
		case html.SelfClosingTagToken:
			t.text = append(t.text, ' ')
		}
	}
}

// textWalker is the state of walkText.
type textWalker struct {
	fn      func(text []byte, heading bool, id []byte)
	text    []byte
	name    []byte // the current tag's name
	heading int    // the open heading's level
	id      []byte // and its id
	newID   []byte // the id of the heading being started
	skip    int    // depth inside skipped elements
	stack   []bool // for each open element: is it skipped?
}

func (t *textWalker) flush() {
	if len(t.text) > 0 {
		t.fn(t.text, t.heading > 0, t.id)
		t.text = t.text[:0]
	}
}

func (t *textWalker) start(z htmltoken.Tokens) {
	raw := z.Raw()
	name := t.tagName(raw)
	if void(name) {
		t.text = append(t.text, ' ')
		return
	}
	lvl := headingLevel(name)
	var label, hidden bool // as the last class and aria-hidden attributes say
	t.newID = t.newID[:0]
	// The attributes are read in place (a tape's, or a tag's raw text):
	// TagAttr copies every one it returns.
	htmltoken.EachAttr(z, func(k, v []byte) {
		switch string(k) {
		case "class":
			label = hasClass(v, "block-label")
		case "aria-hidden":
			hidden = string(v) == "true"
		case "id":
			if lvl > 0 {
				t.newID = append(t.newID[:0], v...)
			}
		}
	})
	skipped := label || hidden || string(name) == "script" || string(name) == "style" || string(name) == "template"
	if skipped {
		t.skip++
	}
	t.stack = append(t.stack, skipped)
	if lvl > 0 {
		t.flush()
		t.heading, t.id, t.newID = lvl, t.newID, t.id
	} else if block(name) {
		t.flush()
	}
}

// tagName returns the lower-case name of a start or end tag token from its
// raw text ("<H2 id=x>", "</p>"), ending where Tokenizer.TagName's does;
// TagName copies the name. A name with a NUL byte, which TagName would
// give with U+FFFD in its place, is no element this walker knows either
// way.
func (t *textWalker) tagName(raw []byte) []byte {
	i := 1
	if len(raw) > 1 && raw[1] == '/' {
		i = 2
	}
	name := t.name[:0]
	for _, c := range raw[min(i, len(raw)):] {
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '/' || c == '>' {
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		name = append(name, c)
	}
	t.name = name
	return name
}

// hasClass reports whether a class attribute's value names class, as
// one of its space-separated words.
func hasClass(v []byte, class string) bool {
	for len(v) > 0 {
		c, rest, _ := bytes.Cut(v, []byte{' '})
		if string(c) == class {
			return true
		}
		v = rest
	}
	return false
}

func (t *textWalker) end(name []byte) {
	if void(name) {
		return
	}
	if n := len(t.stack); n > 0 {
		if t.stack[n-1] {
			t.skip--
		}
		t.stack = t.stack[:n-1]
	}
	if headingLevel(name) > 0 {
		t.flush()
		t.heading, t.id = 0, t.id[:0]
	} else if block(name) {
		t.text = append(t.text, ' ')
	}
}

func headingLevel(tag []byte) int {
	if len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' {
		return int(tag[1] - '0')
	}
	return 0
}

// void elements have no end tag; a switch finds a tag name among them
// faster than a map (a tenth of walkText's time).
func void(name []byte) bool {
	switch string(name) {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

// block elements separate runs of text.
func block(name []byte) bool {
	switch string(name) {
	case "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "blockquote", "pre", "section",
		"details", "summary", "figure", "figcaption":
		return true
	}
	return false
}
