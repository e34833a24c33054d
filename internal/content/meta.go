package content

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/diag"
)

// Meta is a page's front matter as Signpost reads it: every key it knows,
// typed. Keys it does not know are kept in Params (with a warning), as is
// everything under params:.
type Meta struct {
	Title, Description, Summary, Layout string
	Slug, URL                           string
	Aliases                             []string
	Date, Lastmod, Reviewed, ReviewBy   time.Time
	Draft                               bool
	// TOC is false when the page sets toc: false.
	TOC     bool
	Weight  int
	Sources []Source
	Params  map[string]any
	// Terms are the page's terms in each of the site's taxonomies (their
	// plural names are keys too).
	Terms Terms
	// TranslationKey links pages at different paths as translations of
	// each other; Translation is translation: {from, checked} (nil when
	// unset).
	TranslationKey string
	Translation    *TranslationInfo
}

// metaKey is one front matter key and how it is read into Meta.
type metaKey struct {
	name string
	read func(d *metaDecoder, m *Meta)
}

// metaKeys is the one place that lists the front matter keys Signpost
// reads, in the order they are read: a new key is a line here and a field
// in Meta (then Page.applyMeta, if pages carry it). Taxonomy names are
// added from the config.
var metaKeys = []metaKey{
	{"title", func(d *metaDecoder, m *Meta) { m.Title = d.str("title") }},
	{"description", func(d *metaDecoder, m *Meta) { m.Description = d.str("description") }},
	{"summary", func(d *metaDecoder, m *Meta) { m.Summary = d.str("summary") }},
	{"layout", func(d *metaDecoder, m *Meta) { m.Layout = d.str("layout") }},
	{"slug", func(d *metaDecoder, m *Meta) { m.Slug = d.str("slug") }},
	{"url", func(d *metaDecoder, m *Meta) { m.URL = d.str("url") }},
	{"aliases", func(d *metaDecoder, m *Meta) { m.Aliases = d.strs("aliases") }},
	{"date", func(d *metaDecoder, m *Meta) { m.Date = d.date("date") }},
	{"lastmod", func(d *metaDecoder, m *Meta) { m.Lastmod = d.date("lastmod") }},
	{"reviewed", func(d *metaDecoder, m *Meta) { m.Reviewed = d.date("reviewed") }},
	{"review_by", func(d *metaDecoder, m *Meta) { m.ReviewBy = d.date("review_by") }},
	{"draft", func(d *metaDecoder, m *Meta) { m.Draft, _ = d.boolean("draft", "draft: true") }},
	{"toc", func(d *metaDecoder, m *Meta) {
		if b, set := d.boolean("toc", "toc: false"); set {
			m.TOC = b
		}
	}},
	{"weight", func(d *metaDecoder, m *Meta) { m.Weight = d.integer("weight") }},
	{"params", func(d *metaDecoder, m *Meta) { m.Params = d.params(m.Params) }},
	{"sources", func(d *metaDecoder, m *Meta) { m.Sources = d.sources() }},
	{"translationKey", func(d *metaDecoder, m *Meta) { m.TranslationKey = d.str("translationKey") }},
	{"translation", func(d *metaDecoder, m *Meta) { m.Translation = d.translation() }},
}

// knownKeys are the names of metaKeys and the site's taxonomies.
func knownKeys(taxonomies []string) []string {
	known := make([]string, 0, len(metaKeys)+len(taxonomies))
	for _, k := range metaKeys {
		known = append(known, k.name)
	}
	return append(known, taxonomies...)
}

