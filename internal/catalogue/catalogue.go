// Package catalogue writes what other sites and tools read about the
// guidance: resources.json, a list of every guidance page for school
// portals, and Atom feeds of guidance updates, site-wide and per topic.
// The README documents both for the people who consume them.
package catalogue

import (
	"bytes"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/feed"
)

// File is one output file.
type File struct {
	Path string
	Data []byte
}

// Words looks up the theme's message id in a language (internal/i18n);
// the feeds' titles are written with it.
type Words func(lang, id string, data map[string]any) string

// Files returns resources.json and the updates feeds of a tree, in each
// of its languages.
func Files(t *content.Tree, words Words) ([]File, error) {
	res, err := Resources(t)
	if err != nil {
		return nil, err
	}
	files := []File{{"resources.json", res}}
	for _, lt := range t.Langs {
		feeds, err := Updates(t, lt, words)
		if err != nil {
			return nil, err
		}
		files = append(files, feeds...)
	}
	return files, nil
}

// Guidance is every page with review metadata (a reviewed date or
// sources), sorted by URL.
func Guidance(t *content.Tree) []*content.Page {
	var out []*content.Page
	for _, p := range t.All {
		if p.File != "" && p.IsGuidance() {
			out = append(out, p)
		}
	}
	return out
}

// Resource is one page in resources.json.
type Resource struct {
	Title       string
	URL         string
	Description string
	// Terms are the page's terms in each taxonomy the site's config lists
	// under [guidance] catalogue, in that order ([] when it has none).
	Terms    []Terms
	Reviewed string
	ReviewBy string
	// Language is the page's languageCode, on a site with more than one
	// language; Translations are its translations' URLs by languageCode.
	Language     string
	Translations map[string]string
}

// Terms are a page's terms in one taxonomy.
type Terms struct {
	Taxonomy string
	Terms    []string
}

// MarshalJSON writes the fields in a fixed order, each taxonomy's terms
// as a field of its own between the description and the dates:
// {"title", "url", "description", "topics": [], …, "reviewed", "review_by"}.
func (r Resource) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	field := func(name string, v any) error {
		if b.Len() == 0 {
			b.WriteByte('{')
		} else {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(name)
		val, err := json.Marshal(v)
		b.Write(k)
		b.WriteByte(':')
		b.Write(val)
		return err
	}
	errs := []error{field("title", r.Title), field("url", r.URL), field("description", r.Description)}
	for _, t := range r.Terms {
		errs = append(errs, field(t.Taxonomy, t.Terms))
	}
	if r.Reviewed != "" {
		errs = append(errs, field("reviewed", r.Reviewed))
	}
	if r.ReviewBy != "" {
		errs = append(errs, field("review_by", r.ReviewBy))
	}
	if r.Language != "" {
		errs = append(errs, field("language", r.Language))
	}
	if len(r.Translations) > 0 {
		errs = append(errs, field("translations", r.Translations))
	}
	b.WriteByte('}')
	return b.Bytes(), errors.Join(errs...)
}

// Catalogue is resources.json.
type Catalogue struct {
	Site     string     `json:"site"`
	URL      string     `json:"url"`
	Language string     `json:"language"`
	Pages    []Resource `json:"pages"`
}

// Resources returns resources.json: every guidance page with its title,
// full URL, description, terms (topics, ages and apps on the bundled
// site: [guidance] catalogue in the config) and review dates, sorted by
// URL. Lists are [] when empty and dates are YYYY-MM-DD, left out when unset.
func Resources(t *content.Tree) ([]byte, error) {
	cfg := t.Config
	c := Catalogue{Site: cfg.Title, URL: cfg.BaseURL, Language: cfg.LanguageCode, Pages: []Resource{}}
	for _, p := range Guidance(t) {
		r := Resource{Title: p.Title, URL: p.Permalink, Description: p.Description,
			Reviewed: day(p.Reviewed), ReviewBy: day(p.ReviewBy)}
		for _, tax := range cfg.Guidance.Catalogue {
			r.Terms = append(r.Terms, Terms{tax, terms(p, tax)})
		}
		if cfg.Multilingual() {
			r.Language = p.LanguageCode()
			for _, tr := range p.Translations {
				if r.Translations == nil {
					r.Translations = map[string]string{}
				}
				r.Translations[tr.LanguageCode()] = tr.Permalink
			}
		}
		c.Pages = append(c.Pages, r)
	}
	out, err := json.MarshalIndent(c, "", "  ")
	return append(out, '\n'), err
}

