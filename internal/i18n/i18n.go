// Package i18n holds the words of the theme in each of the site's
// languages: the message files i18n/XX.toml (or .yaml) of the site and of
// the theme, in go-i18n's format, with CLDR plural forms. A message is
// looked up in the page's language, then the default language, then it is
// its own key, so a missing translation shows English rather than nothing.
package i18n

import (
	"errors"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"

	"github.com/goccy/go-yaml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/diag"
)

// Dir is the folder of message files, in a site and in the theme.
const Dir = "i18n"

// Catalogue is every language's messages. It is safe for concurrent use.
type Catalogue struct {
	bundle *goi18n.Bundle
	// langs are the localizers by language key.
	langs map[string]*goi18n.Localizer
	// ids are the message ids each language's files define.
	ids map[string]map[string]bool
	// files are the message files read, by language key (site ones win
	// over the theme's, key by key).
	files map[string][]string
	// srcs are the site's message files, by name, to place problems.
	srcs map[string][]byte
	// fallback speaks English, for a site with no English language.
	fallback *goi18n.Localizer
	// msgs are each language's messages by id (the site's over the
	// theme's), for their plural forms.
	msgs map[string]map[string]*goi18n.Message
	tags map[string]language.Tag
	def  string
	// simple are the messages of each language whose text is only words
	// and {{ .Name }} placeholders, as pieces, by language and id (see
	// filled).
	simple map[string]map[string][]piece
	// plain holds the text of messages asked for without data, by
	// language, then id (a map for each language, so that finding one
	// makes no key string): every page asks for the same few dozen, and
	// go-i18n finds, parses and executes each anew (about 2% of a
	// build's CPU). A Catalogue does not change after Load.
	plain map[string]*sync.Map
}

// formats are the file endings read, with their decoders.
var formats = map[string]goi18n.UnmarshalFunc{".toml": toml.Unmarshal, ".yaml": yaml.Unmarshal, ".yml": yaml.Unmarshal}

// Load reads the message files of each language from the theme, then
// the site (whose messages replace the theme's of the same id). It
// reports files that cannot be read or decoded at their line, and the
// messages a language's files lack (warnings naming the file).
func Load(site, theme fs.FS, cfg *config.Config) (*Catalogue, diag.List) {
	var probs diag.List
	def := cfg.DefaultLanguage()
	c := &Catalogue{bundle: goi18n.NewBundle(def.Tag()), langs: map[string]*goi18n.Localizer{},
		ids: map[string]map[string]bool{}, files: map[string][]string{}, srcs: map[string][]byte{}, def: def.Key,
		msgs: map[string]map[string]*goi18n.Message{}, tags: map[string]language.Tag{}, simple: map[string]map[string][]piece{}, plain: map[string]*sync.Map{}}
	for _, l := range cfg.Langs {
		c.ids[l.Key] = map[string]bool{}
		c.msgs[l.Key] = map[string]*goi18n.Message{}
		c.tags[l.Key] = l.Tag()
		c.read(theme, true, l, &probs)
		c.read(site, false, l, &probs)
		tags := []string{l.Tag().String()}
		if !l.Default {
			tags = append(tags, def.Tag().String())
		}
		c.langs[l.Key] = goi18n.NewLocalizer(c.bundle, tags...)
		c.simple[l.Key] = simpleMessages(c.msgs[l.Key])
		c.plain[l.Key] = new(sync.Map)
	}
	if c.ids[english] == nil {
		c.english(site, theme)
	}
	if cfg.Multilingual() {
		c.missing(cfg, &probs)
	}
	return c, probs
}

// english is the key of the theme's own language, the last fallback.
const english = "en"

