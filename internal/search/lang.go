package search

import (
	"strings"
	"sync"
)

// Analyser turns the text of one language into index terms: how words are
// split, which letters are written more than one way, which words are left
// out and whether words are stemmed. The index of a language is written
// with its Analyser, and meta.json carries what the client needs to split
// and fold a query the same way (assets/js/search.js; TestStemMatchesJS
// runs both on the same text).
//
// Only English has stop words, synonyms and a stemmer: each is a list or
// an algorithm someone fluent has to stand behind, and an English one
// applied to Urdu or Polish would drop or merge the wrong words. Every
// other language is searched by whole words (and their beginnings: the
// client finds "zgłosz" in "zgłoszenie"), the rarer words counting more,
// which is what makes common words count little anyway.
type Analyser struct {
	// Lang is the language's primary subtag ("en", "cy", "pl", "ur",
	// "pa"), as the index's meta.json says it.
	Lang string
	// porter stems words with the Porter algorithm (English only).
	porter bool
	// apostrophes inside a word are dropped and join it ("child's" →
	// "childs", which stems to "child"); otherwise an apostrophe splits
	// words, as Welsh writes "i'r" for "i yr" and "mae'n" for "mae yn".
	apostrophes bool
	stop        map[string]bool
	synonyms    map[string][]string
	ask         map[string]bool
	// fold maps a lower-case letter to how the index writes it: ""
	// leaves it out. Letters readers type either way (ŵ and w, ł and l,
	// Arabic ي and Urdu ی, ۳ and 3) meet in one term.
	fold map[rune]string
}

// zero-width joiners are part of the word they sit in: Urdu writes a
// zero-width non-joiner inside a word to stop two letters joining. They are
// left out of its term, so a query finds the word typed with or without.
const (
	zwnj = '\u200c'
	zwj  = '\u200d'
)

var (
	analysersMu sync.Mutex
	analysers   = map[string]*Analyser{}
)

// For returns the Analyser of a language, given as a language key ("ur")
// or a BCP 47 code ("en-GB"); "" is English, the language of a site that
// says none. A language without rules here is split into words and folded
// to lower case only.
func For(lang string) *Analyser {
	key := primary(lang)
	analysersMu.Lock()
	defer analysersMu.Unlock()
	if a := analysers[key]; a != nil {
		return a
	}
	a := newAnalyser(key)
	analysers[key] = a
	return a
}

// primary is the primary subtag of a language code, lower case: "en-GB" →
// "en", "pa_IN" → "pa".
func primary(lang string) string {
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	if lang == "" {
		return "en"
	}
	return strings.ToLower(lang)
}

func newAnalyser(key string) *Analyser {
	a := &Analyser{Lang: key, stop: map[string]bool{}, synonyms: map[string][]string{}, ask: map[string]bool{}, fold: map[rune]string{}}
	switch key {
	case "en":
		a.porter, a.apostrophes, a.stop, a.synonyms, a.ask = true, true, stopWords, synonyms, askWords
	case "cy":
		// To bach (ŵ, ŷ, â…) and the other accents are often left off
		// when typing; the words are not told apart by them in a search.
		foldLetters(a.fold, "âêîôûŵŷäëïöüẅÿáéíóúẃýàèìòùẁỳ", "aeiouwyaeiouwyaeiouwyaeiouwy")
		a.ask = setOf("sut beth ble pwy help cymorth")
	case "pl":
		// Polish is often typed without its letters' marks ("zglos" for
		// "zgłoś") on phones and English keyboards.
		foldLetters(a.fold, "ąćęłńóśźż", "acelnoszz")
		a.ask = setOf("jak co gdzie kto pomoc pomocy")
	case "ur":
		foldUrdu(a.fold)
		a.ask = setOf("کیسے کیا کہاں کون مدد")
	case "pa":
		// Gurmukhi's nukta letters (ਸ਼ and ਸ + ਼) meet by NFKC, which
		// keeps them decomposed; only digits are folded.
		foldDigits(a.fold, '\u0a66')
		a.ask = setOf("ਕਿਵੇਂ ਕੀ ਕਿੱਥੇ ਕੌਣ ਮਦਦ")
	}
	return a
}

func foldLetters(fold map[rune]string, from, to string) {
	t := []rune(to)
	for i, r := range []rune(from) {
		fold[r] = string(t[i])
	}
}

// foldDigits maps the ten digits from zero to ASCII digits: phone numbers
// are written 0808 800 5000, and a reader may type them in their script.
func foldDigits(fold map[rune]string, zero rune) {
	for i := range rune(10) {
		fold[zero+i] = string('0' + i)
	}
}

// foldUrdu: the vowel marks (zabar, zer, pesh…) are written only now and
// then and never typed in a search; Arabic keyboards give ي, ك and ه where
// Urdu writes ی, ک and ہ; and the hamza on ئ and ۂ is written both as one
// letter and as a letter and a mark, so both become letter and mark.
func foldUrdu(fold map[rune]string) {
	for r := rune(0x064b); r <= 0x065f; r++ {
		if r != 0x0654 && r != 0x0655 { // hamza above and below stay: they are letters' parts
			fold[r] = ""
		}
	}
	fold['\u0670'] = "" // superscript alef
	fold['\u0640'] = "" // tatweel, a stretch of the line between letters
	fold['\u064a'] = "\u06cc"
	fold['\u0649'] = "\u06cc"
	fold['\u0643'] = "\u06a9"
	fold['\u0647'] = "\u06c1"
	fold['\u0626'] = "\u06cc\u0654"
	fold['\u06c2'] = "\u06c1\u0654"
	foldDigits(fold, '\u06f0')
	foldDigits(fold, '\u0660')
}

// foldTable is the fold map as meta.json writes it.
func (a *Analyser) foldTable() map[string]string {
	if len(a.fold) == 0 {
		return nil
	}
	out := make(map[string]string, len(a.fold))
	for r, s := range a.fold {
		out[string(r)] = s
	}
	return out
}
