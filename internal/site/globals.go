package site

import (
	"crypto/sha256"
	"path"
	"slices"
	"strings"

	"github.com/signpost/signpost/internal/catalogue"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/htmltoken"
	"github.com/signpost/signpost/internal/markdown"
	"github.com/signpost/signpost/internal/search"
)

// searched reports whether a page is in the search index: generated lists,
// the home page (its links are everywhere else) and the search page itself
// are left out.
func searched(p *content.Page, res *markdown.Result) bool {
	return res != nil && p.File != "" && p.Kind != content.KindHome && p.Layout() != "search"
}

// searchDoc analyses a rendered page for the search index (reading its
// body from tape when not nil), or returns nil for pages left out of it.
func (b *builder) searchDoc(p *content.Page, res *markdown.Result, tape *htmltoken.Tape) *search.Doc {
	if !searched(p, res) {
		return nil
	}
	var terms []string
	for _, tt := range p.Terms { // in the taxonomies' order
		terms = append(terms, tt.Terms...)
	}
	rank := b.cfg.Search
	minor := slices.Contains(rank.Minor, p.Section())
	answer := search.AnswerNone
	if isAnswer(p, rank.Answers) {
		answer = search.AnswerFirst
	} else if p.Kind == content.KindSection && !minor {
		answer = search.AnswerHub
	}
	return search.Analyse(search.Page{URL: p.RelPermalink, Lang: p.Lang, Title: p.Title, Description: p.Description, Terms: terms, HTML: res.HTML, Tokens: tape, Lexicon: b.lexicon,
		Country: rank.Country, Minor: minor, Answer: answer})
}

// isAnswer reports whether the page is one of answers (content files) or
// a translation of one: the Urdu "Worried right now?" answers first in the
// Urdu index as the English page does in the English one.
func isAnswer(p *content.Page, answers []string) bool {
	group := p.AllTranslations()
	if group == nil {
		group = []*content.Page{p}
	}
	return slices.ContainsFunc(answers, func(f string) bool {
		f = path.Join(content.Dir, strings.TrimPrefix(f, content.Dir+"/"))
		return slices.ContainsFunc(group, func(q *content.Page) bool { return q.File == f })
	})
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
	src := generated("the search index")
	b.rec.release(func(rel string, s source) bool { return s == src })
	// One index per language: the default language's at /search-index/,
	// each other's under its prefix (/ur/search-index/).
	for _, l := range b.cfg.Langs {
		prefix := "/"
		if l.Prefix != "" {
			prefix += l.Prefix + "/"
		}
		// Each file is written as it is made: the whole index at once
		// was the largest thing at the end of a build.
		search.Stream(l.Key, docs, func(f search.File) {
			out := prefix + f.Path
			if b.once { // no later build compares the checksums
				b.emit(out, src, f.Data, false)
				return
			}
			sum := sha256.Sum256(f.Data)
			sums[out] = sum
			if old, ok := b.indexSums[out]; ok && old == sum {
				// Unchanged since the last build: kept, not written again.
				if _, err := b.rec.claim(out, src); err != nil {
					b.problem(err)
				}
				return
			}
			b.emit(out, src, f.Data, false)
		})
	}
	b.indexSums = sums
}

// writeCatalogue writes resources.json and the updates feeds.
func (b *builder) writeCatalogue() {
	files, err := catalogue.Files(b.tree, b.words.T)
	if err != nil {
		b.problem(err)
		return
	}
	for _, f := range files {
		b.emit("/"+f.Path, generated("the catalogue's "+f.Path), f.Data, true)
	}
}
