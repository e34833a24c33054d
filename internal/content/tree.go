package content

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/diag"
)

// Dir is the content folder inside a site.
const Dir = "content"

// Options change what Load includes.
type Options struct {
	Drafts bool
	// Generators make pages from data (the "Who to call" sheets).
	Generators []Generator
}

// Tree is a loaded site: every page with its place, order and URL.
type Tree struct {
	Config *config.Config
	// Home is the default language's home page.
	Home *Page
	// All is every page to render, in every language, sorted by URL.
	All []*Page
	// Regular is every regular page (KindPage), sorted by URL.
	Regular []*Page
	// Taxonomies are the default language's taxonomy list pages, by name.
	Taxonomies []*Page
	// Langs are the parts of the tree in each language, in the config's
	// order (one for a site without [languages]).
	Langs []*LangTree
	// Files are content files that are not pages (bundle resources and
	// loose files), relative to the site root; copied to the output as is.
	Files []string
	// Drafts are the content files left out because they, or a section
	// above them, are drafts (Options.Drafts off), sorted: serve says so.
	Drafts []string
	// Unread is set when a file or folder in content/ could not be read:
	// the pages it would have given are missing, which is not a removal.
	Unread bool
	byFile map[string]*Page
	byURL  map[string]*Page
	// neutral maps the path of a page within its language's folder
	// ("report/uk.md") to the first page of its translation group, in the
	// languages' order (see getNeutral). Keeping the groups themselves,
	// by groupKey, held 1.1 MB of a 10,000-page build's peak heap; this
	// map holds 0.3.
	neutral map[string]*Page
}

// GetPage finds a page by its content path: "settings/snapchat.md",
// "/settings/snapchat.md", "content/settings/snapchat.md", or a section by
// its "_index.md" or folder. Nil when there is none.
func (t *Tree) GetPage(ref string) *Page {
	ref = strings.TrimPrefix(ref, "/")
	ref = strings.TrimPrefix(ref, Dir+"/")
	ref = strings.TrimSuffix(ref, "/")
	// The file itself, then with .md, then as a folder: each name made
	// only when the one before is not a page (most links name the file).
	for _, suffix := range [...]string{"", ".md", "/_index.md", "/index.md"} {
		if p := t.byFile[path.Join(Dir, ref+suffix)]; p != nil {
			return p
		}
	}
	if ref == "" || ref == "_index.md" {
		return t.Home
	}
	return nil
}

// ByFile returns the page loaded from file (relative to the site root).
func (t *Tree) ByFile(file string) *Page { return t.byFile[file] }

// ByURL returns the page at a site-relative URL such as "/settings/".
// Unless the site keeps case, a URL written with capitals (as the file is
// named) finds the page at its lower-case URL.
func (t *Tree) ByURL(u string) *Page {
	if p := t.byURL[u]; p != nil || t.Config == nil || t.Config.DisablePathToLower {
		return p
	}
	return t.byURL[strings.ToLower(u)]
}

type srcFile struct {
	path string // relative to the site root
	kind Kind
	dir  string // the folder the page stands for, relative to its language's folder
	lang *config.Language
	// neutral is the path within the language's folder without the
	// language suffix, shared by translations.
	neutral string
}

// Load reads content/ from fsys and builds the tree. It returns every
// problem found; the tree is usable for rendering only without errors.
func Load(ctx context.Context, fsys fs.FS, cfg *config.Config, opt Options) (*Tree, diag.List) {
	return NewLoader().Load(ctx, fsys, cfg, opt)
}

// Loader loads content and keeps each file's decoded front matter, so that
// a rebuild after an edit reads again only the files it is told changed.
// The pages it caches are never changed; each Load assembles copies.
type Loader struct {
	mu    sync.Mutex
	cache map[string]loaded
	// once marks a Loader that loads once (a build, not serve): it keeps
	// nothing, so its pages need no copy (a copy of every page was 10 MB
	// of a 10,000-page build's peak heap).
	once bool
}

type loaded struct {
	page  *Page
	probs diag.List
}

// NewLoader returns a Loader with nothing cached.
func NewLoader() *Loader { return &Loader{cache: map[string]loaded{}} }

