package render

import (
	"html"
	"html/template"
	"maps"
	"strconv"
	"strings"
	"time"

	"github.com/signpost/signpost/internal/content"
)

// siteOf is .Site in the page's language.
func (r *Renderer) siteOf(p *content.Page) *Site {
	if s := r.sites[p.Lang]; s != nil {
		return s
	}
	return r.site
}

// SiteIn returns .Site in the language with key (the default's when the
// site has no such language), for callers that render other files.
func (r *Renderer) SiteIn(lang string) *Site {
	if s := r.sites[lang]; s != nil {
		return s
	}
	return r.site
}

// T is the theme's message id in the site's language (see internal/i18n).
func (s *Site) T(id string, data map[string]any) string {
	if s.I18n == nil {
		return id
	}
	return s.I18n.T(s.Language.Key, id, data)
}

// getPage is the page ref names in the site's language (see
// content.Tree.GetPageIn), looked for once per build: every page's header
// asks for the same ref, and one no page has was four map lookups with
// new strings each time.
func (s *Site) getPage(ref string) *content.Page {
	if p, ok := s.pages.Load(ref); ok {
		return p.(*content.Page)
	}
	p := s.tree.GetPageIn(s.Language.Key, ref)
	s.pages.Store(ref, p)
	return p
}

// localDate is a date as the language writes it (dateFormat and the
// month names month1…month12); empty for a zero time.
// The pages of a site share a few hundred dates, and go-i18n executes
// the message's template at every call: each date is written once.
func (s *Site) localDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	day := t.Year()*10000 + int(t.Month())*100 + t.Day()
	if d, ok := s.dates.Load(day); ok {
		return d.(string)
	}
	d := s.formatDate(t)
	s.dates.Store(day, d)
	return d
}

// formatDate is localDate without the memory.
func (s *Site) formatDate(t time.Time) string {
	return s.T("dateFormat", map[string]any{"Day": t.Day(), "Month": s.T("month"+strconv.Itoa(int(t.Month())), nil), "Year": t.Year()})
}

// langFuncs are the template functions that answer in the language of
// the site s: they replace those of funcs with the same name.
func (r *Renderer) langFuncs(s *Site) template.FuncMap {
	fm := wordFuncs(s)
	maps.Copy(fm, r.pageLangFuncs(s))
	return fm
}

// data is a template function's optional data argument.
func data(args []map[string]any) map[string]any {
	if len(args) > 0 {
		return args[0]
	}
	return nil
}

// wordFuncs give the theme's words in the language of s.
func wordFuncs(s *Site) template.FuncMap {
	lang := s.Language.Key
	return template.FuncMap{
		// T "exitThisPage" → the message in the page's language, falling
		// back to the default language, then the key; T "pagesCount"
		// (dict "Count" 3) chooses the plural form.
		"T": func(id string, args ...map[string]any) string { return s.T(id, data(args)) },
		// TH is T for messages that hold HTML (a link); the data's text is
		// escaped.
		"TH": func(id string, args ...map[string]any) template.HTML {
			if s.I18n == nil {
				return template.HTML(template.HTMLEscapeString(id))
			}
			return s.I18n.TH(lang, id, data(args))
		},
		// TIn "ur" "key" → the message in another language (the
		// switcher's notes, the notice of an unchecked translation).
		"TIn": func(other, id string, args ...map[string]any) string {
			if s.I18n == nil {
				return id
			}
			return s.I18n.T(other, id, data(args))
		},
		"THIn": func(other, id string, args ...map[string]any) template.HTML {
			if s.I18n == nil {
				return template.HTML(template.HTMLEscapeString(id))
			}
			return s.I18n.TH(other, id, data(args))
		},
	}
}

