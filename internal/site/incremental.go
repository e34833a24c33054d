package site

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/signpost/signpost/internal/check"
	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/render"
)

// changes are the pending changes of an incremental build, by kind.
type changes struct {
	markdown []string // content files of pages
	layouts  []string // relative to layouts/
	files    []string // static files and bundle resources, copied again
	assets   bool
}

// sortChanges sorts the pending changes by kind, in path order.
func (s *Session) sortChanges() changes {
	var ch changes
	for _, p := range slices.Sorted(maps.Keys(s.pending)) {
		switch Classify(p) {
		case ChangeContent:
			ch.markdown = append(ch.markdown, p)
		case ChangeLayout:
			ch.layouts = append(ch.layouts, strings.TrimPrefix(p, "layouts/"))
		case ChangeAsset:
			ch.assets = true
		case ChangeStatic, ChangeResource:
			ch.files = append(ch.files, p)
		}
	}
	return ch
}

// incrementalBuild is the state of one incremental build: the last good
// build's snapshot, what changed, and what this build made of it.
type incrementalBuild struct {
	s     *Session
	old   *snapshot
	ch    changes
	start time.Time
	res   *Result
	cfg   *config.Config

	tree        *content.Tree
	loadProbs   diag.List
	dirty       map[*content.Page]bool
	metaChanged bool   // a page's front matter changed (or a page came or went)
	urls        []byte // the new urls.txt, written once the build succeeds
	b           *builder
	rnd         *render.Renderer
	// records are the records of every page of the new tree: this
	// build's, else the last build's.
	records map[string]*pageRecord
}

// incremental renders only the pages that depend on what changed. A
// non-empty full says why the change reaches too far after all: build
// everything instead (res and err are then nil).
func (s *Session) incremental(ctx context.Context) (res *Result, full string, err error) {
	ib := &incrementalBuild{s: s, old: s.good, ch: s.sortChanges(), start: time.Now(), res: &Result{Incremental: true}}
	ib.cfg, ib.res.Problems = s.loadConfig()
	if full, err = ib.loadTree(ctx); full != "" || err != nil {
		return ib.res, full, err
	}
	ib.siteProblems()
	ib.startBuilder(ctx)
	ib.publishChangedFiles()
	conv, rnd := ib.b.prepare()
	ib.rnd = rnd
	if full = ib.markTemplateChanges(); full != "" {
		return nil, full, nil
	}
	if full = ib.tooManyDirty(); full != "" {
		return nil, full, nil
	}
	ib.b.only = ib.dirty
	ib.b.renderPages(conv, rnd)
	ib.mergeRecords()
	ib.writeGlobals()
	ib.pageProblems()
	if err := ctx.Err(); err != nil {
		return ib.res, "", err
	}
	if ib.res.Problems.HasErrors() {
		res, err = ib.res.fail(ib.start)
		return res, "", err
	}
	if err := ib.commit(); errors.Is(err, errLinkInOutput) {
		return nil, "a folder of the output was replaced by a link", nil
	} else if err != nil {
		return ib.res, "", err
	}
	return ib.res, "", nil
}

// loadTree finds the new tree and the pages it makes dirty: the old tree
// with new digests when only bodies changed, else a reload of the content.
func (ib *incrementalBuild) loadTree(ctx context.Context) (full string, err error) {
	s, old := ib.s, ib.old
	if pages, probs, ok := s.bodyEdits(old, ib.cfg, ib.ch.markdown); ok {
		ib.tree, ib.dirty = old.tree, map[*content.Page]bool{}
		changed := map[string]bool{}
		for _, np := range pages {
			op := ib.tree.ByFile(np.File)
			op.Digest, op.BodyLine = np.Digest, np.BodyLine
			ib.dirty[op] = true
			changed[np.File] = true
		}
		for _, p := range old.loadProbs {
			if !changed[p.Path] {
				ib.loadProbs = append(ib.loadProbs, p)
			}
		}
		ib.loadProbs = append(ib.loadProbs, probs...)
		return "", nil
	}
	ib.tree, ib.loadProbs = s.loader.Load(ctx, s.site, ib.cfg, s.loadOptions())
	if err := ctx.Err(); err != nil {
		return "", err
	}
	ib.dirty, ib.metaChanged, full = s.dirtyPages(old, ib.tree, ib.ch.markdown)
	return full, nil
}

// siteProblems adds the problems of the site as a whole: loading, review
// dates, URLs, data.
func (ib *incrementalBuild) siteProblems() {
	res := ib.res
	res.Problems.Add(ib.loadProbs...)
	res.Problems.Add(check.Reviews(ib.tree.All, ib.s.opt.Now)...)
	urls, probs := ib.s.checkURLs(ib.tree)
	ib.urls = urls
	res.Problems.Add(probs...)
}

