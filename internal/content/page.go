// Package content loads a site's content folder into a Tree of Pages:
// front matter split and decoded, sections, ordering, taxonomies and URLs.
// It knows nothing of HTML; bodies are read again when rendered so that only
// metadata stays in memory.
package content

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/diag"
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
	// A page a Generator made stands at the content path it would have as
	// a file ("content/who-to-call/uk.md"), so links to it resolve; its
	// Body holds the markdown and Origin says where its data is written.
	File string
	// BodyLine is the line of File on which the markdown body starts.
	BodyLine int
	// Lang is the key of the page's language ("ur"), Language its entry
	// in the config.
	Lang     string
	Language *config.Language
	// Translations are the page's translations into the site's other
	// languages, in their order (see also TranslationKey and Translated).
	Translations []*Page

	Title       string
	Description string
	Date        time.Time
	Lastmod     time.Time
	Weight      int
	Aliases     []string
	// Terms are the page's terms in each taxonomy (plural name), as
	// written.
	Terms    Terms
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
	// TermPages are this page's term pages in each taxonomy, for links.
	TermPages TermPages
	// Draft, ShowTOC and Broken stand together, where the three bools
	// and the digest share eight-byte words.
	Draft bool
	// ShowTOC is false when front matter sets toc: false.
	ShowTOC bool
	// Broken marks a page whose front matter failed to load; it is in the
	// tree so links to it resolve, but the build does not render it.
	Broken bool
	// Digest is the SHA-256 of the source file, to tell edits apart.
	Digest [32]byte
	// Body is the markdown of a page a Generator made; nil for a page
	// read from a file (its body is read again when rendered).
	Body []byte
	// Origin is where the data of a page without a file of its own is
	// written, for problems an editor fixes there: a data file's line for
	// a page a Generator made, the tagging page's line for a term, the
	// config's line for a taxonomy, the folder for a section without
	// _index.md. Empty for a page with a file (File and its lines say).
	Origin Pos
	// keys are the lines of File on which front matter keys, and the
	// entries of lists such as sources, are set, and which keys are set
	// to something not blank.
	keys config.KeyLines
	// titleLine is the line of File of a leading "# heading" that gave
	// the page its title, and titleLines the body lines it takes (with
	// blank lines before it), left out when the body is read again.
	titleLine, titleLines int32
	// neutral is the page's file path within its language's folder
	// without a language suffix ("report/uk.md"): translations share it.
	neutral string
	// group is the page's translation group, in the languages' order.
	group []*Page
	// rare holds what only some pages have, nil for the others.
	rare *pageRare
}

// pageRare are the fields of a Page that most pages leave empty, read
// through methods of the same names: one pointer in their place brought
// the Page from 896 to 640 bytes (2.7 MB of a 10,000-page build's heap).
type pageRare struct {
	summary, slug, layout string
	// translationKey, set in front matter, links pages at different
	// paths as translations of each other.
	translationKey string
	// translated is the translation front matter of a translated page.
	translated *TranslationInfo
	// resources are a bundle's other files, as paths relative to the
	// site root.
	resources []string
	// taxonomy is the plural taxonomy name, for taxonomy and term pages.
	taxonomy string
	// urlLine and aliasesLine are the front matter lines of url (or
	// slug) and aliases, for problems with the addresses they give.
	urlLine, aliasesLine int
	// bodyLines maps lines of Body (from 1) to lines of Origin.Path.
	bodyLines []int
	// fmURL is the url front matter set, if any (URL is usually derived).
	fmURL string
	// termSlug is a term page's slug, shared by its translations.
	termSlug string
	// titleLang is the language of a title taken from a translation.
	titleLang *config.Language
}

// more is the page's rare fields, made when the first is set.
func (p *Page) more() *pageRare {
	if p.rare == nil {
		p.rare = &pageRare{}
	}
	return p.rare
}

// noRare are the rare fields of a page that has none, for reading.
var noRare pageRare

// less is the page's rare fields for reading.
func (p *Page) less() *pageRare {
	if p.rare == nil {
		return &noRare
	}
	return p.rare
}

