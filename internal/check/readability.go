package check

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
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
	var blocks []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			blocks = append(blocks, t)
		}
		cur.Reset()
	}
	z := html.NewTokenizer(bytes.NewReader(b))
	var open []string // open elements that hold no prose, innermost last
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return blocks
		case html.TextToken:
			if len(open) == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			tag := atom.Lookup(name)
			if len(open) > 0 {
				if tt == html.StartTagToken && !voidElem[tag] {
					open = append(open, string(name))
				}
				continue
			}
			a := readAttrs(z, more)
			skip := skipElems[tag] || a.hidden || headingLevel(tag) > 0
			switch {
			case tag == atom.Code:
				cur.WriteString(" code ")
			case tag == atom.Br:
				cur.WriteString(" ")
			case headingLevel(tag) > 0 || blockElems[tag]:
				flush()
			}
			if skip && tt == html.StartTagToken && !voidElem[tag] {
				open = append(open, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(open) > 0 {
				// Close up to the matching element; a stray end tag
				// closes nothing.
				for i := len(open) - 1; i >= 0; i-- {
					if open[i] == string(name) {
						open = open[:i]
						break
					}
				}
				continue
			}
			if blockElems[atom.Lookup(name)] {
				flush()
			}
		}
	}
}

// sentenceEnd is a full stop, question or exclamation mark (and closing
// quotes or brackets) followed by a space and a letter or digit. Sentences
// may start in lower case ("iPhones", "eSafety"); abbreviations are kept.
var sentenceEnd = regexp.MustCompile(`[.!?…]+["'”’)\]]*\s+["'“‘(\[]*[\pL\pN]`)

// sentences splits a block of text into sentences.
func sentences(block string) []string {
	var out []string
	for {
		loc := sentenceEnd.FindStringIndex(block)
		if loc == nil {
			break
		}
		// Cut after the punctuation, before the next sentence's first letter.
		cut := loc[1] - len(string(lastRune(block[:loc[1]])))
		s := strings.TrimSpace(block[:cut])
		if abbreviation(s) {
			// "e.g. Snapchat" or "Mr. Smith": not the end of a sentence.
			next := sentences(block[cut:])
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

func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}

var abbreviations = []string{"e.g.", "i.e.", "etc.", "mr.", "mrs.", "ms.", "dr.", "st.", "no.", "vs."}

func abbreviation(s string) bool {
	l := strings.ToLower(s)
	for _, a := range abbreviations {
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

var ()

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

// Measure counts words, sentences and syllables in blocks of prose.
func Measure(blocks []string) Stats {
	var s Stats
	for _, b := range blocks {
		for _, sent := range sentences(b) {
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

// readability warns when a page is harder to read than the site's target
// reading grade, and about each sentence longer than MaxSentenceWords.
func (pc *pageCheck) readability(blocks []string) {
	for _, b := range blocks {
		for _, sent := range sentences(b) {
			ws := wordsOf(sent)
			if len(ws) <= MaxSentenceWords {
				continue
			}
			line, col := pc.src.findText(sent)
			pc.at(diag.Warning, line, col, "split it in two; aim for 20 words or fewer",
				"sentence of %d words, over %d: %q", len(ws), MaxSentenceWords, start(ws, 8))
		}
	}
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
