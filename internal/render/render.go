// Package render turns pages into HTML with html/template. Templates are
// looked up in the site's layouts/ first, then in the default theme built
// into the binary, so a site with no layouts still builds.
package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/i18n"
	"github.com/signpost/signpost/internal/markdown"
)

// LayoutsDir is the templates folder in a site and in the theme.
const LayoutsDir = "layouts"

// Asset is a published CSS or JS file: its fingerprinted URL and its
// Subresource Integrity hash.
type Asset struct {
	URL       string
	Integrity string
}

// Options are what a Renderer needs from the build.
type Options struct {
	Site  fs.FS // the site root
	Theme fs.FS // the default theme (contains layouts/); may be nil
	Tree  *content.Tree
	// Assets maps a path under assets/ ("css/site.css") to its output.
	Assets map[string]Asset
	// Data is the site's data/ folder, decoded: data/helplines.yaml is
	// .Site.Data.helplines.
	Data map[string]any
	// I18n is the theme's words in every language; nil gives each
	// message's key (tests that do not need words).
	I18n *i18n.Catalogue
	// Inject is extra HTML put before </body> (the live-reload script of
	// serve); never set by build.
	Inject template.HTML
}

// Renderer executes templates for pages. It is safe for concurrent use.
type Renderer struct {
	opt  Options
	site *Site
	// sites are .Site in each language, by key; site is the default's.
	sites map[string]*Site
	// parsed holds a parsedSet per language and kind template, parsed
	// once per build; mu guards it and serialises parsing so each is
	// parsed only once. A map of setKey looks a set up without a new
	// string or a boxed key, as every page does.
	parsed map[setKey]parsedSet
	mu     sync.RWMutex
	// looked records the refs templates passed to getPage: every page
	// depends on those pages, for incremental rebuilds.
	looked sync.Map
	// sources caches Sources by template name.
	sources sync.Map
	// cached holds what partialCached rendered, by partialKey, behind
	// cachedMu: a plain map, as a sync.Map boxes every key it is asked
	// for (an allocation of 96 bytes at each of a page's dozen calls).
	cached   map[partialKey]template.HTML
	cachedMu sync.RWMutex
	// each holds what partialCachedEach rendered (see eachTexts).
	each map[setKey]map[any]template.HTML
	// layoutSize is the length of the last page's HTML less its content.
	layoutSize atomic.Int64
	// related is the site's related index, made at the first use.
	related     *relatedIndex
	relatedOnce sync.Once
}

// relatedIndex is the site's related index, made once per build.
func (r *Renderer) relatedIndex() *relatedIndex {
	r.relatedOnce.Do(func() { r.related = newRelatedIndex(r.opt.Tree.All) })
	return r.related
}

// LookedUp returns the refs templates passed to getPage so far, sorted.
func (r *Renderer) LookedUp() []string {
	var out []string
	r.looked.Range(func(k, _ any) bool { out = append(out, k.(string)); return true })
	sort.Strings(out)
	return out
}

// lookedUp records a ref passed to getPage. Every page asks for the same
// few, so a ref is stored only the first time (a Store allocates).
func (r *Renderer) lookedUp(ref string) {
	if _, ok := r.looked.Load(ref); !ok {
		r.looked.Store(ref, true)
	}
}

// Site is .Site in templates.
type Site struct {
	Title        string
	BaseURL      string
	LanguageCode string
	Description  string
	Params       map[string]any
	Menus        map[string][]MenuItem
	Home         *content.Page
	Sections     []*content.Page
	Taxonomies   []*content.Page
	Data         map[string]any
	// Guidance is the config's [guidance]: templates link the updates
	// feed of a term of .Site.Guidance.Feeds.
	Guidance config.Guidance
	// Language is this .Site's language; Languages all the site's, in
	// order; IsMultilingual says there is more than one.
	Language       *config.Language
	Languages      []*config.Language
	IsMultilingual bool
	// I18n holds the theme's words in every language (T looks them up).
	I18n *i18n.Catalogue
	tree *content.Tree
	// dates are localDate's answers, by year*10000+month*100+day.
	dates sync.Map
	// pages are getPage's answers (nil for none), by ref.
	pages sync.Map
	// partials are the partials' templates, by name (see partialTemplate).
	partials sync.Map
}

