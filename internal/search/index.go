package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// Dir is the folder of the index in the output, with its trailing slash.
const Dir = "search-index/"

// Layout of the index: a query downloads meta.json, one term shard per
// query word (about shardBytes each) and the document chunks of the
// results it shows (chunkDocs pages each).
const (
	shardBytes = 16 << 10
	chunkDocs  = 8
	// sectionBits is how much of a posting's packed value says which
	// section of the page matched; sections past the last it can say link
	// to the top of the page. The bit above says the title has the term.
	sectionBits = 6
	titleBit    = 1 << sectionBits
)

// File is one output file of the index.
type File struct {
	Path string
	Data []byte
}

// Meta is meta.json: what the client needs before it fetches a shard.
type Meta struct {
	// Version 2 added the language and how to split and fold its words.
	Version int `json:"v"`
	// Lang is the language of the pages (Analyser.Lang). Stem says the
	// client stems query words ("porter", English only); Apos that an
	// apostrophe inside a word joins it rather than splitting it; Fold
	// maps lower-case letters to how terms write them ("" leaves a
	// letter out).
	Lang string            `json:"lang"`
	Stem string            `json:"stem,omitempty"`
	Apos bool              `json:"apos,omitempty"`
	Fold map[string]string `json:"fold,omitempty"`
	// Docs is the number of pages, for weighing rare terms above common ones.
	Docs int `json:"docs"`
	// Chunk is how many pages each d<N>.json holds: page i is in d<i/Chunk>.
	Chunk int `json:"chunk"`
	// Bounds[i] is the lowest term shard t<i>.json can hold; a term is in
	// the last shard whose bound is not above it.
	Bounds []string `json:"bounds"`
	// Hash changes whenever any shard or chunk does; the client adds it to
	// their URLs so a browser never mixes two builds.
	Hash     string              `json:"hash"`
	Stop     []string            `json:"stop"`
	Synonyms map[string][]string `json:"syn"`
	// Answers are the pages that answer questions ("how do I report"),
	// by number, those that answer first first: the client ranks them
	// higher when a query asks one, and lists them for a question with no
	// other words ("what do I do?").
	Answers []int `json:"answers"`
	// First is how many of Answers answer first ("Worried right now?"):
	// they rank a little higher for any query.
	First int `json:"first"`
	// Ask are the query words that make it a question.
	Ask []string `json:"ask"`
}

// Write lays out the index of the pages of one language (a key or code,
// as For takes it); docs of other languages are left out, so a caller
// may pass every page of a site. Pages are numbered in URL order; the
// output is the same for the same docs in any order. The files' paths
// start with Dir: a site writes each language's index in its own folder
// (search-index/ for the default language, ur/search-index/ for Urdu).
func Write(lang string, docs []*Doc) []File {
	var files []File
	Stream(lang, docs, func(f File) { files = append(files, f) })
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files
}

// Stream lays out the index as Write does, but hands each file to emit as
// soon as it is made, meta.json last, so that a caller writing them keeps
// one file at a time rather than the whole index (about 11 MB for 10,000
// pages) at the end of a build, when the heap is at its largest.
func Stream(lang string, docs []*Doc, emit func(File)) {
	a := For(lang)
	docs = pagesOf(a, docs)
	w := &indexWriter{sum: sha256.New(), emit: emit}
	meta := newMeta(a, docs)
	w.shards(&meta, docs)
	w.chunks(docs)
	meta.Hash = hex.EncodeToString(w.sum.Sum(nil))[:12]
	data, _ := json.Marshal(meta)
	emit(File{Dir + "meta.json", data})
}

// pagesOf is the docs of a's language, in URL order.
func pagesOf(a *Analyser, docs []*Doc) []*Doc {
	var out []*Doc
	for _, d := range docs {
		if d.Lang == a.Lang || (d.Lang == "" && a.Lang == "en") {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(a, b *Doc) int { return strings.Compare(a.URL, b.URL) })
	return out
}

// newMeta is meta.json but for the shard bounds and the hash.
func newMeta(a *Analyser, docs []*Doc) Meta {
	meta := Meta{Version: 2, Lang: a.Lang, Apos: a.apostrophes, Fold: a.foldTable(),
		Docs: len(docs), Chunk: chunkDocs, Bounds: []string{}, Stop: sortedSet(a.stop), Synonyms: a.stemmedSynonyms(),
		Answers: []int{}, Ask: sortedSet(a.ask)}
	if a.porter {
		meta.Stem = "porter"
	}
	for _, kind := range []Answer{AnswerFirst, AnswerHub} {
		for id, d := range docs {
			if d.Answer == kind {
				meta.Answers = append(meta.Answers, id)
			}
		}
		if kind == AnswerFirst {
			meta.First = len(meta.Answers)
		}
	}
	return meta
}

// indexWriter hands on the files of an index and sums them.
type indexWriter struct {
	emit func(File)
	sum  hash.Hash
}

func (w *indexWriter) add(name string, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err) // strings and numbers only
	}
	w.addData(name, data)
}

func (w *indexWriter) addData(name string, data []byte) {
	w.sum.Write([]byte(name))
	w.sum.Write(data)
	w.emit(File{Dir + name, data})
}

