package search

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
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

// Words splits text into lower-case words: runs of letters and digits,
// with apostrophes inside a word dropped ("child's" → "childs", which
// stems to "child"). assets/js/search.js splits queries the same way.
func Words(text string) []string {
	var out []string
	eachWord(text, func(w []byte) { out = append(out, string(w)) })
	return out
}

// eachWord calls fn with each word of text; w is only valid during the call.
func eachWord(text string, fn func(w []byte)) {
	var s wordSplitter
	s.each(text, fn)
}

// wordSplitter splits text into words in one buffer, reused from call to
// call: a word handed to fn escapes, so a buffer made per call lands on the
// heap, and a page's search text is split once per table cell (a
// 20,000 × 200 table made 600 MB of garbage that way).
type wordSplitter struct{ buf []byte }

// each calls fn with each word of text; w is only valid during the call.
func (s *wordSplitter) each(text string, fn func(w []byte)) {
	if s.buf == nil {
		s.buf = make([]byte, 0, maxTermLen+utf8.UTFMax)
	}
	w := s.buf[:0]
	long := false
	flush := func() {
		if len(w) > 0 && !long {
			fn(w)
		}
		w, long = s.buf[:0], false
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'':
				continue
			default:
				flush()
				continue
			}
			if len(w) < maxTermLen {
				w = append(w, c)
			} else {
				long = true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if r = unicode.ToLower(r); len(w)+utf8.RuneLen(r) <= maxTermLen {
				w = utf8.AppendRune(w, r)
			} else {
				long = true
			}
		case r == '’':
		default:
			flush()
		}
	}
	flush()
}

// Terms returns the index terms of text: its words without stop words,
// stemmed.
func Terms(text string) []string {
	var out []string
	var s stems
	eachWord(text, func(w []byte) {
		if t, ok := s.term(w); ok {
			out = append(out, t)
		}
	})
	return out
}

// stems remembers the terms of the words of one page, most of which come
// again and again; shared, when set, remembers them across pages.
type stems struct {
	m      map[string]string
	shared *Stemmer
}

// term returns the index term of a word, or false for a stop word.
func (s *stems) term(w []byte) (string, bool) {
	if s.m == nil {
		s.m = make(map[string]string, 256)
	}
	if t, ok := s.m[string(w)]; ok {
		return t, t != ""
	}
	word := string(w)
	t := ""
	if !stopWords[word] {
		t = s.shared.Stem(word)
	}
	s.m[word] = t
	return t, t != ""
}

// Stemmer memoises Stem for one build: a site uses a few thousand words
// across all its pages. It stops growing at maxCached words. It is safe
// for concurrent use, and a nil Stemmer stems without remembering.
type Stemmer struct {
	cache  sync.Map
	cached atomic.Int64
}

const maxCached = 100000

// Stem returns the index term of a lower-case word.
func (st *Stemmer) Stem(word string) string {
	if st == nil {
		return Stem(word)
	}
	if v, ok := st.cache.Load(word); ok {
		return v.(string)
	}
	t := Stem(word)
	if st.cached.Load() < maxCached {
		st.cached.Add(1)
		st.cache.Store(word, t)
	}
	return t
}