// MenuItem is a resolved menu entry.
type MenuItem struct {
	Name string
	URL  string
	Page *content.Page
	// Own is true for an entry of the language's own menu: its name is
	// in the page's language even where its page is not (an English-only
	// page on an Urdu menu), so the link takes no lang attribute.
	Own bool
}

// PageData is the dot of a page template: the page's fields plus the
// rendered content and the site.
type PageData struct {
	*content.Page
	Site    *Site
	Content template.HTML
	TOC     []markdown.Heading
	Inject  template.HTML
	// Copies of the page's fields that templates use most. text/template
	// looks a field up by name at every use, and reflect finds one of an
	// embedded struct only by a search that allocates (8% of the
	// templates' CPU on a 1,000-page site); a field of PageData itself is
	// found at once, and shadows the page's. They hold the page's values,
	// which do not change while it renders.
	Title, Description, Permalink, RelPermalink, Lang, Taxonomy string
	Kind                                                        content.Kind
	Language                                                    *config.Language
	Prev, Next                                                  *content.Page
	Sources                                                     []content.Source
	Reviewed, ReviewBy                                          time.Time
	Translated                                                  *content.TranslationInfo
	ShowTOC                                                     bool
	Params                                                      map[string]any
	Parent                                                      *content.Page
	Pages, Sections                                             []*content.Page
	// The answers of the page's methods that templates call on every
	// page: a field shadows the method, and reading it is no call.
	IsHome, IsPage        bool
	Section, LanguageCode string
}

// pageData is the dot of p's templates, before its content. It is a
// value, not a pointer: text/template reads a field of a pointed-to struct
// as an addressable value, which reflect copies to the heap each time it
// passes it to a function (every escaper of html/template); a field of a
// value is passed as it is (19 of 773 allocations of a page).
func pageData(r *Renderer, p *content.Page) PageData {
	return PageData{Page: p, Site: r.siteOf(p), Inject: r.opt.Inject,
		Title: p.Title, Description: p.Description, Permalink: p.Permalink, RelPermalink: p.RelPermalink, Lang: p.Lang, Taxonomy: p.Taxonomy(),
		Kind: p.Kind, Language: p.Language, Prev: p.Prev, Next: p.Next, Sources: p.Sources,
		Reviewed: p.Reviewed, ReviewBy: p.ReviewBy, Translated: p.Translated(), ShowTOC: p.ShowTOC, Params: p.Params,
		Parent: p.Parent, Pages: p.Pages, Sections: p.Sections,
		IsHome: p.IsHome(), IsPage: p.IsPage(), Section: p.Section(), LanguageCode: p.LanguageCode()}
}

// New prepares a Renderer, with a .Site for each language whose menus
// are resolved against the tree.
func New(opt Options) (*Renderer, diag.List) {
	var probs diag.List
	r := &Renderer{opt: opt, sites: map[string]*Site{}, parsed: map[setKey]parsedSet{}, cached: map[partialKey]template.HTML{}, each: map[setKey]map[any]template.HTML{}}
	for _, lt := range opt.Tree.Langs {
		s := r.newSite(lt, &probs)
		r.sites[lt.Key] = s
		if lt.Default {
			r.site = s
		}
	}
	if r.site == nil { // a tree made by hand, in tests
		r.site = r.newSite(&content.LangTree{Language: opt.Tree.Config.DefaultLanguage(), Home: opt.Tree.Home, Taxonomies: opt.Tree.Taxonomies}, &probs)
		r.sites[r.site.Language.Key] = r.site
	}
	return r, probs
}

