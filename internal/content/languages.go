package content

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/diag"
)

// LangTree is one language's part of a Tree: its home, its pages and its
// taxonomies. A site without [languages] has one, holding every page.
type LangTree struct {
	*config.Language
	Home *Page
	// Regular and All are this language's pages, sorted by URL.
	Regular    []*Page
	All        []*Page
	Taxonomies []*Page
}

// TranslationInfo is a translated page's `translation` front matter: the
// language it was translated from and whether a fluent speaker has
// checked it. Until it is checked, the page says so in both languages.
type TranslationInfo struct {
	From    string
	Checked bool
}

// root is a folder pages are read from: content/, or a language's
// contentDir. Files in it without a language suffix are in lang.
type root struct {
	dir  string
	lang *config.Language
}

// roots are the folders the site's pages are read from: content/ for the
// default language and for translations by file name, then each
// contentDir.
func roots(cfg *config.Config) []root {
	out := []root{{Dir, cfg.DefaultLanguage()}}
	for _, l := range cfg.Langs {
		if l.ContentDir != "" && l.ContentDir != Dir {
			out = append(out, root{l.ContentDir, l})
		} else if l.ContentDir == Dir {
			out[0].lang = l
		}
	}
	return out
}

// rootOf is the root a site path is in: the deepest that holds it.
func rootOf(rs []root, p string) (root, bool) {
	best, found := root{}, false
	for _, r := range rs {
		if (p == r.dir || strings.HasPrefix(p, r.dir+"/")) && len(r.dir) >= len(best.dir) {
			best, found = r, true
		}
	}
	return best, found
}

// langSuffix splits a file name ending in a language key before .md
// ("worried.ur.md") into the name without it ("worried.md") and the
// language; a name without one is returned with nil.
func langSuffix(cfg *config.Config, name string) (string, *config.Language) {
	stem, ok := strings.CutSuffix(name, ".md")
	if !ok {
		return name, nil
	}
	i := strings.LastIndexByte(stem, '.')
	if i <= 0 {
		return name, nil
	}
	if l := cfg.Language(stem[i+1:]); l != nil && len(cfg.Langs) > 0 && cfg.Languages != nil {
		return stem[:i] + ".md", l
	}
	return name, nil
}

// classify says what a page file (a site path ending in .md) is: its
// kind, the folder it stands for within its language, its language, and
// its path with the language suffix taken off and relative to its root
// ("report/worried-right-now.md"), which links it to its translations.
func classify(cfg *config.Config, rs []root, file string) (srcFile, bool) {
	r, ok := rootOf(rs, file)
	if !ok || file == r.dir || !strings.HasSuffix(file, ".md") || path.Clean(file) != file {
		return srcFile{}, false
	}
	rel := strings.TrimPrefix(file, r.dir+"/")
	name, lang := langSuffix(cfg, path.Base(rel))
	if lang == nil {
		lang = r.lang
	}
	dir := path.Dir(rel)
	if dir == "." {
		dir = ""
	}
	f := srcFile{path: file, kind: KindPage, lang: lang, neutral: path.Join(dir, name)}
	switch name {
	case "_index.md":
		f.kind, f.dir = KindSection, dir
		if dir == "" {
			f.kind = KindHome
		}
	case "index.md":
		f.dir = dir
	default:
		f.dir = strings.TrimSuffix(path.Join(dir, name), ".md")
	}
	return f, true
}

// url is the address of a folder of the language's pages.
func (a *assembly) url(dir string) string {
	u := folderURL(dir, !a.cfg.DisablePathToLower)
	if a.lang.Prefix == "" {
		return u
	}
	return "/" + a.lang.Prefix + u
}

