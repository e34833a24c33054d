// Package build runs the pipeline: load the config and content, process
// assets, render every page on a bounded worker pool, write the lists,
// feeds, sitemap and redirects, check cross-page anchors, and swap the new
// output into place only when nothing failed.
package build

import (
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/yuin/goldmark"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/markdown"
	"github.com/signpost/signpost/internal/render"
)

// Options describe one build.
type Options struct {
	// Source is the site folder; Site, when set, is read instead (tests).
	Source string
	Site   fs.FS
	// Theme is the default theme (with layouts/ and assets/); may be nil.
	Theme fs.FS
	// Dest is the output folder.
	Dest    string
	Drafts  bool
	BaseURL string
	// Minify overrides the config when not nil.
	Minify *bool
	// Now is today's date for review warnings; zero means time.Now.
	Now time.Time
	// Inject is HTML added to every page by serve (live reload).
	Inject template.HTML
	// Extensions add goldmark extensions (the guidance blocks) built from
	// the loaded site: they need its data/.
	Extensions func(data map[string]any) []goldmark.Extender
}

// Result is what a build did.
type Result struct {
	Pages    int
	Files    int
	Elapsed  time.Duration
	Problems diag.List
}

// Build builds the site. The returned error is a *diag.ListError when the
// site has problems (Result.Problems has them all, warnings included), or
// another error when the build could not run.
func Build(ctx context.Context, opt Options) (*Result, error) {
	start := time.Now()
	res := &Result{}
	site := opt.Site
	if site == nil {
		site = os.DirFS(opt.Source)
	}
	if opt.Source != "" {
		if err := checkDest(opt.Dest, opt.Source); err != nil {
			return res, err
		}
	}

	cfg, probs := config.Load(site)
	if opt.BaseURL != "" {
		cfg.BaseURL = opt.BaseURL
		if !strings.HasSuffix(cfg.BaseURL, "/") {
			cfg.BaseURL += "/"
		}
	}
	res.Problems = probs
	if probs.HasErrors() {
		return res.fail(start)
	}
	tree, probs := content.Load(ctx, site, cfg, content.Options{Drafts: opt.Drafts})
	if err := ctx.Err(); err != nil {
		return res, err
	}
	res.Problems.Add(probs...)
	data, probs := loadData(site)
	res.Problems.Add(probs...)
	res.Problems.Add(reviewWarnings(tree, opt.Now)...)
	// Content errors do not stop here: rendering the pages that did load
	// finds their problems too, and the output is discarded at the end.

	out, err := newOutput(opt.Dest)
	if err != nil {
		return res, err
	}
	minifyOn := cfg.MinifyOutput()
	if opt.Minify != nil {
		minifyOn = *opt.Minify
	}
	b := &builder{ctx: ctx, opt: opt, site: site, cfg: cfg, tree: tree, out: out, min: newMinifier(minifyOn), data: data, published: map[string]bool{}}
	b.run()
	res.Problems.Add(b.probs...)
	res.Pages, res.Files = b.pages, b.files
	if ctx.Err() != nil {
		out.discard()
		return res, ctx.Err()
	}
	if res.Problems.HasErrors() {
		out.discard()
		return res.fail(start)
	}
	if err := out.commit(); err != nil {
		return res, err
	}
	res.Problems.Sort()
	res.Elapsed = time.Since(start)
	return res, nil
}

func (r *Result) fail(start time.Time) (*Result, error) {
	r.Problems.Sort()
	r.Elapsed = time.Since(start)
	return r, r.Problems.Err()
}

// builder is the state of one build; its methods are the pipeline steps.
type builder struct {
	ctx  context.Context
	opt  Options
	site fs.FS
	cfg  *config.Config
	tree *content.Tree
	out  *output
	min  *minifier
	data map[string]any

	mu           sync.Mutex
	probs        diag.List
	pages, files int
	// published holds every file path written, for link checks.
	published map[string]bool
	assets    map[string]render.Asset
}

func (b *builder) problem(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.probs.Add(diag.Problems(err)...)
}

func (b *builder) write(rel string, data []byte) {
	if err := b.out.write(rel, b.min.file(rel, data)); err != nil {
		b.problem(fmt.Errorf("write %s: %w", rel, err))
		return
	}
	b.mu.Lock()
	b.files++
	b.published["/"+rel] = true
	b.mu.Unlock()
}