// pageLangFuncs find and link the pages of the language of s and their
// translations.
func (r *Renderer) pageLangFuncs(s *Site) template.FuncMap {
	lang := s.Language.Key
	return template.FuncMap{
		// getPage "report/uk.md" → that page in this language when it is
		// translated, else the page itself
		"getPage": func(ref string) *content.Page {
			r.lookedUp(ref)
			return s.getPage(ref)
		},
		"partial": func(name string, d any) (template.HTML, error) { return r.partial(s, name, d) },
		"partialCached": func(name string, d any, variants ...any) (template.HTML, error) {
			return r.partialCached(s, name, d, variants)
		},
		"partialCachedEach": func(name string, list any) (template.HTML, error) {
			return r.partialCachedEach(s, name, list)
		},
		"bySection": func(pages []*content.Page) []PageGroup { return bySection(s.Sections, pages) },
		// localDate .Reviewed → "2 January 2006" in the page's language
		// (dateFormat and month1…month12); empty for a zero time
		"localDate": s.localDate,
		// timeTag .Reviewed → <time datetime="2026-11-29">29 November
		// 2026</time> in the page's language; empty for a zero time
		"timeTag": func(t time.Time) template.HTML {
			if t.IsZero() {
				return ""
			}
			return template.HTML(`<time datetime="` + t.Format("2006-01-02") + `">` + template.HTMLEscapeString(s.localDate(t)) + `</time>`)
		},
		// pluralAttrs "searchResults" (dict "Count" "{n}") → data-one="…"
		// data-other="…": the message in each plural form of the
		// language, for a script to choose from (Intl.PluralRules). Written
		// whole, as html/template would take data-one for an event handler.
		"pluralAttrs": func(id string, args ...map[string]any) template.HTMLAttr {
			forms := map[string]string{"other": id}
			if s.I18n != nil {
				forms = s.I18n.Forms(lang, id, data(args))
			}
			var b strings.Builder
			for _, f := range []string{"zero", "one", "two", "few", "many", "other"} {
				if text, ok := forms[f]; ok {
					if b.Len() > 0 {
						b.WriteByte(' ')
					}
					b.WriteString("data-" + f + `="` + html.EscapeString(text) + `"`)
				}
			}
			return template.HTMLAttr(b.String())
		},
		// langAttrs .Page → ` lang="en-GB" hreflang="en-GB" dir="ltr"` for a
		// link to a page whose title is in another language than this
		// site's (an untranslated page, or a section named after the
		// default language's); nothing otherwise
		"langAttrs": func(p *content.Page) template.HTMLAttr {
			l := p.TitleLanguage()
			if l == nil || l.Key == lang {
				return ""
			}
			code := html.EscapeString(l.LanguageCode)
			return template.HTMLAttr(` lang="` + code + `" hreflang="` + code + `" dir="` + html.EscapeString(l.Direction) + `"`)
		},
		// languageLinks .Page → one link per language, for the switcher
		"languageLinks": func(p *content.Page) []LanguageLink { return r.languageLinks(p) },
		// alternates .Page → the page in each language it is in, with
		// x-default, for hreflang links; empty without translations
		"alternates": Alternates,
	}
}

// LanguageLink is one language in the switcher: where it leads (this
// page's translation, or that language's home when there is none) and,
// then, a note in that language saying so.
type LanguageLink struct {
	Name, Key, LanguageCode, Direction string
	URL                                string
	Current                            bool
	// Home is true when the page has no translation in the language and
	// the link goes to its home page; Note says so in that language (or
	// in the default language when that language lacks the message:
	// NoteLang and NoteDir say which).
	Home              bool
	Note              string
	NoteLang, NoteDir string
}

// languageLinks are the switcher's links for p, in the languages' order.
func (r *Renderer) languageLinks(p *content.Page) []LanguageLink {
	var out []LanguageLink
	for _, lt := range r.opt.Tree.Langs {
		l := LanguageLink{Name: lt.Name, Key: lt.Key, LanguageCode: lt.LanguageCode, Direction: lt.Direction, Current: lt.Key == p.Lang}
		switch tr := p.Translation(lt.Key); {
		case tr != nil:
			l.URL = tr.RelPermalink
		case lt.Home != nil:
			l.URL, l.Home = lt.Home.RelPermalink, true
			l.Note = r.SiteIn(lt.Key).T("switcherNoTranslation", map[string]any{"Language": lt.Name})
			l.NoteLang, l.NoteDir = lt.LanguageCode, lt.Direction
			if r.opt.I18n == nil || !r.opt.I18n.Has(lt.Key, "switcherNoTranslation") {
				def := r.opt.Tree.Config.DefaultLanguage()
				l.NoteLang, l.NoteDir = def.LanguageCode, def.Direction
			}
		default:
			continue
		}
		out = append(out, l)
	}
	return out
}

// Alternate is one hreflang link.
type Alternate struct {
	Lang, URL string
}

// Alternates lists p in every language it is in, then x-default (the
// default language's page), or nothing for a page with no translation.
func Alternates(p *content.Page) []Alternate {
	var out []Alternate
	def := ""
	for _, tr := range p.AllTranslations() {
		out = append(out, Alternate{tr.LanguageCode(), tr.Permalink})
		if tr.Language != nil && tr.Language.Default {
			def = tr.Permalink
		}
	}
	if def != "" {
		out = append(out, Alternate{"x-default", def})
	}
	return out
}