// postings are the terms of docs and, for each, the pages that have it
// in page order, encoded as the shards write them: the distance from the
// page before and the packed score, each a varint. Encoding them as they
// are read keeps them a few bytes each (as structs, 32 MB for 10,000
// pages).
func postings(docs []*Doc) (terms []string, lists []postingList) {
	slots := map[string]int32{} // term → its index in terms
	tables := map[*lexicon]*lexTable{}
	for n, d := range docs {
		tb := tables[d.lex]
		if tb == nil {
			tb = &lexTable{}
			tables[d.lex] = tb
		}
		for id, rest := int32(0), d.hits; len(rest) > 0; {
			var h idHit
			h, rest = readHit(rest, id)
			id = h.id
			s := tb.slot(d.lex, id)
			if s < 0 {
				t := tb.terms[id]
				i, ok := slots[t]
				if !ok {
					i = int32(len(terms))
					slots[t] = i
					terms, lists = append(terms, t), append(lists, postingList{})
				}
				s, tb.slots[id] = i, i+1
			}
			lists[s].add(n, h)
		}
	}
	return terms, lists
}

// lexTable maps the term ids of one lexicon to their terms' index in
// postings' terms.
type lexTable struct {
	terms []string
	slots []int32 // 1 + index, 0 for a term not seen yet
}

// slot returns the index of a term id, or -1 if it has none yet.
func (tb *lexTable) slot(lex *lexicon, id int32) int32 {
	if int(id) >= len(tb.terms) {
		tb.terms = lex.snapshot()
		tb.slots = append(tb.slots, make([]int32, len(tb.terms)-len(tb.slots))...)
	}
	return tb.slots[id] - 1
}

// postingList is the encoded postings of one term.
type postingList struct {
	enc  []byte
	prev int // the last page added
}

func (l *postingList) add(doc int, h idHit) {
	sec := int(h.section)
	if sec >= 1<<sectionBits {
		sec = 0
	}
	if h.inTitle {
		sec |= titleBit
	}
	l.enc = appendVarint(l.enc, doc-l.prev)
	l.enc = appendVarint(l.enc, int(h.score)<<(sectionBits+1)|sec)
	l.prev = doc
}

// shards writes the terms in sorted order, about shardBytes a shard, and
// the lowest term of each in meta.Bounds.
func (w *indexWriter) shards(meta *Meta, docs []*Doc) {
	terms, lists := postings(docs)
	order := make([]int, len(terms))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(terms[a], terms[b]) })
	var shard []byte // the JSON object of the shard being filled
	size, last := 0, ""
	flush := func() {
		if len(shard) > 0 {
			w.addData(fmt.Sprintf("t%d.json", len(meta.Bounds)-1), append(shard, '}'))
			shard, size = nil, 0
		}
	}
	for _, i := range order {
		t, enc := terms[i], lists[i].enc
		lists[i].enc = nil // written: the shard's bytes hold it now
		entry := len(t) + len(enc) + 6
		if len(shard) > 0 && size+entry > shardBytes {
			flush()
		}
		if len(shard) == 0 {
			bound := ""
			if len(meta.Bounds) > 0 {
				bound = boundary(last, t)
			}
			meta.Bounds = append(meta.Bounds, bound)
			shard = append(make([]byte, 0, shardBytes+shardBytes/4), '{')
		} else {
			shard = append(shard, ',')
		}
		shard = appendEntry(shard, t, enc)
		size += entry
		last = t
	}
	flush()
}

// appendEntry appends "term":"postings" to a shard, as encoding/json
// writes a map's entry (the terms come in its key order): the postings
// are digits, which need no escaping.
func appendEntry(shard []byte, term string, enc []byte) []byte {
	key, err := json.Marshal(term)
	if err != nil {
		panic(err) // a string always encodes
	}
	shard = append(append(shard, key...), ':', '"')
	return append(append(shard, enc...), '"')
}

// chunks writes the pages' titles, URLs, descriptions and headings,
// chunkDocs pages a file.
func (w *indexWriter) chunks(docs []*Doc) {
	for i := 0; i < len(docs); i += chunkDocs {
		var chunk [][]any
		for _, d := range docs[i:min(i+chunkDocs, len(docs))] {
			heads := d.Headings()
			hs := make([]string, 0, 2*len(heads))
			for _, h := range heads {
				hs = append(hs, h.Text, h.ID)
			}
			chunk = append(chunk, []any{d.Title, d.URL, d.Description, hs})
		}
		w.add(fmt.Sprintf("d%d.json", i/chunkDocs), chunk)
	}
}

// boundary is the shortest start of next that sorts after prev: the
// lowest term of a shard, kept short to keep meta.json small.
func boundary(prev, next string) string {
	for i := 0; i < len(next); {
		_, n := utf8.DecodeRuneInString(next[i:])
		i += n
		if next[:i] > prev {
			return next[:i]
		}
	}
	return next
}

// digits are the characters of a packed number: each carries five bits,
// low bits first, and the sixth bit says another character follows. None
// needs escaping in JSON.
const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

func appendVarint(b []byte, n int) []byte {
	for n >= 32 {
		b = append(b, digits[32|n&31])
		n >>= 5
	}
	return append(b, digits[n])
}

// readVarints decodes a packed string, for tests.
func readVarints(s string) []int {
	var out []int
	n, shift := 0, 0
	for i := 0; i < len(s); i++ {
		v := strings.IndexByte(digits, s[i])
		n |= (v & 31) << shift
		shift += 5
		if v < 32 {
			out = append(out, n)
			n, shift = 0, 0
		}
	}
	return out
}

// sortedSet is a set's members in order, never nil (JSON [] for none).
func sortedSet(m map[string]bool) []string {
	return append([]string{}, slices.Sorted(maps.Keys(m))...)
}
