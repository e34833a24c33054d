package config

import (
	"strings"

	"github.com/signpost/signpost/internal/diag"
)

// Search tunes the ranking of the site's search; rules that belong to one
// site, not to the search code.
type Search struct {
	// Country is the site's own country as a region code ("GB"): pages for
	// other countries rank below their equivalents for it. Default: the
	// region of languageCode ("en-GB" → "GB").
	Country string `toml:"country" yaml:"country"`
	// Answers are content files ("content/report/worried-right-now.md")
	// that, with every section's own page, answer questions such as
	// "how do I report" or "what do I do".
	Answers []string `toml:"answers" yaml:"answers"`
	// Minor are sections ("about") whose pages rank below guidance for
	// words they say only in passing.
	Minor []string `toml:"minor" yaml:"minor"`
}

// searchDefaults sets the search country from languageCode when the
// config names none, and reports one that is not a region code.
func (c *Config) searchDefaults(probs *diag.List) {
	if c.Search.Country == "" {
		c.Search.Country = Region(c.LanguageCode)
	}
	if !isRegion(strings.ToUpper(c.Search.Country)) && c.Search.Country != "" {
		line, hint := c.find("country"), `write a two-letter region code, like country = "GB"`
		if line == 0 { // the country came from languageCode
			line, hint = c.Line("languageCode"), `write a language and a two-letter region, like languageCode = "en-GB"`
		}
		probs.Errorf(c.file(), line, 0, hint, "search country %q is not a region code", c.Search.Country)
	}
	c.Search.Country = strings.ToUpper(c.Search.Country)
}

// Region is the region of a language tag: "en-GB" → "GB", "en" → "".
func Region(tag string) string {
	parts := strings.FieldsFunc(tag, func(r rune) bool { return r == '-' || r == '_' })
	for _, p := range parts[min(1, len(parts)):] {
		if isRegion(strings.ToUpper(p)) {
			return strings.ToUpper(p)
		}
	}
	return ""
}

func isRegion(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}
