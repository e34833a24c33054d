package config

import (
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/signpost/signpost/internal/diag"
)

// Language is one of the site's languages: a [languages.XX] table, as in
// Hugo. A site without the table has one language, made from the
// top-level title, languageCode and params.
type Language struct {
	// Key is the table's name ("ur"): the suffix of translated files
	// (page.ur.md), the name of the i18n file (i18n/ur.toml) and, by
	// default, the URL prefix (/ur/).
	Key string `toml:"-" yaml:"-"`
	// Name is the language's name in itself ("اردو"), for the switcher.
	Name   string `toml:"name" yaml:"name"`
	Weight int    `toml:"weight" yaml:"weight"`
	// LanguageCode is the BCP 47 tag for <html lang> and feeds ("en-GB").
	LanguageCode string `toml:"languageCode" yaml:"languageCode"`
	// Direction is "ltr" (the default) or "rtl".
	Direction string         `toml:"direction" yaml:"direction"`
	Title     string         `toml:"title" yaml:"title"`
	Params    map[string]any `toml:"params" yaml:"params"`
	// ContentDir is a folder holding this language's pages (Hugo's
	// contentDir), relative to the site root; empty when its pages are
	// translations by file name beside the default language's.
	ContentDir string `toml:"contentDir" yaml:"contentDir"`
	// URLPrefix is where its pages are published: "" for the default
	// language, "/XX/" for the others unless set.
	URLPrefix *string `toml:"urlPrefix" yaml:"urlPrefix"`
	// Menus replace the site's menus of the same name on this
	// language's pages ([[languages.ur.menus.main]]).
	Menus map[string][]MenuEntry `toml:"menus" yaml:"menus"`

	// Prefix is the resolved URL prefix without slashes ("ur"; "" for
	// the site root).
	Prefix string `toml:"-" yaml:"-"`
	// Default marks the defaultContentLanguage.
	Default bool `toml:"-" yaml:"-"`
}

// IsRTL reports whether the language is written right to left.
func (l *Language) IsRTL() bool { return l.Direction == "rtl" }

// Tag is the language's BCP 47 tag (its languageCode, or its key).
func (l *Language) Tag() language.Tag {
	if t, err := language.Parse(l.LanguageCode); err == nil {
		return t
	}
	if t, err := language.Parse(l.Key); err == nil {
		return t
	}
	return language.Und
}

// languageKeys are the keys a [languages.XX] table may set.
var languageKeys = []string{"name", "weight", "languageCode", "direction", "title", "params", "contentDir", "urlPrefix", "menus"}

