package check

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"github.com/signpost/signpost/internal/diag"
)

// Stats are the counts behind a Flesch–Kincaid grade.
type Stats struct {
	Words, Sentences, Syllables int
}

// Grade is the Flesch–Kincaid grade level: about the US school grade (age
// minus five) that can read the text easily.
func (s Stats) Grade() float64 {
	if s.Words == 0 || s.Sentences == 0 {
		return 0
	}
	return 0.39*float64(s.Words)/float64(s.Sentences) + 11.8*float64(s.Syllables)/float64(s.Words) - 15.59
}

// blockElems end a sentence where they end: list items, table cells and
// headings often have no full stop.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dd: true, atom.Dt: true, atom.Td: true, atom.Th: true,
	atom.Blockquote: true, atom.Summary: true, atom.Figcaption: true, atom.Div: true, atom.Details: true,
	atom.Ol: true, atom.Ul: true, atom.Dl: true, atom.Table: true, atom.Tr: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// skipElems hold no prose: code, and what is hidden from readers.
var skipElems = map[atom.Atom]bool{atom.Pre: true, atom.Code: true, atom.Script: true, atom.Style: true, atom.Svg: true}

// prose splits a page body's HTML into blocks of running text, reading
// it as a stream. Headings are left out: they are labels, not sentences.
func prose(b []byte) []string {
	var p proseReader
	walkHTML(b, &p)
	p.flush()
	return p.blocks
}

// proseReader gathers the blocks of prose of a walk.
type proseReader struct {
	blocks []string
	cur    strings.Builder
}

func (p *proseReader) flush() {
	if t := strings.Join(strings.Fields(p.cur.String()), " "); t != "" {
		p.blocks = append(p.blocks, t)
	}
	p.cur.Reset()
}

// start skips elements that hold no prose (code, headings, what is hidden),
// ends a block where a block element starts, and reads code as the word
// "code" and a line break as a space.
func (p *proseReader) start(w *htmlWalker, tag atom.Atom, a tagAttrs) element {
	if w.hidden > 0 {
		return element{}
	}
	switch {
	case tag == atom.Code:
		p.cur.WriteString(" code ")
	case tag == atom.Br:
		p.cur.WriteString(" ")
	case headingLevel(tag) > 0 || blockElems[tag]:
		p.flush()
	}
	return element{hidden: skipElems[tag] || a.hidden || headingLevel(tag) > 0}
}

func (p *proseReader) text(_ *htmlWalker, t []byte) { p.cur.Write(t) }

func (p *proseReader) end(w *htmlWalker, tag atom.Atom) {
	if w.hidden == 0 && blockElems[tag] {
		p.flush()
	}
}

func (p *proseReader) closed(*element) {}

// sentenceEnd is a full stop, question or exclamation mark (and closing
// quotes or brackets) followed by a space and a letter or digit. Sentences
// may start in lower case ("iPhones", "eSafety"); abbreviations are kept.
var sentenceEnd = regexp.MustCompile(`[.!?…]+["'”’)\]]*\s+["'“‘(\[]*[\pL\pN]`)

// sentences splits a block of text into sentences; a full stop that ends
// one of abbrevs ("e.g.") does not end a sentence.
func sentences(block string, abbrevs []string) []string {
	var out []string
	for {
		// Every end starts with its punctuation: the regexp, which has no
		// literal prefix to skip ahead by, is started there: the same
		// leftmost match without trying every letter before it.
		i := strings.IndexAny(block, ".!?…")
		if i < 0 {
			break
		}
		loc := sentenceEnd.FindStringIndex(block[i:])
		if loc == nil {
			break
		}
		loc[0], loc[1] = loc[0]+i, loc[1]+i
		// Cut after the punctuation, before the next sentence's first letter.
		cut := loc[1] - len(string(lastRune(block[:loc[1]])))
		s := strings.TrimSpace(block[:cut])
		if abbreviation(s, abbrevs) {
			// "e.g. Snapchat" or "Mr. Smith": not the end of a sentence.
			next := sentences(block[cut:], abbrevs)
			if len(next) > 0 {
				next[0] = s + " " + next[0]
				return append(out, next...)
			}
		}
		out = append(out, s)
		block = block[cut:]
	}
	if t := strings.TrimSpace(block); t != "" {
		out = append(out, t)
	}
	return out
}

