// Package site runs the pipeline: load the config and content, process
// assets, render every page on a bounded worker pool, write the lists,
// feeds, sitemap and redirects, check cross-page anchors, and swap the new
// output into place only when nothing failed.
package site

import (
	"github.com/yuin/goldmark"

	"bytes"
	"context"
	"html/template"
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/signpost/signpost/internal/check"
	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/i18n"
	"github.com/signpost/signpost/internal/markdown"
	"github.com/signpost/signpost/internal/markdown/blocks"
	"github.com/signpost/signpost/internal/render"
	"github.com/signpost/signpost/internal/search"
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
	// Compress writes a .br and a .gz beside every HTML, CSS, JS, JSON, XML
	// and SVG file that they make smaller, for servers that send them as
	// they are (docs/hosting.md). Full builds only: serve never sets it.
	Compress bool
	// Now is today's date for review warnings; zero means time.Now.
	Now time.Time
	// Inject is HTML added to every page by serve (live reload).
	Inject template.HTML
	// StableAssetNames publishes CSS and JS under their own names, without
	// a content hash or SRI, so that serve can swap a stylesheet without
	// rendering every page again. Never for publishing.
	StableAssetNames bool
	// Check runs internal/check over every rendered page (the build and
	// check commands turn it on; fixtures that test the pipeline leave it off).
	Check bool
	// URLs says what to do with urls.txt, the manifest of published URLs;
	// AllowRemoved records the URLs that are gone as removed on purpose.
	URLs         URLPolicy
	AllowRemoved bool
}

// Result is what a build did.
type Result struct {
	Pages int
	Files int
	// Drafts counts the content files left out as drafts (Options.Drafts
	// off), so that the summary can say why pages are missing.
	Drafts   int
	Elapsed  time.Duration
	Problems diag.List
	// Incremental is true when only the pages that depend on a change
	// were rendered (a Session's later builds).
	Incremental bool
	// Why says why a Session built everything ("first build", "signpost.toml changed").
	Why string
	// External are the links to other sites written in content files, when
	// Options.Check is on; sorted by path and line.
	External []check.Link
}

// Build builds the site once. The returned error is a *diag.ListError when
// the site has problems (Result.Problems has them all, warnings included),
// or another error when the build could not run.
func Build(ctx context.Context, opt Options) (*Result, error) {
	s := NewSession(opt)
	// Nothing builds again: the loader need not keep a copy of every page.
	s.loader = content.NewOnceLoader()
	s.once = true
	return s.Build(ctx, nil)
}

// finish sorts the problems, drops repeats and times the build.
func (r *Result) finish(start time.Time) {
	r.Problems.Sort()
	r.Problems = r.Problems.Compact()
	r.Elapsed = time.Since(start)
}

func (r *Result) fail(start time.Time) (*Result, error) {
	r.finish(start)
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
	// rec owns the output files: every write is claimed there first.
	rec *recorder
	// refused are pages whose output was refused or taken (reported).
	refused map[*content.Page]bool
	// redirectOnly are aliases that differ only in case from another
	// output: listed in _redirects, without a redirect page.
	redirectOnly map[string]bool
	min          *minifier
	data         map[string]any

	// folderFailed: a write failed for a reason of the output folder,
	// reported once (folderFault).
	folderFailed atomic.Bool
	mu           sync.Mutex
	probs        diag.List
	pages, files int
	// published holds every file path written before the pages render,
	// for link checks; nil from then on.
	published map[string]bool
	assets    map[string]render.Asset
	writes    chan writeJob
	// chk checks each rendered page when Options.Check is on.
	chk      *check.Checker
	external []check.Link

	// only limits rendering to these pages (an incremental build); nil
	// renders all.
	only map[*content.Page]bool
	// records keeps what each rendered page left, by page key.
	records map[string]*pageRecord
	// buffered, when not nil, holds output instead of writing it, so an
	// incremental build writes nothing unless it succeeds.
	buffered map[string][]byte
	rnd      *render.Renderer
	// layoutsOf are the checks' layouts of each template rendered with
	// (see layouts), by its name.
	layoutsOf sync.Map
	// looked are the templates' getPage refs, kept when rnd is let go.
	looked []string
	// once is a build with no build after it (Session.once).
	once bool
	// convs are the markdown converters by language.
	convs map[string]*markdown.Converter
	// words are the theme's words in every language.
	words *i18n.Catalogue
	// lexicon numbers the search terms of words across this build's pages.
	lexicon *search.Lexicon
	// fileSet are the non-page files published (static, assets, bundle
	// resources): what links may point at besides pages.
	fileSet map[string]bool
	// indexSums are the checksums of the search index files, from the last
	// build and then this one: an incremental build writes only those
	// that changed.
	indexSums map[string][32]byte
}