// langKey is what a language key may be: it ends file names (page.ur.md)
// and starts URLs, so lower-case letters with an optional region or script.
var langKey = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8})*$`)

// Multilingual reports whether the site has more than one language.
func (c *Config) Multilingual() bool { return len(c.Langs) > 1 }

// DefaultLanguage is the defaultContentLanguage's entry.
func (c *Config) DefaultLanguage() *Language {
	for _, l := range c.Langs {
		if l.Default {
			return l
		}
	}
	return &Language{Key: "en", LanguageCode: c.LanguageCode, Direction: "ltr", Default: true}
}

// Language returns the language with key, or nil.
func (c *Config) Language(key string) *Language {
	for _, l := range c.Langs {
		if l.Key == key {
			return l
		}
	}
	return nil
}

// resolveLanguages fills Langs from [languages] (or makes the one
// language of a site without it), applies defaults and reports what
// cannot work, each at its line.
func (c *Config) resolveLanguages(raw map[string]any, probs *diag.List) {
	if len(c.Languages) == 0 && c.DefaultContentLanguage == "" {
		// One language: its key is the language of languageCode ("fr"
		// for "fr-CA"), so its pages say which language they are in.
		c.DefaultContentLanguage = "en"
		if t, err := language.Parse(c.LanguageCode); err == nil {
			if base, conf := t.Base(); conf != language.No && langKey.MatchString(base.String()) {
				c.DefaultContentLanguage = base.String()
			}
		}
	}
	if c.DefaultContentLanguage == "" {
		c.DefaultContentLanguage = "en"
	}
	if len(c.Languages) == 0 {
		c.Langs = []*Language{{Key: c.DefaultContentLanguage, LanguageCode: c.LanguageCode, Direction: "ltr",
			Title: c.Title, Params: c.Params, Default: true}}
		return
	}
	c.unknownLanguageKeys(raw, probs)
	keys := slices.Sorted(maps.Keys(c.Languages))
	for _, k := range keys {
		l := c.Languages[k]
		if l == nil {
			l = &Language{}
			c.Languages[k] = l
		}
		l.Key, l.Default = k, k == c.DefaultContentLanguage
		c.languageDefaults(l, probs)
		c.Langs = append(c.Langs, l)
	}
	slices.SortStableFunc(c.Langs, func(a, b *Language) int {
		if a.Weight != b.Weight {
			return a.Weight - b.Weight
		}
		return strings.Compare(a.Key, b.Key)
	})
	if c.Languages[c.DefaultContentLanguage] == nil {
		line := c.find("defaultContentLanguage")
		if line == 0 {
			line = c.Line("languages")
		}
		probs.Errorf(c.file(), line, 0, fmt.Sprintf(`set defaultContentLanguage to one of them (%s), or add a [languages.%s] table`, strings.Join(keys, ", "), c.DefaultContentLanguage),
			"the default language %q is not one of the site's languages", c.DefaultContentLanguage)
		c.Langs[0].Default = true
		c.Langs[0].Prefix = ""
		c.DefaultContentLanguage = c.Langs[0].Key
	}
	c.LanguageCode = c.DefaultLanguage().LanguageCode
	c.checkLanguagesTogether(probs)
}

// languageDefaults fills a language's unset keys and checks each one.
func (c *Config) languageDefaults(l *Language, probs *diag.List) {
	file, at := c.file(), func(key string) int { return c.languageLine(l.Key, key) }
	if !langKey.MatchString(l.Key) {
		probs.Errorf(file, at(""), 0, `name the table with the language's code in small letters, like [languages.ur] or [languages.pt-br]`,
			"language key %q cannot end a file name (page.%s.md) or start an address", l.Key, l.Key)
	}
	if l.LanguageCode == "" {
		l.LanguageCode = l.Key
		if l.Default && c.LanguageCode != "" {
			l.LanguageCode = c.LanguageCode
		}
	} else if _, err := language.Parse(l.LanguageCode); err != nil {
		probs.Errorf(file, at("languageCode"), 0, `write a BCP 47 language tag, like languageCode = "en-GB" or "ur"`,
			"languages.%s.languageCode %q is not a language tag", l.Key, l.LanguageCode)
	}
	switch l.Direction {
	case "":
		l.Direction = "ltr"
	case "ltr", "rtl":
	default:
		probs.Errorf(file, at("direction"), 0, `write direction = "rtl" for a language written right to left (Arabic, Urdu, Hebrew), or leave it out`,
			"languages.%s.direction %q is neither \"ltr\" nor \"rtl\"", l.Key, l.Direction)
		l.Direction = "ltr"
	}
	if strings.TrimSpace(l.Name) == "" {
		probs.Warnf(file, at(""), 0, `add name = "…", the language's name written in that language ("Cymraeg", "اردو")`,
			"language %q has no name: the language switcher shows %q", l.Key, l.Key)
		l.Name = l.Key
	}
	if l.Title == "" {
		l.Title = c.Title
	}
	l.Params = mergeParams(c.Params, l.Params)
	c.languagePrefix(l, probs)
	if l.ContentDir != "" {
		dir := strings.Trim(l.ContentDir, "/")
		if path.IsAbs(l.ContentDir) || dir == "" || path.Clean(dir) != dir || strings.HasPrefix(dir, "..") {
			probs.Errorf(file, at("contentDir"), 0, `write a folder inside the site, like contentDir = "content/ur"`,
				"languages.%s.contentDir %q is not a folder inside the site", l.Key, l.ContentDir)
			dir = ""
		}
		l.ContentDir = dir
	}
}

// languagePrefix resolves and checks the language's URL prefix.
func (c *Config) languagePrefix(l *Language, probs *diag.List) {
	if l.URLPrefix == nil {
		if !l.Default {
			l.Prefix = l.Key
		}
		return
	}
	p := strings.Trim(*l.URLPrefix, "/")
	if p != "" && (path.Clean(p) != p || strings.HasPrefix(p, ".") || strings.ContainsAny(p, `?#\ `) || strings.Contains(p, "..")) {
		probs.Errorf(c.file(), c.languageLine(l.Key, "urlPrefix"), 0, fmt.Sprintf(`write a path like urlPrefix = "/%s/", or "" for the site root`, l.Key),
			"languages.%s.urlPrefix %q is not a plain path", l.Key, *l.URLPrefix)
		p = l.Key
	}
	l.Prefix = p
}

