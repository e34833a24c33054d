package search

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// tokeniserCases are real sentences of each language and the words the
// index makes of them (TestStemMatchesJS checks the client splits them
// the same way).
var tokeniserCases = map[string][]struct {
	in    string
	words []string
}{
	"ur": {
		// "If your child is in danger right now, call 999." The full stop
		// ۔ ends a word; ی, ک and ہ are Urdu's own letters.
		{"اگر آپ کے بچے کو فوری خطرہ ہے تو 999 پر کال کریں۔", []string{"اگر", "آپ", "کے", "بچے", "کو", "فوری", "خطرہ", "ہے", "تو", "999", "پر", "کال", "کریں"}},
		// Vowel marks (zabar, shadda) left out; Arabic kaf and yeh read as
		// Urdu's; Urdu digits as 0–9; a zero-width non-joiner inside
		// "ای‌میل" (e-mail) keeps it one word.
		{"بَچّے كي حفاظت ۱۱۱ ای\u200cمیل", []string{"بچے", "کی", "حفاظت", "111", "ایمیل"}},
		// Yeh with hamza as one letter and as a letter and a mark.
		{"گئے گیٔے", []string{"گیٔے", "گیٔے"}},
		// English words on an Urdu page: lower case, not stemmed.
		{"CEOP اور NSPCC سے رابطہ کریں", []string{"ceop", "اور", "nspcc", "سے", "رابطہ", "کریں"}},
	},
	"pa": {
		// "If your child is in danger, call 999." Vowel signs (ੇ ਾ ਿ ੈ
		// ੋ), addak (ੱ) and bindi (ਂ) are inside words; the danda ।
		// and the apostrophe of 'ਤੇ end them. ਖ਼ and ਫ਼ are written as one
		// letter here and as letter + nukta below: they meet.
		{"ਜੇ ਤੁਹਾਡਾ ਬੱਚਾ \u0a59ਤਰੇ ਵਿੱਚ ਹੈ ਤਾਂ 999 'ਤੇ \u0a5eੋਨ ਕਰੋ।", []string{"ਜੇ", "ਤੁਹਾਡਾ", "ਬੱਚਾ", "ਖ\u0a3cਤਰੇ", "ਵਿੱਚ", "ਹੈ", "ਤਾਂ", "999", "ਤੇ", "ਫ\u0a3cੋਨ", "ਕਰੋ"}},
		{"ਖ\u0a3cਤਰੇ ਫ\u0a3cੋਨ", []string{"ਖ\u0a3cਤਰੇ", "ਫ\u0a3cੋਨ"}},
		// The virama (੍) joins ਪ and ਰ inside "ਪ੍ਰਾਈਵੇਸੀ"; Gurmukhi digits.
		{"ਪ੍ਰਾਈਵੇਸੀ ਸੈਟਿੰਗਾਂ ੯੯੯", []string{"ਪ੍ਰਾਈਵੇਸੀ", "ਸੈਟਿੰਗਾਂ", "999"}},
	},
	"pl": {
		// "Report it to the police if a child is in danger": lower case,
		// and the marks left off, as readers often type them.
		{"Zgłoś to na policję, jeśli dziecku grozi niebezpieczeństwo.", []string{"zglos", "to", "na", "policje", "jesli", "dziecku", "grozi", "niebezpieczenstwo"}},
		{"ŹRÓDŁO: Łódź, Żółć — nie wysyłaj zdjęć", []string{"zrodlo", "lodz", "zolc", "nie", "wysylaj", "zdjec"}},
	},
	"cy": {
		// "If your child is in danger, phone 999": the apostrophe of
		// yw'ch stands for a word (eich) and splits.
		{"Os yw'ch plentyn mewn perygl, ffoniwch 999.", []string{"os", "yw", "ch", "plentyn", "mewn", "perygl", "ffoniwch", "999"}},
		{"Mae’n bwysig siarad â'ch plentyn, a’i ŵyr", []string{"mae", "n", "bwysig", "siarad", "a", "ch", "plentyn", "a", "i", "wyr"}},
	},
	"en": {
		{"Don't panic: it's your child’s phone", []string{"dont", "panic", "its", "your", "childs", "phone"}},
		// A letter written as e + combining acute is one word, as é is.
		{"cafe\u0301 café ﬁle", []string{"café", "café", "file"}},
	},
}

func TestTokeniser(t *testing.T) {
	for lang, cases := range tokeniserCases {
		for _, c := range cases {
			if got := For(lang).Words(c.in); !reflect.DeepEqual(got, c.words) {
				t.Errorf("%s: Words(%q)\n got %q\nwant %q", lang, c.in, got, c.words)
			}
		}
	}
}

// TestOnlyEnglishIsStemmed: English stop words, stemming and synonyms are
// not applied to other languages, whatever words their pages hold.
func TestOnlyEnglishIsStemmed(t *testing.T) {
	for _, c := range []struct {
		lang, in string
		terms    []string
	}{
		{"en", "The photos of my children", []string{"photo", "children"}},
		{"en-GB", "The photos of my children", []string{"photo", "children"}},
		{"", "The photos of my children", []string{"photo", "children"}},
		{"cy", "The photos of my children", []string{"the", "photos", "of", "my", "children"}},
		{"ur", "The photos", []string{"the", "photos"}},
		{"pl", "Nie wysyłaj zdjęć", []string{"nie", "wysylaj", "zdjec"}},
		{"pa-IN", "ਬੱਚੇ ਦੀ ਸੁਰੱਖਿਆ", []string{"ਬੱਚੇ", "ਦੀ", "ਸੁਰੱਖਿਆ"}},
		{"bn", "শিশুর নিরাপত্তা", []string{"শিশুর", "নিরাপত্তা"}}, // a language without rules: words only
	} {
		if got := For(c.lang).Terms(c.in); !reflect.DeepEqual(got, c.terms) {
			t.Errorf("%q: Terms(%q) = %q, want %q", c.lang, c.in, got, c.terms)
		}
	}
}