func (b *builder) problem(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.probs.Add(diag.Problems(err)...)
}

type writeJob struct {
	rel  string
	data []byte
	buf  *bytes.Buffer // data's pooled buffer, or nil
}

// startWriters hands file writes to a few goroutines while pages render:
// creating files blocks in the kernel, and the render workers should keep
// the CPUs busy meanwhile. The channel bounds the HTML held in memory:
// 16 pages waiting, not 64 (whose minified HTML, ~1.5 MB, stayed in the
// live heap of a 10,000-page build), are enough for the 4 writers to
// never starve the workers.
func (b *builder) startWriters() (wait func()) {
	b.writes = make(chan writeJob, 16)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range b.writes {
				b.write(j)
			}
		}()
	}
	return func() {
		close(b.writes)
		wg.Wait()
		b.writes = nil
	}
}

// run is the whole pipeline of a full build.
func (b *builder) run() {
	b.copyStatic()
	b.processAssets()
	b.fileSet = map[string]bool{}
	for f := range b.published {
		b.fileSet[f] = true
	}
	b.loadWords()
	b.claimPages()
	conv, rnd := b.prepare()
	wait := b.startWriters()
	// The outputs made from the tree alone are written as the pages begin
	// to render, while the heap holds few pages' records (after them,
	// making resources.json, 8.5 MB while it is encoded, set the peak of
	// a 10,000-page build's live heap), and beside them: one core idled
	// while they were made first (0.2-0.35 s of a 10,000-page build).
	// The link checks do not see them either way (prepare froze the
	// published set).
	var tree sync.WaitGroup
	tree.Go(b.writeTreeOutputs)
	b.renderPages(conv, rnd)
	tree.Wait()
	b.render404(rnd)
	// Nothing renders or checks a page from here: the renderer, the
	// converters and the checker (and the caches they hold, ~3 MB of a
	// 10,000-page build) are let go before the search index is made, the
	// largest thing at the end of a build.
	b.looked = rnd.LookedUp()
	b.rnd, b.convs, b.chk = nil, nil, nil
	// The search index's files (1,690 of a 10,000-page site) are written
	// by the writers too, while the next are made.
	b.writeSearch(b.records)
	wait()
}

// loadWords loads the site's messages (i18n/) and titles the taxonomy
// pages with them, before the pages claim their outputs (a claim names
// the page by its title).
func (b *builder) loadWords() {
	cat, probs := i18n.Load(b.site, b.opt.Theme, b.cfg)
	b.probs.Add(probs...)
	b.words = cat
	// Taxonomy pages are titled in each language that has words for them
	// (i18n taxonomy-topics, taxonomy-topics-description).
	b.tree.NameTaxonomies(func(lang, tax string) (string, string) {
		id := "taxonomy-" + tax
		if !cat.Has(lang, id) {
			return "", ""
		}
		title, desc := cat.T(lang, id, nil), ""
		if cat.Has(lang, id+"-description") {
			desc = cat.T(lang, id+"-description", nil)
		}
		return title, desc
	})
}

