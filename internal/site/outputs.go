package site

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"html/template"
	"sort"
	"strings"
	"time"

	"github.com/signpost/signpost/internal/feed"
	"github.com/signpost/signpost/internal/render"

	"github.com/signpost/signpost/internal/content"
)

// writeAliases writes a small redirect page at every old URL a page lists
// in aliases, for hosts that cannot redirect (writeHosting writes the
// _redirects file for those that can). An alias ending in a file name
// ("/old/page.php") is written as that file.
func (b *builder) writeAliases() {
	for _, p := range b.tree.All {
		for _, a := range p.Aliases {
			if b.redirectOnly[a] {
				continue // it differs from another output only in case: _redirects only
			}
			var buf bytes.Buffer
			if err := aliasTmpl.Execute(&buf, map[string]any{"Page": p, "Lang": p.LanguageCode()}); err != nil {
				b.problem(err)
				continue
			}
			b.emit(a, aliasSource(p, a), buf.Bytes(), true)
		}
	}
}

var aliasTmpl = template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Page.Title}} has moved</title>
<link rel="canonical" href="{{.Page.Permalink}}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.Page.RelPermalink}}">
</head>
<body>
<p>This page has moved to <a href="{{.Page.RelPermalink}}">{{.Page.Title}}</a>.</p>
</body>
</html>
`))

// updated is the date a page last changed, for feeds and the sitemap.
func updated(p *content.Page) time.Time {
	t := p.Date
	for _, x := range []time.Time{p.Lastmod, p.Reviewed} {
		if x.After(t) {
			t = x
		}
	}
	return t
}

// writeFeeds writes an Atom feed of the site and of each section, newest
// change first.
func (b *builder) writeFeeds() {
	for _, p := range b.tree.All {
		if p.Kind != content.KindHome && p.Kind != content.KindSection {
			continue
		}
		var pages []*content.Page
		if p.Kind == content.KindHome {
			if lt := b.tree.Lang(p.Lang); lt != nil {
				pages = append(pages, lt.Regular...)
			} else {
				pages = append(pages, b.tree.Regular...)
			}
		} else {
			collect(p, &pages)
		}
		b.writeFeed(p, pages)
	}
}

func collect(s *content.Page, into *[]*content.Page) {
	*into = append(*into, s.Pages...)
	for _, c := range s.Sections {
		collect(c, into)
	}
}

func (b *builder) writeFeed(owner *content.Page, pages []*content.Page) {
	var dated []*content.Page
	for _, p := range pages {
		if !updated(p).IsZero() {
			dated = append(dated, p)
		}
	}
	sort.SliceStable(dated, func(i, j int) bool {
		ui, uj := updated(dated[i]), updated(dated[j])
		if !ui.Equal(uj) {
			return ui.After(uj)
		}
		return dated[i].URL < dated[j].URL
	})
	if len(dated) > 50 {
		dated = dated[:50]
	}
	site := b.cfg.Title
	if owner.Language != nil {
		site = owner.Language.Title
	}
	title := site
	if owner.Kind != content.KindHome {
		title = owner.Title + " – " + site
	}
	f := feed.Feed{Lang: owner.LanguageCode(), Title: title, ID: owner.Permalink, Author: site,
		Links: []feed.Link{{Href: owner.Permalink + "feed.xml", Rel: "self"}, {Href: owner.Permalink}}}
	latest := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range dated {
		u := updated(p)
		if u.After(latest) {
			latest = u
		}
		f.Entries = append(f.Entries, feed.Entry{Title: p.Title, ID: p.Permalink, Link: feed.Link{Href: p.Permalink},
			Updated: feed.Time(u), Summary: cmp.Or(p.Description, p.Summary())})
	}
	f.Updated = feed.Time(latest)
	out, err := f.Marshal()
	if err != nil {
		b.problem(err)
		return
	}
	what := "the Atom feed of the site"
	if owner.Kind != content.KindHome {
		what = "the Atom feed of " + content.Describe(owner)
	}
	b.emit(owner.URL+"feed.xml", generated(what), out, true)
}

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	// XHTML declares the namespace of the alternates, on a site with
	// more than one language.
	XHTML string     `xml:"xmlns:xhtml,attr,omitempty"`
	URLs  []sitemapU `xml:"url"`
}

type sitemapU struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
	// Alternates are the page in each language it is in, itself
	// included, as search engines ask.
	Alternates []xhtmlLink `xml:"xhtml:link"`
}

type xhtmlLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

func (b *builder) writeSitemap() {
	var s urlset
	if b.cfg.Multilingual() {
		s.XHTML = "http://www.w3.org/1999/xhtml"
	}
	for _, p := range b.tree.All {
		u := sitemapU{Loc: p.Permalink}
		if t := updated(p); !t.IsZero() {
			u.Lastmod = t.Format("2006-01-02")
		}
		u.Alternates = sitemapAlternates(p)
		s.URLs = append(s.URLs, u)
	}
	out, err := xml.MarshalIndent(s, "", "  ")
	if err != nil {
		b.problem(err)
		return
	}
	b.emit("/sitemap.xml", generated("the sitemap"), append([]byte(xml.Header), out...), true)
}

// sitemapAlternates lists p in each language it is in, then x-default
// (its default language's page); none for a page without translations.
func sitemapAlternates(p *content.Page) []xhtmlLink {
	var out []xhtmlLink
	for _, a := range render.Alternates(p) {
		out = append(out, xhtmlLink{"alternate", a.Lang, a.URL})
	}
	return out
}

func (b *builder) writeRobots() {
	if s, ok := b.rec.has("/robots.txt"); ok && s.kind == srcStatic {
		return // the site's own static/robots.txt wins, on purpose
	}
	s := "User-agent: *\nAllow: /\n"
	if strings.Contains(b.cfg.BaseURL, "://") {
		s += "Sitemap: " + b.cfg.BaseURL + "sitemap.xml\n"
	}
	b.emit("/robots.txt", generated("robots.txt"), []byte(s), false)
}