// groupKey is what links a page to its translations: its translationKey,
// or its path within its language's folder, or for a page without a file
// what it stands for.
func groupKey(p *Page) string {
	switch {
	case p.TranslationKey() != "":
		return "key:" + p.TranslationKey()
	case p.neutral != "":
		return "path:" + p.neutral
	case p.Kind == KindHome:
		return "path:_index.md"
	case p.Kind == KindSection:
		return "path:" + strings.TrimPrefix(p.Origin.Path, Dir+"/") + "/_index.md"
	case p.Kind == KindTaxonomy:
		return "taxonomy:" + p.Taxonomy()
	case p.Kind == KindTerm:
		return "term:" + p.Taxonomy() + "/" + p.more().termSlug
	}
	return ""
}

// linkTranslations gives every page its translations (the pages of other
// languages in its group, in the languages' order) and reports two pages
// of one language that claim to be the same page.
func (t *Tree) linkTranslations(cfg *config.Config, probs *diag.List) {
	order := map[string]int{}
	for i, l := range cfg.Langs {
		order[l.Key] = i
	}
	groups := map[string][]*Page{}
	var keys []string
	for _, p := range t.All {
		k := groupKey(p)
		if k == "" {
			continue
		}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], p)
	}
	t.neutral = make(map[string]*Page, len(keys))
	for _, k := range keys {
		g := groups[k]
		slices.SortStableFunc(g, func(a, b *Page) int { return order[a.Lang] - order[b.Lang] })
		if name, ok := strings.CutPrefix(k, "path:"); ok {
			if name == g[0].neutral {
				name = g[0].neutral // the page's own string: the key can go
			}
			t.neutral[name] = g[0]
		}
		for i := 1; i < len(g); i++ {
			if g[i].Lang == g[i-1].Lang {
				sameLanguage(g[i-1], g[i], probs)
			}
		}
		for _, p := range g {
			for _, o := range g {
				if o != p && o.Lang != p.Lang {
					p.Translations = append(p.Translations, o)
				}
			}
		}
		if len(g) > 1 {
			for _, p := range g {
				p.group = g
			}
		}
	}
	t.sectionTitles(cfg)
}

// sameLanguage reports two pages of one language in one translation
// group: only one of them can be the page's translation.
func sameLanguage(a, b *Page, probs *diag.List) {
	if a.File == "" || b.File == "" {
		return
	}
	line := max(b.KeyLine("translationKey"), 1)
	probs.Errorf(b.File, line, 0, "give one of them another translationKey, or remove one",
		"%s and %s are both the %s translation of one page", a.File, b.File, b.Language.Name)
}

// sectionTitles names a translation's folder without _index.md after the
// default language's section, rather than after the folder.
func (t *Tree) sectionTitles(cfg *config.Config) {
	def := cfg.DefaultLanguage().Key
	for _, p := range t.All {
		if p.Kind != KindSection || p.File != "" || p.Lang == def {
			continue
		}
		for _, o := range p.Translations {
			if o.Lang == def {
				p.Title, p.Description = o.Title, o.Description
				p.more().titleLang = o.Language
			}
		}
	}
}

// Translation returns the page's translation into lang, or nil; the page
// itself when it is in lang.
func (p *Page) Translation(lang string) *Page {
	if p.Lang == lang {
		return p
	}
	for _, o := range p.Translations {
		if o.Lang == lang {
			return o
		}
	}
	return nil
}

// AllTranslations is the page in every language it is in, itself
// included, in the languages' order; nil for a page without translations.
func (p *Page) AllTranslations() []*Page {
	var out []*Page
	for i, q := range p.group {
		if i == 0 || q.Lang != p.group[i-1].Lang {
			out = append(out, q)
		}
	}
	return out
}

// TitleLanguage is the language the page's title is written in: its own,
// or for a section of a translation without _index.XX.md, named after the
// default language's, that one.
func (p *Page) TitleLanguage() *config.Language {
	if p.rare != nil && p.rare.titleLang != nil {
		return p.rare.titleLang
	}
	return p.Language
}

// IsTranslation reports whether the page is in another language than the
// site's default one.
func (p *Page) IsTranslation() bool { return p.Language != nil && !p.Language.Default }