// prepare makes the markdown converter and renderer for this build.
func (b *builder) prepare() (*markdown.Converter, *render.Renderer) {
	for _, p := range b.tree.All {
		if p.URL != "" {
			b.published[p.URL] = true
		}
	}
	cat := b.words
	// Links are checked against what is published before pages render;
	// the set is frozen here, and the files written from now on are not
	// recorded (nothing reads them: a copy and the rendered pages' own
	// entries were ~2 MB of a 10,000-page build's live heap).
	exists := b.published
	b.published = nil
	sizes := (&imageSizes{site: b.site, basePath: b.cfg.BasePath()}).size
	// One converter per language: the guidance blocks' labels are words
	// of the page's language.
	b.convs = map[string]*markdown.Converter{}
	for _, l := range b.cfg.Langs {
		b.convs[l.Key] = markdown.New(markdown.Options{
			Unsafe: b.cfg.Markup.Unsafe, Tree: b.tree, Extensions: b.extensions(cat, l.Key), PageAnchors: true,
			FileExists: func(u string) bool { return exists[u] },
			ImageSize:  sizes,
		})
	}
	rnd, probs := render.New(render.Options{Site: b.site, Theme: b.opt.Theme, Tree: b.tree, Assets: b.assets, Data: b.data, Inject: b.opt.Inject, I18n: cat})
	b.probs.Add(probs...)
	b.rnd = rnd
	return b.convs[b.cfg.DefaultLanguage().Key], rnd
}

// extensions are the site's goldmark extensions, speaking lang: the
// guidance blocks are part of every site's markdown, built from its own
// data/ (helpline cards), with their labels in the page's language.
func (b *builder) extensions(cat *i18n.Catalogue, lang string) []goldmark.Extender {
	exts := blocks.FromData(b.data)
	for i, e := range exts {
		if x, ok := e.(*blocks.Extension); ok {
			words := func(id string, data map[string]any) string { return cat.T(lang, id, data) }
			own := func(id string) bool { return cat.Has(lang, id) }
			exts[i] = x.Localized(words, own, b.fallbackAttrs(lang))
		}
	}
	return exts
}

// fallbackAttrs are the attributes of a text shown in the default
// language on a page in lang ("" on the default language's own pages).
func (b *builder) fallbackAttrs(lang string) string {
	def := b.cfg.DefaultLanguage()
	if lang == "" || lang == def.Key {
		return ""
	}
	return ` lang="` + template.HTMLEscapeString(def.LanguageCode) + `" dir="` + def.Direction + `"`
}

// writeGlobals writes the outputs made from the whole tree, and the
// search index from every page's record.
func (b *builder) writeGlobals(records map[string]*pageRecord) {
	b.writeTreeOutputs()
	b.writeSearch(records)
}

// writeTreeOutputs writes what is made from the tree alone, no rendered
// page: redirect pages, hosting files, feeds, sitemap, robots.txt and the
// catalogue.
func (b *builder) writeTreeOutputs() {
	b.writeAliases()
	b.writeHosting()
	b.writeFeeds()
	b.writeSitemap()
	b.writeRobots()
	b.writeCatalogue()
}

// renderPages converts and renders every page (or those in b.only) on a
// pool of GOMAXPROCS workers. The HTML goes straight to the writers; each
// page leaves a record of its IDs, links and problems.
func (b *builder) renderPages(conv *markdown.Converter, rnd *render.Renderer) {
	var pages []*content.Page
	for _, p := range b.tree.All {
		if b.only == nil || b.only[p] {
			pages = append(pages, p)
		}
	}
	// One long-lived worker per processor takes the pages in turn (a
	// page's problems are in its record): a goroutine per page began
	// each with a small stack that the templates grew by copying
	// (runtime.newstack, ~8% of the templates' CPU).
	work := make(chan *content.Page)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for p := range work {
				rec := b.renderPage(conv, rnd, p)
				rec.probs = p.Relocate(rec.probs)
				b.mu.Lock()
				b.records[p.Key()] = rec
				b.mu.Unlock()
			}
		})
	}
	for _, p := range pages {
		if b.ctx.Err() != nil {
			break
		}
		work <- p
	}
	close(work)
	wg.Wait()
}

// pageRecord is what rendering a page leaves for checks across pages and
// for later incremental builds.
type pageRecord struct {
	template string
	ids      idList
	anchors  []anchorRec
	targets  []string // keys of pages linked to
	probs    diag.List
	external []check.Link
	search   *search.Doc // the page's text for the search index, or nil
}

type anchorRec struct {
	target, anchor string
	line, col      int32 // int32: every page's are kept to the end of a build
}

