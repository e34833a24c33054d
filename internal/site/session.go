package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/signpost/signpost/internal/check"
	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/render"
	"github.com/signpost/signpost/internal/search"
	"github.com/signpost/signpost/internal/sheets"
)

// InputDirs are the site's folders of inputs. With the config file at
// the root they are everything a build reads: what serve watches, and
// where an output folder may never be.
var InputDirs = []string{"content", "layouts", "assets", StaticDir, "data", "archetypes", "i18n"}

// StaticDir holds files published as they are, dot-files included.
const StaticDir = "static"

// Session builds one site again and again, as serve does. The first build
// is full; a later build told which files changed renders only the pages
// that depend on them and writes only their files, in place. Anything it
// cannot narrow down (config, data, a section's or term's appearance, a
// shared template) falls back to a full build. Either way the output is the
// same as a clean build's, byte for byte.
type Session struct {
	opt     Options
	site    fs.FS
	loader  *content.Loader
	pending map[string]bool // changed since the last good build
	good    *snapshot
	// once is true for Build's session, which builds once: its page
	// records need not keep what only a later incremental build reads.
	once bool
	// fullShare is the share of pages that, once dirty, makes one sweep of
	// a full build cheaper than an incremental one.
	fullShare float64
}

// snapshot is what the last successful build left.
type snapshot struct {
	tree     *content.Tree
	records  map[string]*pageRecord
	assets   map[string]render.Asset
	files    map[string]bool     // non-page files published (static, assets, resources)
	rec      *recorder           // every output file and its source
	index    map[string][32]byte // checksums of the search index files
	looked   []string            // getPage refs of the templates
	skeleton string
	// loadProbs are the problems of loading the content (warnings only,
	// in a good build), kept for builds that reuse the tree.
	loadProbs diag.List
}

// NewSession prepares builds of opt's site.
func NewSession(opt Options) *Session {
	site := opt.Site
	if site == nil {
		site = content.NewSiteFS(opt.Source)
	}
	return &Session{opt: opt, site: site, loader: content.NewLoader(), pending: map[string]bool{}, fullShare: 0.25}
}

// Tree is the content of the last successful build, or nil. Call it
// between builds, not during one.
func (s *Session) Tree() *content.Tree {
	if s.good == nil {
		return nil
	}
	return s.good.tree
}

// Build builds the site; changed lists the files (relative to the site,
// slash-separated) changed since the last call. Result.Pages counts the
// pages rendered by this call.
func (s *Session) Build(ctx context.Context, changed []string) (*Result, error) {
	if fsys, ok := s.site.(*content.SiteFS); ok {
		fsys.SetContext(ctx) // a cancelled build stops reading files
	}
	for _, c := range changed {
		s.pending[path.Clean(filepath.ToSlash(c))] = true
	}
	why := "first build"
	if s.good != nil {
		if why = s.needsFull(); why == "" {
			res, full, err := s.incremental(ctx)
			if full == "" {
				return res, err
			}
			why = full
		}
	}
	res, err := s.full(ctx)
	res.Why = why
	return res, err
}

// needsFull says why the pending changes need a full build, or "".
func (s *Session) needsFull() string {
	for p := range s.pending {
		switch Classify(p) {
		case ChangeLayout, ChangeArchetype, ChangeContent:
		case ChangeAsset:
			if !s.opt.StableAssetNames {
				return "every page names the asset's hash"
			}
			if s.addedOrRemoved(p) {
				return "an asset was added or removed"
			}
		case ChangeStatic, ChangeResource:
			// A changed file is copied again; one that appears or goes
			// can make links valid or broken anywhere.
			if s.addedOrRemoved(p) {
				return "a file was added or removed"
			}
			if sizedImage(p) {
				return "an image changed, whose size the pages showing it say"
			}
		default: // config, data, i18n, anything else at the root
			return p + " changed"
		}
	}
	return ""
}

// addedOrRemoved reports whether p, a file published as it is, was not
// in the last good build or is gone now.
func (s *Session) addedOrRemoved(p string) bool {
	return !s.good.files["/"+publishedPath(p)] || !exists(s.site, p)
}

// publishedPath is where a file published as it is lands: its path
// without the input folder.
func publishedPath(p string) string {
	if Classify(p).publishes() {
		_, rest, _ := strings.Cut(p, "/")
		return rest
	}
	return p
}

func exists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
}

// loadConfig reads the config with the command line's overrides.
func (s *Session) loadConfig() (*config.Config, diag.List) {
	cfg, probs := config.Load(s.site)
	if s.opt.BaseURL != "" {
		cfg.BaseURL = s.opt.BaseURL
		if !strings.HasSuffix(cfg.BaseURL, "/") {
			cfg.BaseURL += "/"
		}
	}
	return cfg, probs
}

func (s *Session) newBuilder(ctx context.Context, cfg *config.Config, tree *content.Tree, data map[string]any) *builder {
	minifyOn := cfg.MinifyOutput()
	if s.opt.Minify != nil {
		minifyOn = *s.opt.Minify
	}
	b := &builder{ctx: ctx, opt: s.opt, site: s.site, cfg: cfg, tree: tree, min: newMinifier(minifyOn), data: data, once: s.once,
		published: map[string]bool{}, records: map[string]*pageRecord{}, lexicon: &search.Lexicon{},
		rec: newRecorder(), refused: map[*content.Page]bool{}, redirectOnly: map[string]bool{}}
	if s.opt.Check {
		b.chk = check.New(check.Options{Site: s.site, Config: cfg, Now: s.opt.Now, Tree: tree})
	}
	return b
}

