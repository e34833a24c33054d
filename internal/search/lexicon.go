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
// so lookups read maps that are never written (read), without a lock or
// any write to shared memory; new words go to dirty, under mu, and move
// into new read maps once dirty holds a quarter as many (each word is
// copied a few times in all). A sync.Map hashed each word as an
// interface and allocated for it: 6% of a build's CPU.
type lexicon struct {
	a     *Analyser
	read  atomic.Pointer[words]
	mu    sync.Mutex
	dirty words
	size  int              // words in read and dirty
	ids   map[string]int32 // term → id
	terms []string         // id → term; only ever appended to
}

// words maps words to term ids (or noTerm). Most words are at most eight
// bytes: they are keyed by those bytes as a number, which a map finds
// without reading a string elsewhere in memory (lookups were half of
// Analyse's time). A word with a zero byte (none that wordSplitter hands
// out) would not be its number's only word: it goes to long.
type words struct {
	short map[uint64]int32
	long  map[string]int32
}

// shortKey is a word of at most eight bytes as a number.
func shortKey(w []byte) (uint64, bool) {
	if len(w) > 8 {
		return 0, false
	}
	var k uint64
	for i, c := range w {
		if c == 0 {
			return 0, false
		}
		k |= uint64(c) << (8 * i)
	}
	return k, true
}

func (m *words) get(w []byte) (int32, bool) {
	if k, ok := shortKey(w); ok {
		id, ok := m.short[k]
		return id, ok
	}
	id, ok := m.long[string(w)]
	return id, ok
}

func (m *words) put(w []byte, id int32) {
	if k, ok := shortKey(w); ok {
		if m.short == nil {
			m.short = map[uint64]int32{}
		}
		m.short[k] = id
		return
	}
	if m.long == nil {
		m.long = map[string]int32{}
	}
	m.long[string(w)] = id
}

func (m *words) len() int { return len(m.short) + len(m.long) }

// idCache remembers the ids of short words one render worker looked up
// in one lexicon, by a hash of the word's shortKey, one word a slot: 256 KB
// that stay in the core's cache, where lexicon's maps of a whole build's
// words (ids never change once given) missed it on most lookups. On the
// 1,000-page corpus a quarter of the size (4,096 words) missed on 18% of
// lookups; this size took Analyse from 3.61 s to 3.07 s of CPU samples.
type idCache [1 << idCacheBits]idCached

const idCacheBits = 14

type idCached struct {
	key uint64
	id  int32
	set bool
}

// id returns l.id(w), from c when c holds it.
func (c *idCache) id(l *lexicon, w []byte) int32 {
	k, ok := shortKey(w)
	if !ok {
		return l.id(w)
	}
	e := &c[k*0x9E3779B97F4A7C15>>(64-idCacheBits)]
	if e.set && e.key == k {
		return e.id
	}
	id := l.id(w)
	*e = idCached{key: k, id: id, set: true}
	return id
}

func newLexicon(a *Analyser) *lexicon {
	return &lexicon{a: a, ids: map[string]int32{}}
}

// id returns the term id of a word (lower case, as wordSplitter hands it
// out), or noTerm for a stop word.
func (l *lexicon) id(w []byte) int32 {
	if m := l.read.Load(); m != nil {
		if id, ok := m.get(w); ok {
			return id
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if id, ok := l.dirty.get(w); ok {
		return id
	}
	// Another worker may have moved it into new read maps meanwhile.
	old := l.read.Load()
	if old != nil {
		if id, ok := old.get(w); ok {
			return id
		}
	}
	id := l.intern(l.a.term(string(w)))
	l.dirty.put(w, id)
	l.size++
	if old == nil || l.dirty.len() > old.len()/4 {
		m := &words{short: make(map[uint64]int32, l.size), long: make(map[string]int32)}
		if old != nil {
			maps.Copy(m.short, old.short)
			maps.Copy(m.long, old.long)
		}
		maps.Copy(m.short, l.dirty.short)
		maps.Copy(m.long, l.dirty.long)
		l.read.Store(m)
		l.dirty = words{}
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