// NewOnceLoader returns a Loader for a single Load: it caches nothing and
// hands the pages it reads to the tree as they are.
func NewOnceLoader() *Loader { return &Loader{cache: map[string]loaded{}, once: true} }

// Forget drops cached files (site-relative paths), so the next Load reads
// them again.
func (l *Loader) Forget(paths ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, p := range paths {
		delete(l.cache, p)
	}
}

// Reload reads one content file again into the cache and returns a copy
// of the page with its problems; nil when the file is gone or is not a
// page. It lets a rebuild tell a body edit from a front matter change
// without loading the whole tree.
func (l *Loader) Reload(fsys fs.FS, cfg *config.Config, file string) (*Page, diag.List) {
	l.Forget(file)
	f, ok := classify(cfg, roots(cfg), file)
	if !ok {
		return nil, nil
	}
	if _, err := fs.Stat(fsys, file); err != nil {
		return nil, nil
	}
	var probs diag.List
	p := loadPage(fsys, f, cfg, &probs)
	if p == nil {
		return nil, probs
	}
	l.mu.Lock()
	l.cache[file] = loaded{p, probs}
	l.mu.Unlock()
	return p.fresh(), probs
}

// Load reads content/ from fsys, using cached front matter for files not
// forgotten since the last Load, and builds a new tree.
func (l *Loader) Load(ctx context.Context, fsys fs.FS, cfg *config.Config, opt Options) (*Tree, diag.List) {
	var probs diag.List
	t := &Tree{Config: cfg, byFile: map[string]*Page{}, byURL: map[string]*Page{}}
	w := walkContent(fsys, cfg, &probs)
	t.Unread = slices.ContainsFunc(probs, func(p diag.Problem) bool { return p.Severity == diag.Error })
	genFiles, genPages := generated(opt.Generators, fsys, cfg, w.paths(), &probs)
	pages := l.loadPages(ctx, fsys, cfg, w.files, &probs)
	if err := ctx.Err(); err != nil {
		probs.Errorf("", 0, 0, "", "build cancelled: %v", err)
		return t, probs
	}
	files := append(w.files, genFiles...)
	for _, p := range genPages {
		pages = append(pages, p.fresh())
	}
	for _, lang := range cfg.Langs {
		t.assemble(lang, files, pages, w.others, opt)
	}
	t.Files = looseFiles(w.others, w.bundles)
	slices.Sort(t.Drafts)
	t.Drafts = slices.Compact(t.Drafts)
	t.index(cfg)
	t.linkTranslations(cfg, &probs)
	probs.Add(nameProblems(t.All, !cfg.DisablePathToLower)...)
	return t, probs
}

// assemble puts one language's pages in their sections, with its home and
// taxonomies, and adds them to the tree.
func (t *Tree) assemble(lang *config.Language, files []srcFile, pages []*Page, others []string, opt Options) {
	var lf []srcFile
	var lp []*Page
	for i, f := range files {
		if f.lang.Key == lang.Key {
			if pages[i] != nil {
				// A page cached by an earlier build has that build's config.
				pages[i].Lang, pages[i].Language = lang.Key, lang
			}
			lf, lp = append(lf, f), append(lp, pages[i])
		}
	}
	a := &assembly{cfg: t.Config, lang: lang, opt: opt, sections: map[string]*Page{}}
	regular := a.place(lf, lp, others)
	a.linkSections()
	lt := &LangTree{Language: lang, Home: a.ensure("")}
	t.Drafts = append(t.Drafts, a.drafts...)
	from, fromRegular := len(t.All), len(t.Regular)
	t.addPages(regular, a.sections, opt)
	lt.Taxonomies = t.buildTaxonomies(a)
	lt.All, lt.Regular = slices.Clone(t.All[from:]), slices.Clone(t.Regular[fromRegular:])
	if lang.Default {
		t.Home, t.Taxonomies = lt.Home, lt.Taxonomies
	}
	t.Langs = append(t.Langs, lt)
}

// walked is what walking content/ found: the page files, the bundle
// folders and the other files.
type walked struct {
	files   []srcFile
	bundles map[string]bool
	others  []string
	cfg     *config.Config
	roots   []root
}