// english loads the English messages as the last fallback of a site none
// of whose languages is English: the theme's words are written in
// English first, and an English word is better than a message id.
func (c *Catalogue) english(site, theme fs.FS) {
	l := &config.Language{Key: english, LanguageCode: english}
	bundle := c.bundle
	c.bundle = goi18n.NewBundle(l.Tag())
	c.ids[english] = map[string]bool{}
	var ignore diag.List // the site's languages' problems are reported; these are a fallback
	c.read(theme, true, l, &ignore)
	c.read(site, false, l, &ignore)
	c.fallback = goi18n.NewLocalizer(c.bundle, english)
	c.bundle = bundle
	delete(c.files, english)
}

// read adds one language's message files from fsys.
func (c *Catalogue) read(fsys fs.FS, isTheme bool, l *config.Language, probs *diag.List) {
	if fsys == nil {
		return
	}
	for _, ext := range slices.Sorted(maps.Keys(formats)) {
		name := path.Join(Dir, l.Key+ext)
		src, err := fs.ReadFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		shown := name
		if isTheme {
			shown = "theme:" + name
		}
		if err != nil {
			probs.Add(diag.ReadProblem(name, err))
			continue
		}
		var raw map[string]any
		format := strings.TrimPrefix(ext, ".")
		if format == "yml" {
			format = "yaml"
		}
		if p, ok := config.Decode(format, shown, src, &raw); !ok {
			probs.Add(p)
			continue
		}
		msgs, err := goi18n.ParseMessageBytes(config.StripBOM(src), formats[ext])
		if err == nil {
			err = c.bundle.AddMessages(l.Tag(), msgs...)
		}
		if err != nil {
			probs.Errorf(shown, 1, 0, `write each message as [key] with other = "…" (and one = "…" for plurals) on the lines below`,
				"the messages cannot be read: %v", err)
			continue
		}
		for _, m := range msgs {
			c.ids[l.Key][m.ID] = true
			if c.msgs[l.Key] != nil {
				c.msgs[l.Key][m.ID] = m
			}
		}
		if !isTheme {
			c.files[l.Key] = append(c.files[l.Key], name)
			c.srcs[name] = src
		}
	}
}

// missing warns, once per file, about the default language's messages a
// translation's file leaves out (they show in the default language), and
// about messages no other file has (a misspelt key is never used).
func (c *Catalogue) missing(cfg *config.Config, probs *diag.List) {
	defIDs := c.ids[c.def]
	def := cfg.DefaultLanguage()
	for _, l := range cfg.Langs {
		if l.Default {
			continue
		}
		files := c.files[l.Key]
		if len(files) == 0 {
			probs.Warnf(path.Join(Dir, l.Key+".toml"), 0, 0, fmt.Sprintf("copy i18n/%s.toml to i18n/%s.toml and translate the text in quotes", def.Key, l.Key),
				"there is no %s/%s.toml: the theme's words (buttons, labels, notices) show in %s on the %s pages", Dir, l.Key, def.Name, l.Name)
			continue
		}
		var gone []string
		for _, id := range slices.Sorted(maps.Keys(defIDs)) {
			if !c.ids[l.Key][id] && !strings.HasPrefix(id, "helpline-") && !strings.HasPrefix(id, "country-") {
				gone = append(gone, id)
			}
		}
		c.unknown(l, defIDs, probs)
		if len(gone) > 0 {
			shown := gone
			if len(shown) > 8 {
				shown = append(slices.Clone(shown[:8]), fmt.Sprintf("and %d more", len(gone)-8))
			}
			what := fmt.Sprintf("%d messages are missing and show", len(gone))
			if len(gone) == 1 {
				what = "1 message is missing and shows"
			}
			probs.Warnf(files[0], 0, 0, fmt.Sprintf("add them, translated, from i18n/%s.toml", def.Key),
				"%s in %s: %s", what, def.Name, strings.Join(shown, ", "))
		}
	}
}

