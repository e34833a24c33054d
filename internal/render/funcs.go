package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/markdown"
)

// funcs are the template functions documented in the README, in groups:
// addresses and assets, pages of the site, and plain values.
func (r *Renderer) funcs() template.FuncMap {
	fm := r.siteFuncs()
	maps.Copy(fm, r.pageFuncs())
	maps.Copy(fm, valueFuncs())
	return fm
}

// siteFuncs make addresses and assets of the site.
func (r *Renderer) siteFuncs() template.FuncMap {
	cfg := r.opt.Tree.Config
	return template.FuncMap{
		// relURL "css/x.css" → "/base/css/x.css"
		"relURL": func(s string) string { return cfg.BasePath() + content.EscapeRef(strings.TrimPrefix(s, "/")) },
		// absURL "feed.xml" → "https://example.org/base/feed.xml"
		"absURL": func(s string) string { return cfg.BaseURL + content.EscapeRef(strings.TrimPrefix(s, "/")) },
		// asset "css/site.css" → {URL, Integrity} of the fingerprinted file
		"asset": func(name string) (Asset, error) {
			a, ok := r.opt.Assets[name]
			if !ok {
				return Asset{}, fmt.Errorf("no asset %q in assets/", name)
			}
			return a, nil
		},
		// partial "name.html" data → the rendered partial layouts/partials/name.html
		"partial": func(name string, data any) (template.HTML, error) { return r.partial(r.site, name, data) },
		// partialCached "footer.html" .Site variant… → the partial rendered
		// once per build for each name and variants, in the site's language
		"partialCached": func(name string, data any, variants ...any) (template.HTML, error) {
			return r.partialCached(r.site, name, data, variants)
		},
		// partialCachedEach "page-link.html" .Pages → the partial rendered
		// once per build for each page of the list, joined
		"partialCachedEach": func(name string, list any) (template.HTML, error) {
			return r.partialCachedEach(r.site, name, list)
		},
		// linksTo .Content "/talk/" → true when the HTML has a link to the URL
		"linksTo": func(h template.HTML, url string) bool {
			return strings.Contains(string(h), `href="`+url+`"`) || strings.Contains(string(h), `href="`+url+`#`)
		},
		// leadBlock "emergency" .Content → {Block, Rest}: the first block of
		// that kind before the content's first heading, and the content
		// without it
		"leadBlock": leadBlock,
	}
}

// pageFuncs find, rank, order and group the site's pages.
func (r *Renderer) pageFuncs() template.FuncMap {
	cfg := r.opt.Tree.Config
	return template.FuncMap{
		// getPage "settings/snapchat.md" → the page, or nil
		"getPage": func(ref string) *content.Page {
			r.lookedUp(ref)
			return r.opt.Tree.GetPage(ref)
		},
		// related .Page 5 → up to n pages sharing the most terms with it,
		// weighed by the config's [related] weights
		"related": func(p *content.Page, n int) []*content.Page { return r.relatedIndex().related(p, n, cfg.Related) },
		"first": func(n int, ps []*content.Page) []*content.Page {
			if n < len(ps) {
				return ps[:n]
			}
			return ps
		},
		// without (related .Page 6) .Prev .Next → the pages but those
		// named (nil names none)
		"without": without,
		// menuHas .Site.Menus.main .Page → true when an entry of the menu
		// links to the page (one call where a range over the menu made one
		// eq call for each entry on every page)
		"menuHas": menuHas,
		// writtenOrder .Pages → term pages in the order editors write the
		// terms in front matter (ages: [Under 5, 5 to 7]), then by title
		"writtenOrder": writtenOrder,
		// bySection .Pages → the pages grouped under the site's top-level
		// sections, in the site's order; pages in none come last with a
		// nil .Section
		"bySection": func(pages []*content.Page) []PageGroup { return bySection(r.site.Sections, pages) },
	}
}

// valueFuncs work on plain values: dates, text, numbers, lists and maps.
func valueFuncs() template.FuncMap {
	return template.FuncMap{
		// date "2 January 2006" .Reviewed; empty for a zero time
		"date": func(layout string, t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format(layout)
		},
		"isoDate": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format("2006-01-02")
		},
		"dict": dict,
		"list": func(xs ...any) []any { return xs },
		"default": func(def, v any) any {
			if isEmpty(v) {
				return def
			}
			return v
		},
		"lower": strings.ToLower,
		"upper": strings.ToUpper,
		"join":  func(sep string, xs []string) string { return strings.Join(xs, sep) },
		"add":   func(a, b int) int { return a + b },
		"slug":  content.Slugify,
		// append (list) "x" → the list with "x" added at the end
		"append": appendList,
		// has (list "a" "b") "b" → true when the list holds the value
		"has": func(xs []any, x any) bool { return slices.Contains(xs, x) },
		// headings 2 .TOC → the headings of that level, in order
		"headings": headings,
	}
}