// Summary is the page's summary front matter.
func (p *Page) Summary() string { return p.less().summary }

// Slug is the page's slug front matter, checked.
func (p *Page) Slug() string { return p.less().slug }

// Layout is the layout the page asks for, "" for its kind's.
func (p *Page) Layout() string { return p.less().layout }

// SetLayout sets the layout, for a Generator's page.
func (p *Page) SetLayout(layout string) {
	if layout != "" || p.rare != nil {
		p.more().layout = layout
	}
}

// TranslationKey, set in front matter, links pages at different paths as
// translations of each other.
func (p *Page) TranslationKey() string { return p.less().translationKey }

// Translated is the translation front matter of a translated page, nil
// for a page that does not set it.
func (p *Page) Translated() *TranslationInfo { return p.less().translated }

// Resources are a bundle's other files, as paths relative to the site
// root.
func (p *Page) Resources() []string { return p.less().resources }

// setResources sets a bundle's resources, making the rare fields only for
// a bundle that has some.
func (p *Page) setResources(r []string) {
	if r != nil || p.rare != nil {
		p.more().resources = r
	}
}

// Taxonomy is the plural taxonomy name, for taxonomy and term pages.
func (p *Page) Taxonomy() string { return p.less().taxonomy }

// URLLine and AliasesLine are the front matter lines of url (or slug) and
// aliases, for problems with the addresses they give; 0 if unset.
func (p *Page) URLLine() int     { return p.less().urlLine }
func (p *Page) AliasesLine() int { return p.less().aliasesLine }

// Terms are a page's terms by taxonomy, in the order of the taxonomies'
// names. A slice and not a map: most pages set one taxonomy or two, and a
// map a page was 3.5 MB of a 10,000-page build's peak heap.
type Terms []TaxonomyTerms

// TaxonomyTerms are a page's terms in one taxonomy.
type TaxonomyTerms struct {
	Taxonomy string
	Terms    []string
}

// Of is the page's terms in taxonomy tax, nil when it sets none.
func (t Terms) Of(tax string) []string {
	for _, x := range t {
		if x.Taxonomy == tax {
			return x.Terms
		}
	}
	return nil
}

// TermPages are a page's term pages by taxonomy, in the order of the
// taxonomies' names (a map a page was 4.4 MB of the same heap).
type TermPages []TaxonomyPages

// TaxonomyPages are a page's term pages in one taxonomy.
type TaxonomyPages struct {
	Taxonomy string
	Pages    []*Page
}

// Of is the page's term pages in taxonomy tax, nil when it has none.
func (t TermPages) Of(tax string) []*Page {
	for _, x := range t {
		if x.Taxonomy == tax {
			return x.Pages
		}
	}
	return nil
}

// add appends tm to the term pages of taxonomy tax, keeping the
// taxonomies in order.
func (t TermPages) add(tax string, tm *Page) TermPages {
	i, found := slices.BinarySearchFunc(t, tax, func(x TaxonomyPages, tax string) int { return strings.Compare(x.Taxonomy, tax) })
	if !found {
		t = slices.Insert(t, i, TaxonomyPages{Taxonomy: tax})
	}
	t[i].Pages = append(t[i].Pages, tm)
	return t
}

// Pos is a place in a file of the site; Line 0 means the whole file.
type Pos struct {
	Path string
	Line int
}

// String is "path:line", or the path alone for a whole file or folder.
func (p Pos) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d", p.Path, p.Line)
	}
	return p.Path
}

// IsGenerated reports whether a Generator made the page from data.
func (p *Page) IsGenerated() bool { return p.Body != nil }

// TitleFromHeading reports whether the page's title is the "# heading"
// its body opens with (its front matter sets none).
func (p *Page) TitleFromHeading() bool { return p.titleLines > 0 }

// TitleLine is the line of the page's file where its title is written:
// its front matter key or its leading heading; 0 when the title comes
// from the file's name.
func (p *Page) TitleLine() int {
	if p.titleLine > 0 {
		return int(p.titleLine)
	}
	return p.keys.Line("title")
}