// TestIndexPerLanguage: Write indexes the pages of one language, and its
// meta.json says how the client splits that language's queries.
func TestIndexPerLanguage(t *testing.T) {
	docs := []*Doc{
		Analyse(Page{URL: "/report/", Title: "Report photos", HTML: []byte("<p>Report it.</p>")}),
		Analyse(Page{URL: "/ur/report/", Lang: "ur", Title: "رپورٹ کریں", HTML: []byte("<p>پولیس کو بتائیں</p>")}),
		Analyse(Page{URL: "/pl/report/", Lang: "pl", Title: "Zgłoś", HTML: []byte("<p>Zadzwoń na policję.</p>")}),
	}
	for _, c := range []struct {
		lang, url, term string
		stem            string
		stop, fold      bool
	}{
		{"en-GB", "/report/", "photo", "porter", true, false},
		{"ur", "/ur/report/", "پولیس", "", false, true},
		{"pl", "/pl/report/", "zglos", "", false, true},
	} {
		files := Write(c.lang, docs)
		var meta Meta
		var shard map[string]string
		var chunk [][]any
		for _, f := range files {
			switch f.Path {
			case Dir + "meta.json":
				json.Unmarshal(f.Data, &meta)
			case Dir + "t0.json":
				json.Unmarshal(f.Data, &shard)
			case Dir + "d0.json":
				json.Unmarshal(f.Data, &chunk)
			}
		}
		if meta.Docs != 1 || len(chunk) != 1 || chunk[0][1] != c.url {
			t.Errorf("%s: index of %d pages (%v), want only %s", c.lang, meta.Docs, chunk, c.url)
		}
		if _, ok := shard[c.term]; !ok {
			t.Errorf("%s: no term %q in %v", c.lang, c.term, shard)
		}
		if meta.Lang != primary(c.lang) || meta.Stem != c.stem || (len(meta.Stop) > 0) != c.stop || (len(meta.Fold) > 0) != c.fold || len(meta.Synonyms) > 0 != c.stop {
			t.Errorf("%s: meta says lang %q stem %q, %d stop words, %d synonyms, %d folds", c.lang, meta.Lang, meta.Stem, len(meta.Stop), len(meta.Synonyms), len(meta.Fold))
		}
	}
}

// TestRankingPerLanguage: queries typed as readers type them (no Polish
// marks, Arabic letters for Urdu, no Welsh to bach, Gurmukhi with its
// nukta written apart) find the page of their language.
func TestRankingPerLanguage(t *testing.T) {
	page := func(lang, url, title, body string) *Doc {
		return Analyse(Page{URL: url, Lang: lang, Title: title, HTML: []byte(body)})
	}
	for _, c := range []struct {
		lang  string
		docs  []*Doc
		query string
		first string
	}{
		{"pl", []*Doc{
			page("pl", "/pl/a/", "Zgłoś to na policję", "<p>Zadzwoń pod numer 999.</p>"),
			page("pl", "/pl/b/", "Ustawienia prywatności", "<p>Ustaw konto jako prywatne.</p>"),
		}, "zglos policja", "/pl/a/"},
		{"ur", []*Doc{
			page("ur", "/ur/a/", "اگر آپ کو فوری خطرہ ہے", "<p>پولیس کو 999 پر کال کریں۔</p>"),
			page("ur", "/ur/b/", "پرائیویسی کی ترتیبات", "<p>اکاؤنٹ کو نجی رکھیں۔</p>"),
		}, "پوليس كو كال", "/ur/a/"},
		{"pa", []*Doc{
			page("pa", "/pa/a/", "ਪ੍ਰਾਈਵੇਸੀ ਸੈਟਿੰਗਾਂ", "<p>ਖਾਤੇ ਨੂੰ ਨਿੱਜੀ ਰੱਖੋ।</p>"),
			page("pa", "/pa/b/", "\u0a59ਤਰੇ ਵਿੱਚ", "<p>999 'ਤੇ \u0a5eੋਨ ਕਰੋ।</p>"),
		}, "ਖ\u0a3cਤਰੇ ਫ\u0a3cੋਨ", "/pa/b/"},
		{"cy", []*Doc{
			page("cy", "/cy/a/", "Siarad â'ch plentyn", "<p>Gofynnwch i'ch plentyn am ei ŵyr.</p>"),
			page("cy", "/cy/b/", "Rhoi gwybod", "<p>Ffoniwch yr heddlu.</p>"),
		}, "siarad a plentyn", "/cy/a/"},
	} {
		got := rankJSLang(t, c.lang, c.docs, []string{c.query})
		if len(got[0]) == 0 || strings.Split(got[0][0], "#")[0] != c.first {
			t.Errorf("%s: %q found %v, want %s first", c.lang, c.query, got[0], c.first)
		}
	}
}