// unknown warns about a translation's messages the default language does
// not have: a misspelt key, which no template looks up.
func (c *Catalogue) unknown(l *config.Language, defIDs map[string]bool, probs *diag.List) {
	for _, name := range c.files[l.Key] {
		msgs, err := goi18n.ParseMessageBytes(config.StripBOM(c.srcs[name]), formats[path.Ext(name)])
		if err != nil {
			continue
		}
		for _, m := range msgs {
			if defIDs[m.ID] || strings.HasPrefix(m.ID, "helpline-") || strings.HasPrefix(m.ID, "country-") || strings.HasPrefix(m.ID, "taxonomy-") {
				continue
			}
			probs.Warnf(name, keyLine(c.srcs[name], m.ID), 0, diag.Suggest(m.ID, slices.Sorted(maps.Keys(defIDs)), "remove it, or name a message of i18n/"+c.def+".toml"),
				"message %q is not one the theme uses", m.ID)
		}
	}
}

// Files are the site's message files read, for messages and rebuilds.
func (c *Catalogue) Files(lang string) []string { return c.files[lang] }

// Has reports whether the language's own files have the message.
func (c *Catalogue) Has(lang, id string) bool { return c.ids[lang][id] }

// T is the message id in lang, with data for its placeholders ({{ .Count
// }} chooses the plural form). It falls back to the default language,
// then to the id itself.
func (c *Catalogue) T(lang, id string, data map[string]any) string {
	if len(data) > 0 {
		if msg, ok := c.filled(lang, id, data); ok {
			return msg
		}
		return c.localize(lang, id, data)
	}
	plain := c.plain[lang]
	if plain == nil { // not one of the site's languages
		return c.localize(lang, id, nil)
	}
	if msg, ok := plain.Load(id); ok {
		return msg.(string)
	}
	msg := c.localize(lang, id, nil)
	plain.Store(id, msg)
	return msg
}

// localize is T without the cache.
func (c *Catalogue) localize(lang, id string, data map[string]any) string {
	loc := c.langs[lang]
	if loc == nil {
		loc = c.langs[c.def]
	}
	if loc == nil {
		return id
	}
	lc := &goi18n.LocalizeConfig{MessageID: id, TemplateData: data}
	if n, ok := data["Count"]; ok {
		lc.PluralCount = n
	}
	// A message found only in the default language comes with an error
	// saying so: the text is still the one to show.
	msg, _ := loc.Localize(lc)
	if msg == "" && c.fallback != nil {
		msg, _ = c.fallback.Localize(lc)
	}
	if msg == "" {
		return id
	}
	return msg
}

// TH is T for a message that holds HTML (a link, emphasis): the message's
// own markup is kept and the data's text is escaped, so that a page title
// with "<" or "&" in it stays text.
func (c *Catalogue) TH(lang, id string, data map[string]any) template.HTML {
	if len(data) == 0 { // the cached text, without an empty map for it
		return template.HTML(c.T(lang, id, nil))
	}
	esc := make(map[string]any, len(data))
	for k, v := range data {
		switch s := v.(type) {
		case template.HTML:
			esc[k] = string(s)
		case string:
			esc[k] = html.EscapeString(s)
		default:
			esc[k] = v
		}
	}
	return template.HTML(c.T(lang, id, esc))
}

// keyLine finds the line of [id] in a message file, for problems.
func keyLine(src []byte, id string) int {
	re := regexp.MustCompile(`^\s*(\[\s*["']?` + regexp.QuoteMeta(id) + `["']?\s*\]|["']?` + regexp.QuoteMeta(id) + `["']?\s*:)`)
	for i, l := range strings.Split(string(src), "\n") {
		if re.MatchString(l) {
			return i + 1
		}
	}
	return 1
}