// URLPos is where the page's address is decided: its url or slug key, or
// its file (whose name makes the address), or for a generated page its
// data.
func (p *Page) URLPos() Pos {
	switch {
	case p.IsGenerated() || p.File == "":
		return p.Origin
	case p.URLLine() > 0:
		return Pos{p.File, p.URLLine()}
	}
	return Pos{p.File, 1}
}

// SourceLine is the line of the page's file on which sources entry i (from
// 0) is written: its own line, or the sources key's when the list is
// written on one line; 1 when the page has no sources key.
func (p *Page) SourceLine(i int) int {
	if l, ok := p.keys.ItemLine("sources", i); ok {
		return l
	}
	return max(p.KeyLine("sources"), 1)
}

// SourceKeyLine is the line on which sources entry i sets key ("url"), or
// the entry's line when that cannot be told.
func (p *Page) SourceKeyLine(i int, key string) int {
	if l := p.keys.ItemKey("sources", i, key); l > 0 {
		return l
	}
	return p.SourceLine(i)
}

// KeyLine is the line of the page's file on which front matter sets key,
// or 0 when it does not. It is the one answer to "on which line is key K"
// for every stage: content, check and the site's output recorder.
func (p *Page) KeyLine(key string) int { return p.keys.Line(key) }

// Sets reports whether the page's front matter sets key to something not
// blank ("", a block scalar with no lines, null): what the editor wrote,
// where the page's field may hold a default.
func (p *Page) Sets(key string) bool { return p.keys.Filled(key) }

// Place says where an editor fixes a problem found at line of the page's
// source (its file's line, or for a generated page its body's line): for a
// page a Generator made, the line of its data file the text came from.
func (p *Page) Place(line int) Pos {
	if !p.IsGenerated() {
		return Pos{p.File, line}
	}
	if p.rare == nil {
		return p.Origin
	}
	if i, lines := line-p.BodyLine, p.rare.bodyLines; i >= 0 && i < len(lines) && lines[i] > 0 {
		return Pos{p.Origin.Path, lines[i]}
	}
	return p.Origin
}

// Relocate moves problems found in a generated page's body (which names
// the page's content path) to the data they came from, so that an editor
// is sent to a file that exists. Other problems are returned as they are.
//
// A problem with no path at all (a failure that could not say where) is
// given the page's file, so that no problem of a page goes unplaced.
func (p *Page) Relocate(probs diag.List) diag.List {
	if !p.IsGenerated() {
		for i := range probs {
			if probs[i].Path == "" {
				probs[i].Path = p.File
			}
		}
		return probs
	}
	for i, pr := range probs {
		if pr.Path == p.File || pr.Path == "" {
			at := p.Place(pr.Line)
			probs[i].Path, probs[i].Line, probs[i].Col = at.Path, at.Line, 0
		}
	}
	return probs
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
	if p.rare != nil {
		// Assembling sets titleLang and resources: the copy's are its own.
		r := *p.rare
		r.resources = nil
		c.rare = &r
	}
	c.Parent, c.Pages, c.Sections, c.Prev, c.Next, c.Translations, c.group = nil, nil, nil, nil, nil, nil, nil
	c.TermPages = nil
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
// InDraft reports whether the page or a section above it is a draft:
// what leaves it out of a build without drafts, makes its problems
// warnings, and puts the draft banner on it in serve.
func (p *Page) InDraft() bool {
	for ; p != nil; p = p.Parent {
		if p.Draft {
			return true
		}
	}
	return false
}

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

// Section returns the first path segment of a page's URL ("settings"),
// or "", after its language's prefix (/ur/settings/ is in "settings").
func (p *Page) Section() string {
	s := strings.Trim(p.URL, "/")
	if p.Language != nil && p.Language.Prefix != "" {
		if s == p.Language.Prefix {
			return ""
		}
		s = strings.TrimPrefix(s, p.Language.Prefix+"/")
	}
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
