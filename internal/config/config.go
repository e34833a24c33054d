// Package config reads the site configuration file, signpost.toml (or
// signpost.yaml), applies defaults and reports unknown keys.
package config

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/signpost/signpost/internal/diag"
)

// Names are the config file names tried in order at the site root.
var Names = []string{"signpost.toml", "signpost.yaml", "signpost.yml"}

// Config is the site configuration. Keys follow Hugo where Hugo has one.
type Config struct {
	Title        string `toml:"title" yaml:"title"`
	BaseURL      string `toml:"baseURL" yaml:"baseURL"`
	LanguageCode string `toml:"languageCode" yaml:"languageCode"`
	Description  string `toml:"description" yaml:"description"`
	// Taxonomies maps singular to plural names, as Hugo does:
	// topic = "topics". The plural is the front matter key and URL.
	Taxonomies map[string]string      `toml:"taxonomies" yaml:"taxonomies"`
	Menus      map[string][]MenuEntry `toml:"menus" yaml:"menus"`
	Params     map[string]any         `toml:"params" yaml:"params"`
	Markup     Markup                 `toml:"markup" yaml:"markup"`
	// Minify is on unless set to false.
	Minify *bool `toml:"minify" yaml:"minify"`
	// DisablePathToLower keeps the case of file and folder names in URLs,
	// as Hugo's key of the same name; by default URLs are lower-case.
	DisablePathToLower bool `toml:"disablePathToLower" yaml:"disablePathToLower"`
	// Search tunes how the site's own search ranks its pages.
	Search Search `toml:"search" yaml:"search"`
	// Related weighs the taxonomies in related pages; Guidance says which
	// pages are guidance and what the catalogue lists (rules.go).
	Related  Related  `toml:"related" yaml:"related"`
	Guidance Guidance `toml:"guidance" yaml:"guidance"`
	// DefaultContentLanguage is the key of the language published at the
	// site root ("en" unless set); Languages are the [languages.XX]
	// tables, and Langs all the site's languages by weight (one, made
	// from the top-level keys, for a site without [languages]).
	DefaultContentLanguage string               `toml:"defaultContentLanguage" yaml:"defaultContentLanguage"`
	Languages              map[string]*Language `toml:"languages" yaml:"languages"`
	Langs                  []*Language          `toml:"-" yaml:"-"`

	// File is the config file's name, for messages; empty when none.
	File string `toml:"-" yaml:"-"`
	// src is the file, to place problems on its lines.
	src []byte
}

// Line is the line of the config file on which key is set (in any table,
// inline tables too), and with value, the first such line that also holds
// the value (one menu entry among many); 1 when it cannot be found. Only
// problems call it.
func (c *Config) Line(key string, value ...string) int {
	return max(c.find(key, value...), 1)
}

// find is Line, with 0 when the key is not in the file.
func (c *Config) find(key string, value ...string) int {
	re := regexp.MustCompile(`(?:^|[\s{,-])["']?` + regexp.QuoteMeta(key) + `["']?\s*[:=]`)
	for i, l := range strings.Split(string(c.src), "\n") {
		if re.MatchString(l) && (len(value) == 0 || strings.Contains(l, value[0])) {
			return i + 1
		}
	}
	return 0
}

// MenuEntry is one link in a named menu. PageRef names a content file
// (resolved to its URL at build time); URL is used as it is.
type MenuEntry struct {
	Name    string `toml:"name" yaml:"name"`
	URL     string `toml:"url" yaml:"url"`
	PageRef string `toml:"pageRef" yaml:"pageRef"`
	Weight  int    `toml:"weight" yaml:"weight"`
}

// Markup configures markdown rendering.
type Markup struct {
	// Unsafe lets raw HTML in markdown through; off, it is shown escaped.
	Unsafe bool `toml:"unsafe" yaml:"unsafe"`
}

var topKeys = []string{"title", "baseURL", "languageCode", "description", "taxonomies", "menus", "params", "markup", "minify", "search", "disablePathToLower", "related", "guidance", "defaultContentLanguage", "languages"}

// DefaultTaxonomies are used when the config names none.
var DefaultTaxonomies = map[string]string{"topic": "topics", "age": "ages", "app": "apps"}

// Load reads the config from the root of fsys. A missing file gives the
// defaults (and a problem only if nothing could be built without it).
func Load(fsys fs.FS) (*Config, diag.List) {
	var probs diag.List
	c := &Config{}
	var raw map[string]any
	for _, name := range Names {
		src, err := fs.ReadFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		c.File, c.src = name, src
		if err != nil {
			probs.Add(diag.ReadProblem(name, err))
			return c, probs
		}
		format := "toml"
		if !strings.HasSuffix(name, ".toml") {
			format = "yaml"
		}
		if p, ok := Decode(format, name, src, &raw); !ok {
			probs.Add(p)
			return c, probs
		}
		unknownKeys(name, ReadKeyLines(format, src), raw, &probs)
		if p, ok := Decode(format, name, src, c); !ok {
			probs.Add(p)
			return c, probs
		}
		c.checkParams(src, &probs)
		break
	}
	c.applyDefaults(&probs)
	c.resolveLanguages(raw, &probs)
	return c, probs
}

