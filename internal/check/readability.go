package check

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/htmltoken"
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

// blockElem reports whether an element ends a sentence where it ends:
// list items, table cells and headings often have no full stop. (A switch,
// asked for every tag of every body, finds it faster than a map.)
func blockElem(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Li, atom.Dd, atom.Dt, atom.Td, atom.Th,
		atom.Blockquote, atom.Summary, atom.Figcaption, atom.Div, atom.Details,
		atom.Ol, atom.Ul, atom.Dl, atom.Table, atom.Tr,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// skipElem reports whether an element holds no prose: code, and what is
// hidden from readers.
func skipElem(a atom.Atom) bool {
	switch a {
	case atom.Pre, atom.Code, atom.Script, atom.Style, atom.Svg:
		return true
	}
	return false
}

// prose splits a page body's HTML into blocks of running text, reading
// it as a stream. Headings are left out: they are labels, not sentences.
func prose(b []byte) []string {
	return proseOf(htmltoken.NewTokenizer(b))
}

// proseOf is prose of the body whose tokens z reads.
func proseOf(z htmltoken.Tokens) []string {
	p := proseReaders.Get().(*proseReader)
	defer proseReaders.Put(p)
	p.all, p.ends = p.all[:0], p.ends[:0]
	walkHTML(&p.walker, z, p)
	p.flush()
	clear(p.walker.open[:cap(p.walker.open)])
	if len(p.ends) == 0 {
		return nil
	}
	all, blocks, from := string(p.all), make([]string, len(p.ends)), 0
	for i, end := range p.ends {
		blocks[i], from = all[from:end], end
	}
	return blocks
}

// proseReaders keeps a reader's buffers for the next page's prose.
var proseReaders = sync.Pool{New: func() any { return new(proseReader) }}

// proseReader gathers the blocks of prose of a walk, one after another
// in one buffer, each its words only: a page's blocks are cut from one
// string rather than made one by one (a string for each block was 6% of
// what walking the 1k corpus's pages allocated). The buffers are reused
// from page to page.
type proseReader struct {
	all    []byte
	ends   []int  // where each block ends in all
	cur    []byte // the block's text as written
	walker htmlWalker
}

func (p *proseReader) flush() {
	if p.all = appendFields(p.all, p.cur); len(p.all) > 0 && (len(p.ends) == 0 || p.ends[len(p.ends)-1] < len(p.all)) {
		p.ends = append(p.ends, len(p.all))
	}
	p.cur = p.cur[:0]
}

// appendFields appends the fields of s, as strings.Fields splits them, to
// dst with one space between each: strings.Join(strings.Fields(s), " ")
// without a string for each field.
func appendFields(dst, s []byte) []byte {
	start, space := len(dst), true
	for i := 0; i < len(s); {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRune(s[i:])
		} else if !asciiSpace[r] {
			// A run of ASCII other than spaces is appended at once.
			for i+w < len(s) && s[i+w] < utf8.RuneSelf && !asciiSpace[s[i+w]] {
				w++
			}
		}
		if isSpace(r) {
			space = true
		} else {
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, s[i:i+w]...)
		}
		i += w
	}
	return dst
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
		p.cur = append(p.cur, " code "...)
	case tag == atom.Br:
		p.cur = append(p.cur, ' ')
	case headingLevel(tag) > 0 || blockElem(tag):
		p.flush()
	}
	return element{hidden: skipElem(tag) || a.hidden || headingLevel(tag) > 0}
}

func (p *proseReader) text(_ *htmlWalker, z htmltoken.Tokens) { p.cur = append(p.cur, z.Text()...) }

func (p *proseReader) end(w *htmlWalker, tag atom.Atom) {
	if w.hidden == 0 && blockElem(tag) {
		p.flush()
	}
}

func (p *proseReader) closed(*element) {}

// nextSentence is where the sentence after the first end of one in s
// starts (at its first letter or digit), or -1. An end is a full stop,
// question or exclamation mark (and closing quotes or brackets) followed
// by a space and a letter or digit: the regular expression
// [.!?…]+["'”’)\]]*\s+["'“‘(\[]*[\pL\pN], read here rune by rune. Its
// parts are sets no rune is in two of that follow each other, so the
// first match is read without going back, and where one fails no end
// starts before the next mark. Sentences may start in lower case
// ("iPhones", "eSafety"); abbreviations are kept. (The expression itself,
// run once per sentence, allocated a tenth of what checking a page did.)
func nextSentence(s string) int {
	for i := indexPunct(s); i >= 0; {
		j := skipRunes(s, i, endMark)
		k := skipRunes(s, j, closing)
		if l := skipRunes(s, k, reSpace); l > k {
			l = skipRunes(s, l, opening)
			if r, _ := utf8.DecodeRuneInString(s[l:]); l < len(s) && (unicode.IsLetter(r) || unicode.IsNumber(r)) {
				return l
			}
		}
		if n := indexPunct(s[j:]); n >= 0 {
			i = j + n
		} else {
			i = -1
		}
	}
	return -1
}