// decodeMeta fills p from the decoded front matter map m, reporting type
// errors and unknown keys at the lines of its keys (keys, read from the
// parser's tree; the front matter starts on file line fmLine).
func decodeMeta(p *Page, m map[string]any, keys config.KeyLines, fmLine int, cfg *config.Config, probs *diag.List) {
	// Sorted once for unknown and curlyQuotes.
	names := slices.Sorted(maps.Keys(m))
	for _, k := range names {
		if v := m[k]; v != nil && v != "" {
			keys.MarkFilled(k)
		}
	}
	p.keys = keys
	taxonomies := cfg.TaxonomyNames()
	d := &metaDecoder{p: p, m: m, names: names, fmLine: fmLine, probs: probs}
	meta := Meta{TOC: true, Params: p.Params, Terms: p.Terms}
	for _, k := range metaKeys {
		if _, set := m[k.name]; set {
			k.read(d, &meta)
		}
	}
	for _, tax := range taxonomies {
		if terms := d.strs(tax); len(terms) > 0 {
			meta.Terms = append(meta.Terms, TaxonomyTerms{tax, terms})
		}
	}
	// Read in the config's order (so are their problems), kept in the
	// names' order, which Terms.Of and the pages' readers rely on.
	slices.SortFunc(meta.Terms, func(a, b TaxonomyTerms) int { return strings.Compare(a.Taxonomy, b.Taxonomy) })
	p.applyMeta(meta, d.line, probs)
	if !p.Reviewed.IsZero() && !p.ReviewBy.IsZero() && p.ReviewBy.Before(p.Reviewed) {
		probs.Errorf(p.File, d.line("review_by"), 0, "review_by is the date the page must be checked again, after reviewed", "review_by %s is before reviewed %s", p.ReviewBy.Format("2006-01-02"), p.Reviewed.Format("2006-01-02"))
	}
	d.unknown(knownKeys(taxonomies))
	d.curlyQuotes()
}

// applyMeta sets the page's fields from its front matter; slug, url and
// aliases are checked and normalised on the way.
func (p *Page) applyMeta(m Meta, line func(string) int, probs *diag.List) {
	p.Title, p.Description = m.Title, m.Description
	if m.Summary != "" || m.Layout != "" || m.TranslationKey != "" || m.Translation != nil {
		r := p.more()
		r.summary, r.layout, r.translationKey, r.translated = m.Summary, m.Layout, m.TranslationKey, m.Translation
	}
	decodeURLs(p, m.Slug, m.URL, m.Aliases, line, probs)
	p.Date, p.Lastmod, p.Reviewed, p.ReviewBy = m.Date, m.Lastmod, m.Reviewed, m.ReviewBy
	p.Draft, p.ShowTOC, p.Weight = m.Draft, m.TOC, m.Weight
	p.Sources, p.Params, p.Terms = m.Sources, m.Params, m.Terms
}

// curlyQuotes warns about text wrapped in curly quotes (as word processors
// and phones type them): YAML does not read them as quotes, so they would
// be published as part of the text, in the page's h1 for a title.
func (d *metaDecoder) curlyQuotes() {
	for _, key := range d.names {
		s, ok := d.m[key].(string)
		first, n := utf8.DecodeRuneInString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		if !ok || n >= len(s) || !strings.ContainsRune("“‘„«", first) || !strings.ContainsRune("”’“»", last) {
			continue // not text of two letters or more in curly quotes
		}
		d.probs.Warnf(d.p.File, d.line(key), 0,
			"use straight quotes (\"), as a plain text editor types them, or none: "+key+": "+config.Straighten(s),
			"%s is in curly quotes %c %c, which are published as part of the text", key, first, last)
	}
}

// metaDecoder reads the values of one page's front matter map, reporting
// each of the wrong type at its key's line.
type metaDecoder struct {
	p      *Page
	m      map[string]any
	names  []string // m's keys, sorted
	fmLine int
	probs  *diag.List
}

// line is the line of a key, or the front matter's first.
func (d *metaDecoder) line(key string) int {
	if l := d.p.keys.Line(key); l > 0 {
		return l
	}
	return d.fmLine
}

func (d *metaDecoder) bad(key, want string) {
	d.probs.Errorf(d.p.File, d.line(key), 0, "write it like "+want, "front matter %q has the wrong type", key)
}

// str is a text value; numbers and booleans read as text.
func (d *metaDecoder) str(key string) string {
	v, ok := d.m[key]
	if !ok || v == nil {
		return ""
	}
	switch s := v.(type) {
	case string:
		return s
	case int, int64, uint64, float64, bool:
		return fmt.Sprint(s)
	}
	d.bad(key, key+`: "some text"`)
	return ""
}