// newSite is .Site for one language; problems with menus are reported
// for the default language only (the others share its menus).
func (r *Renderer) newSite(lt *content.LangTree, probs *diag.List) *Site {
	opt, cfg := r.opt, r.opt.Tree.Config
	s := &Site{
		Title: lt.Title, BaseURL: cfg.BaseURL, LanguageCode: lt.LanguageCode, Description: cfg.Description,
		Params: lt.Params, Menus: map[string][]MenuItem{}, Home: lt.Home, Taxonomies: lt.Taxonomies, Data: opt.Data,
		Guidance: cfg.Guidance, tree: opt.Tree,
		Language: lt.Language, Languages: cfg.Langs, IsMultilingual: cfg.Multilingual(), I18n: opt.I18n,
	}
	if s.Params == nil {
		s.Params = cfg.Params
	}
	if lt.Home != nil {
		s.Sections = lt.Home.Sections
	}
	menus := maps.Clone(cfg.Menus)
	if menus == nil {
		menus = map[string][]config.MenuEntry{}
	}
	maps.Copy(menus, lt.Menus) // a language's own menus replace the site's
	for _, name := range slices.Sorted(maps.Keys(menus)) {
		entries := append([]config.MenuEntry(nil), menus[name]...)
		sort.SliceStable(entries, func(i, j int) bool { return entries[i].Weight < entries[j].Weight })
		for _, e := range entries {
			item := MenuItem{Name: e.Name, URL: e.URL, Own: !lt.Default && lt.Menus[name] != nil}
			if e.PageRef != "" {
				// Every page shows the entry's page (its title, its
				// address), as one found with getPage: recorded alike, so
				// an edit of it renders every page again.
				r.lookedUp(e.PageRef)
				p := opt.Tree.GetPageIn(lt.Key, e.PageRef)
				if p == nil {
					if lt.Default || lt.Menus[name] != nil {
						probs.Errorf(cfg.File, cfg.Line("pageRef", e.PageRef), 0, "pageRef names a content file, like \"settings/_index.md\"", "menu %q entry %q: no page %q", name, e.Name, e.PageRef)
					}
					continue
				}
				item.Page, item.URL = p, p.RelPermalink
				if item.Name == "" || (!item.Own && !lt.Default && p.TitleLanguage() == lt.Language) {
					// A translated page names its entry in its language,
					// unless the language has its own menu, already named
					// in it.
					item.Name = p.Title
				}
			} else if strings.HasPrefix(e.URL, "/") {
				item.URL = cfg.BasePath() + strings.TrimPrefix(e.URL, "/")
			}
			s.Menus[name] = append(s.Menus[name], item)
		}
	}
	return s
}

// Site returns .Site, for callers that render other files (feeds).
func (r *Renderer) Site() *Site { return r.site }

// candidates lists the templates a page may use, most specific first.
func candidates(p *content.Page) []string {
	var out []string
	sec := p.Section()
	switch p.Kind {
	case content.KindHome:
		out = []string{"index.html", "_default/list.html"}
	case content.KindSection:
		out = []string{sec + "/list.html", "_default/section.html", "_default/list.html"}
	case content.KindTaxonomy:
		out = []string{p.Taxonomy() + "/taxonomy.html", "_default/taxonomy.html", "_default/list.html"}
	case content.KindTerm:
		out = []string{p.Taxonomy() + "/term.html", "_default/term.html", "_default/list.html"}
	case content.Kind404:
		out = []string{"404.html"}
	default:
		out = []string{sec + "/single.html", "_default/single.html"}
	}
	if p.Layout() != "" {
		out = append([]string{sec + "/" + p.Layout() + ".html", "_default/" + p.Layout() + ".html"}, out...)
	}
	return out
}