// paths are the page files found, for generated pages to give way to.
func (w *walked) paths() map[string]bool {
	have := map[string]bool{}
	for _, f := range w.files {
		have[f.path] = true
	}
	return have
}

// walkContent lists content/ and the languages' content folders: pages,
// bundles and other files, leaving out what editors leave behind.
func walkContent(fsys fs.FS, cfg *config.Config, probs *diag.List) *walked {
	w := &walked{bundles: map[string]bool{}, cfg: cfg, roots: roots(cfg)}
	for _, r := range w.roots {
		w.walk(fsys, r, probs)
	}
	return w
}

// walk lists one root, leaving a folder inside it that is another
// language's root to that language.
func (w *walked) walk(fsys fs.FS, r root, probs *diag.List) {
	err := fs.WalkDir(fsys, r.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil && p == r.dir && errors.Is(err, fs.ErrNotExist) {
			if r.dir == Dir {
				probs.Errorf(Dir, 0, 0, "create a folder named content beside signpost.toml, with an _index.md for the home page", "the site has no content folder")
			} else {
				probs.Warnf(w.cfg.File, 0, 0, fmt.Sprintf("create the folder %s for the %s pages, or remove contentDir", r.dir, r.lang.Name),
					"the %s pages' folder %s does not exist", r.lang.Name, r.dir)
			}
			return nil
		}
		if err != nil {
			probs.Add(ReadProblem(p, err))
			return nil
		}
		if p != Dir && Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if in, _ := rootOf(w.roots, p); p != r.dir && in.dir == p {
				return fs.SkipDir // another language's folder
			}
			if isBundle(fsys, w.cfg, p) {
				w.bundles[p] = true
			}
			return nil
		}
		w.add(p)
		return nil
	})
	if err != nil {
		probs.Errorf(r.dir, 0, 0, "create a content folder with an _index.md for the home page", "the content folder cannot be read: %s", PlainError(err))
	}
}

// isBundle reports whether a folder is a page bundle: it holds index.md,
// or a translation of it (index.ur.md).
func isBundle(fsys fs.FS, cfg *config.Config, dir string) bool {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if name, _ := langSuffix(cfg, e.Name()); name == "index.md" && !e.IsDir() {
			return true
		}
	}
	return false
}

// add sorts one file found by the walk.
func (w *walked) add(p string) {
	f, ok := classify(w.cfg, w.roots, p)
	switch {
	case !ok:
		w.others = append(w.others, p)
	case inBundle(w.bundles, path.Dir(p)) != "" && path.Base(f.neutral) != "index.md":
		w.others = append(w.others, p)
	default:
		w.files = append(w.files, f)
	}
}

// loadPages reads the front matter of the files not cached, on a bounded
// pool of workers, and returns fresh copies of every file's page (nil for
// a file that could not be read), adding their problems.
func (l *Loader) loadPages(ctx context.Context, fsys fs.FS, cfg *config.Config, files []srcFile, probs *diag.List) []*Page {
	pages := make([]*Page, len(files))
	pageProbs := make([]diag.List, len(files))
	var todo []int
	l.mu.Lock()
	for i, f := range files {
		if c, ok := l.cache[f.path]; ok && c.page.Kind == f.kind {
			pages[i], pageProbs[i] = c.page, c.probs
		} else {
			todo = append(todo, i)
		}
	}
	l.mu.Unlock()
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, i := range todo {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error {
			pages[i] = loadPage(fsys, files[i], cfg, &pageProbs[i])
			return nil // a page's problems are in pageProbs
		})
	}
	_ = g.Wait()
	if ctx.Err() != nil {
		return nil
	}
	if l.once {
		for _, pp := range pageProbs {
			probs.Add(pp...)
		}
		return pages
	}
	l.mu.Lock()
	for _, i := range todo {
		if pages[i] != nil {
			l.cache[files[i].path] = loaded{pages[i], pageProbs[i]}
		}
	}
	l.mu.Unlock()
	for i, pp := range pageProbs {
		probs.Add(pp...)
		if pages[i] != nil {
			pages[i] = pages[i].fresh()
		}
	}
	return pages
}

// assembly puts loaded pages in their sections.
type assembly struct {
	cfg  *config.Config
	lang *config.Language
	opt  Options
	// sections has one page for every folder that holds pages, _index.md
	// or not.
	sections map[string]*Page
	// drafts are the files left out as drafts (Options.Drafts off).
	drafts []string
}