// unknownKeys reports the top-level keys Signpost does not know. One that
// is a known key spelt with other capitals (baseUrl) is refused: the TOML
// reader would use it while the YAML one would not, and keys are written
// one way everywhere. One close to a known key the file does not set
// (titel) is an error too: the setting it was meant to be would be
// silently missing. Others are warnings: a theme may read them.
func unknownKeys(name string, keys KeyLines, raw map[string]any, probs *diag.List) {
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		if slices.Contains(topKeys, k) {
			continue
		}
		line := keys.Line(k)
		if i := slices.IndexFunc(topKeys, func(t string) bool { return strings.EqualFold(t, k) }); i >= 0 {
			probs.Errorf(name, line, 0, fmt.Sprintf("write it %s, with those capitals", topKeys[i]),
				"config key %q is spelt %q", k, topKeys[i])
			continue
		}
		if c := diag.Closest(k, topKeys); c != "" {
			if _, set := raw[c]; !set {
				probs.Errorf(name, line, 0, fmt.Sprintf("did you mean %q? As it is spelt now, Signpost does not use it", c),
					"unknown config key %q", k)
				continue
			}
		}
		probs.Warnf(name, line, 0, diag.Suggest(k, topKeys, "a theme may read it; the keys Signpost reads are "+strings.Join(topKeys, ", ")), "unknown config key %q", k)
	}
}

func (c *Config) applyDefaults(probs *diag.List) {
	if c.LanguageCode == "" {
		c.LanguageCode = "en"
	}
	defaultTaxonomies := len(c.Taxonomies) == 0
	if defaultTaxonomies {
		c.Taxonomies = maps.Clone(DefaultTaxonomies)
	}
	c.checkTaxonomies(probs)
	c.rulesDefaults(defaultTaxonomies, probs)
	if c.Params == nil {
		c.Params = map[string]any{}
	}
	c.searchDefaults(probs)
	if c.BaseURL == "" {
		c.BaseURL = "/"
	}
	if c.BaseURL != "/" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || u.Scheme == "" || u.Host == "" {
			probs.Errorf(c.file(), c.Line("baseURL"), 0, `write it like baseURL = "https://example.org/"`, "baseURL %q is not an absolute URL", c.BaseURL)
		}
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
}

func (c *Config) file() string {
	if c.File == "" {
		return Names[0]
	}
	return c.File
}

// MinifyOutput reports whether output is minified (the default).
func (c *Config) MinifyOutput() bool { return c.Minify == nil || *c.Minify }

// checkTaxonomies reports taxonomies that would share a front matter key
// and an address: two singulars with one plural, or an empty plural.
func (c *Config) checkTaxonomies(probs *diag.List) {
	// In the file's order, so the one written second is the one reported.
	singulars := slices.Sorted(maps.Keys(c.Taxonomies))
	slices.SortStableFunc(singulars, func(a, b string) int {
		return cmp.Compare(c.Line(a, c.Taxonomies[a]), c.Line(b, c.Taxonomies[b]))
	})
	first := map[string]string{} // plural → the singular written first
	for _, singular := range singulars {
		plural := c.Taxonomies[singular]
		if strings.TrimSpace(plural) == "" {
			probs.Errorf(c.file(), c.Line(singular), 0, fmt.Sprintf(`write its plural, the front matter key and address, like %s = "%ss"`, singular, singular),
				"taxonomy %q has no plural name", singular)
			delete(c.Taxonomies, singular)
			continue
		}
		if other, ok := first[plural]; ok {
			probs.Errorf(c.file(), c.Line(singular, plural), 0, "give each taxonomy its own plural, or remove one of them",
				"taxonomies %q and %q both have the plural %q: one front matter key and one address cannot be two taxonomies", other, singular, plural)
			delete(c.Taxonomies, singular)
			continue
		}
		first[plural] = singular
	}
}

// TaxonomyNames returns the plural taxonomy names, sorted.
func (c *Config) TaxonomyNames() []string {
	return slices.Compact(slices.Sorted(maps.Values(c.Taxonomies)))
}

// BasePath is the path part of BaseURL, always ending in "/": "/" for a
// site at the root of its host, "/guide/" for one below it.
func (c *Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// TaxonomyPos is where a taxonomy (by plural) is named: its line of the
// config file; nothing for a default taxonomy the file does not name.
func (c *Config) TaxonomyPos(plural string) (path string, line int) {
	for _, singular := range slices.Sorted(maps.Keys(c.Taxonomies)) {
		if c.Taxonomies[singular] == plural {
			if l := c.find(singular, plural); l > 0 {
				return c.File, l
			}
		}
	}
	return "", 0
}

// checkParams checks the params the built-in layouts rely on. The "Exit
// this page" button must leave for an ordinary https page: html/template
// turns a javascript: address into "#ZgotmplZ", which goes nowhere, and
// an http page can be tampered with on the way.
func (c *Config) checkParams(src []byte, probs *diag.List) {
	v, ok := c.Params["exitURL"]
	if !ok {
		return
	}
	s, _ := v.(string)
	if u, err := url.Parse(s); err == nil && u.Scheme == "https" && u.Host != "" && u.User == nil {
		return
	}
	probs.Errorf(c.File, paramLine(src, "exitURL"), 0, `write it like exitURL = "https://www.bbc.co.uk/weather": an everyday site that loads fast`,
		"params.exitURL %q is not an https address: the \"Exit this page\" button would go nowhere", fmt.Sprint(v))
}

// paramLine is the line setting key at any depth (params is a table in
// TOML, a nested map in YAML), or 1.
func paramLine(src []byte, key string) int {
	for i, line := range strings.Split(string(src), "\n") {
		l := strings.TrimLeft(line, " \t")
		l = strings.TrimLeft(l, `"'`)
		if rest, ok := strings.CutPrefix(l, key); ok {
			rest = strings.TrimLeft(strings.TrimLeft(rest, `"'`), " \t")
			if strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, ":") {
				return i + 1
			}
		}
	}
	return 1
}
