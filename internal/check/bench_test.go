package check_test

import (
	"io/fs"
	"testing"
	"time"

	signpost "github.com/signpost/signpost"
	"github.com/signpost/signpost/internal/check"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/i18n"
	"github.com/signpost/signpost/internal/markdown"
	"github.com/signpost/signpost/internal/render"
	"github.com/signpost/signpost/internal/sitetest"
)

// BenchmarkPageCorpus checks every page of a generated 1,000-page site, as
// rendered by the built-in theme, once per iteration: the checks' own cost
// (the page scan, prose and readability), apart from the rest of a build.
func BenchmarkPageCorpus(b *testing.B) {
	fsys, cfg, tree := sitetest.Corpus(b, 1000)
	cat, _ := i18n.Load(fsys, signpost.Theme, cfg)
	assets := map[string]render.Asset{"css/site.css": {URL: "/site.css"}, "js/site.js": {URL: "/site.js"}}
	r, probs := render.New(render.Options{Site: fsys, Theme: signpost.Theme, Tree: tree, Assets: assets, I18n: cat})
	if probs.HasErrors() {
		b.Fatal(probs)
	}
	conv := markdown.New(markdown.Options{Tree: tree, PageAnchors: true, FileExists: func(string) bool { return true }})
	var ins []check.Input
	for _, p := range tree.All {
		var res *markdown.Result
		if body, err := content.ReadBody(fsys, p); err == nil && body != nil {
			if res, err = conv.Convert(p, body); err != nil {
				b.Fatal(err)
			}
		}
		html, tmpl, err := r.Page(p, res)
		if err != nil {
			b.Fatal(err)
		}
		in := check.Input{Page: p, HTML: html}
		if p.File != "" {
			in.Source, _ = fs.ReadFile(fsys, p.File) // as the build gives it
		}
		for _, s := range r.Sources(tmpl) {
			in.Layouts = append(in.Layouts, check.Layout{Path: s.Path, Text: s.Text})
		}
		if res != nil {
			in.Content, in.Markdown = res.HTML, res
		}
		ins = append(ins, in)
	}
	c := check.New(check.Options{Site: fsys, Config: cfg, Tree: tree, Now: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)})
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range ins {
			if rep := c.Page(in); rep.ContentTokens != nil {
				rep.ContentTokens.Release()
			}
		}
	}
}