// ensure returns the section of a folder, made from its name when it has
// no _index.md.
func (a *assembly) ensure(dir string) *Page {
	if s := a.sections[dir]; s != nil {
		return s
	}
	cfg := a.cfg
	kind := KindSection
	if dir == "" {
		kind = KindHome
	}
	s := newPage(kind, "", a.lang)
	// A folder without _index.md: its name is its title and address.
	s.Origin = Pos{Path: path.Join(Dir, dir)}
	s.Title = TitleFromName(path.Base(dir))
	if s.Title != "" {
		s.Description = "The pages in " + s.Title + "."
	}
	if dir == "" {
		// The home page stands for the whole site, not for a folder.
		s.Title, s.Description = a.lang.Title, cfg.Description
	}
	s.URL = a.url(dir)
	a.sections[dir] = s
	return s
}

// place gives sections and regular pages their URLs and regular pages
// their parents and resources, and returns the regular pages.
func (a *assembly) place(files []srcFile, pages []*Page, others []string) []*Page {
	opt := a.opt
	for i, f := range files {
		p := pages[i]
		if p != nil && p.Draft && !opt.Drafts {
			a.drafts = append(a.drafts, p.File)
		}
		// A draft section stays in the map, so that the pages below it
		// find it and are left out with it (hiddenByDraft).
		if p == nil || (p.Draft && !opt.Drafts && f.kind != KindSection) {
			continue
		}
		if f.kind != KindPage {
			if p.URL == "" {
				p.URL = a.url(f.dir)
			}
			a.sections[f.dir] = p
		}
	}
	var regular []*Page
	for i, f := range files {
		p := pages[i]
		if p == nil || p.Kind != KindPage || (p.Draft && !opt.Drafts) {
			continue
		}
		parentDir := path.Dir(f.dir)
		if parentDir == "." {
			parentDir = ""
		}
		if p.URL == "" {
			slug := path.Base(f.dir)
			if p.Slug() != "" {
				slug = p.Slug()
			}
			p.URL = a.url(path.Join(parentDir, slug))
		}
		p.Parent = a.ensure(parentDir)
		regular = append(regular, p)
		if strings.HasSuffix(f.path, "/index.md") {
			p.setResources(resourcesOf(others, path.Dir(f.path)))
		}
	}
	return regular
}

// linkSections links sections to their parents, creating missing ones on
// the way.
func (a *assembly) linkSections() {
	for changed := true; changed; {
		changed = false
		dirs := slices.Sorted(maps.Keys(a.sections))
		for _, dir := range dirs {
			s := a.sections[dir]
			if dir == "" || s.Parent != nil {
				continue
			}
			pd := path.Dir(dir)
			if pd == "." {
				pd = ""
			}
			if a.sections[pd] == nil {
				changed = true
			}
			s.Parent = a.ensure(pd)
		}
	}
}

// addPages lists the pages in their sections, in order, with neighbours,
// leaving out everything under a draft section when drafts are off.
func (t *Tree) addPages(regular []*Page, sections map[string]*Page, opt Options) {
	from := len(t.Regular)
	for _, p := range regular {
		if hiddenByDraft(p, opt) {
			t.Drafts = append(t.Drafts, p.File)
			continue
		}
		p.Parent.Pages = append(p.Parent.Pages, p)
		t.Regular = append(t.Regular, p)
	}
	dirs := slices.Sorted(maps.Keys(sections))
	hidden := map[*Page]bool{} // each section's ancestry is walked once
	for _, dir := range dirs {
		s := sections[dir]
		hidden[s] = hiddenByDraft(s, opt)
		if s.Parent != nil && !hidden[s] {
			s.Parent.Sections = append(s.Parent.Sections, s)
		}
	}
	for _, dir := range dirs {
		s := sections[dir]
		if hidden[s] {
			if s.File != "" && !s.Draft {
				t.Drafts = append(t.Drafts, s.File)
			}
			continue
		}
		SortPages(s.Pages)
		SortPages(s.Sections)
		for i, p := range s.Pages {
			if i > 0 {
				p.Prev = s.Pages[i-1]
			}
			if i+1 < len(s.Pages) {
				p.Next = s.Pages[i+1]
			}
		}
		t.All = append(t.All, s)
	}
	t.All = append(t.All, t.Regular[from:]...)
}

