package search

import (
	"maps"
	"sync"
	"sync/atomic"
)

// Lexicon numbers the terms of a build's pages, one table per language,
// so that a page's Doc keeps small integers rather than strings: the
// terms of 10,000 pages as strings and structs were the biggest part of a
// build's live heap (46 MB). It remembers each word's term, so a word is
// split off, stemmed and looked up as a string once per build rather than
// once per page. A term's number depends on which page a worker read
// first; nothing written depends on it (Write orders terms by their
// text). It is safe for concurrent use; a nil Lexicon gives each page a
// table of its own.
type Lexicon struct {
	mu    sync.Mutex
	langs map[string]*lexicon
}

// of returns the table of a's language.
func (x *Lexicon) of(a *Analyser) *lexicon {
	if x == nil {
		return newLexicon(a)
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	l := x.langs[a.Lang]
	if l == nil {
		if x.langs == nil {
			x.langs = map[string]*lexicon{}
		}
		l = newLexicon(a)
		x.langs[a.Lang] = l
	}
	return l
}

// noTerm is the id of a word that is no term (a stop word).
const noTerm = -1

// lexicon is one language's table: words to term ids, and ids to terms.
//
// The render workers look words up far more often than they add them,
// so lookups read a map that is never written (read), without a lock or
// any write to shared memory; new words go to dirty, under mu, and move
// into a new read map once dirty holds a quarter as many (each word is
// copied a few times in all). A sync.Map hashed each word as an
// interface and allocated for it: 6% of a build's CPU.
type lexicon struct {
	a     *Analyser
	read  atomic.Pointer[map[string]int32] // word → term id or noTerm
	mu    sync.Mutex
	dirty map[string]int32
	size  int              // words in read and dirty
	ids   map[string]int32 // term → id
	terms []string         // id → term; only ever appended to
}

func newLexicon(a *Analyser) *lexicon {
	return &lexicon{a: a, ids: map[string]int32{}}
}

// id returns the term id of a word (lower case, as wordSplitter hands it
// out), or noTerm for a stop word.
func (l *lexicon) id(w []byte) int32 {
	if m := l.read.Load(); m != nil {
		if id, ok := (*m)[string(w)]; ok {
			return id
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if id, ok := l.dirty[string(w)]; ok {
		return id
	}
	// Another worker may have moved it into a new read map meanwhile.
	old := l.read.Load()
	if old != nil {
		if id, ok := (*old)[string(w)]; ok {
			return id
		}
	}
	word := string(w)
	id := l.intern(l.a.term(word))
	if l.dirty == nil {
		l.dirty = map[string]int32{}
	}
	l.dirty[word] = id
	l.size++
	if old == nil || len(l.dirty) > len(*old)/4 {
		m := make(map[string]int32, l.size)
		if old != nil {
			maps.Copy(m, *old)
		}
		maps.Copy(m, l.dirty)
		l.read.Store(&m)
		l.dirty = nil
	}
	return id
}

// intern returns the id of a term, numbering it if it is new; l.mu is held.
func (l *lexicon) intern(term string) int32 {
	if term == "" {
		return noTerm
	}
	if id, ok := l.ids[term]; ok {
		return id
	}
	id := int32(len(l.terms))
	l.ids[term] = id
	l.terms = append(l.terms, term)
	return id
}

// snapshot returns the terms numbered so far, by id. Terms are only ever
// appended, so the slice stays valid while more are added.
func (l *lexicon) snapshot() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.terms[:len(l.terms):len(l.terms)]
}

// term returns the index term of a lower-case word, or "" for a stop word.
func (a *Analyser) term(word string) string {
	switch {
	case a.stop[word]:
		return ""
	case a.porter:
		return Stem(word)
	}
	return word
}
