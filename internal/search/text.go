package search

import (
	"strings"
	"unicode"
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
wasnt cant wont im ive youre theyre`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// IsStopWord reports whether a lower-case word is left out of the index.
func IsStopWord(w string) bool { return stopWords[w] }

// Words splits text into lower-case words: runs of letters and digits,
// with apostrophes inside a word dropped ("child's" → "childs", which
// stems to "child"). assets/js/search.js splits queries the same way.
func Words(text string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 && b.Len() <= maxTermLen {
			out = append(out, b.String())
		}
		b.Reset()
	}
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
			// inside a word: dropped; elsewhere: nothing to drop
		default:
			flush()
		}
	}
	flush()
	return out
}

// Terms returns the index terms of text: its words without stop words,
// stemmed.
func Terms(text string) []string {
	words := Words(text)
	out := words[:0]
	for _, w := range words {
		if !stopWords[w] {
			out = append(out, Stem(w))
		}
	}
	return out
}