// index sorts the pages by URL and indexes them by file and URL, with
// their permalinks. Two things at one URL are reported by the build,
// which knows every output file (pages, aliases, static files).
func (t *Tree) index(cfg *config.Config) {
	byURL := func(ps []*Page) {
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].URL < ps[j].URL })
	}
	byURL(t.All)
	byURL(t.Regular)
	for _, l := range t.Langs {
		byURL(l.All)
		byURL(l.Regular)
	}
	base, site := cfg.BasePath(), strings.TrimSuffix(cfg.BaseURL, "/")+"/"
	for _, p := range t.All {
		rel := EscapePath(strings.TrimPrefix(p.URL, "/"))
		p.Permalink = site + rel
		// The relative permalink is the permalink's tail when the base
		// URL ends in its path, as it should: one string a page, not two.
		if strings.HasSuffix(site, base) {
			p.RelPermalink = p.Permalink[len(site)-len(base):]
		} else {
			p.RelPermalink = base + rel
		}
		if p.File != "" {
			t.byFile[p.File] = p
		} else if p.Kind == KindSection {
			// A folder without _index.md can still be linked as one.
			t.byFile[path.Join(Dir, strings.Trim(p.URL, "/"), "_index.md")] = p
		}
		if t.byURL[p.URL] == nil {
			t.byURL[p.URL] = p
		}
	}
}

func loadPage(fsys fs.FS, f srcFile, cfg *config.Config, probs *diag.List) *Page {
	src, err := fs.ReadFile(fsys, f.path)
	if err != nil {
		probs.Add(ReadProblem(f.path, err))
		return nil
	}
	p := newPage(f.kind, f.path, f.lang)
	p.neutral = f.neutral
	p.Digest = sha256.Sum256(src)
	// A page whose front matter is broken still joins the tree, marked
	// Broken, so links to it resolve and the rest of the site is checked:
	// every problem of a build is reported at once.
	format, fm, body, bodyLine, err := Split(src)
	if err != nil {
		pr := diag.Problems(err)[0]
		pr.Path = f.path
		probs.Add(pr)
		p.Broken = true
		p.Title = TitleFromName(path.Base(f.dir))
		return p
	}
	p.BodyLine = bodyLine
	if format != "" {
		m := map[string]any{}
		// A blank first line stands for the opening delimiter, so that
		// lines in errors and their source excerpts are the file's lines.
		doc := append([]byte("\n"), fm...)
		if keys, pr, ok := config.DecodeLines(format, f.path, doc, &m); !ok {
			probs.Add(pr)
			p.Broken = true
		} else {
			decodeMeta(p, m, keys, 2, cfg, probs)
			checkTranslation(p, cfg, probs)
		}
	}
	if strings.TrimSpace(p.Title) == "" && !p.Broken {
		// A body that opens with "# Title" names the page, as in READMEs
		// and MkDocs; that heading is then not rendered again below the
		// layout's h1.
		if title, at, n := leadingTitle(body); n > 0 {
			p.Title, p.titleLine, p.titleLines = title, int32(p.BodyLine+at), int32(n)
			p.BodyLine += n
		}
	}
	if p.Title == "" {
		p.Title = TitleFromName(path.Base(f.dir))
		if f.kind == KindHome {
			p.Title = f.lang.Title
		}
	}
	return p
}

func newPage(kind Kind, file string, lang *config.Language) *Page {
	// Terms, TermPages and Params are made when something is put in them:
	// three empty maps a page were 1.5 MB of a 10,000-page build's heap.
	return &Page{Kind: kind, File: file, Lang: lang.Key, Language: lang, ShowTOC: true}
}

// ReadBody reads a page's markdown body again from fsys.
func ReadBody(fsys fs.FS, p *Page) ([]byte, error) {
	_, body, err := ReadSource(fsys, p)
	return body, err
}