// strs is a list of text values; one value reads as a list of one.
func (d *metaDecoder) strs(key string) []string {
	v, ok := d.m[key]
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
				d.bad(key, key+`: ["first", "second"]`)
				return out
			}
		}
		return out
	}
	d.bad(key, key+`: ["first", "second"]`)
	return nil
}

// date is a date value, zero when unset or not a date.
func (d *metaDecoder) date(key string) time.Time {
	v, ok := d.m[key]
	if !ok || v == nil {
		return time.Time{}
	}
	t, ok := toTime(v)
	if !ok {
		d.probs.Add(diag.Problem{Path: d.p.File, Line: d.line(key), Severity: diag.Error,
			Message: fmt.Sprintf("%s: %v is not a date Signpost can read", key, v), Hint: dateHint(key, fmt.Sprint(v))})
	}
	return t
}

// dateHint rewrites a date as the editor wrote it (28/11/2026, 2026/11/28,
// 28 November 2026) as year-month-day, or says why it cannot: 5/3/2026 is
// 5 March in Britain and 3 May in America.
func dateHint(key, v string) string {
	const generic = "write dates as year-month-day, like %s: 2026-11-28"
	v = strings.TrimSpace(v)
	for _, layout := range []string{"2 January 2006", "2 Jan 2006", "January 2, 2006", "Jan 2, 2006", "2006/1/2", "2006.1.2"} {
		if t, err := time.Parse(layout, v); err == nil {
			return fmt.Sprintf("write dates as year-month-day: %s: %s", key, t.Format(time.DateOnly))
		}
	}
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(parts) != 3 || len(parts[2]) != 4 {
		return fmt.Sprintf(generic, key)
	}
	a, errA := strconv.Atoi(parts[0])
	b, errB := strconv.Atoi(parts[1])
	y, errY := strconv.Atoi(parts[2])
	if errA != nil || errB != nil || errY != nil {
		return fmt.Sprintf(generic, key)
	}
	dm, okDM := validDate(y, b, a) // day first, as in Britain
	md, okMD := validDate(y, a, b) // month first, as in America
	switch {
	case okDM && okMD && !dm.Equal(md):
		return fmt.Sprintf("%s could be %s or %s: write it as year-month-day, %s: %s for %s, or %s: %s for %s",
			v, dm.Format("2 January"), md.Format("2 January"),
			key, dm.Format(time.DateOnly), dm.Format("2 January"), key, md.Format(time.DateOnly), md.Format("2 January"))
	case okDM:
		return fmt.Sprintf("write dates as year-month-day: %s: %s", key, dm.Format(time.DateOnly))
	case okMD:
		return fmt.Sprintf("write dates as year-month-day: %s: %s", key, md.Format(time.DateOnly))
	}
	return fmt.Sprintf("there is no such day; "+generic, key)
}

// validDate is the day y-m-d, and whether the calendar has it.
func validDate(y, m, d int) (time.Time, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, m >= 1 && m <= 12 && t.Day() == d && t.Month() == time.Month(m)
}

// boolean is a true or false value, and whether the key is set.
func (d *metaDecoder) boolean(key, example string) (b, set bool) {
	v, ok := d.m[key]
	if !ok {
		return false, false
	}
	b, isBool := v.(bool)
	if !isBool {
		d.bad(key, example)
	}
	return b, true
}

// integer is a whole number; a fraction is cut to its whole part.
func (d *metaDecoder) integer(key string) int {
	switch w := d.m[key].(type) {
	case int:
		return w
	case int64:
		return int(w)
	case uint64:
		return int(w)
	case float64:
		return int(w)
	}
	d.bad(key, key+": 10")
	return 0
}

// params copies the params map into dst, made when nil, and returns it.
func (d *metaDecoder) params(dst map[string]any) map[string]any {
	pm, isMap := d.m["params"].(map[string]any)
	if !isMap {
		d.bad("params", "params: {key: value}")
		return dst
	}
	if dst == nil {
		dst = make(map[string]any, len(pm))
	}
	maps.Copy(dst, pm)
	return dst
}

