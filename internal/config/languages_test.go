package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

const fiveLanguages = `title = "Signpost"
languageCode = "en-GB"
defaultContentLanguage = "en"
[params]
exitURL = "https://www.bbc.co.uk/weather"
[languages.en]
name = "English"
weight = 1
[languages.ur]
name = "اردو"
weight = 4
direction = "rtl"
title = "سائن پوسٹ"
[languages.ur.params]
shortTitle = "سائن پوسٹ"
[languages.cy]
name = "Cymraeg"
weight = 2
contentDir = "content/cy/"
urlPrefix = "/welsh/"
`

func TestLanguages(t *testing.T) {
	c, probs := Load(fstest.MapFS{"signpost.toml": {Data: []byte(fiveLanguages)}})
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	var keys []string
	for _, l := range c.Langs {
		keys = append(keys, l.Key+":"+l.Prefix+":"+l.LanguageCode+":"+l.Direction)
	}
	if got, want := strings.Join(keys, " "), "en::en-GB:ltr cy:welsh:cy:ltr ur:ur:ur:rtl"; got != want {
		t.Errorf("languages = %s, want %s", got, want)
	}
	if !c.Multilingual() || c.DefaultLanguage().Key != "en" || c.Language("cy").ContentDir != "content/cy" {
		t.Errorf("bad languages: %+v", c.Langs)
	}
	ur := c.Language("ur")
	if ur.Title != "سائن پوسٹ" || ur.Params["shortTitle"] != "سائن پوسٹ" || ur.Params["exitURL"] != "https://www.bbc.co.uk/weather" || !ur.IsRTL() {
		t.Errorf("ur = %+v", ur)
	}
	if c.Language("cy").Title != "Signpost" {
		t.Errorf("cy inherits the site title, got %q", c.Language("cy").Title)
	}
}

// A site without [languages] has one language at the root, made from the
// top-level keys.
func TestOneLanguage(t *testing.T) {
	c, probs := Load(fstest.MapFS{"signpost.toml": {Data: []byte("title = \"S\"\nlanguageCode = \"en-GB\"\n")}})
	if len(probs) != 0 || c.Multilingual() || len(c.Langs) != 1 {
		t.Fatalf("problems %v, langs %+v", probs, c.Langs)
	}
	if l := c.Langs[0]; l.Key != "en" || l.Prefix != "" || l.LanguageCode != "en-GB" || l.Title != "S" || l.Direction != "ltr" {
		t.Errorf("language = %+v", l)
	}
}

// Every problem of the languages names its line, with a hint.
func TestLanguageProblems(t *testing.T) {
	for name, tc := range map[string]struct{ src, want string }{
		"direction":      {"[languages.en]\nname = \"English\"\n[languages.ur]\nname = \"اردو\"\ndirection = \"right\"\n", `signpost.toml:5: error: languages.ur.direction "right" is neither "ltr" nor "rtl"`},
		"no default":     {"defaultContentLanguage = \"en\"\n[languages.cy]\nname = \"Cymraeg\"\n[languages.pl]\nname = \"Polski\"\n", `signpost.toml:1: error: the default language "en" is not one of the site's languages`},
		"same prefix":    {"[languages.en]\nname = \"English\"\n[languages.cy]\nname = \"Cymraeg\"\nurlPrefix = \"/x/\"\n[languages.pl]\nname = \"Polski\"\nurlPrefix = \"x\"\n", `signpost.toml:8: error: languages "cy" and "pl" are both published at /x/`},
		"root prefix":    {"[languages.en]\nname = \"English\"\n[languages.pl]\nname = \"Polski\"\nurlPrefix = \"\"\n", `signpost.toml:5: error: languages "en" and "pl" are both published at the site root`},
		"bad prefix":     {"[languages.en]\nname = \"English\"\n[languages.pl]\nname = \"Polski\"\nurlPrefix = \"/a/../b/\"\n", `signpost.toml:5: error: languages.pl.urlPrefix "/a/../b/" is not a plain path`},
		"bad key":        {"[languages.en]\nname = \"English\"\n[languages.Urdu]\nname = \"اردو\"\n", `signpost.toml:3: error: language key "Urdu" cannot end a file name`},
		"bad code":       {"[languages.en]\nname = \"English\"\n[languages.ur]\nname = \"اردو\"\nlanguageCode = \"urdu language\"\n", `signpost.toml:5: error: languages.ur.languageCode "urdu language" is not a language tag`},
		"same code":      {"[languages.en]\nname = \"English\"\nlanguageCode = \"en\"\n[languages.eo]\nname = \"E\"\nlanguageCode = \"EN\"\n", `signpost.toml:6: error: languages "en" and "eo" both have the languageCode "EN"`},
		"no name":        {"[languages.en]\nname = \"English\"\n[languages.pa]\nweight = 2\n", `signpost.toml:3: warning: language "pa" has no name`},
		"unknown key":    {"[languages.en]\nname = \"English\"\n[languages.ur]\nname = \"اردو\"\ndirecton = \"rtl\"\n", `signpost.toml:5: warning: unknown key "directon" in the language "ur"`},
		"content dir":    {"[languages.en]\nname = \"English\"\n[languages.ur]\nname = \"اردو\"\ncontentDir = \"../ur\"\n", `signpost.toml:5: error: languages.ur.contentDir "../ur" is not a folder inside the site`},
		"same dir":       {"[languages.en]\nname = \"English\"\n[languages.ur]\nname = \"U\"\ncontentDir = \"c/x\"\n[languages.pa]\nname = \"P\"\ncontentDir = \"c/x/\"\n", `signpost.toml:5: error: languages "pa" and "ur" both read their pages from c/x`},
		"yaml direction": {"languages:\n  en:\n    name: English\n  ur:\n    name: اردو\n    direction: right\n", `signpost.yaml:6: error: languages.ur.direction "right"`},
	} {
		t.Run(name, func(t *testing.T) {
			file := "signpost.toml"
			if strings.HasPrefix(name, "yaml") {
				file = "signpost.yaml"
			}
			_, probs := Load(fstest.MapFS{file: {Data: []byte(tc.src)}})
			if len(probs) != 1 || !strings.Contains(probs[0].String(), tc.want) || probs[0].Hint == "" {
				t.Fatalf("problems: %v, want %s", probs, tc.want)
			}
		})
	}
}
