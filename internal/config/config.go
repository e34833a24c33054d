// Package config reads the site configuration file, signpost.toml (or
// signpost.yaml), applies defaults and reports unknown keys.
package config

import (
	"errors"
	"io/fs"
	"maps"
	"net/url"
	"slices"
	"sort"
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

	// File is the config file's name, for messages; empty when none.
	File string `toml:"-" yaml:"-"`
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

var topKeys = []string{"title", "baseURL", "languageCode", "description", "taxonomies", "menus", "params", "markup", "minify", "disablePathToLower", "search"}

// DefaultTaxonomies are used when the config names none.
var DefaultTaxonomies = map[string]string{"topic": "topics", "age": "ages", "app": "apps"}

// Load reads the config from the root of fsys. A missing file gives the
// defaults (and a problem only if nothing could be built without it).
func Load(fsys fs.FS) (*Config, diag.List) {
	var probs diag.List
	c := &Config{}
	for _, name := range Names {
		src, err := fs.ReadFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		c.File = name
		if err != nil {
			probs.Errorf(name, 0, 0, "check the file's permissions", "cannot read config: %v", err)
			return c, probs
		}
		var raw map[string]any
		format := "toml"
		if !strings.HasSuffix(name, ".toml") {
			format = "yaml"
		}
		if p, ok := Decode(format, name, src, &raw); !ok {
			probs.Add(p)
			return c, probs
		}
		for _, k := range slices.Sorted(maps.Keys(raw)) {
			if !slices.Contains(topKeys, k) {
				probs.Warnf(name, diag.KeyLine(src, k), 0, diag.DidYouMean(k, topKeys), "unknown config key %q", k)
			}
		}
		if p, ok := Decode(format, name, src, c); !ok {
			probs.Add(p)
			return c, probs
		}
		break
	}
	c.applyDefaults(&probs)
	return c, probs
}

func (c *Config) applyDefaults(probs *diag.List) {
	if c.LanguageCode == "" {
		c.LanguageCode = "en"
	}
	if len(c.Taxonomies) == 0 {
		c.Taxonomies = map[string]string{}
		for k, v := range DefaultTaxonomies {
			c.Taxonomies[k] = v
		}
	}
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
			probs.Errorf(c.file(), diag.KeyLine(nil, "baseURL"), 0, `write it like baseURL = "https://example.org/"`, "baseURL %q is not an absolute URL", c.BaseURL)
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

// TaxonomyNames returns the plural taxonomy names, sorted.
func (c *Config) TaxonomyNames() []string {
	var out []string
	for _, p := range c.Taxonomies {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
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