// pageProblems adds to res the problems of the build and of every page's
// record (rendered now or, in an incremental build, before), and of the
// anchors across pages: with touched, only of links from or to those
// pages. The pages' links to other sites go in res.External.
func (b *builder) pageProblems(res *Result, records map[string]*pageRecord, touched map[string]bool) {
	res.Problems.Add(b.probs...)
	for _, key := range slices.Sorted(maps.Keys(records)) {
		res.Problems.Add(records[key].probs...)
		b.external = append(b.external, records[key].external...)
	}
	res.Problems.Add(checkAnchors(b.tree, records, touched)...)
	res.External = check.SortLinks(b.external)
}

// checkAnchors reports links to anchors that do not exist, on other pages
// or the same one (whose layout ids count too),
// now that every page's IDs are known. With touched, only links from or to
// those pages are checked (the others were fine in the last build).
func checkAnchors(tree *content.Tree, records map[string]*pageRecord, touched map[string]bool) diag.List {
	var probs diag.List
	ids := anchorIDs{records: records, sets: map[string]map[string]bool{}, lists: map[string][]string{}}
	for _, key := range slices.Sorted(maps.Keys(records)) {
		budget := markdown.SuggestBudget
		for _, a := range records[key].anchors {
			if touched != nil && !touched[key] && !touched[a.target] {
				continue
			}
			t := tree.ByFile(a.target)
			ok := t != nil
			rec := records[a.target]
			if !ok || t.Broken || rec == nil || ids.has(a.target, a.anchor) {
				continue
			}
			// A "did you mean" compares the anchor with every id of the
			// page: past a budget of comparisons for the linking page,
			// the hint goes without (thousands of broken links to a page
			// of thousands of ids took minutes).
			var near []string
			if all := ids.all(a.target); len(all) <= budget {
				near, budget = all, budget-len(all)
			}
			if a.target == key {
				probs.Errorf(key, int(a.line), int(a.col), markdown.AnchorHint(a.anchor, near),
					"link to #%s, but this page has no such heading or anchor", a.anchor)
				continue
			}
			probs.Errorf(key, int(a.line), int(a.col), markdown.AnchorHint(a.anchor, near),
				"link to %s#%s, but that page has no such heading or anchor", t.File, a.anchor)
		}
	}
	return probs
}

// anchorIDs answers whether a page has an id, for checkAnchors: a page
// with many ids gets a set, made once, so that the links to it cost one
// lookup each, not a pass over its ids.
type anchorIDs struct {
	records map[string]*pageRecord
	sets    map[string]map[string]bool
	lists   map[string][]string
}

// manyIDs is the size of a page's packed ids past which they get a set.
const manyIDs = 512

func (x *anchorIDs) has(page, id string) bool {
	ids := x.records[page].ids
	if len(ids) <= manyIDs {
		return ids.has(id)
	}
	set, ok := x.sets[page]
	if !ok {
		set = map[string]bool{}
		ids.each(func(id string) bool { set[id] = true; return true })
		x.sets[page] = set
	}
	return set[id]
}

// all is the page's ids as a list, made once.
func (x *anchorIDs) all(page string) []string {
	if l, ok := x.lists[page]; ok {
		return l
	}
	l := x.records[page].ids.all()
	x.lists[page] = l
	return l
}