// headings are the headings of one level, in order (one call where a
// loop in a template made several for each heading).
func headings(level int, hs []markdown.Heading) []markdown.Heading {
	var out []markdown.Heading
	for _, h := range hs {
		if h.Level == level {
			out = append(out, h)
		}
	}
	return out
}

// menuHas reports whether an entry of menu links to p.
func menuHas(menu []MenuItem, p *content.Page) bool {
	for _, item := range menu {
		if item.Page != nil && item.Page == p {
			return true
		}
	}
	return false
}

// without is the pages but those in drop, in their order.
func without(pages []*content.Page, drop ...*content.Page) []*content.Page {
	out := make([]*content.Page, 0, len(pages))
	for _, p := range pages {
		if !slices.Contains(drop, p) {
			out = append(out, p)
		}
	}
	return out
}

// PageGroup is a section and the pages of a list that belong to it.
type PageGroup struct {
	Section *content.Page
	Pages   []*content.Page
}

// bySection groups pages in one pass (templates that filter a list once
// per section are quadratic on big sites).
func bySection(sections, pages []*content.Page) []PageGroup {
	index := map[string]int{}
	groups := make([]PageGroup, 0, len(sections)+1)
	for _, s := range sections {
		index[s.Section()] = len(groups)
		groups = append(groups, PageGroup{Section: s})
	}
	var other []*content.Page
	for _, p := range pages {
		if i, ok := index[p.Section()]; ok {
			groups[i].Pages = append(groups[i].Pages, p)
		} else {
			other = append(other, p)
		}
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.Pages) > 0 {
			out = append(out, g)
		}
	}
	if len(other) > 0 {
		out = append(out, PageGroup{Pages: other})
	}
	return out
}

// writtenOrder sorts the term pages of one taxonomy by the order in which
// pages list them in their front matter: a term that is written before
// another on most pages that have both comes first. Terms never written
// together keep title order.
func writtenOrder(terms []*content.Page) []*content.Page {
	pos := func(p *content.Page, term *content.Page) int {
		for i, t := range p.Terms.Of(term.Taxonomy()) {
			if content.Slugify(t) == content.Slugify(term.Title) {
				return i
			}
		}
		return -1
	}
	score := make(map[*content.Page]int, len(terms))
	for i, a := range terms {
		for _, b := range terms[i+1:] {
			n := 0
			for _, p := range a.Pages {
				ia, ib := pos(p, a), pos(p, b)
				switch {
				case ia < 0 || ib < 0:
				case ia < ib:
					n++
				default:
					n--
				}
			}
			switch {
			case n > 0:
				score[a]++
				score[b]--
			case n < 0:
				score[a]--
				score[b]++
			}
		}
	}
	out := append([]*content.Page(nil), terms...)
	sort.SliceStable(out, func(i, j int) bool {
		if score[out[i]] != score[out[j]] {
			return score[out[i]] > score[out[j]]
		}
		return out[i].Title < out[j].Title
	})
	return out
}