// sources reads the sources list.
func (d *metaDecoder) sources() []Source { return decodeSources(d.m["sources"], d.p, d.probs) }

// unknown warns about keys not in known, in sorted order, and keeps them
// in .Params.
func (d *metaDecoder) unknown(known []string) {
	for _, k := range d.names {
		if !slices.Contains(known, k) {
			d.probs.Warnf(d.p.File, d.line(k), 0, unknownKeyHint(k, known), "unknown front matter key %q", k)
			if d.p.Params == nil {
				d.p.Params = map[string]any{}
			}
			d.p.Params[k] = d.m[k]
		}
	}
}

// decodeSources reads the sources list, reporting each entry's faults at
// the entry's line.
func decodeSources(v any, p *Page, probs *diag.List) []Source {
	list, ok := v.([]any)
	if !ok {
		probs.Errorf(p.File, p.SourceLine(0), 0, "sources is a list of entries with title, url and checked", "front matter \"sources\" is not a list")
		return nil
	}
	var out []Source
	for i, x := range list {
		line := p.SourceLine(i)
		m, ok := x.(map[string]any)
		if !ok {
			probs.Errorf(p.File, line, 0, "write each source as  - title: …  url: …  checked: YYYY-MM-DD", "source %d is not a title/url/checked entry", i+1)
			continue
		}
		bad := false
		text := func(key, example string) string {
			switch v := m[key].(type) {
			case nil:
				return ""
			case string:
				return strings.TrimSpace(v)
			case int, int64, uint64, float64, bool:
				return fmt.Sprint(v)
			}
			probs.Errorf(p.File, line, 0, "write it like "+key+": "+example, "source %d: %s is not text", i+1, key)
			bad = true
			return ""
		}
		var s Source
		s.Title = text("title", `"NSPCC: Online safety"`)
		s.URL = text("url", "https://www.nspcc.org.uk/")
		if c, ok := m["checked"]; ok {
			s.Checked, _ = toTime(c)
		}
		switch {
		case bad:
		case s.Title == "" && s.URL == "":
			probs.Errorf(p.File, line, 0, "every source needs a title and a url", "source %d has no title and no url", i+1)
		case s.Title == "":
			probs.Errorf(p.File, line, 0, "write the name of the page, like title: \"NSPCC: Online safety\"; it is the link's text", "source %d (%s) has no title", i+1, s.URL)
		case s.URL == "":
			probs.Errorf(p.File, line, 0, "write the address the fact comes from, like url: https://www.nspcc.org.uk/", "source %d (%s) has no url", i+1, s.Title)
		}
		out = append(out, s)
	}
	return out
}

// decodeURLs validates and normalises the page's slug, url and aliases,
// reporting each bad one at its line; a bad one is left out.
func decodeURLs(p *Page, slug, u string, aliases []string, line func(string) int, probs *diag.List) {
	if len(aliases) > 0 {
		p.more().aliasesLine = line("aliases")
	}
	hint := "write a path on this site, such as /guides/setup/"
	if slug != "" {
		s, err := cleanSlug(slug)
		if err != nil {
			probs.Errorf(p.File, line("slug"), 0, "write one name, such as slug: my-page", "slug %v", err)
		}
		if s != "" {
			p.more().slug = s
		}
		p.more().urlLine = line("slug")
	}
	if u != "" {
		c, err := cleanURL(u, pageURL)
		if err != nil {
			probs.Errorf(p.File, line("url"), 0, hint, "url %v", err)
		}
		p.URL = c
		p.more().fmURL = c
		p.more().urlLine = line("url")
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

// unknownKeyHint says what to do about a front matter key Signpost does
// not know: correct it if it is a misspelling; otherwise it is fine for a
// site's own templates, which read it as .Params.key.
func unknownKeyHint(k string, known []string) string {
	params := "templates can read it as .Params." + k
	if c := diag.Closest(k, known); c != "" {
		return fmt.Sprintf("if you meant %s, spell it %s; otherwise %s", c, c, params)
	}
	return "Signpost itself does not use it; if your site's templates do, they read it as .Params." + k
}