// Page renders one page with its converted markdown, and says which
// template it used.
func (r *Renderer) Page(p *content.Page, res *markdown.Result) (html []byte, tmpl string, err error) {
	data := pageData(r, p)
	site := data.Site
	if res != nil {
		data.Content = template.HTML(res.HTML)
		data.TOC = res.TOC
	}
	tmpl, t, err := r.resolve(site, p)
	if err != nil {
		return nil, "", err
	}
	// The page's HTML is its content and the layout around it, which is
	// about as long as the last page's: sized so, the buffer is allocated
	// once instead of doubling ten times from 64 bytes.
	buf := bytes.NewBuffer(make([]byte, 0, len(data.Content)+int(r.layoutSize.Load())+512))
	if err := t.ExecuteTemplate(buf, "baseof.html", data); err != nil {
		return nil, tmpl, r.templateProblem(err, p, t)
	}
	if n := buf.Len() - len(data.Content); n > 0 { // a layout may leave the content out
		r.layoutSize.Store(int64(n))
	}
	return buf.Bytes(), tmpl, nil
}

// Resolve finds the template a page renders with, returning its name
// ("_default/single.html") and parsed set.
func (r *Renderer) Resolve(p *content.Page) (string, *template.Template, error) {
	return r.resolve(r.siteOf(p), p)
}

func (r *Renderer) resolve(site *Site, p *content.Page) (string, *template.Template, error) {
	var tried []string
	for _, name := range candidates(p) {
		if strings.HasPrefix(name, "/") { // no section
			continue
		}
		t, err := r.set(site, name)
		if errors.Is(err, fs.ErrNotExist) {
			tried = append(tried, name)
			continue
		}
		return name, t, err
	}
	where := p.File
	if where == "" {
		where = p.URL
	}
	return "", nil, diag.Problem{Path: where, Severity: diag.Error,
		Message: fmt.Sprintf("no template for this %s page", p.Kind),
		Hint:    "add one of layouts/" + strings.Join(tried, ", layouts/")}
}