// checkLanguagesTogether reports what two languages cannot share: an
// address, a folder of pages, a language tag.
func (c *Config) checkLanguagesTogether(probs *diag.List) {
	prefix, dir, code := map[string]string{}, map[string]string{}, map[string]string{}
	for _, l := range c.Langs {
		if other, ok := prefix[l.Prefix]; ok {
			where := "/" + l.Prefix + "/"
			if l.Prefix == "" {
				where = "the site root"
			}
			probs.Errorf(c.file(), c.languageLine(l.Key, "urlPrefix"), 0, "give each language its own urlPrefix; only the default language is at the site root",
				"languages %q and %q are both published at %s", other, l.Key, where)
		} else {
			prefix[l.Prefix] = l.Key
		}
		if l.ContentDir != "" {
			if other, ok := dir[l.ContentDir]; ok {
				probs.Errorf(c.file(), c.languageLine(l.Key, "contentDir"), 0, "give each language its own folder",
					"languages %q and %q both read their pages from %s", other, l.Key, l.ContentDir)
			}
			dir[l.ContentDir] = l.Key
		}
		lc := strings.ToLower(l.LanguageCode)
		if other, ok := code[lc]; ok {
			probs.Errorf(c.file(), c.languageLine(l.Key, "languageCode"), 0, "give each language its own languageCode: it is what browsers, search engines and screen readers go by",
				"languages %q and %q both have the languageCode %q", other, l.Key, l.LanguageCode)
		}
		code[lc] = l.Key
	}
}

// unknownLanguageKeys warns about keys of a [languages.XX] table that
// Signpost does not use (a misspelt direction would leave Urdu left to
// right without a word).
func (c *Config) unknownLanguageKeys(raw map[string]any, probs *diag.List) {
	tables, _ := raw["languages"].(map[string]any)
	for _, k := range slices.Sorted(maps.Keys(tables)) {
		t, _ := tables[k].(map[string]any)
		for _, key := range slices.Sorted(maps.Keys(t)) {
			if slices.Contains(languageKeys, key) {
				continue
			}
			probs.Warnf(c.file(), c.languageLine(k, key), 0, diag.Suggest(key, languageKeys, "a language sets "+strings.Join(languageKeys, ", ")),
				"unknown key %q in the language %q", key, k)
		}
	}
}

// languageLine is the line of the config file that sets key in language
// lang's table ([languages.ur] in TOML, ur: under languages: in YAML), or
// the table's own line when key is "" or unset; 1 when not found.
func (c *Config) languageLine(lang, key string) int {
	lines := strings.Split(string(c.src), "\n")
	head := regexp.MustCompile(`^\s*(\[\s*languages\.["']?` + regexp.QuoteMeta(lang) + `["']?\s*\]|["']?` + regexp.QuoteMeta(lang) + `["']?\s*:\s*$)`)
	keyRe := regexp.MustCompile(`^\s*["']?` + regexp.QuoteMeta(key) + `["']?\s*[:=]`)
	start := -1
	for i, l := range lines {
		if head.MatchString(l) {
			start = i
			break
		}
	}
	if start < 0 {
		return c.Line("languages")
	}
	if key == "" {
		return start + 1
	}
	for i := start + 1; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(strings.TrimSpace(l), "[") && !strings.HasPrefix(strings.TrimSpace(l), "[languages."+lang+".") {
			break
		}
		if keyRe.MatchString(l) {
			return i + 1
		}
	}
	return start + 1
}

// mergeParams is the site's params with a language's on top, so that a
// language overrides one param and inherits the rest (Hugo does the same).
func mergeParams(site, lang map[string]any) map[string]any {
	out := maps.Clone(site)
	if out == nil {
		out = map[string]any{}
	}
	for k, v := range lang {
		if sub, ok := v.(map[string]any); ok {
			if base, ok := out[k].(map[string]any); ok {
				out[k] = mergeParams(base, sub)
				continue
			}
		}
		out[k] = v
	}
	return out
}