// ReadSource reads a page's file again from fsys: all of it, and its body.
// A generated page has no file (src is nil) and its body in memory.
func ReadSource(fsys fs.FS, p *Page) (src, body []byte, err error) {
	if p.IsGenerated() {
		return nil, p.Body, nil
	}
	if p.File == "" {
		return nil, nil, nil
	}
	src, err = fs.ReadFile(fsys, p.File)
	if err != nil {
		return nil, nil, err
	}
	_, _, body, _, err = Split(src)
	return src, dropLines(body, int(p.titleLines)), err
}

// SortPages orders pages by weight (unset last), then newest date, then
// title, then URL, so that the order never depends on the file system.
func SortPages(ps []*Page) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Weight != b.Weight {
			if a.Weight == 0 || b.Weight == 0 {
				return b.Weight == 0
			}
			return a.Weight < b.Weight
		}
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.URL < b.URL
	})
}

// taxonomyDescription is a taxonomy page's description in English.
func taxonomyDescription(title string) string {
	return "Every page, listed by " + strings.ToLower(title) + "."
}

// buildTaxonomies makes the taxonomy and term pages of the language a
// assembled, from its regular pages, and returns the taxonomy pages.
func (t *Tree) buildTaxonomies(a *assembly) []*Page {
	cfg, home := a.cfg, a.sections[""]
	var out []*Page
	for _, tax := range cfg.TaxonomyNames() {
		tp := newPage(KindTaxonomy, "", a.lang)
		tp.more().taxonomy = tax
		tp.Origin.Path, tp.Origin.Line = cfg.TaxonomyPos(tax)
		tp.Title = TitleFromName(tax)
		tp.Description = taxonomyDescription(tp.Title)
		tp.URL = a.url(tax)
		tp.Parent = home
		terms := map[string]*Page{}
		for _, p := range t.Regular {
			if p.Lang != a.lang.Key {
				continue
			}
			for _, term := range p.Terms.Of(tax) {
				slug := Slugify(term)
				if slug == "" {
					continue
				}
				tm := terms[slug]
				if tm == nil {
					tm = newPage(KindTerm, "", a.lang)
					tm.more().taxonomy, tm.rare.termSlug = tax, slug
					tm.Origin = Pos{p.File, max(p.KeyLine(tax), 1)}
					tm.Title = term
					tm.Description = "The pages listed under " + term + " in " + strings.ToLower(tp.Title) + "."
					tm.URL = a.url(tax + "/" + slug)
					tm.Parent = tp
					terms[slug] = tm
				}
				tm.Pages = append(tm.Pages, p)
				p.TermPages = p.TermPages.add(tax, tm)
			}
		}
		if len(terms) == 0 {
			continue
		}
		for _, slug := range slices.Sorted(maps.Keys(terms)) {
			tm := terms[slug]
			SortPages(tm.Pages)
			tp.Pages = append(tp.Pages, tm)
			t.All = append(t.All, tm)
		}
		out = append(out, tp)
		t.All = append(t.All, tp)
	}
	return out
}

func hiddenByDraft(p *Page, opt Options) bool {
	return !opt.Drafts && p.InDraft()
}

func inBundle(bundles map[string]bool, dir string) string {
	for d := dir; d != "." && d != "/" && d != ""; d = path.Dir(d) {
		if bundles[d] {
			return d
		}
	}
	return ""
}

func resourcesOf(files []string, dir string) []string {
	var out []string
	for _, f := range files {
		if strings.HasPrefix(f, dir+"/") {
			out = append(out, f)
		}
	}
	return out
}

func looseFiles(files []string, bundles map[string]bool) []string {
	var out []string
	for _, f := range files {
		if inBundle(bundles, path.Dir(f)) == "" {
			out = append(out, f)
		}
	}
	return out
}

// Ignored reports files editors and tools leave behind: hidden files, swap
// and backup files. The watcher uses it too.
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") || name == "4913"
}

// Describe names a page for messages: its file, or what made it and where.
func Describe(p *Page) string {
	switch {
	case p.IsGenerated():
		return fmt.Sprintf("the page made from %s", p.Origin)
	case p.File != "":
		return p.File
	case p.Origin.Path != "":
		return fmt.Sprintf("the %s page %q (from %s)", p.Kind, p.Title, p.Origin)
	}
	return fmt.Sprintf("the %s page %q", p.Kind, p.Title)
}
