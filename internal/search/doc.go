package search

import (
	"bytes"
	"math"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// Page is what the index needs from one page.
type Page struct {
	URL         string // the page's link, as RelPermalink
	Title       string
	Description string
	Terms       []string // its topics, ages and apps, as written
	HTML        []byte   // the converted markdown body, without the templates
	// Lang is the page's language, a key ("ur") or a code ("en-GB"): its
	// words are split and reduced by For(Lang); "" is English.
	Lang string
	// Stemmer is shared by a build's pages, so each English word is
	// stemmed once; nil stems every page afresh.
	Stemmer *Stemmer
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
	// Headings are the body's headings that have an id, in order;
	// section i (from 1) is the text under Headings[i-1], and section 0
	// the text before the first of them.
	Headings []Heading
	// Hits are the page's terms, sorted, with their weight.
	Hits []Hit
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

// Analyse extracts a page's text and weighs its terms, in the page's
// language.
func Analyse(p Page) *Doc {
	a := For(p.Lang)
	d := &Doc{URL: p.URL, Title: p.Title, Description: p.Description, Answer: p.Answer, Lang: a.Lang}
	w := &weigher{terms: make(map[string]*termAcc, 128), stems: stems{a: a, shared: p.Stemmer}, words: wordSplitter{a: a}}
	w.addFixed(p.Title, weightTitle)
	w.addFixed(p.Description, weightDescription)
	w.addFixed(strings.Join(p.Terms, "\n"), weightTaxonomy)
	walkText(p.HTML, func(text string, heading bool, id string) {
		if heading && id != "" {
			d.Headings = append(d.Headings, Heading{Text: strings.Join(strings.Fields(text), " "), ID: id})
			w.section = len(d.Headings)
		}
		// A heading without an id (a helpline card's name) cannot be
		// linked to: it counts as text of the section it is in.
		w.addText(text, heading && id != "")
	})
	d.Hits = w.hits(p.share(&w.stems))
	return d
}

// weigher gathers the terms of one page and where they are.
type weigher struct {
	terms   map[string]*termAcc
	stems   stems
	words   wordSplitter
	section int // the section being read: 0 before the first heading with an id
}

// termAcc is what a page says of one term.
type termAcc struct {
	fixed   float64 // title, description, taxonomy
	inTitle bool
	in      []mentions
}

// mentions counts a term in one section.
type mentions struct{ section, body, heading int }

// acc returns the accumulator of a word's term, or nil for a stop word.
func (w *weigher) acc(word []byte) *termAcc {
	t, ok := w.stems.term(word)
	if !ok {
		return nil
	}
	a := w.terms[t]
	if a == nil {
		a = &termAcc{}
		w.terms[t] = a
	}
	return a
}

// addFixed weighs the words of a title, description or taxonomy terms.
func (w *weigher) addFixed(text string, weight float64) {
	seen := map[*termAcc]bool{}
	w.words.each(text, func(word []byte) {
		if a := w.acc(word); a != nil && !seen[a] { // said twice in a title, counted once
			seen[a] = true
			a.fixed += weight
			a.inTitle = a.inTitle || weight == weightTitle
		}
	})
}

// addText counts the words of a run of body text in the current section.
func (w *weigher) addText(text string, heading bool) {
	w.words.each(text, func(word []byte) {
		a := w.acc(word)
		if a == nil {
			return
		}
		if n := len(a.in); n == 0 || a.in[n-1].section != w.section {
			a.in = append(a.in, mentions{section: w.section})
		}
		if m := &a.in[len(a.in)-1]; heading {
			m.heading++
		} else {
			m.body++
		}
	})
}

// hits scores every term, sorted by term; share, when not nil, says how
// much of its score each term keeps.
func (w *weigher) hits(share func(term string, inTitle bool) float64) []Hit {
	hits := make([]Hit, 0, len(w.terms))
	for t, a := range w.terms {
		best, bestW, tf, hw := 0, 0, 0, 0
		for _, m := range a.in {
			if v := m.heading*weightHeading + m.body; v > bestW {
				best, bestW = m.section, v
			}
			tf += m.body
			hw += m.heading
		}
		score := a.fixed + float64(min(hw, 2))*weightHeading + weightBody*float64(tf)/(float64(tf)+1.5)
		if share != nil {
			score *= share(t, a.inTitle)
		}
		hits = append(hits, Hit{Term: t, Score: uint8(min(max(math.Round(score), 1), maxScore)), InTitle: a.inTitle, Section: uint16(best)})
	}
	slices.SortFunc(hits, func(a, b Hit) int { return strings.Compare(a.Term, b.Term) })
	return hits
}

// walkText calls fn with the text of each heading and of each run of body
// text in src, skipping what is there for looks (block labels, hidden icons).
func walkText(src []byte, fn func(text string, heading bool, id string)) {
	z := html.NewTokenizer(bytes.NewReader(src))
	t := &textWalker{fn: fn}
	for {
		switch z.Next() {
		case html.ErrorToken:
			t.flush()
			return
		case html.TextToken:
			if t.skip == 0 {
				t.text.Write(z.Text())
			}
		case html.StartTagToken:
			t.start(z)
		case html.EndTagToken:
			name, _ := z.TagName()
			t.end(string(name))
		case html.SelfClosingTagToken:
			t.text.WriteByte(' ')
		}
	}
}

// textWalker is the state of walkText.
type textWalker struct {
	fn      func(text string, heading bool, id string)
	text    strings.Builder
	heading int    // the open heading's level
	id      string // and its id
	skip    int    // depth inside skipped elements
	stack   []bool // for each open element: is it skipped?
}

func (t *textWalker) flush() {
	if t.text.Len() > 0 {
		t.fn(t.text.String(), t.heading > 0, t.id)
		t.text.Reset()
	}
}

func (t *textWalker) start(z *html.Tokenizer) {
	name, hasAttr := z.TagName()
	tag := string(name)
	var class, hidden, elemID string
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch string(k) {
		case "class":
			class = string(v)
		case "aria-hidden":
			hidden = string(v)
		case "id":
			elemID = string(v)
		}
	}
	if voidElements[tag] {
		t.text.WriteByte(' ')
		return
	}
	skipped := hidden == "true" || tag == "script" || tag == "style" || tag == "template" ||
		strings.Contains(" "+class+" ", " block-label ")
	if skipped {
		t.skip++
	}
	t.stack = append(t.stack, skipped)
	if lvl := headingLevel(tag); lvl > 0 {
		t.flush()
		t.heading, t.id = lvl, elemID
	} else if blockElements[tag] {
		t.flush()
	}
}

func (t *textWalker) end(tag string) {
	if voidElements[tag] {
		return
	}
	if n := len(t.stack); n > 0 {
		if t.stack[n-1] {
			t.skip--
		}
		t.stack = t.stack[:n-1]
	}
	if headingLevel(tag) > 0 {
		t.flush()
		t.heading, t.id = 0, ""
	} else if blockElements[tag] {
		t.text.WriteByte(' ')
	}
}

func headingLevel(tag string) int {
	if len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' {
		return int(tag[1] - '0')
	}
	return 0
}

var voidElements = setOf("area base br col embed hr img input link meta source track wbr")

var blockElements = setOf(`p div li ul ol dl dt dd table tr td th blockquote pre section
details summary figure figcaption`)
