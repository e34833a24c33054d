package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxTermLen leaves out runs of characters too long to be words a reader
// types (long numbers, IDs, pasted addresses).
const maxTermLen = 40

// stopWords are left out of the index and of queries: words so common they
// say nothing about what a page is for. "us" is kept (the United States),
// and so are "under" ("under 5") and "no" ("saying no").
var stopWords = setOf(`a about above after again all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers herself him himself his how i if in into is
it its itself just me more most my myself nor of off on once only or other our ours ourselves
out over own same she should so some such than that the their theirs them themselves then there
these they this those through to too until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves not dont doesnt didnt isnt arent
wasnt cant wont im ive youre theyre get gets got getting`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Words splits English text into lower-case words: runs of letters, marks
// and digits, with apostrophes inside a word dropped ("child's" → "childs",
// which stems to "child"). assets/js/search-engine.js splits queries the
// same way.
func Words(text string) []string { return For("en").Words(text) }

// Words splits text into the words of the analyser's language, lower case
// and folded, before stop words and stemming.
func (a *Analyser) Words(text string) []string {
	var out []string
	s := wordSplitter{a: a}
	s.each(text, func(w []byte) { out = append(out, string(w)) })
	return out
}

// maxRawLen is how long a run of word characters may grow before it is
// taken for something other than a word, whatever normalising would
// leave of it (marks and joiners are dropped, so the run can be longer
// than its term).
const maxRawLen = 4 * maxTermLen

// wordSplitter splits text into words in buffers reused from call to call:
// a word handed to fn escapes, so a buffer made per call lands on the heap,
// and a page's search text is split once per table cell (a 20,000 × 200
// table made 600 MB of garbage that way).
type wordSplitter struct {
	a        *Analyser
	buf, out []byte
	nfkc     norm.Iter // reused: norm.NFKC.Append allocates on each call
}

// each calls fn with each word of text; w is only valid during the call.
// A word is a run of letters, marks (Urdu's vowel marks, Gurmukhi's vowel
// signs and virama), digits and zero-width joiners; apostrophes join or
// split words as the language writes them. ASCII words are lower-cased as
// they are read; any other word is normalised (NFKC), lower-cased and
// folded when it ends (see Analyser.term).
func (s *wordSplitter) each(text string, fn func(w []byte)) { splitWords(s, text, fn) }

// splitWords is each for text as a string or as bytes: the page's body
// text is gathered in a buffer reused from run to run, which a string
// could not be.
func splitWords[T string | []byte](s *wordSplitter, text T, fn func(w []byte)) {
	if s.buf == nil {
		s.buf = make([]byte, 0, maxRawLen*utf8.UTFMax)
	}
	if s.a == nil {
		s.a = For("en")
	}
	w, runes, ascii := s.buf[:0], 0, true
	for i := 0; i < len(text); {
		c, n, word := nextChar(s.a, text, i)
		switch {
		case word && runes < maxRawLen:
			if n == 1 {
				w = append(w, c)
			} else {
				w, ascii = append(w, text[i:i+n]...), false
			}
			runes++
		case word:
			runes++
		case c == 0:
			// an apostrophe inside a word, dropped
		default:
			s.emit(w, runes, ascii, fn)
			w, runes, ascii = w[:0], 0, true
		}
		i += n
	}
	s.emit(w, runes, ascii, fn)
}

// nextChar reads the character at text[i] and its length: whether it is part
// of a word, and the ASCII byte lower-cased; c is 0 for an apostrophe the
// language drops, and 1 for a character that ends a word.
func nextChar[T string | []byte](a *Analyser, text T, i int) (c byte, n int, word bool) {
	c = text[i]
	if c >= utf8.RuneSelf {
		// at most UTFMax bytes: converted on the stack
		r, n := utf8.DecodeRuneInString(string(text[i:min(i+utf8.UTFMax, len(text))]))
		switch {
		case wordRune(r):
			return 0, n, true
		case r == '’' && a.apostrophes:
			return 0, n, false
		}
		return 1, n, false
	}
	switch {
	case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		return c, 1, true
	case 'A' <= c && c <= 'Z':
		return c + 'a' - 'A', 1, true
	case c == '\'' && a.apostrophes:
		return 0, 1, false
	}
	return 1, 1, false
}

// emit hands a word read by each to fn, normalised when it is not all
// ASCII; runs too long to be words are left out.
func (s *wordSplitter) emit(w []byte, runes int, ascii bool, fn func(w []byte)) {
	switch {
	case runes == 0 || runes > maxRawLen:
	case ascii:
		if len(w) <= maxTermLen {
			fn(w)
		}
	default:
		if t := s.normalise(w); len(t) > 0 {
			fn(t)
		}
	}
}

// wordRune reports whether a rune beyond ASCII is part of a word.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r) || r == zwnj || r == zwj
}

// normalise makes a word beyond ASCII a term: NFKC (one form for letters
// written precomposed or as a letter and marks, and for presentation
// forms), lower case, folded, without joiners; nil when that leaves
// nothing or more than maxTermLen characters.
func (s *wordSplitter) normalise(w []byte) []byte {
	if norm.NFKC.QuickSpan(w) < len(w) {
		out := s.out[:0]
		for s.nfkc.Init(norm.NFKC, w); !s.nfkc.Done(); {
			out = append(out, s.nfkc.Next()...)
		}
		w, s.out = append(s.buf[:0], out...), out
	}
	out, n := s.out[:0], 0
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRune(w[i:])
		i += size
		r = unicode.ToLower(r)
		if f, ok := s.a.fold[r]; ok {
			out = append(out, f...)
			n += utf8.RuneCountInString(f)
			continue
		}
		if r == zwnj || r == zwj {
			continue
		}
		out = utf8.AppendRune(out, r)
		n++
	}
	s.out = out
	if n > maxTermLen {
		return nil
	}
	return out
}

// Terms returns the index terms of English text: its words without stop
// words, stemmed.
func Terms(text string) []string { return For("en").Terms(text) }

// Terms returns the index terms of text in the analyser's language.
func (a *Analyser) Terms(text string) []string {
	var out []string
	sp := wordSplitter{a: a}
	sp.each(text, func(w []byte) {
		if t := a.term(string(w)); t != "" {
			out = append(out, t)
		}
	})
	return out
}
