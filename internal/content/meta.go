package content

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/diag"
)

// FrontMatterKeys are the keys every page may set; taxonomy names are added.
var FrontMatterKeys = []string{
	"title", "description", "date", "lastmod", "draft", "weight", "slug", "url",
	"aliases", "summary", "layout", "toc", "reviewed", "review_by", "sources", "params",
	"translationKey", "translation",
}

// decodeMeta fills p from the decoded front matter map m, reporting type
// errors and unknown keys at the lines of fm (which starts on file line
// fmLine).
func decodeMeta(p *Page, m map[string]any, fm []byte, fmLine int, cfg *config.Config, probs *diag.List) {
	p.keyLines = keyLines(fm, fmLine)
	d := &metaDecoder{p: p, m: m, fmLine: fmLine, probs: probs}
	p.Title = d.str("title")
	p.Description = d.str("description")
	p.Summary = d.str("summary")
	p.Layout = d.str("layout")
	decodeURLs(p, d.str("slug"), d.str("url"), d.strs("aliases"), d.line, probs)
	p.Date, p.Lastmod = d.date("date"), d.date("lastmod")
	p.Reviewed, p.ReviewBy = d.date("reviewed"), d.date("review_by")
	d.flags()
	d.translation()
	for _, tax := range cfg.TaxonomyNames() {
		if terms := d.strs(tax); len(terms) > 0 {
			p.Terms[tax] = terms
		}
	}
	if v, ok := m["params"]; ok {
		if pm, isMap := v.(map[string]any); isMap {
			for k, x := range pm {
				p.Params[k] = x
			}
		} else {
			d.bad("params", "params: {key: value}")
		}
	}
	if v, ok := m["sources"]; ok {
		p.sourceLines = itemLines(fm, fmLine, p.keyLines["sources"])
		p.Sources = decodeSources(v, p, probs)
	}
	if !p.Reviewed.IsZero() && !p.ReviewBy.IsZero() && p.ReviewBy.Before(p.Reviewed) {
		probs.Errorf(p.File, d.line("review_by"), 0, "review_by is the date the page must be checked again, after reviewed", "review_by %s is before reviewed %s", p.ReviewBy.Format("2006-01-02"), p.Reviewed.Format("2006-01-02"))
	}
	d.unknown(append(append([]string{}, FrontMatterKeys...), cfg.TaxonomyNames()...))
	d.curlyQuotes()
}

// curlyQuotes warns about text wrapped in curly quotes (as word processors
// and phones type them): YAML does not read them as quotes, so they would
// be published as part of the text, in the page's h1 for a title.
func (d *metaDecoder) curlyQuotes() {
	for _, key := range slices.Sorted(maps.Keys(d.m)) {
		s, ok := d.m[key].(string)
		r := []rune(s)
		if !ok || len(r) < 2 || !strings.ContainsRune("“‘„«", r[0]) || !strings.ContainsRune("”’“»", r[len(r)-1]) {
			continue
		}
		d.probs.Warnf(d.p.File, d.line(key), 0,
			"use straight quotes (\"), as a plain text editor types them, or none: "+key+": "+config.Straighten(s),
			"%s is in curly quotes %c %c, which are published as part of the text", key, r[0], r[len(r)-1])
	}
}

// metaDecoder reads the values of one page's front matter map, reporting
// each of the wrong type at its key's line.
type metaDecoder struct {
	p      *Page
	m      map[string]any
	fmLine int
	probs  *diag.List
}

// line is the line of a key, or the front matter's first.
func (d *metaDecoder) line(key string) int {
	if l := d.p.keyLines[key]; l > 0 {
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

// flags reads draft, toc and weight.
func (d *metaDecoder) flags() {
	p, m := d.p, d.m
	if v, ok := m["draft"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			d.bad("draft", "draft: true")
		}
		p.Draft = b
	}
	if v, ok := m["toc"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			d.bad("toc", "toc: false")
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
			d.bad("weight", "weight: 10")
		}
	}
}

// unknown warns about keys not in known, in sorted order, and keeps them
// in .Params.
func (d *metaDecoder) unknown(known []string) {
	for _, k := range slices.Sorted(maps.Keys(d.m)) {
		if !slices.Contains(known, k) {
			d.probs.Warnf(d.p.File, d.line(k), 0, unknownKeyHint(k, known), "unknown front matter key %q", k)
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