func terms(p *content.Page, tax string) []string {
	if ts := p.Terms.Of(tax); len(ts) > 0 {
		return ts
	}
	return []string{}
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// maxEntries keeps a feed to the latest updates.
const maxEntries = 50

// FeedName is the file name of an updates feed, in the site's root and in
// each topic's folder.
const FeedName = "updates.xml"

// Updates returns the Atom feeds of guidance updates in one language:
// updates.xml at its home and TOPIC/updates.xml beside each of its
// topics' pages. Entries are guidance pages with a reviewed date, latest
// first; each review of a page is a new entry (its id carries the date),
// so a feed reader shows it again.
func Updates(t *content.Tree, lt *content.LangTree, words Words) ([]File, error) {
	var dated []*content.Page
	for _, p := range Guidance(t) {
		if !p.Reviewed.IsZero() && p.Lang == lt.Key {
			dated = append(dated, p)
		}
	}
	say := func(id string, data map[string]any) string { return words(lt.Key, id, data) }
	sort.SliceStable(dated, func(i, j int) bool {
		a, b := dated[i], dated[j]
		if !a.Reviewed.Equal(b.Reviewed) {
			return a.Reviewed.After(b.Reviewed)
		}
		return a.URL < b.URL
	})
	cfg := t.Config
	out := []File{}
	write := func(rel, title, subtitle string, home *content.Page, pages []*content.Page) error {
		f := feed.Feed{Lang: lt.LanguageCode, Title: title, Subtitle: subtitle, ID: cfg.BaseURL + content.EscapePath(rel), Author: lt.Title,
			Links: []feed.Link{{Href: cfg.BaseURL + content.EscapePath(rel), Rel: "self", Type: "application/atom+xml"}, {Href: home.Permalink, Rel: "alternate", Type: "text/html"}}}
		latest := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		for _, p := range pages {
			if len(f.Entries) == maxEntries {
				break
			}
			if p.Reviewed.After(latest) {
				latest = p.Reviewed
			}
			e := feed.Entry{Title: p.Title, ID: p.Permalink + "#reviewed-" + day(p.Reviewed), Link: feed.Link{Href: p.Permalink},
				Updated: feed.Time(p.Reviewed), Summary: p.Description}
			for _, tp := range p.Terms.Of(cfg.Guidance.Feeds) {
				e.Categories = append(e.Categories, feed.Category{Term: tp})
			}
			f.Entries = append(f.Entries, e)
		}
		f.Updated = feed.Time(latest)
		data, err := f.Marshal()
		if err != nil {
			return err
		}
		out = append(out, File{rel, data})
		return nil
	}
	home := strings.TrimPrefix(lt.Home.URL, "/")
	if err := write(home+FeedName, say("feedGuidanceUpdates", nil)+" – "+lt.Title, say("feedUpdatesSubtitle", nil), lt.Home, dated); err != nil {
		return nil, err
	}
	for _, tp := range FeedTerms(cfg, lt.Taxonomies) {
		var pages []*content.Page
		for _, p := range dated { // sections too, which term pages do not list
			for _, term := range p.Terms.Of(cfg.Guidance.Feeds) {
				if content.Slugify(term) == content.Slugify(tp.Title) {
					pages = append(pages, p)
					break
				}
			}
		}
		rel := strings.TrimPrefix(tp.URL, "/") + FeedName
		title := say("feedTopicUpdates", map[string]any{"Title": tp.Title}) + " – " + lt.Title
		if err := write(rel, title, say("feedTopicSubtitle", map[string]any{"Title": tp.Title}), tp, pages); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// FeedTerms are the term pages, among taxonomies (a language's), of the
// taxonomy whose terms have their own updates feeds ([guidance] feeds in
// the config; topics on the bundled site), if the site has it.
func FeedTerms(cfg *config.Config, taxonomies []*content.Page) []*content.Page {
	for _, tax := range taxonomies {
		if tax.Taxonomy() == cfg.Guidance.Feeds && tax.Taxonomy() != "" {
			return tax.Pages
		}
	}
	return nil
}
