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
	// Stemmer is shared by a build's pages, so each word is stemmed once;
	// nil stems every page afresh.
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

// Analyse extracts a page's text and weighs its terms.
func Analyse(p Page) *Doc {
	d := &Doc{URL: p.URL, Title: p.Title, Description: p.Description, Answer: p.Answer}
	// mentions counts a term in one section.
	type mentions struct{ section, body, heading int }
	type acc struct {
		fixed   float64 // title, description, taxonomy
		inTitle bool
		in      []mentions
	}
	terms := make(map[string]*acc, 128)
	stems := stems{shared: p.Stemmer}
	var words wordSplitter
	get := func(w []byte) *acc {
		t, ok := stems.term(w)
		if !ok {
			return nil
		}
		a := terms[t]
		if a == nil {
			a = &acc{}
			terms[t] = a
		}
		return a
	}
	addFixed := func(text string, weight float64) {
		seen := map[*acc]bool{}
		words.each(text, func(w []byte) {
			if a := get(w); a != nil && !seen[a] { // said twice in a title, counted once
				seen[a] = true
				a.fixed += weight
				a.inTitle = a.inTitle || weight == weightTitle
			}
		})
	}
	addFixed(p.Title, weightTitle)
	addFixed(p.Description, weightDescription)
	addFixed(strings.Join(p.Terms, "\n"), weightTaxonomy)

	section := 0
	walkText(p.HTML, func(text string, heading bool, id string) {
		if heading && id != "" {
			d.Headings = append(d.Headings, Heading{Text: strings.Join(strings.Fields(text), " "), ID: id})
			section = len(d.Headings)
		}
		// A heading without an id (a helpline card's name) cannot be
		// linked to: it counts as text of the section it is in.
		heading = heading && id != ""
		words.each(text, func(w []byte) {
			a := get(w)
			if a == nil {
				return
			}
			if n := len(a.in); n == 0 || a.in[n-1].section != section {
				a.in = append(a.in, mentions{section: section})
			}
			if m := &a.in[len(a.in)-1]; heading {
				m.heading++
			} else {
				m.body++
			}
		})
	})

	share := p.share(&stems)
	d.Hits = make([]Hit, 0, len(terms))
	for t, a := range terms {
		best, bestW, tf, hw := 0, 0, 0, 0
		for _, m := range a.in {
			if w := m.heading*weightHeading + m.body; w > bestW {
				best, bestW = m.section, w
			}
			tf += m.body
			hw += m.heading
		}
		score := a.fixed + float64(min(hw, 2))*weightHeading + weightBody*float64(tf)/(float64(tf)+1.5)
		if share != nil {
			score *= share(t, a.inTitle)
		}
		d.Hits = append(d.Hits, Hit{Term: t, Score: uint8(min(max(math.Round(score), 1), maxScore)), InTitle: a.inTitle, Section: uint16(best)})
	}
	slices.SortFunc(d.Hits, func(a, b Hit) int { return strings.Compare(a.Term, b.Term) })
	return d
}

// walkText calls fn with the text of each heading and of each run of body
// text in src, skipping what is there for looks (block labels, hidden icons).
func walkText(src []byte, fn func(text string, heading bool, id string)) {
	z := html.NewTokenizer(bytes.NewReader(src))
	var text strings.Builder
	heading, id := 0, "" // the open heading's level, and its id
	skip := 0            // depth inside skipped elements
	var stack []bool     // for each open element: is it skipped?
	flush := func() {
		if text.Len() > 0 {
			fn(text.String(), heading > 0, id)
			text.Reset()
		}
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return
		case html.TextToken:
			if skip == 0 {
				text.Write(z.Text())
			}
		case html.StartTagToken:
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
				text.WriteByte(' ')
				continue
			}
			skipped := hidden == "true" || tag == "script" || tag == "style" || tag == "template" ||
				strings.Contains(" "+class+" ", " block-label ")
			if skipped {
				skip++
			}
			stack = append(stack, skipped)
			if lvl := headingLevel(tag); lvl > 0 {
				flush()
				heading, id = lvl, elemID
			} else if blockElements[tag] {
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if voidElements[tag] {
				continue
			}
			if n := len(stack); n > 0 {
				if stack[n-1] {
					skip--
				}
				stack = stack[:n-1]
			}
			if headingLevel(tag) > 0 {
				flush()
				heading, id = 0, ""
			} else if blockElements[tag] {
				text.WriteByte(' ')
			}
		case html.SelfClosingTagToken:
			text.WriteByte(' ')
		}
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
