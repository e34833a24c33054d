package content

import (
	"fmt"
	"slices"
	"sort"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/diag"
)

// FrontMatterKeys are the keys every page may set; taxonomy names are added.
var FrontMatterKeys = []string{
	"title", "description", "date", "lastmod", "draft", "weight", "slug", "url",
	"aliases", "summary", "layout", "toc", "reviewed", "review_by", "sources", "params",
}

// decodeMeta fills p from the decoded front matter map m, reporting type
// errors and unknown keys against lines of src (the whole file).
func decodeMeta(p *Page, m map[string]any, fm []byte, fmLine int, cfg *config.Config, probs *diag.List) {
	file := p.File
	line := func(key string) int {
		if l := diag.KeyLine(fm, key); l > 0 {
			return l + fmLine - 1
		}
		return fmLine
	}
	bad := func(key, want string) {
		probs.Errorf(file, line(key), 0, "write it like "+want, "front matter %q has the wrong type", key)
	}
	str := func(key string) string {
		v, ok := m[key]
		if !ok || v == nil {
			return ""
		}
		switch s := v.(type) {
		case string:
			return s
		case int, int64, uint64, float64, bool:
			return fmt.Sprint(s)
		}
		bad(key, key+`: "some text"`)
		return ""
	}
	strs := func(key string) []string {
		v, ok := m[key]
		if !ok || v == nil {
			return nil
		}
		switch s := v.(type) {
		case string:
			return []string{s}
		case []any:
			out := make([]string, 0, len(s))
			for _, x := range s {
				switch x := x.(type) {
				case string:
					out = append(out, x)
				case int, int64, uint64, float64:
					out = append(out, fmt.Sprint(x))
				default:
					bad(key, key+`: ["first", "second"]`)
					return out
				}
			}
			return out
		}
		bad(key, key+`: ["first", "second"]`)
		return nil
	}
	date := func(key string) {
		v, ok := m[key]
		if !ok || v == nil {
			return
		}
		t, ok := toTime(v)
		if !ok {
			probs.Errorf(file, line(key), 0, "write dates as YYYY-MM-DD, like "+key+": 2026-11-28", "front matter %q is not a date: %v", key, v)
			return
		}
		switch key {
		case "date":
			p.Date = t
		case "lastmod":
			p.Lastmod = t
		case "reviewed":
			p.Reviewed = t
		case "review_by":
			p.ReviewBy = t
		}
	}

	p.Title = str("title")
	p.Description = str("description")
	p.Summary = str("summary")
	p.Layout = str("layout")
	decodeURLs(p, str("slug"), str("url"), strs("aliases"), line, probs)
	for _, k := range []string{"date", "lastmod", "reviewed", "review_by"} {
		date(k)
	}
	if v, ok := m["draft"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			bad("draft", "draft: true")
		}
		p.Draft = b
	}
	if v, ok := m["toc"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			bad("toc", "toc: false")
		}
		p.ShowTOC = b
	}
	if v, ok := m["weight"]; ok {
		switch w := v.(type) {
		case int:
			p.Weight = w
		case int64:
			p.Weight = int(w)
		case uint64:
			p.Weight = int(w)
		case float64:
			p.Weight = int(w)
		default:
			bad("weight", "weight: 10")
		}
	}
	for _, tax := range cfg.TaxonomyNames() {
		if terms := strs(tax); len(terms) > 0 {
			p.Terms[tax] = terms
		}
	}
	if v, ok := m["params"]; ok {
		if pm, isMap := v.(map[string]any); isMap {
			for k, x := range pm {
				p.Params[k] = x
			}
		} else {
			bad("params", "params: {key: value}")
		}
	}
	if v, ok := m["sources"]; ok {
		p.Sources = decodeSources(v, file, line("sources"), probs)
	}
	if !p.Reviewed.IsZero() && !p.ReviewBy.IsZero() && p.ReviewBy.Before(p.Reviewed) {
		probs.Errorf(file, line("review_by"), 0, "review_by is the date the page must be checked again, after reviewed", "review_by %s is before reviewed %s", p.ReviewBy.Format("2006-01-02"), p.Reviewed.Format("2006-01-02"))
	}

	known := append(append([]string{}, FrontMatterKeys...), cfg.TaxonomyNames()...)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !slices.Contains(known, k) {
			probs.Warnf(file, line(k), 0, diag.DidYouMean(k, known), "unknown front matter key %q (kept in .Params)", k)
			p.Params[k] = m[k]
		}
	}
}

func decodeSources(v any, file string, line int, probs *diag.List) []Source {
	list, ok := v.([]any)
	if !ok {
		probs.Errorf(file, line, 0, "sources is a list of entries with title, url and checked", "front matter \"sources\" is not a list")
		return nil
	}
	var out []Source
	for i, x := range list {
		m, ok := x.(map[string]any)
		if !ok {
			probs.Errorf(file, line, 0, "write each source as  - title: …  url: …  checked: YYYY-MM-DD", "source %d is not a title/url/checked entry", i+1)
			continue
		}
		var s Source
		s.Title, _ = m["title"].(string)
		s.URL, _ = m["url"].(string)
		if c, ok := m["checked"]; ok {
			s.Checked, _ = toTime(c)
		}
		if s.Title == "" || s.URL == "" {
			probs.Errorf(file, line, 0, "every source needs a title and a url", "source %d has no title or url", i+1)
		}
		out = append(out, s)
	}
	return out
}

// decodeURLs validates and normalises the page's slug, url and aliases,
// reporting each bad one at its line; a bad one is left out.
func decodeURLs(p *Page, slug, u string, aliases []string, line func(string) int, probs *diag.List) {
	if len(aliases) > 0 {
		p.AliasesLine = line("aliases")
	}
	hint := "write a path on this site, such as /guides/setup/"
	if slug != "" {
		s, err := cleanSlug(slug)
		if err != nil {
			probs.Errorf(p.File, line("slug"), 0, "write one name, such as slug: my-page", "slug %v", err)
		}
		p.Slug = s
		p.URLLine = line("slug")
	}
	if u != "" {
		c, err := cleanURL(u, pageURL)
		if err != nil {
			probs.Errorf(p.File, line("url"), 0, hint, "url %v", err)
		}
		p.URL, p.fmURL = c, c
		p.URLLine = line("url")
	}
	for _, a := range aliases {
		c, err := cleanURL(a, aliasURL)
		if err != nil {
			probs.Errorf(p.File, line("aliases"), 0, hint, "alias %v", err)
			continue
		}
		if !slices.Contains(p.Aliases, c) { // "/old" and "/old/" are one
			p.Aliases = append(p.Aliases, c)
		}
	}
}