// skipRunes is where the run of runes in set that starts at i ends.
func skipRunes(s string, i int, set func(rune) bool) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !set(r) {
			return i
		}
		i += n
	}
	return i
}

func endMark(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func closing(r rune) bool { return strings.ContainsRune(`"'”’)]`, r) }

func opening(r rune) bool { return strings.ContainsRune(`"'“‘([`, r) }

// reSpace is \s of Go's regular expressions.
func reSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' }

// sentences splits a block of text into sentences (eachSentence's).
func sentences(block string, abbrevs []string) []string {
	var out []string
	eachSentence(block, abbrevs, func(s string) { out = append(out, s) })
	return out
}

// eachSentence calls fn with each sentence of a block of text, in order;
// a full stop that ends one of abbrevs ("e.g.") does not end a sentence.
// The sentences are cut from block, not gathered in a slice: a slice for
// each block was a tenth of what checking a page allocated.
func eachSentence(block string, abbrevs []string, fn func(string)) {
	// pending is the start of a sentence that ended in an abbreviation
	// ("e.g. Snapchat" or "Mr. Smith"), joined to what follows it.
	pending := ""
	emit := func(s string) {
		if pending != "" {
			s, pending = pending+" "+s, ""
		}
		fn(s)
	}
	for {
		// Cut after the punctuation, before the next sentence's first letter.
		cut := nextSentence(block)
		if cut < 0 {
			break
		}
		s := strings.TrimSpace(block[:cut])
		block = block[cut:]
		if abbreviation(s, abbrevs) {
			if pending != "" {
				s = pending + " " + s
			}
			pending = s
			continue
		}
		emit(s)
	}
	if t := strings.TrimSpace(block); t != "" {
		emit(t)
	} else if pending != "" {
		fn(pending)
	}
}

// indexPunct is strings.IndexAny(s, ".!?…") as a loop over bytes: an ASCII
// byte or the bytes of "…" are never part of another rune's bytes, and
// IndexAny, given a rune outside ASCII, decodes every rune of s.
func indexPunct(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', '!', '?':
			return i
		case "…"[0]:
			if strings.HasPrefix(s[i:], "…") {
				return i
			}
		}
	}
	return -1
}

// abbreviation reports whether a sentence ends with one of abbrevs (in
// lower case, ASCII), in any case, as a word of its own.
func abbreviation(s string, abbrevs []string) bool {
	for _, a := range abbrevs {
		if rest, ok := cutSuffixLower(s, a); ok && (rest == "" || strings.HasSuffix(rest, " ")) {
			return true
		}
	}
	return false
}

// cutSuffixLower is s without suffix when strings.ToLower(s) ends with
// suffix, an ASCII string, without lowering all of s (it is called for every
// sentence): each rune lowers to one rune, and only ASCII letters, "İ" and
// the Kelvin sign lower to ASCII ones.
func cutSuffixLower(s, suffix string) (string, bool) {
	for i := len(suffix) - 1; i >= 0; i-- {
		r, n := utf8.DecodeLastRuneInString(s)
		if n == 0 || unicode.ToLower(r) != rune(suffix[i]) {
			return "", false
		}
		s = s[:len(s)-n]
	}
	return s, true
}

// wordsOf is the words of a sentence: runs with a letter or a digit,
// punctuation trimmed. "face-to-face" is one word.
func wordsOf(s string) []string {
	var out []string
	for w, rest := nextWord(s); w != ""; w, rest = nextWord(rest) {
		out = append(out, w)
	}
	return out
}

// nextWord is the first word of s (as wordsOf has them) and the text
// after it, or "" when s has no more: a page's words are counted without
// a string or a slice for each.
func nextWord(s string) (word, rest string) {
	for s != "" {
		var f string
		f, s = nextField(s)
		if w := trimNonWord(f); w != "" {
			return w, s
		}
	}
	return "", ""
}

// trimNonWord is strings.TrimFunc(f, notWordRune), trimming ASCII ends
// by a table, without decoding: it is asked for every word of a page.
func trimNonWord(f string) string {
	i, j := 0, len(f)
	for i < j && f[i] < utf8.RuneSelf && !asciiWord[f[i]] {
		i++
	}
	for j > i && f[j-1] < utf8.RuneSelf && !asciiWord[f[j-1]] {
		j--
	}
	if i < j && (f[i] >= utf8.RuneSelf || f[j-1] >= utf8.RuneSelf) {
		return strings.TrimFunc(f[i:j], notWordRune)
	}
	return f[i:j]
}

// asciiWord are the ASCII letters and digits, the ASCII runes for which
// notWordRune is false.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = !notWordRune(rune(c))
	}
	return t
}()

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// nextField is the first field of s, as strings.Fields splits it, and
// the text after it.
func nextField(s string) (field, rest string) {
	i := spaceEnd(s, 0, true)
	j := spaceEnd(s, i, false)
	return s[i:j], s[j:]
}