// startBuilder makes a builder that buffers its output and starts from
// what the last build published.
func (ib *incrementalBuild) startBuilder(ctx context.Context) {
	data, probs := loadData(ib.s.site)
	ib.res.Problems.Add(probs...)
	old := ib.old
	b := ib.s.newBuilder(ctx, ib.cfg, ib.tree, data)
	b.buffered = map[string][]byte{}
	b.indexSums = old.index
	b.assets = old.assets
	b.fileSet = old.files
	for f := range old.files {
		b.published[f] = true
	}
	// Pages and aliases are claimed again from the new tree, and assets
	// when they changed; the files of static/ and content keep their
	// claims.
	b.rec = old.rec.clone()
	b.rec.release(func(_ string, s source) bool {
		return s.kind == srcPage || s.kind == srcAlias || (ib.ch.assets && s.kind == srcAsset)
	})
	ib.b = b
}

// publishChangedFiles processes the assets again when they changed, copies
// the changed files, and claims every page's output.
func (ib *incrementalBuild) publishChangedFiles() {
	if ib.ch.assets {
		ib.b.processAssets()
	}
	for _, f := range ib.ch.files {
		ib.b.copyFile(f)
	}
	ib.b.loadWords()
	ib.b.claimPages()
}

// markTemplateChanges makes dirty the pages whose template changed or
// resolves to another file now; a template every page uses is a full
// build.
func (ib *incrementalBuild) markTemplateChanges() (full string) {
	changed := ib.ch.layouts
	if len(changed) == 0 {
		return ""
	}
	for _, l := range changed {
		if !strings.HasSuffix(l, ".html") || strings.HasPrefix(l, "partials/") || l == "_default/baseof.html" {
			return "a template every page uses changed"
		}
	}
	for _, p := range ib.tree.All {
		name, _, _ := ib.rnd.Resolve(p)
		rec := ib.old.records[p.Key()]
		if rec == nil || rec.template != name || slices.Contains(changed, name) {
			ib.dirty[p] = true
		}
	}
	return ""
}

// tooManyDirty says when so many pages depend on the change that one
// sweep of a full build is cheaper.
func (ib *incrementalBuild) tooManyDirty() (full string) {
	all := len(ib.tree.All)
	if float64(len(ib.dirty)) > float64(all)*ib.s.fullShare+8 {
		return fmt.Sprintf("%d of %d pages depend on the change", len(ib.dirty), all)
	}
	return ""
}

// mergeRecords lays the new records over the old ones of pages that still
// exist.
func (ib *incrementalBuild) mergeRecords() {
	ib.records = map[string]*pageRecord{}
	for _, p := range ib.tree.All {
		if rec := ib.b.records[p.Key()]; rec != nil {
			ib.records[p.Key()] = rec
		} else if rec := ib.old.records[p.Key()]; rec != nil {
			ib.records[p.Key()] = rec
		}
	}
}

// writeGlobals writes the outputs made from the whole tree again when a
// page's front matter or the 404 template changed, else only the search
// index when a page's text did.
func (ib *incrementalBuild) writeGlobals() {
	b := ib.b
	if ib.metaChanged || slices.Contains(ib.ch.layouts, "404.html") {
		b.rec.release(func(_ string, s source) bool { return s.kind == srcGenerated })
		b.render404(ib.rnd)
		b.writeGlobals(ib.records)
	} else if len(b.records) > 0 {
		b.writeSearch(ib.records)
	}
}

// pageProblems adds the problems of every page, rendered now or before,
// and of the anchors that can have broken: where a rendered page links
// or is linked.
func (ib *incrementalBuild) pageProblems() {
	b, res := ib.b, ib.res
	touched := map[string]bool{}
	for key := range b.records {
		touched[key] = true
	}
	b.pageProblems(res, ib.records, touched)
	res.Pages, res.Files, res.Drafts = b.pages, len(b.buffered), len(ib.tree.Drafts)
}

// commit writes what the build made, removes what no longer exists and
// remembers the build as the last good one.
func (ib *incrementalBuild) commit() error {
	s, b, old := ib.s, ib.b, ib.old
	for _, rel := range slices.Sorted(maps.Keys(b.buffered)) {
		if err := writeInPlace(s.opt.Dest, rel, b.buffered[rel]); err != nil {
			return err
		}
	}
	// Whatever the last build wrote and nothing claims now is stale.
	for rel := range old.rec.claims {
		if _, ok := b.rec.claims[rel]; !ok {
			if err := removeOutput(s.opt.Dest, rel); err != nil {
				return err
			}
		}
	}
	if err := s.writeManifest(ib.urls); err != nil {
		return err
	}
	s.good = &snapshot{tree: ib.tree, records: ib.records, assets: b.assets, files: old.files, rec: b.rec, index: b.indexSums,
		looked: mergeSorted(old.looked, ib.rnd.LookedUp()), skeleton: old.skeleton, loadProbs: ib.loadProbs}
	s.pending = map[string]bool{}
	ib.res.finish(ib.start)
	return nil
}

