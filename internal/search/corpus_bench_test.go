package search_test

import (
	"testing"

	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/htmltoken"
	"github.com/signpost/signpost/internal/markdown"
	"github.com/signpost/signpost/internal/search"
	"github.com/signpost/signpost/internal/sitetest"
)

// BenchmarkAnalyseCorpus weighs every page body of a generated 1,000-page
// site once per iteration, from its recorded tokens as a build gives them
// (the checks' pass records them), with one lexicon for the site.
func BenchmarkAnalyseCorpus(b *testing.B) {
	fsys, _, tree := sitetest.Corpus(b, 1000)
	conv := markdown.New(markdown.Options{Tree: tree, PageAnchors: true, FileExists: func(string) bool { return true }})
	var pages []search.Page
	lex := &search.Lexicon{}
	for _, p := range tree.All {
		body, err := content.ReadBody(fsys, p)
		if err != nil || body == nil {
			continue
		}
		res, err := conv.Convert(p, body)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, search.Page{URL: p.RelPermalink, Lang: p.Lang, Title: p.Title, Description: p.Description,
			HTML: res.HTML, Tokens: htmltoken.Record(res.HTML), Lexicon: lex})
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			search.Analyse(p)
		}
	}
}