// lastRune is the last rune of s, decoded from the end rather than by
// copying all of s into runes.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func abbreviation(s string, abbrevs []string) bool {
	l := strings.ToLower(s)
	for _, a := range abbrevs {
		if strings.HasSuffix(l, " "+a) || l == a {
			return true
		}
	}
	return false
}

// wordsOf is the words of a sentence: runs with a letter or a digit,
// punctuation trimmed. "face-to-face" is one word.
func wordsOf(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// Syllables estimates the syllables of an English word: groups of vowels,
// less a silent final e, es or ed ("wanted" keeps its ed). Numbers count as
// one. Like every such count it is a heuristic, good over a page of text.
func Syllables(word string) int {
	total := 0
	for _, part := range strings.FieldsFunc(strings.ToLower(word), func(r rune) bool { return r == '-' || r == '–' || r == '/' }) {
		w := strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' {
				return r
			}
			return -1
		}, part)
		if w == "" {
			total++ // a number or another script
			continue
		}
		if len(w) <= 3 {
			total++
			continue
		}
		w = trimSilentEnding(w)
		w = strings.TrimPrefix(w, "y")
		total += max(vowelGroups(w), 1)
	}
	return max(total, 1)
}

// Measure counts words, sentences and syllables in blocks of English prose.
func Measure(blocks []string) Stats {
	var s Stats
	for _, b := range blocks {
		for _, sent := range sentences(b, english.abbreviations) {
			ws := wordsOf(sent)
			if len(ws) == 0 {
				continue
			}
			s.Sentences++
			s.Words += len(ws)
			for _, w := range ws {
				s.Syllables += Syllables(w)
			}
		}
	}
	return s
}

// proseRules are the prose checks that mean something in one language.
type proseRules struct {
	// grade: the Flesch–Kincaid reading grade, a formula of English
	// words' syllables, meaningless in any other language.
	grade bool
	// longSentences: sentences over MaxSentenceWords words.
	longSentences bool
	// abbreviations end with a full stop that does not end a sentence.
	abbreviations []string
}

var (
	english = proseRules{grade: true, longSentences: true,
		abbreviations: []string{"e.g.", "i.e.", "etc.", "mr.", "mrs.", "ms.", "dr.", "st.", "no.", "vs."}}
	// Welsh: Cymraeg Clir, the plain Welsh guidelines of Canolfan Bedwyr
	// (Bangor University), set the same limit as ours, "no more than 25
	// words in a sentence" (rule 4), and Welsh counts words much as
	// English does (it writes 'r, 'n and 'ch onto the word before, which
	// only makes a count lower).
	welsh = proseRules{longSentences: true, abbreviations: []string{"e.e.", "h.y.", "ayb."}}
	// Polish: short sentences are the first rule of plain Polish (prosta
	// polszczyzna, Uniwersytet Wrocławski; the Prime Minister's office's
	// Komunikacja pisemna, 2015). Polish has no articles and puts in case
	// endings what English says with prepositions, so a sentence says in
	// fewer words what English says in more: 25 words is a lenient limit.
	polish = proseRules{longSentences: true, abbreviations: []string{"np.", "tj.", "m.in.", "tzn.", "ok."}}
)