// bodyEdits reloads the changed content files and reports whether only
// their bodies changed (no front matter, no file created or deleted),
// returning the reloaded pages and their problems.
func (s *Session) bodyEdits(old *snapshot, cfg *config.Config, changed []string) ([]*content.Page, diag.List, bool) {
	var pages []*content.Page
	var probs diag.List
	ok := true
	for _, f := range changed {
		np, pr := s.loader.Reload(s.site, cfg, f)
		op := old.tree.ByFile(f)
		if np == nil || op == nil || np.Broken || op.Broken || !content.SameMeta(op, np) {
			ok = false
			continue
		}
		pages = append(pages, np)
		probs = append(probs, pr...)
	}
	return pages, probs, ok && len(pages) > 0
}

// dirtyPages finds the pages to render again after the content files in
// changed were edited, created or deleted. A body edit affects only its
// page; a front matter change also affects the pages that show it: its
// section and ancestors, its neighbours, its terms and the pages sharing
// them (related guidance), the pages linking to it, and the home page.
// A non-empty full says why the change needs a full build instead.
func (s *Session) dirtyPages(old *snapshot, tree *content.Tree, changed []string) (dirty map[*content.Page]bool, metaChanged bool, full string) {
	keys := dirtyKeys{}
	for _, f := range changed {
		op, np := old.tree.ByFile(f), tree.ByFile(f)
		if op == nil && np == nil {
			continue
		}
		if op != nil && np != nil && content.SameMeta(op, np) {
			if op.Digest != np.Digest || op.Broken != np.Broken {
				keys[f] = true
			}
			continue
		}
		metaChanged = true
		if full = keys.addShowing(op, np); full != "" {
			return nil, false, full
		}
		keys.addLinking(old, f)
		// A translation's pages link to the page it translates until it
		// exists, and to it once it does: they link to it now, or did.
		for _, p := range []*content.Page{op, np} {
			if p != nil {
				for _, tr := range p.Translations {
					keys.addLinking(old, tr.Key())
				}
			}
		}
		if shownEverywhere(old, tree, f) {
			return nil, false, "a page the templates show everywhere changed"
		}
	}
	if metaChanged {
		if skeleton(tree) != old.skeleton {
			return nil, false, "sections or terms came or went"
		}
		keys[tree.Home.Key()] = true
	}
	dirty = map[*content.Page]bool{}
	for _, p := range tree.All {
		if keys[p.Key()] {
			dirty[p] = true
		}
	}
	return dirty, metaChanged, ""
}

// dirtyKeys are the keys of the pages to render again.
type dirtyKeys map[string]bool

// addShowing adds the pages that show the front matter of a page, as it
// was (op) and as it is (np): the page, its ancestors, its neighbours,
// its terms and their pages. A section's front matter shows on every page
// below it: a full build.
func (k dirtyKeys) addShowing(op, np *content.Page) (full string) {
	for _, p := range []*content.Page{op, np} {
		if p == nil {
			continue
		}
		if p.Kind != content.KindPage {
			return "a section's front matter changed"
		}
		k[p.Key()] = true
		for a := p.Parent; a != nil; a = a.Parent {
			k[a.Key()] = true
		}
		for _, n := range []*content.Page{p.Prev, p.Next} {
			if n != nil {
				k[n.Key()] = true
			}
		}
		// Its translations link to it (switcher, hreflang).
		for _, tr := range p.Translations {
			k[tr.Key()] = true
		}
		for _, terms := range p.TermPages {
			for _, tm := range terms.Pages {
				k[tm.Key()] = true
				k[tm.Parent.Key()] = true
				for _, q := range tm.Pages {
					k[q.Key()] = true
				}
			}
		}
	}
	return ""
}

// addLinking adds the pages that linked to the content file f in the last
// build: their link text or checks may change.
func (k dirtyKeys) addLinking(old *snapshot, f string) {
	for key, rec := range old.records {
		if slices.Contains(rec.targets, f) {
			k[key] = true
		}
	}
}

// shownEverywhere reports whether the templates look up the page of the
// content file f (with getPage), before or after the change.
func shownEverywhere(old *snapshot, tree *content.Tree, f string) bool {
	for _, ref := range old.looked {
		for _, t := range []*content.Tree{tree, old.tree} {
			// In each language: getPage finds a page's translation.
			for _, l := range t.Langs {
				if g := t.GetPageIn(l.Key, ref); g != nil && g.Key() == f {
					return true
				}
			}
		}
	}
	return false
}