func (r *Renderer) partial(site *Site, name string, data any) (template.HTML, error) {
	t, err := r.partialTemplate(site, name)
	if err != nil {
		return "", fmt.Errorf("partial %q: %w", name, err)
	}
	buf := partialBufs.Get().(*bytes.Buffer)
	defer func() {
		buf.Reset()
		partialBufs.Put(buf)
	}()
	if err := t.Execute(buf, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// partialTemplate is the partial layouts/partials/name in its set for the
// site's language, found once per build: a page renders a dozen partials,
// and finding each made three strings.
func (r *Renderer) partialTemplate(site *Site, name string) (*template.Template, error) {
	if t, ok := site.partials.Load(name); ok {
		return t.(*template.Template), nil
	}
	var t *template.Template
	if set, err := r.set(site, partialsSet); err == nil {
		t = set.Lookup("partials/" + name)
	}
	if t == nil { // no such partial, or one does not parse: its own set says why
		set, err := r.set(site, "partials/"+name)
		if err != nil {
			return nil, err
		}
		if t = set.Lookup("partials/" + name); t == nil { // parsed, so never; as ExecuteTemplate would say
			return nil, fmt.Errorf("html/template: %q is undefined", "partials/"+name)
		}
	}
	site.partials.Store(name, t)
	return t, nil
}

// partialKey names one cached rendering of a partial: its language, name
// and variants (up to maxVariants; a variant compares as a map key does, so
// a page is one page, a string its text).
type partialKey struct {
	lang, name string
	variants   [maxVariants]any
}

const maxVariants = 4

// partialCached renders a partial once per build for its name, variants
// and the site's language, and gives that text to every later call: for
// what is the same on many pages (a footer, the header's bar), where it
// saves executing the partial on every page. The data of the first call is
// the one rendered, so the partial must depend only on what the variants
// say. The cache lives in the Renderer, which each build makes anew, so an
// edited template, menu, message or config is never served stale.
func (r *Renderer) partialCached(site *Site, name string, data any, variants []any) (template.HTML, error) {
	if len(variants) > maxVariants {
		return "", fmt.Errorf("partialCached %q: at most %d variants, not %d", name, maxVariants, len(variants))
	}
	key := partialKey{lang: site.Language.Key, name: name}
	for i, v := range variants {
		k, ok := variant(v)
		if !ok {
			return "", fmt.Errorf("partialCached %q: variant %d is a %T, which cannot be a key (use a string, a number or a page)", name, i+1, v)
		}
		key.variants[i] = k
	}
	return r.cachedPartial(site, key, data)
}

// variant is v as a key of partialCached: the dot of a page's templates
// stands for its page (a PageData, a value that holds maps, is no key).
func variant(v any) (any, bool) {
	if d, ok := v.(PageData); ok {
		return d.Page, true
	}
	return v, v == nil || reflect.TypeOf(v).Comparable()
}

// cachedPartial is the partial key names, rendered with data the first
// time.
func (r *Renderer) cachedPartial(site *Site, key partialKey, data any) (template.HTML, error) {
	name := key.name
	r.cachedMu.RLock()
	h, ok := r.cached[key]
	r.cachedMu.RUnlock()
	if ok {
		return h, nil
	}
	// Two workers may render the same key at once: both get the same
	// text, and one of them is kept.
	h, err := r.partial(site, name, data)
	if err != nil {
		return "", err
	}
	r.cachedMu.Lock()
	r.cached[key] = h
	r.cachedMu.Unlock()
	return h, nil
}

// partialCachedEach renders the partial for each item of a list once per
// build and language, the item its dot, and joins the texts: a list is one
// call of it where a range of partialCached was a call and an escaper's
// call for each item (a section's list links a hundred pages). The list
// is of pages, or a list of list and append.
func (r *Renderer) partialCachedEach(site *Site, name string, list any) (template.HTML, error) {
	var items []any
	switch l := list.(type) {
	case []*content.Page:
		items = make([]any, len(l))
		for i, p := range l {
			items[i] = p
		}
	case []any:
		items = l
	default:
		return "", fmt.Errorf("partialCachedEach %q: a %T is not a list of pages", name, list)
	}
	texts := r.eachTexts(setKey{site.Language.Key, name})
	var b strings.Builder
	for i, item := range items {
		k, ok := variant(item)
		if !ok {
			return "", fmt.Errorf("partialCachedEach %q: item %d is a %T, which cannot be a key", name, i+1, item)
		}
		r.cachedMu.RLock()
		h, ok := texts[k]
		r.cachedMu.RUnlock()
		if !ok {
			var err error
			if h, err = r.partial(site, name, item); err != nil {
				return "", err
			}
			r.cachedMu.Lock()
			texts[k] = h
			r.cachedMu.Unlock()
		}
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// eachTexts are partialCachedEach's texts of one partial in one language,
// by item (guarded by cachedMu, like their map). They are one or two for
// every page of a site, so an item alone is their key: 32 bytes an entry
// in the map, where partialCached's keys take 96 (3 MB of the live heap
// of a 10,000-page build).
func (r *Renderer) eachTexts(set setKey) map[any]template.HTML {
	r.cachedMu.RLock()
	texts := r.each[set]
	r.cachedMu.RUnlock()
	if texts != nil {
		return texts
	}
	r.cachedMu.Lock()
	defer r.cachedMu.Unlock()
	if r.each[set] == nil {
		r.each[set] = map[any]template.HTML{}
	}
	return r.each[set]
}

// partialBufs are the buffers partials render into before their text is
// copied out: every page renders several, and a new buffer grown for
// each was most of the partials' allocation.
var partialBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, errors.New("dict needs key and value pairs")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict key %v is not text", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

func isEmpty(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String, reflect.Slice, reflect.Map, reflect.Array:
		return rv.Len() == 0
	case reflect.Pointer, reflect.Interface:
		return rv.IsNil()
	}
	return rv.IsZero()
}