// full builds everything into a temporary folder and swaps it into place.
func (s *Session) full(ctx context.Context) (*Result, error) {
	start := time.Now()
	res := &Result{}
	if s.opt.Source != "" {
		if err := checkDest(s.opt.Dest, s.opt.Source); err != nil {
			return res, err
		}
	}
	cfg, probs := s.loadConfig()
	res.Problems = probs
	if probs.HasErrors() {
		return res.fail(start)
	}
	for p := range s.pending {
		s.loader.Forget(p)
	}
	if s.needsFullReload() {
		s.loader = content.NewLoader()
	}
	output := prepareOutput(s.opt.Dest)
	tree, loadProbs := s.loader.Load(ctx, s.site, cfg, s.loadOptions())
	if err := ctx.Err(); err != nil {
		if out, err := output(); err == nil {
			out.discard()
		}
		return res, err
	}
	res.Problems.Add(loadProbs...)
	urls, probs := s.checkURLs(tree)
	res.Problems.Add(probs...)
	data, probs := loadData(s.site)
	res.Problems.Add(probs...)
	res.Problems.Add(check.Reviews(tree.All, s.opt.Now)...)
	// Content errors do not stop here: rendering the pages that did load
	// finds their problems too, and the output is discarded at the end.

	out, err := output()
	if err != nil {
		return res, err
	}
	b := s.newBuilder(ctx, cfg, tree, data)
	b.out = out
	if s.opt.Compress {
		if out.compress, err = startCompressor(out, b.claimCompressed); err != nil {
			out.discard()
			return res, err
		}
	}
	b.run()
	b.pageProblems(res, b.records, nil)
	res.Pages, res.Files, res.Drafts = b.pages, b.files, len(tree.Drafts)
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
	if err := s.writeManifest(urls); err != nil {
		return res, err
	}
	s.good = &snapshot{tree: tree, records: b.records, assets: b.assets, files: b.staticFiles(), rec: b.rec, index: b.indexSums,
		looked: b.looked, skeleton: skeleton(tree), loadProbs: loadProbs}
	s.pending = map[string]bool{}
	res.finish(start)
	return res, nil
}

// prepareOutput makes the build's temporary folder while the content
// loads, and returns a function that waits for it: taking the spare lists
// its files and folders (22,757 for 10,000 pages: 0.2 s of one core, the
// other idle, when it came after loading).
func prepareOutput(dest string) func() (*output, error) {
	done := make(chan struct{})
	var out *output
	var err error
	go func() {
		defer close(done)
		out, err = newOutput(dest)
	}()
	return func() (*output, error) {
		<-done
		return out, err
	}
}

// loadOptions are how this site's content loads: with drafts or not, and
// with the pages made from data (a change to data/ is a full build, which
// makes them again).
func (s *Session) loadOptions() content.Options {
	return content.Options{Drafts: s.opt.Drafts, Generators: []content.Generator{sheets.Generate}}
}

// needsFullReload reports changes that alter how every page loads (the
// config's taxonomies, say), so cached front matter cannot be trusted.
func (s *Session) needsFullReload() bool {
	for p := range s.pending {
		if !strings.Contains(p, "/") {
			return true
		}
	}
	return false
}

// skeleton describes the sections and terms of a site: what menus,
// breadcrumbs and "browse by" lists on any page may show.
func skeleton(t *content.Tree) string {
	var b strings.Builder
	for _, p := range t.All {
		switch p.Kind {
		case content.KindPage:
		case content.KindTaxonomy:
			// Titled from the config and i18n/ (NameTaxonomies, after
			// the tree loads), whose changes build everything anyway.
			fmt.Fprintf(&b, "%s|%s|%d\n", p.Kind, p.URL, p.Weight)
		default:
			fmt.Fprintf(&b, "%s|%s|%s|%d|%s\n", p.Kind, p.URL, p.Title, p.Weight, p.Description)
		}
	}
	return b.String()
}

// staticFiles are the non-page files this build published, as URLs.
func (b *builder) staticFiles() map[string]bool {
	out := map[string]bool{}
	for rel := range b.rec.files(srcStatic, srcContent, srcAsset) {
		out["/"+rel] = true
	}
	return out
}

// writeInPlace replaces one output file atomically, so the server never
// sends half a page.
func writeInPlace(dest, rel string, data []byte) error {
	p, err := destPath(dest, rel)
	if err != nil {
		return err
	}
	if err := noLinkOnTheWay(dest, rel); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".signpost-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}

// removeOutput removes one output file that is no longer made, and the
// folders it leaves empty, never anything outside dest.
func removeOutput(dest, rel string) error {
	p, err := destPath(dest, rel)
	if err != nil {
		return err
	}
	if err := noLinkOnTheWay(dest, rel); err != nil {
		return err
	}
	_ = os.Remove(p)
	for d := filepath.Dir(p); d != dest && within(d, dest); d = filepath.Dir(d) {
		if os.Remove(d) != nil {
			break
		}
	}
	return nil
}

// errLinkInOutput: a folder of the output was replaced by a link (by
// hand, while serving). Writing or removing through it would reach
// outside the output; a full build replaces the whole folder instead.
var errLinkInOutput = errors.New("a folder of the output is a link")

// noLinkOnTheWay checks the folders from dest down to the output file rel:
// each must be a real folder (or not there yet), not a link.
func noLinkOnTheWay(dest, rel string) error {
	cur := dest
	dirs := strings.Split(rel, "/")
	for _, d := range dirs[:len(dirs)-1] {
		cur = filepath.Join(cur, d)
		fi, err := os.Lstat(cur)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return &fs.PathError{Op: "write", Path: cur, Err: errLinkInOutput}
		}
	}
	return nil
}

// mergeSorted is the sorted union of two lists.
func mergeSorted(a, b []string) []string {
	return slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(a), b...))))
}
