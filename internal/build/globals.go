package build

import (
	"crypto/sha256"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/signpost/signpost/internal/catalogue"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/markdown"
	"github.com/signpost/signpost/internal/search"
)

// searchDoc analyses a rendered page for the search index, or returns nil
// for pages left out of it: generated lists, the home page (its links are
// everywhere else) and the search page itself.
func (b *builder) searchDoc(p *content.Page, res *markdown.Result) *search.Doc {
	if res == nil || p.File == "" || p.Kind == content.KindHome || p.Layout == "search" {
		return nil
	}
	var terms []string
	for _, tax := range slices.Sorted(maps.Keys(p.Terms)) {
		terms = append(terms, p.Terms[tax]...)
	}
	rank := b.cfg.Search
	minor := slices.Contains(rank.Minor, p.Section())
	answer := search.AnswerNone
	if slices.ContainsFunc(rank.Answers, func(f string) bool { return path.Join(content.Dir, strings.TrimPrefix(f, content.Dir+"/")) == p.File }) {
		answer = search.AnswerFirst
	} else if p.Kind == content.KindSection && !minor {
		answer = search.AnswerHub
	}
	return search.Analyse(search.Page{URL: p.RelPermalink, Title: p.Title, Description: p.Description, Terms: terms, HTML: res.HTML, Stemmer: b.stemmer,
		Country: rank.Country, Minor: minor, Answer: answer})
}

// writeSearch writes the search index from every page's record.
func (b *builder) writeSearch(records map[string]*pageRecord) {
	var docs []*search.Doc
	for _, rec := range records {
		if rec.search != nil {
			docs = append(docs, rec.search)
		}
	}
	sums := map[string][32]byte{}
	for _, f := range search.Write(docs) {
		sum := sha256.Sum256(f.Data)
		sums[f.Path] = sum
		if old, ok := b.indexSums[f.Path]; ok && old == sum {
			b.mu.Lock()
			b.extra[f.Path] = true // unchanged since the last build
			b.mu.Unlock()
			continue
		}
		b.writeGlobal(f.Path, f.Data, false)
	}
	b.indexSums = sums
}

// writeCatalogue writes resources.json and the updates feeds.
func (b *builder) writeCatalogue() {
	files, err := catalogue.Files(b.tree)
	if err != nil {
		b.problem(err)
		return
	}
	for _, f := range files {
		b.writeGlobal(f.Path, f.Data, true)
	}
}

// writeGlobal writes an output of writeGlobals that globalFiles cannot
// work out from the tree alone, and remembers it.
func (b *builder) writeGlobal(rel string, data []byte, minify bool) {
	b.mu.Lock()
	b.extra[rel] = true
	b.mu.Unlock()
	if minify {
		b.write(rel, data)
	} else {
		b.writeAsIs(rel, data)
	}
}

// withIndex replaces the search index files among globals with this
// build's, after an incremental build that wrote the index and no other
// global output.
func (b *builder) withIndex(globals map[string]bool) map[string]bool {
	out := map[string]bool{}
	for g := range globals {
		if !strings.HasPrefix(g, search.Dir) {
			out[g] = true
		}
	}
	for g := range b.extra {
		out[g] = true
	}
	return out
}