// Forms are a plural message's text for each plural form (CLDR: zero,
// one, two, few, many, other) the language uses, with data filled in,
// for a script that chooses among them (Intl.PluralRules): data holds
// placeholders such as {n} rather than numbers. A form the message does
// not write is its "other"; a message the language lacks is the default
// language's, in the forms of that language.
func (c *Catalogue) Forms(lang, id string, data map[string]any) map[string]string {
	m := c.msgs[lang][id]
	if m == nil {
		lang = c.def
		m = c.msgs[lang][id]
	}
	if m == nil {
		return map[string]string{"other": id}
	}
	texts := map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other}
	out := map[string]string{}
	for _, form := range pluralForms(c.tags[lang]) {
		text := texts[form]
		if text == "" {
			text = m.Other
		}
		out[form] = fill(text, data)
	}
	return out
}

// formNames are the plural forms by x/text's number.
var formNames = map[plural.Form]string{plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many", plural.Other: "other"}

// pluralForms are the forms a language's cardinal numbers take, found by
// asking its CLDR rules about whole numbers to 1000 and a few fractions;
// "other" always.
func pluralForms(tag language.Tag) []string {
	seen := map[string]bool{"other": true}
	for i := 0; i <= 1000; i++ {
		seen[formNames[plural.Cardinal.MatchPlural(tag, i, 0, 0, 0, 0)]] = true
	}
	for _, f := range []int{1, 5} {
		seen[formNames[plural.Cardinal.MatchPlural(tag, 1, 1, 1, f, f)]] = true
	}
	var out []string
	for _, name := range []string{"zero", "one", "two", "few", "many", "other"} {
		if seen[name] {
			out = append(out, name)
		}
	}
	return out
}

// fill runs a message's placeholders with data; on a fault in the
// message, the message as written.
func fill(text string, data map[string]any) string {
	t, err := texttemplate.New("").Option("missingkey=zero").Parse(text)
	if err != nil {
		return text
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return text
	}
	return b.String()
}

// piece is a part of a simple message: words, or the name of a
// placeholder.
type piece struct {
	text string
	name bool
}

// placeholder is one {{ .Name }} of a message.
var placeholder = regexp.MustCompile(`\{\{ *\.([A-Za-z_][A-Za-z0-9_]*) *\}\}`)

// simpleMessages cuts into pieces the messages whose text (their "other"
// form, the one used without a Count) is words and {{ .Name }}
// placeholders; other messages are left out.
func simpleMessages(msgs map[string]*goi18n.Message) map[string][]piece {
	out := map[string][]piece{}
	for id, m := range msgs {
		if m.LeftDelim != "" || m.RightDelim != "" {
			continue
		}
		var ps []piece
		at := 0
		for _, loc := range placeholder.FindAllStringSubmatchIndex(m.Other, -1) {
			ps = append(ps, piece{text: m.Other[at:loc[0]]}, piece{text: m.Other[loc[2]:loc[3]], name: true})
			at = loc[1]
		}
		ps = append(ps, piece{text: m.Other[at:]})
		if m.Other != "" && !slices.ContainsFunc(ps, func(p piece) bool { return !p.name && strings.Contains(p.text, "{{") }) {
			out[id] = ps
		}
	}
	return out
}

// filled is the message id of lang with its placeholders replaced by
// data's text, when the language has the message, it is simple, no Count
// chooses a plural form and each placeholder has a string or a whole
// number: what go-i18n's template would write, without executing one at
// every call (the data differs from page to page, so the text is not
// kept). ok is false for the others, which localize handles.
func (c *Catalogue) filled(lang, id string, data map[string]any) (msg string, ok bool) {
	ps, ok := c.simple[lang][id]
	if !ok {
		return "", false
	}
	if _, plural := data["Count"]; plural {
		return "", false
	}
	var b strings.Builder
	for _, p := range ps {
		if !p.name {
			b.WriteString(p.text)
			continue
		}
		switch v := data[p.text].(type) {
		case string:
			b.WriteString(v)
		case int:
			b.WriteString(strconv.Itoa(v))
		default: // missing, or a value go-i18n's template prints its own way
			return "", false
		}
	}
	return b.String(), true
}