// proseRulesFor are the prose checks of a language (a key or a BCP 47
// code). Urdu, Punjabi and every language without rules here get none:
// their words and sentences are not counted as English ones are (Urdu
// ends sentences with ۔, Punjabi with ।), and no one fluent has set a
// limit for them here.
func proseRulesFor(lang string) proseRules {
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	switch strings.ToLower(lang) {
	case "en":
		return english
	case "cy":
		return welsh
	case "pl":
		return polish
	}
	return proseRules{}
}

// ReadingGradeApplies reports whether the reading grade means something in
// a language (a key or a BCP 47 code): English only.
func ReadingGradeApplies(lang string) bool { return proseRulesFor(lang).grade }

// readability warns about each sentence longer than MaxSentenceWords, and
// when a page is harder to read than the site's target reading grade, as
// far as each means something in the page's language.
func (pc *pageCheck) readability(blocks []string) {
	rules := proseRulesFor(pc.c.lang(pc.p))
	if rules.longSentences {
		pc.longSentences(blocks, rules.abbreviations)
	}
	if rules.grade {
		pc.grade(blocks)
	}
}

// longSentences warns about each sentence over MaxSentenceWords words.
func (pc *pageCheck) longSentences(blocks []string, abbrevs []string) {
	for _, b := range blocks {
		for _, sent := range sentences(b, abbrevs) {
			ws := wordsOf(sent)
			if len(ws) <= MaxSentenceWords {
				continue
			}
			line, col := pc.src.findText(sent)
			pc.at(diag.Warning, line, col, "split it in two; aim for 20 words or fewer",
				"sentence of %d words, over %d: %q", len(ws), MaxSentenceWords, start(ws, 8))
		}
	}
}

// grade warns when the page's reading grade is above the site's (or the
// page's own) limit.
func (pc *pageCheck) grade(blocks []string) {
	st := Measure(blocks)
	limit := pc.c.grade
	if g, ok := number(pc.p.Params["readingGrade"]); ok {
		limit = g
	}
	if st.Words < MinReadingWords {
		return
	}
	if g := st.Grade(); g > limit {
		pc.at(diag.Warning, pc.src.body+1, 0,
			fmt.Sprintf("use shorter sentences and everyday words; this page averages %.1f words a sentence and %.2f syllables a word", float64(st.Words)/float64(st.Sentences), float64(st.Syllables)/float64(st.Words)),
			"reading grade %.1f is above the site's limit of %s", round1(g), trimFloat(limit))
	}
}

func start(ws []string, n int) string {
	if len(ws) <= n {
		return strings.Join(ws, " ")
	}
	return strings.Join(ws[:n], " ") + "…"
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

func trimFloat(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", f), "0"), ".")
}

// trimSilentEnding drops an ending that adds no syllable: "-es" and "-e"
// after a consonant other than l ("makes", "cake"; not "table"), "-ed"
// after one other than d or t ("asked"; not "wanted"). Words are per page
// in the tens of thousands, so this is a loop, not a regular expression.
func trimSilentEnding(w string) string {
	isVowel := func(b byte) bool { return strings.IndexByte("aeiouy", b) >= 0 }
	n := len(w)
	switch {
	case n >= 3 && w[n-2:] == "es" && w[n-3] != 'l' && !isVowel(w[n-3]):
		return w[:n-3]
	case n >= 3 && w[n-2:] == "ed" && !strings.ContainsRune("laeiouydt", rune(w[n-3])):
		return w[:n-3]
	case n >= 2 && w[n-1] == 'e' && w[n-2] != 'l' && !isVowel(w[n-2]):
		return w[:n-2]
	}
	return w
}

// vowelGroups counts runs of vowels (a, e, i, o, u, y).
func vowelGroups(w string) int {
	n, in := 0, false
	for i := 0; i < len(w); i++ {
		v := strings.IndexByte("aeiouy", w[i]) >= 0
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

// Readability measures a page body's rendered HTML (its prose blocks, as
// the reading-level check sees them).
func Readability(contentHTML []byte) (Stats, error) {
	return Measure(prose(contentHTML)), nil
}