func (b *builder) renderPage(conv *markdown.Converter, rnd *render.Renderer, p *content.Page) *pageRecord {
	rec := &pageRecord{}
	if c := b.convs[p.Lang]; c != nil {
		conv = c
	}
	if p.Broken {
		return rec // already reported; its anchors are unknown
	}
	var res *markdown.Result
	var source []byte // the file, for the checks, which place problems in it
	if p.File != "" {
		src, body, err := content.ReadSource(b.site, p)
		source = src
		if err != nil {
			rec.probs.Add(readProblem(p.File, err))
			return rec
		}
		res, err = conv.Convert(p, body)
		if err != nil {
			rec.probs.Add(diag.Problems(err)...)
			return rec
		}
		collectTree(len(body))
		rec.probs.Add(res.Problems...)
		if !b.once { // read only by a later incremental build
			rec.targets = res.Targets
		}
		if len(res.Anchors) > 0 { // kept to the end: at their size
			rec.anchors = make([]anchorRec, 0, len(res.Anchors))
		}
		for _, a := range res.Anchors {
			rec.anchors = append(rec.anchors, anchorRec{a.Target.Key(), a.Anchor, int32(a.Line), int32(a.Col)})
		}
	}
	html, tmpl, err := rnd.Page(p, res)
	rec.template = tmpl
	if err != nil {
		rec.probs.Add(diag.Problems(err)...)
		rec.search = b.searchDoc(p, res, nil)
		if res != nil {
			rec.ids = packIDs(markdown.HTMLIDs(res.HTML)) // the body's, all that is known
		}
		return rec
	}
	// Every id of the page counts for links to its anchors: the body's and
	// the layout's (#main, a contents list). The checks, when on, read
	// them in their pass over the page.
	rep, checked := b.check(check.Input{Page: p, HTML: html, Source: source, Layouts: b.layouts(rnd, tmpl)}, res)
	rec.probs, rec.external, rec.ids = append(rec.probs, rep.Problems...), rep.External, packIDs(rep.IDs)
	// The checks' pass over the page read the body's tokens, once for
	// both (nil when they are off).
	rec.search = b.searchDoc(p, res, rep.ContentTokens)
	if rep.ContentTokens != nil {
		rep.ContentTokens.Release()
	}
	if !checked {
		rec.ids = packIDs(markdown.HTMLIDs(html))
	}
	if b.refused[p] {
		return rec
	}
	b.emit(p.URL, pageSource(p), html, true)
	b.mu.Lock()
	b.pages++
	b.mu.Unlock()
	return rec
}

// hugeBody is the size of a markdown body past which its syntax tree is
// collected as soon as it is dropped. goldmark holds a node or two per
// table cell, about 170 bytes each: an 8 MB table of 20,000 × 200 cells
// makes a tree of 1.4 GB. The collector, which last ran while the tree
// was being built, lets the heap grow to twice that before it runs again,
// so the page's templates and checks would fill that room with garbage:
// collecting once here keeps the peak near the tree itself (2.7 GB down
// to 1.8 GB for that page). Ordinary pages, a few KB, never pay for it.
const hugeBody = 1 << 20

// collectTree runs the collector after a huge page's tree is dropped.
func collectTree(bodySize int) {
	if bodySize >= hugeBody {
		runtime.GC()
	}
}

func (b *builder) render404(rnd *render.Renderer) {
	p := &content.Page{Kind: content.Kind404, Title: "Page not found", Description: "There is no page at this address.", URL: "/404.html", Lang: b.cfg.DefaultLanguage().Key, Language: b.cfg.DefaultLanguage(),
		Parent: b.tree.Home, ShowTOC: false, Params: map[string]any{}}
	p.RelPermalink = b.cfg.BasePath() + "404.html"
	p.Permalink = b.cfg.BaseURL + "404.html"
	html, tmpl, err := rnd.Page(p, nil)
	if err != nil {
		b.problem(err)
		return
	}
	rep, _ := b.check(check.Input{Page: p, HTML: html, Layouts: b.layouts(rnd, tmpl)}, nil)
	b.mu.Lock()
	b.probs.Add(rep.Problems...)
	b.mu.Unlock()
	b.emit("/404.html", generated("the 404 page"), html, true)
}

// layouts are the template files a page rendered with tmpl, for the
// checks to place problems the page's markdown and data do not explain;
// nil when the checks are off. Made once a template: a list a page was
// 1.7% of the bytes BenchmarkBuild/1000pages allocated.
func (b *builder) layouts(rnd *render.Renderer, tmpl string) []check.Layout {
	if b.chk == nil {
		return nil
	}
	if l, ok := b.layoutsOf.Load(tmpl); ok {
		return l.([]check.Layout)
	}
	var out []check.Layout
	for _, s := range rnd.Sources(tmpl) {
		out = append(out, check.Layout{Path: s.Path, Text: s.Text})
	}
	b.layoutsOf.Store(tmpl, out)
	return out
}

// check runs internal/check over a rendered page, when it is on.
func (b *builder) check(in check.Input, res *markdown.Result) (rep check.Report, checked bool) {
	if b.chk == nil {
		return check.Report{}, false
	}
	if res != nil {
		in.Content = res.HTML
		in.Markdown = res
	}
	return b.chk.Page(in), true
}