// spaceEnd is where the run of spaces (or of other runes, when space is
// false) that starts at i ends.
func spaceEnd(s string, i int, space bool) int {
	for i < len(s) {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if isSpace(r) != space {
			return i
		}
		i += w
	}
	return i
}

// isSpace is unicode.IsSpace, which strings.Fields splits by, with a table
// for ASCII, where most of prose's runes are.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Syllables estimates the syllables of an English word: groups of vowels,
// less a silent final e, es or ed ("wanted" keeps its ed). Numbers count as
// one. Like every such count it is a heuristic, good over a page of text.
// Parts of a word joined by a hyphen, a dash or a slash are counted apart;
// each is read as its lower-case letters a to z, gathered in a buffer on
// the stack (it is called for every word of every page).
func Syllables(word string) int {
	var buf [32]byte
	total, w, inPart := 0, buf[:0], false
	for _, r := range word {
		if r == '-' || r == '–' || r == '/' {
			if inPart {
				total += partSyllables(w)
			}
			w, inPart = w[:0], false
			continue
		}
		inPart = true
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		} else if r >= utf8.RuneSelf {
			r = unicode.ToLower(r)
		}
		if r >= 'a' && r <= 'z' {
			w = append(w, byte(r))
		}
	}
	if inPart {
		total += partSyllables(w)
	}
	return max(total, 1)
}

// partSyllables estimates the syllables of a part of a word, given as its
// lower-case letters a to z.
func partSyllables(w []byte) int {
	if len(w) <= 3 {
		return 1 // a short word, a number or another script
	}
	w = trimSilentEnding(w)
	if len(w) > 0 && w[0] == 'y' {
		w = w[1:]
	}
	return max(vowelGroups(w), 1)
}

// countWords counts the words of a sentence and, when syllables is set,
// their syllables.
func countWords(sent string, syllables bool) (words, syl int) {
	for w, rest := nextWord(sent); w != ""; w, rest = nextWord(rest) {
		words++
		if syllables {
			syl += Syllables(w)
		}
	}
	return words, syl
}

// add counts a sentence of words with syl syllables; a sentence without
// words is not one.
func (s *Stats) add(words, syl int) {
	if words == 0 {
		return
	}
	s.Sentences++
	s.Words += words
	s.Syllables += syl
}

// Measure counts words, sentences and syllables in blocks of English prose.
func Measure(blocks []string) Stats {
	var s Stats
	for _, b := range blocks {
		eachSentence(b, english.abbreviations, func(sent string) { s.add(countWords(sent, true)) })
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
// far as each means something in the page's language. Each sentence is
// found and counted once for both.
// The prose is read from the body's tokens when they were recorded (tape),
// else from content.
func (pc *pageCheck) readability(content []byte, tape *htmltoken.Tape) {
	rules := proseRulesFor(pc.c.lang(pc.p))
	if !rules.longSentences && !rules.grade {
		return
	}
	var blocks []string
	if tape != nil {
		blocks = proseOf(tape.Replay())
	} else {
		blocks = prose(content)
	}
	var st Stats
	for _, b := range blocks {
		eachSentence(b, rules.abbreviations, func(sent string) {
			n, syl := countWords(sent, rules.grade)
			if rules.longSentences && n > MaxSentenceWords {
				pc.longSentence(sent)
			}
			st.add(n, syl)
		})
	}
	if rules.grade {
		pc.grade(st)
	}
}

// longSentence warns about a sentence over MaxSentenceWords words.
func (pc *pageCheck) longSentence(sent string) {
	ws := wordsOf(sent)
	line, col := pc.src.findText(sent)
	pc.at(diag.Warning, line, col, "split it in two; aim for 20 words or fewer",
		"sentence of %d words, over %d: %q", len(ws), MaxSentenceWords, start(ws, 8))
}

// grade warns when the page's reading grade (of st, its prose) is above
// the site's (or the page's own) limit.
func (pc *pageCheck) grade(st Stats) {
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
func trimSilentEnding(w []byte) []byte {
	n := len(w)
	switch {
	case n >= 3 && w[n-2] == 'e' && w[n-1] == 's' && w[n-3] != 'l' && !isVowel(w[n-3]):
		return w[:n-3]
	case n >= 3 && w[n-2] == 'e' && w[n-1] == 'd' && strings.IndexByte("laeiouydt", w[n-3]) < 0:
		return w[:n-3]
	case n >= 2 && w[n-1] == 'e' && w[n-2] != 'l' && !isVowel(w[n-2]):
		return w[:n-2]
	}
	return w
}

// isVowel reports whether c is a, e, i, o, u or y, by a table: it is asked
// of every letter of every word.
func isVowel(c byte) bool { return vowels[c] }

var vowels = [256]bool{'a': true, 'e': true, 'i': true, 'o': true, 'u': true, 'y': true}

// vowelGroups counts runs of vowels (a, e, i, o, u, y).
func vowelGroups(w []byte) int {
	n, in := 0, false
	for _, c := range w {
		v := isVowel(c)
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
