// Package content loads a site's content folder into a Tree of Pages:
// front matter split and decoded, sections, ordering, taxonomies and URLs.
// It knows nothing of HTML; bodies are read again when rendered so that only
// metadata stays in memory.
package content

import (
	"reflect"
	"strings"
	"time"
)

// Kind is what a page is, and so which template renders it.
type Kind string

const (
	KindHome     Kind = "home"
	KindSection  Kind = "section"
	KindPage     Kind = "page"
	KindTaxonomy Kind = "taxonomy"
	KindTerm     Kind = "term"
	Kind404      Kind = "404"
)

// Source is one entry of a guidance page's sources list.
type Source struct {
	Title   string
	URL     string
	Checked time.Time
}

// Page is one output page and the metadata templates see.
type Page struct {
	Kind Kind
	// File is the source path relative to the site root ("content/a/b.md"),
	// empty for generated pages (taxonomies, terms, sections with no _index.md).
	File string
	// BodyLine is the line of File on which the markdown body starts.
	BodyLine int
	Lang     string

	Title       string
	Description string
	Summary     string
	Slug        string
	Date        time.Time
	Lastmod     time.Time
	Draft       bool
	Weight      int
	Aliases     []string
	Layout      string
	// ShowTOC is false when front matter sets toc: false.
	ShowTOC bool
	// Terms maps a taxonomy (plural name) to the page's terms, as written.
	Terms    map[string][]string
	Reviewed time.Time
	ReviewBy time.Time
	Sources  []Source
	Params   map[string]any

	// URL is the page's path from the site root: "/", "/settings/snapchat/",
	// "/404.html". RelPermalink and Permalink add the base URL.
	URL          string
	RelPermalink string
	Permalink    string

	Parent *Page
	// Pages are the regular pages listed by a section, home, or term page;
	// for a taxonomy page, its term pages.
	Pages []*Page
	// Sections are a section's (or home's) child sections.
	Sections   []*Page
	Prev, Next *Page
	// TermPages maps a taxonomy to this page's term pages, for links.
	TermPages map[string][]*Page
	// Resources are a bundle's other files, as paths relative to the site root.
	Resources []string
	// Taxonomy is the plural taxonomy name, for taxonomy and term pages.
	Taxonomy string
	// Broken marks a page whose front matter failed to load; it is in the
	// tree so links to it resolve, but the build does not render it.
	Broken bool
	// Digest is the SHA-256 of the source file, to tell edits apart.
	Digest [32]byte
	// URLLine and AliasesLine are the front matter lines of url (or slug)
	// and aliases, for problems with the addresses they give; 0 if unset.
	URLLine, AliasesLine int
	// fmURL is the url front matter set, if any (URL is usually derived).
	fmURL string
}

// Key names a page across rebuilds: its file, or for a generated page its
// kind and URL.
func (p *Page) Key() string {
	if p.File != "" {
		return p.File
	}
	return string(p.Kind) + ":" + p.URL
}

// fresh copies a loaded page without what assembling a tree adds to it.
func (p *Page) fresh() *Page {
	c := *p
	c.Parent, c.Pages, c.Sections, c.Prev, c.Next, c.Resources = nil, nil, nil, nil, nil, nil
	c.TermPages = map[string][]*Page{}
	c.RelPermalink, c.Permalink = "", ""
	return &c
}

// SameMeta reports whether two loads of a page have the same front matter,
// so that only the page itself needs rendering again after an edit.
func SameMeta(a, b *Page) bool {
	if a == nil || b == nil {
		return a == b
	}
	x, y := *a.fresh(), *b.fresh()
	x.Digest, y.Digest = [32]byte{}, [32]byte{}
	x.BodyLine, y.BodyLine = 0, 0
	x.URL, y.URL = "", ""
	return reflect.DeepEqual(x, y)
}

// IsHome, IsSection and IsPage are for templates.
func (p *Page) IsHome() bool    { return p.Kind == KindHome }
func (p *Page) IsSection() bool { return p.Kind == KindSection }
func (p *Page) IsPage() bool    { return p.Kind == KindPage }

// IsGuidance reports whether the page carries review metadata.
func (p *Page) IsGuidance() bool { return !p.Reviewed.IsZero() || len(p.Sources) > 0 }

// Ancestors returns the chain from the home page down to the parent, for
// breadcrumbs.
func (p *Page) Ancestors() []*Page {
	var out []*Page
	for a := p.Parent; a != nil; a = a.Parent {
		out = append([]*Page{a}, out...)
	}
	return out
}

// Section returns the first path segment of a page's URL ("settings"), or "".
func (p *Page) Section() string {
	s := strings.Trim(p.URL, "/")
	first, _, _ := strings.Cut(s, "/")
	return first
}

// Param returns a page param, falling back to nothing; for templates.
func (p *Page) Param(key string) any { return p.Params[key] }

// OutputPath is where the page is written, relative to the output folder
// (see OutputFile); "" for a URL that may not be written.
func (p *Page) OutputPath() string {
	rel, _ := OutputFile(p.URL)
	return rel
}