// set returns the template set for a kind template: baseof + partials +
// the kind file, parsed once per build.
// Each language has its own sets: their functions (T, getPage) answer in
// its language.
func (r *Renderer) set(site *Site, name string) (*template.Template, error) {
	key := setKey{site.Language.Key, name}
	r.mu.RLock()
	ps, ok := r.parsed[key]
	r.mu.RUnlock()
	if ok {
		return ps.t, ps.err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if ps, ok := r.parsed[key]; ok {
		return ps.t, ps.err
	}
	t, err := r.parse(site, name)
	r.parsed[key] = parsedSet{t, err}
	return t, err
}

// setKey is a language and a template's name: of a set (its kind
// template), or of partialCachedEach's texts (the partial).
type setKey struct{ lang, name string }

type parsedSet struct {
	t   *template.Template
	err error
}

// partialsSet names the set of baseof and the partials alone, in which
// partials execute: parsed once per language, where a set for each
// partial parsed them all again for each (24 ms of a 1,000-page build's
// templates, and most of a rebuild's after one edit).
const partialsSet = "partials/"

func (r *Renderer) parse(site *Site, name string) (*template.Template, error) {
	var body []byte
	var origin string
	if name != partialsSet {
		var err error
		if body, origin, err = r.read(name); err != nil {
			return nil, err
		}
	}
	t := template.New("baseof.html").Funcs(r.funcs()).Funcs(r.langFuncs(site))
	base, baseOrigin, err := r.read("_default/baseof.html")
	if err != nil {
		return nil, diag.Problem{Path: path.Join(LayoutsDir, "_default/baseof.html"), Severity: diag.Error,
			Message: "missing base template", Hint: "add layouts/_default/baseof.html with {{block \"main\" .}}{{end}}"}
	}
	if _, err := t.Parse(string(base)); err != nil {
		return nil, parseProblem(err, baseOrigin)
	}
	for _, pname := range r.partialNames() {
		src, porigin, err := r.read(pname)
		if err != nil {
			return nil, err
		}
		if _, err := t.New(pname).Parse(string(src)); err != nil {
			return nil, parseProblem(err, porigin)
		}
	}
	if name == partialsSet {
		return t, nil
	}
	if _, err := t.New(name).Parse(string(body)); err != nil {
		return nil, parseProblem(err, origin)
	}
	return t, nil
}

// read finds a template in the site, then the theme. origin is the path
// for messages, prefixed "theme:" for the built-in one.
func (r *Renderer) read(name string) ([]byte, string, error) {
	p := path.Join(LayoutsDir, name)
	if b, err := fs.ReadFile(r.opt.Site, p); err == nil {
		if pr, ok := config.ValidUTF8(p, b); !ok {
			return nil, p, pr
		}
		return config.StripBOM(b), p, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, p, content.ReadProblem(p, err)
	}
	if r.opt.Theme != nil {
		if b, err := fs.ReadFile(r.opt.Theme, p); err == nil {
			return config.StripBOM(b), "theme:" + p, nil
		}
	}
	return nil, p, fs.ErrNotExist
}

func (r *Renderer) partialNames() []string {
	seen := map[string]bool{}
	for _, fsys := range []fs.FS{r.opt.Site, r.opt.Theme} {
		if fsys == nil {
			continue
		}
		entries, _ := fs.ReadDir(fsys, path.Join(LayoutsDir, "partials"))
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".html") && !content.Ignored(e.Name()) {
				seen["partials/"+e.Name()] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

var tmplPos = regexp.MustCompile(`template: ([^:]+):(\d+)(?::(\d+))?: (.*)`)

// parseProblem positions a template parse error in its file.
func parseProblem(err error, origin string) error {
	p := diag.Problem{Path: origin, Severity: diag.Error, Message: err.Error(), Hint: "check the {{ }} actions near this line"}
	if m := tmplPos.FindStringSubmatch(err.Error()); m != nil {
		p.Line, _ = strconv.Atoi(m[2])
		p.Col, _ = strconv.Atoi(m[3])
		p.Message = "template: " + m[4]
	}
	return p
}

// templateProblem positions an execution error in the template file and
// names the page being rendered. An error inside a partial is wrapped by
// the call's: the innermost position is the fault's, the outer ones where
// it was called from, and the {{template}} actions that included each
// partial on the way (includedFrom), found in t, the page's set.
func (r *Renderer) templateProblem(err error, page *content.Page, t *template.Template) error {
	p := diag.Problem{Path: path.Join(LayoutsDir, "?"), Severity: diag.Error, Message: err.Error()}
	msg := err.Error()
	ms := tmplAt.FindAllStringSubmatchIndex(msg, -1)
	var calls []string
	for i, m := range ms {
		calls = append(calls, r.includedFrom(t, msg[m[2]:m[3]])...)
		at := r.origin(msg[m[2]:m[3]]) + ":" + msg[m[4]:m[5]]
		if i < len(ms)-1 {
			calls = append(calls, at)
			continue
		}
		p.Path = r.origin(msg[m[2]:m[3]])
		p.Line, _ = strconv.Atoi(msg[m[4]:m[5]])
		if m[6] >= 0 {
			p.Col, _ = strconv.Atoi(msg[m[6]:m[7]])
		}
		p.Message = msg[m[1]:]
	}
	where := page.File
	if where == "" {
		where = page.URL
	}
	p.Hint = "while rendering " + where
	for i := len(calls) - 1; i >= 0; i-- {
		p.Hint += ", called from " + calls[i]
	}
	return p
}

// tmplAt matches a position in a template error, "template: name:3:14: ",
// or in html/template's own (escaping, at a set's first execution),
// "html/template:name:3:14: ".
var tmplAt = regexp.MustCompile(`(?:template: |html/template:)([^:\s]+):(\d+)(?::(\d+))?: `)

// origin is the path of a template for messages: layouts/name in the
// site, theme:layouts/name when the theme's is the one used.
func (r *Renderer) origin(name string) string {
	if name == "baseof.html" { // the name set parses _default/baseof.html as
		name = "_default/baseof.html"
	}
	p := path.Join(LayoutsDir, name)
	if _, err := fs.Stat(r.opt.Site, p); err != nil && r.opt.Theme != nil {
		if _, err := fs.Stat(r.opt.Theme, p); err == nil {
			return "theme:" + p
		}
	}
	return p
}
