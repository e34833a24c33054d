package i18n

import (
	"html/template"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/signpost/signpost/internal/config"
)

func load(t *testing.T, site fstest.MapFS) (*Catalogue, string) {
	t.Helper()
	site["signpost.toml"] = &fstest.MapFile{Data: []byte(`
[languages.en]
name = "English"
languageCode = "en-GB"
[languages.cy]
name = "Cymraeg"
[languages.pl]
name = "Polski"
[languages.ur]
name = "اردو"
direction = "rtl"
`)}
	cfg, probs := config.Load(site)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	theme := fstest.MapFS{"i18n/en.toml": {Data: []byte("[pages]\none = \"{{ .Count }} page\"\nother = \"{{ .Count }} pages\"\n[hello]\nother = \"Hello\"\n[link]\nother = \"<a href=\\\"{{ .URL }}\\\">{{ .Title }}</a>\"\n")}}
	c, lp := Load(site, theme, cfg)
	var b strings.Builder
	for _, p := range lp {
		b.WriteString(p.String() + "\n")
	}
	return c, b.String()
}

func TestLookupAndFallback(t *testing.T) {
	c, probs := load(t, fstest.MapFS{
		"i18n/cy.toml": {Data: []byte("[pages]\nzero = \"{{ .Count }} tudalennau\"\none = \"{{ .Count }} dudalen\"\ntwo = \"{{ .Count }} dudalen\"\nfew = \"{{ .Count }} tudalen\"\nmany = \"{{ .Count }} thudalen\"\nother = \"{{ .Count }} tudalen\"\n")},
		"i18n/pl.toml": {Data: []byte("[pages]\none = \"{{ .Count }} strona\"\nfew = \"{{ .Count }} strony\"\nmany = \"{{ .Count }} stron\"\nother = \"{{ .Count }} strony\"\n[hello]\nother = \"Cześć\"\n[helo]\nother = \"x\"\n")},
	})
	for _, tc := range []struct {
		lang, id string
		n        any
		want     string
	}{
		{"en", "pages", 1, "1 page"}, {"en", "pages", 2, "2 pages"},
		{"cy", "pages", 0, "0 tudalennau"}, {"cy", "pages", 2, "2 dudalen"}, {"cy", "pages", 3, "3 tudalen"}, {"cy", "pages", 6, "6 thudalen"},
		{"pl", "pages", 1, "1 strona"}, {"pl", "pages", 3, "3 strony"}, {"pl", "pages", 5, "5 stron"}, {"pl", "pages", 22, "22 strony"},
		{"pl", "hello", nil, "Cześć"},
		{"cy", "hello", nil, "Hello"},     // missing: the default language
		{"ur", "pages", 2, "2 pages"},     // no file: the default language
		{"cy", "nothing", nil, "nothing"}, // nowhere: the key
	} {
		var data map[string]any
		if tc.n != nil {
			data = map[string]any{"Count": tc.n}
		}
		if got := c.T(tc.lang, tc.id, data); got != tc.want {
			t.Errorf("T(%s, %s, %v) = %q, want %q", tc.lang, tc.id, tc.n, got, tc.want)
		}
	}
	for _, want := range []string{
		"i18n/cy.toml: warning: 2 messages are missing and show in English: hello, link",
		`i18n/pl.toml:8: warning: message "helo" is not one the theme uses`,
		"i18n/ur.toml: warning: there is no i18n/ur.toml",
		"i18n/pl.toml: warning: 1 message is missing and shows in English: link",
	} {
		if !strings.Contains(probs, want) {
			t.Errorf("problems lack %q:\n%s", want, probs)
		}
	}
	if got := c.TH("en", "link", map[string]any{"URL": "/a?b&c", "Title": "Tom & <Jerry>"}); got != `<a href="/a?b&amp;c">Tom &amp; &lt;Jerry&gt;</a>` {
		t.Errorf("TH = %s", got)
	}
}

// Forms gives a script each plural form the language has.
func TestForms(t *testing.T) {
	c, _ := load(t, fstest.MapFS{
		"i18n/pl.toml": {Data: []byte("[pages]\none = \"{{ .Count }} strona\"\nfew = \"{{ .Count }} strony\"\nmany = \"{{ .Count }} stron\"\nother = \"{{ .Count }} strony\"\n")},
	})
	n := map[string]any{"Count": "{n}"}
	for lang, want := range map[string]map[string]string{
		"en": {"one": "{n} page", "other": "{n} pages"},
		"pl": {"one": "{n} strona", "few": "{n} strony", "many": "{n} stron", "other": "{n} strony"},
		// no Welsh message: the English one, in English's forms
		"cy": {"one": "{n} page", "other": "{n} pages"},
	} {
		if got := c.Forms(lang, "pages", n); !reflect.DeepEqual(got, want) {
			t.Errorf("Forms(%s) = %v, want %v", lang, got, want)
		}
	}
	if got := pluralForms((&config.Language{LanguageCode: "cy"}).Tag()); !reflect.DeepEqual(got, []string{"zero", "one", "two", "few", "many", "other"}) {
		t.Errorf("Welsh forms = %v", got)
	}
	if got := pluralForms((&config.Language{LanguageCode: "ur"}).Tag()); !reflect.DeepEqual(got, []string{"one", "other"}) {
		t.Errorf("Urdu forms = %v", got)
	}
}

// TestFilledAsLocalized: T fills a simple message's placeholders itself;
// for every message of the bundled site in every language, with full,
// partial, plural and odd data, it writes what go-i18n's template writes.
func TestFilledAsLocalized(t *testing.T) {
	root := os.DirFS("../..")
	cfg, probs := config.Load(root)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	c, _ := Load(nil, root, cfg)
	datas := []map[string]any{
		{"URL": "/a/?b=1&c=<d>", "Title": `Tom & "Jerry"`, "Date": "3 May 2026", "Email": "a@b.org", "Query": "{n}", "Home": "/",
			"Country": "UK", "Year": 2026, "Name": "N", "Month": "May", "Hours": 24, "Day": 3, "Language": "Cymraeg"},
		{"URL": "/only/"},
		{"Title": template.HTML("<b>x</b>"), "URL": 7.5, "Date": nil},
		{"Count": 2, "Title": "t", "URL": "/u/", "Query": "q"},
	}
	filled := 0
	for _, l := range cfg.Langs {
		for id := range c.msgs[l.Key] {
			for _, d := range datas {
				if got, want := c.T(l.Key, id, d), c.localize(l.Key, id, d); got != want {
					t.Errorf("%s %s %v: T = %q, go-i18n writes %q", l.Key, id, d, got, want)
				}
				if _, ok := c.filled(l.Key, id, d); ok {
					filled++
				}
			}
		}
	}
	if filled < 100 {
		t.Errorf("only %d messages filled by substitution", filled)
	}
}