func (b *builder) run() {
	b.copyStatic()
	b.processAssets()
	for _, p := range b.tree.All {
		if p.URL != "" {
			b.published[p.URL] = true
		}
	}
	var exts []goldmark.Extender
	if b.opt.Extensions != nil {
		exts = b.opt.Extensions(b.data)
	}
	conv := markdown.New(markdown.Options{
		Unsafe: b.cfg.Markup.Unsafe, Tree: b.tree, Extensions: exts,
		FileExists: func(u string) bool { return b.published[u] },
	})
	rnd, probs := render.New(render.Options{Site: b.site, Theme: b.opt.Theme, Tree: b.tree, Assets: b.assets, Data: b.data, Inject: b.opt.Inject})
	b.probs.Add(probs...)
	b.renderPages(conv, rnd)
	b.render404(rnd)
	b.writeAliases()
	b.writeFeeds()
	b.writeSitemap()
	b.writeRobots()
}

// renderPages converts and renders every page on a pool of GOMAXPROCS
// workers. Only each page's IDs and cross-page anchors are kept; the HTML
// goes straight to disk.
func (b *builder) renderPages(conv *markdown.Converter, rnd *render.Renderer) {
	pages := b.tree.All
	ids := make([][]string, len(pages))
	anchors := make([][]markdown.AnchorRef, len(pages))
	index := make(map[*content.Page]int, len(pages))
	for i, p := range pages {
		index[p] = i
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				ids[i], anchors[i] = b.renderPage(conv, rnd, pages[i])
			}
		}()
	}
	for i := range pages {
		if b.ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()

	// Anchors on other pages, now that every page's IDs are known.
	for i, refs := range anchors {
		for _, a := range refs {
			j, ok := index[a.Target]
			if !ok || a.Target.Broken || contains(ids[j], a.Anchor) {
				continue
			}
			b.probs.Errorf(pages[i].File, a.Line, a.Col, diag.DidYouMean(a.Anchor, ids[j]),
				"link to %s#%s, but that page has no such heading or anchor", a.Target.File, a.Anchor)
		}
	}
}

func (b *builder) renderPage(conv *markdown.Converter, rnd *render.Renderer, p *content.Page) ([]string, []markdown.AnchorRef) {
	if p.Broken {
		return nil, nil // already reported; its anchors are unknown
	}
	var res *markdown.Result
	if p.File != "" {
		body, err := content.ReadBody(b.site, p)
		if err != nil {
			b.problem(diag.Problem{Path: p.File, Severity: diag.Error, Message: "cannot read: " + err.Error(), Hint: "check the file's permissions"})
			return nil, nil
		}
		res, err = conv.Convert(p, body)
		if err != nil {
			b.problem(err)
			return nil, nil
		}
		if len(res.Problems) > 0 {
			b.mu.Lock()
			b.probs.Add(res.Problems...)
			b.mu.Unlock()
		}
	}
	html, err := rnd.Page(p, res)
	if err != nil {
		b.problem(err)
		return nil, nil
	}
	b.write(p.OutputPath(), html)
	b.mu.Lock()
	b.pages++
	b.mu.Unlock()
	if res == nil {
		return nil, nil
	}
	return res.IDs, res.Anchors
}

func (b *builder) render404(rnd *render.Renderer) {
	p := &content.Page{Kind: content.Kind404, Title: "Page not found", URL: "/404.html", Lang: b.cfg.LanguageCode,
		Parent: b.tree.Home, ShowTOC: false, Params: map[string]any{}}
	p.RelPermalink = b.cfg.BasePath() + "404.html"
	p.Permalink = b.cfg.BaseURL + "404.html"
	html, err := rnd.Page(p, nil)
	if err != nil {
		b.problem(err)
		return
	}
	b.write("404.html", html)
}

func reviewWarnings(t *content.Tree, now time.Time) diag.List {
	if now.IsZero() {
		now = time.Now()
	}
	var probs diag.List
	for _, p := range t.All {
		if !p.ReviewBy.IsZero() && p.ReviewBy.Before(now) {
			probs.Warnf(p.File, 1, 0, "check the page against its sources, then update reviewed and review_by",
				"guidance is past its review date (review_by %s)", p.ReviewBy.Format("2006-01-02"))
		}
	}
	return probs
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
