package config

import (
	"maps"
	"slices"

	"github.com/signpost/signpost/internal/diag"
)

// Related weighs what pages share in the "related" template function:
// rules that belong to one site, not to the generic code.
type Related struct {
	// Weights are what one shared term of a taxonomy (plural name) counts;
	// a taxonomy not listed counts 1, and 0 leaves it out.
	Weights map[string]int `toml:"weights" yaml:"weights"`
}

// Weight is what one term of taxonomy tax shared by two pages counts.
func (r Related) Weight(tax string) int {
	if w, ok := r.Weights[tax]; ok {
		return w
	}
	return 1
}

// Guidance names which pages are guidance, whose facts must be sourced
// and reviewed, and what the catalogue (resources.json and the updates
// feeds) says about them.
type Guidance struct {
	// Taxonomies: a page with a term in any of them is guidance, so
	// check asks for its sources and review dates.
	Taxonomies []string `toml:"taxonomies" yaml:"taxonomies"`
	// Catalogue are the taxonomies whose terms resources.json lists for
	// each guidance page, in this order. Default: all the site's.
	Catalogue []string `toml:"catalogue" yaml:"catalogue"`
	// Feeds is the taxonomy each of whose terms has its own updates feed
	// beside its page (topics/grooming/updates.xml); none when empty.
	Feeds string `toml:"feeds" yaml:"feeds"`
}

// Is reports whether a page with these terms (terms(taxonomy) are the
// page's terms in it) is guidance by the site's rule.
func (g Guidance) Is(terms func(taxonomy string) []string) bool {
	for _, tax := range g.Taxonomies {
		if len(terms(tax)) > 0 {
			return true
		}
	}
	return false
}

// defaultRules are the rules that come with DefaultTaxonomies, Signpost's
// own guidance site's: a page with topics is guidance; a shared app says
// more about two pages than a shared topic or age. A site that names its
// own taxonomies starts from nothing: no page is guidance by its terms,
// every taxonomy weighs the same, and resources.json lists them all.
var defaultRules = struct {
	Related  Related
	Guidance Guidance
}{
	Related:  Related{Weights: map[string]int{"apps": 2}},
	Guidance: Guidance{Taxonomies: []string{"topics"}, Catalogue: []string{"topics", "ages", "apps"}, Feeds: "topics"},
}

// rulesDefaults fills the related and guidance rules the config leaves
// out (defaultTaxonomies: the config named no taxonomies) and reports a
// rule naming a taxonomy the site does not have.
func (c *Config) rulesDefaults(defaultTaxonomies bool, probs *diag.List) {
	if defaultTaxonomies {
		if c.Related.Weights == nil {
			c.Related.Weights = maps.Clone(defaultRules.Related.Weights)
		}
		if c.Guidance.Taxonomies == nil {
			c.Guidance.Taxonomies = slices.Clone(defaultRules.Guidance.Taxonomies)
		}
		if c.Guidance.Feeds == "" && !c.set("feeds") {
			c.Guidance.Feeds = defaultRules.Guidance.Feeds
		}
		if c.Guidance.Catalogue == nil {
			c.Guidance.Catalogue = slices.Clone(defaultRules.Guidance.Catalogue)
		}
	}
	if c.Guidance.Catalogue == nil {
		c.Guidance.Catalogue = c.TaxonomyNames()
	}
	names := c.TaxonomyNames()
	check := func(key, tax string) {
		if !slices.Contains(names, tax) {
			probs.Warnf(c.file(), c.Line(key, tax), 0, diag.DidYouMean(tax, names),
				"%s names %q, which is not one of the site's taxonomies", key, tax)
		}
	}
	for _, tax := range slices.Sorted(maps.Keys(c.Related.Weights)) {
		check("weights", tax)
	}
	for _, tax := range c.Guidance.Taxonomies {
		check("taxonomies", tax)
	}
	for _, tax := range c.Guidance.Catalogue {
		check("catalogue", tax)
	}
	if c.Guidance.Feeds != "" {
		check("feeds", c.Guidance.Feeds)
	}
}

// set reports whether the config file sets key anywhere.
func (c *Config) set(key string) bool { return c.find(key) > 0 }