// Lang returns the part of the tree in the language with key, or nil.
func (t *Tree) Lang(key string) *LangTree {
	for _, l := range t.Langs {
		if l.Key == key {
			return l
		}
	}
	return nil
}

// NameTaxonomies titles each language's taxonomy pages ("Topics") and
// their descriptions in that language: words(lang, taxonomy) gives the
// title and description, or "" for either to keep the one made from the
// taxonomy's name in English. The site calls it once its messages are
// loaded (i18n taxonomy-<name>), before pages render.
func (t *Tree) NameTaxonomies(words func(lang, taxonomy string) (title, description string)) {
	for _, lt := range t.Langs {
		for _, tp := range lt.Taxonomies {
			title, desc := words(lt.Key, tp.Taxonomy())
			if title == "" {
				title = TitleFromName(tp.Taxonomy())
			}
			if desc == "" {
				desc = taxonomyDescription(title)
			}
			tp.Title, tp.Description = title, desc
		}
	}
}

// GetPageIn is GetPage for a page in lang: the translation into lang of
// the page ref names, or that page itself when it has none (so a link
// from a translation goes to the English page rather than nowhere).
func (t *Tree) GetPageIn(lang, ref string) *Page {
	p := t.GetPage(ref)
	if p == nil {
		p = t.getNeutral(ref)
	}
	if p == nil {
		return nil
	}
	if tr := p.Translation(lang); tr != nil {
		return tr
	}
	return p
}

// getNeutral finds a page by its path within its language's folder, for
// a page only a translation has.
func (t *Tree) getNeutral(ref string) *Page {
	ref = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(ref, "/"), Dir+"/"), "/")
	for _, cand := range []string{ref, ref + ".md", path.Join(ref, "_index.md"), path.Join(ref, "index.md")} {
		if p := t.neutral[cand]; p != nil {
			return p
		}
	}
	return nil
}

// translation reads translation: {from: en, checked: false}.
func (d *metaDecoder) translation() *TranslationInfo {
	v := d.m["translation"]
	if v == nil {
		return nil
	}
	m, isMap := v.(map[string]any)
	if !isMap {
		d.bad("translation", "translation: {from: en, checked: false}")
		return nil
	}
	info := &TranslationInfo{}
	info.From, _ = m["from"].(string)
	if c, ok := m["checked"]; ok {
		b, isBool := c.(bool)
		if !isBool {
			d.bad("translation", "translation: {from: en, checked: false}, with checked true or false")
		}
		info.Checked = b
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if k != "from" && k != "checked" {
			d.probs.Warnf(d.p.File, d.line("translation"), 0, "translation has two keys: from (the language translated from) and checked (true once a fluent speaker has checked it)",
				"unknown key %q in translation", k)
		}
	}
	return info
}

// checkTranslation reports a translation whose from names no language of
// the site, or that says it was translated from its own language.
func checkTranslation(p *Page, cfg *config.Config, probs *diag.List) {
	tr := p.Translated()
	if tr == nil || p.File == "" {
		return
	}
	line := max(p.KeyLine("translation"), 1)
	if tr.From == "" {
		tr.From = cfg.DefaultLanguage().Key
		return
	}
	if cfg.Language(tr.From) == nil {
		var keys []string
		for _, l := range cfg.Langs {
			keys = append(keys, l.Key)
		}
		probs.Errorf(p.File, line, 0, fmt.Sprintf("write the key of one of the site's languages (%s), like translation: {from: %s, checked: false}", strings.Join(keys, ", "), cfg.DefaultLanguage().Key),
			"translation from %q, which is not one of the site's languages", tr.From)
	}
}

// LanguageCode is the BCP 47 tag of the page's language, for <html lang>.
func (p *Page) LanguageCode() string {
	if p.Language != nil && p.Language.LanguageCode != "" {
		return p.Language.LanguageCode
	}
	if p.Lang != "" {
		return p.Lang
	}
	return "en"
}
