package check

import (
	"math"
	"math/rand/v2"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSyllables(t *testing.T) {
	for _, tc := range []struct {
		word string
		want int
	}{
		{"cat", 1}, {"phone", 1}, {"table", 2}, {"family", 3}, {"beautiful", 3},
		{"wanted", 2}, {"asked", 1}, {"makes", 1}, {"party", 2}, {"yes", 1},
		{"information", 4}, {"face-to-face", 3}, {"999", 1}, {"Childline", 2},
	} {
		if got := Syllables(tc.word); got != tc.want {
			t.Errorf("Syllables(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Stay calm. Listen to them.", []string{"Stay calm.", "Listen to them."}},
		{"Is it safe? Yes! Ask them.", []string{"Is it safe?", "Yes!", "Ask them."}},
		{"Block them. iPhones can also do this.", []string{"Block them.", "iPhones can also do this."}},
		{"Use an app, e.g. Snapchat, with care. Then stop.", []string{"Use an app, e.g. Snapchat, with care.", "Then stop."}},
		{"It costs £1.50 a month.", []string{"It costs £1.50 a month."}},
		{"They said “stop.” Then they left.", []string{"They said “stop.”", "Then they left."}},
		{"No full stop at the end", []string{"No full stop at the end"}},
	} {
		if got := sentences(tc.in, english.abbreviations); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("sentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGrade(t *testing.T) {
	// 100 words, 5 sentences, 150 syllables: 0.39×20 + 11.8×1.5 − 15.59 = 9.91.
	if g := (Stats{Words: 100, Sentences: 5, Syllables: 150}).Grade(); math.Abs(g-9.91) > 1e-9 {
		t.Errorf("grade = %v", g)
	}
	easy := Measure([]string{"The cat sat on the mat. The dog ran to the park. We had fun."})
	hard := Measure([]string{"Comprehensive organisational accountability necessitates institutional verification of authoritative documentation, particularly regarding international communication infrastructure."})
	if easy.Grade() > 2 || hard.Grade() < 20 {
		t.Errorf("easy %.1f, hard %.1f", easy.Grade(), hard.Grade())
	}
	if easy.Sentences != 3 || easy.Words != 15 {
		t.Errorf("easy = %+v", easy)
	}
}

func TestProse(t *testing.T) {
	got := prose([]byte(`<h2>Skip me</h2><p>One <a href="#">two</a> three.</p><ul><li>Four</li><li>Five <code>x</code></li></ul><pre><code>no</code></pre><div class="block"><p class="label">Warning</p><p>Six.</p></div>`))
	want := []string{"One two three.", "Four", "Five code", "Warning", "Six."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("prose = %q, want %q", got, want)
	}
}

// simple is easy prose of more than MinReadingWords.
var simple = strings.Repeat("You can help your child stay safe. Talk to them often. ", 6)

// hard is prose well above grade 9.
var hard = strings.Repeat("Organisations investigating exploitation recommend documenting communications comprehensively. ", 8)

func TestReadability(t *testing.T) {
	para := func(s string) string { return "<p>" + s + "</p>" }
	long := "If someone you do not know sends your child a message asking them to keep a secret from you or to move to another app you should save it and report it."
	for _, tc := range []pageCase{
		{name: "long sentence", md: good + "\nStart.\n\n" + long + "\n", content: para("Start.") + para(long),
			want: []string{`content/a.md:8:1: warning: sentence of 32 words, over 25: "If someone you do not know sends your…"`}},
		{name: "hard page", md: good + "\n" + hard + "\n", content: para(hard),
			want: []string{`content/a.md:5: warning: reading grade 41.1 is above the site's limit of 9`}},
		{name: "config raises the limit", md: good + "\n" + hard + "\n", content: para(hard), cfg: "[params]\nreadingGrade = 45\n"},
		{name: "page raises the limit", md: "---\ntitle: A\ndescription: B.\nparams:\n  readingGrade: 45.5\n---\n" + hard + "\n", content: para(hard)},
		{name: "not English", md: good + "\n" + hard + "\n" + long + "\n", content: para(hard) + para(long), cfg: "languageCode = \"fr\"\n"},
		{name: "too short to grade", md: good + "\nOrganisations investigating exploitation.\n", content: para("Organisations investigating exploitation.")},
		{name: "plain", md: good + "\n" + simple + "\n", content: para(simple) + "<ul><li>Stay calm</li><li>Listen</li></ul>"},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t) })
	}
}

// Long sentences of real guidance, each over 25 words, in the languages
// the bundled site is translated into.
const (
	longWelsh   = "Os bydd rhywun nad ydych yn ei adnabod yn anfon neges at eich plentyn yn gofyn iddo gadw cyfrinach oddi wrthych neu symud i ap arall, dylech gadw'r neges a rhoi gwybod amdani i'r heddlu neu i CEOP ar unwaith."
	longPolish  = "Jeśli ktoś, kogo nie znasz, wyśle twojemu dziecku wiadomość z prośbą o zachowanie tajemnicy przed tobą lub o przejście do innej aplikacji, zachowaj tę wiadomość i zgłoś ją na policję albo do CEOP od razu, np. przez formularz."
	longUrdu    = "اگر کوئی اجنبی آپ کے بچے کو پیغام بھیجے اور اس سے کہے کہ وہ یہ بات آپ سے چھپائے یا کسی دوسری ایپ پر بات کرے تو پیغام محفوظ کریں اور فوراً پولیس یا CEOP کو اطلاع دیں اور اپنے بچے سے نرمی سے بات کریں کیونکہ یہ اس کا قصور نہیں ہے۔"
	longPunjabi = "ਜੇ ਕੋਈ ਅਜਨਬੀ ਤੁਹਾਡੇ ਬੱਚੇ ਨੂੰ ਸੁਨੇਹਾ ਭੇਜਦਾ ਹੈ ਅਤੇ ਉਸ ਨੂੰ ਕਹਿੰਦਾ ਹੈ ਕਿ ਇਹ ਗੱਲ ਤੁਹਾਡੇ ਤੋਂ ਲੁਕਾ ਕੇ ਰੱਖੇ ਜਾਂ ਕਿਸੇ ਹੋਰ ਐਪ 'ਤੇ ਗੱਲ ਕਰੇ ਤਾਂ ਸੁਨੇਹਾ ਸੰਭਾਲ ਕੇ ਰੱਖੋ ਅਤੇ ਪੁਲਿਸ ਜਾਂ CEOP ਨੂੰ ਤੁਰੰਤ ਦੱਸੋ।"
)

// TestReadabilityByLanguage: the reading grade (an English formula) only
// on English pages; long sentences on English, Welsh and Polish pages;
// neither on Urdu or Punjabi. A page without a language of its own has
// the site's.
func TestReadabilityByLanguage(t *testing.T) {
	para := func(s string) string { return "<p>" + s + "</p>" }
	body := func(long string) (md, html string) {
		return good + "\nStart.\n\n" + long + "\n\n" + hard + "\n", para("Start.") + para(long) + para(hard)
	}
	gradeWarning := `content/a.md:5: warning: reading grade `
	for _, tc := range []struct {
		name, lang, cfg, long string
		want                  []string
	}{
		{"Welsh", "cy", "", longWelsh, []string{`content/a.md:8:1: warning: sentence of 40 words, over 25: "Os bydd rhywun nad ydych yn ei adnabod…"`}},
		{"Polish", "pl", "", longPolish, []string{`content/a.md:8:1: warning: sentence of 38 words, over 25: "Jeśli ktoś kogo nie znasz wyśle twojemu dziecku…"`}},
		{"Urdu", "ur", "", longUrdu, nil},
		{"Punjabi", "pa", "", longPunjabi, nil},
		{"English", "en-GB", "", longWelsh, []string{`content/a.md:8:1: warning: sentence of 40 words`, gradeWarning}},
		{"the site's language, Welsh", "", "languageCode = \"cy\"\n", longWelsh, []string{`content/a.md:8:1: warning: sentence of 40 words`}},
		{"the site's language, Urdu", "", "languageCode = \"ur\"\n", longUrdu, nil},
		// Urdu text on a page that says it is English is checked as English.
		{"the site's language, English", "", "languageCode = \"en-GB\"\n", longUrdu, []string{`content/a.md:8:1: warning: sentence of 54 words`, gradeWarning}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			md, html := body(tc.long)
			pageCase{md: md, content: html, cfg: tc.cfg, lang: tc.lang, want: tc.want}.run(t)
		})
	}
}

func TestSentencesAbbreviations(t *testing.T) {
	for _, tc := range []struct {
		rules proseRules
		in    string
		want  []string
	}{
		{polish, "Użyj aplikacji, np. Snapchat, ostrożnie. Potem przestań.", []string{"Użyj aplikacji, np. Snapchat, ostrożnie.", "Potem przestań."}},
		{welsh, "Defnyddiwch ap, e.e. Snapchat, yn ofalus. Yna stopiwch.", []string{"Defnyddiwch ap, e.e. Snapchat, yn ofalus.", "Yna stopiwch."}},
		{english, "Use an app, np. Snapchat.", []string{"Use an app, np.", "Snapchat."}},
	} {
		if got := sentences(tc.in, tc.rules.abbreviations); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("sentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestProseReadsHTMLAsBrowsers pins the prose of what a cheaper lexer
// would read otherwise (see TestScanPageReadsHTMLAsBrowsers): entities,
// numeric references (NUL as U+FFFD), no-break spaces as spaces,
// noscript's, textarea's and title's content as text, CDATA and comments
// as nothing, svg skipped, line breaks written "<BR/>".
func TestProseReadsHTMLAsBrowsers(t *testing.T) {
	got := prose([]byte(`<p>One &amp; two&nbsp;three &lt;x&gt; &copy2024 &#x41;&#65;&#0;</p><![CDATA[cd]]>` +
		`<noscript><p>ns</p></noscript><svg><text>svg</text></svg><p>a<!-- c -->b</p>` +
		`<TEXTAREA>ta <b>x</b></TEXTAREA><title>ti &amp; x</title><p>u<BR/>v<br>w</p>`))
	want := []string{"One & two three <x> ©2024 AA\ufffd", "<p>ns</p>", "ab", "ta <b>x</b>ti & x", "u v w"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("prose = %q, want %q", got, want)
	}
}

// sentenceEnd is the end of a sentence as a regular expression, as
// sentences were split before nextSentence (the reference it must agree
// with): a full stop, question or exclamation mark (and closing quotes or
// brackets) followed by a space and a letter or digit.
var sentenceEnd = regexp.MustCompile(`[.!?…]+["'”’)\]]*\s+["'“‘(\[]*[\pL\pN]`)

// regexpSentence is nextSentence by sentenceEnd.
func regexpSentence(s string) int {
	loc := sentenceEnd.FindStringIndex(s)
	if loc == nil {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(s[:loc[1]])
	return loc[1] - len(string(r))
}

// TestNextSentenceAsRegexp: nextSentence finds the end the regular
// expression finds, on random text of its marks, quotes, brackets and
// spaces (and spaces it does not count: \v, no-break), letters and
// digits of other scripts, and bytes that are not UTF-8.
func TestNextSentenceAsRegexp(t *testing.T) {
	pieces := []string{".", "!", "?", "…", "..", "\"", "'", "”", "’", ")", "]", "“", "‘", "(", "[", " ", "\t", "\n", "\f", "\r", "\v",
		"\u00a0", "a", "Z", "1", "é", "٣", "Ⅻ", "ß", "-", ",", "\xff", "\xe2\x80", "word", "e.g.", "x"}
	rnd := rand.New(rand.NewPCG(18, 42))
	for range 50000 {
		var b strings.Builder
		for range rnd.IntN(14) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		if got, want := nextSentence(b.String()), regexpSentence(b.String()); got != want {
			t.Fatalf("nextSentence(%q) = %d, the expression %d", b.String(), got, want)
		}
	}
}

// recursiveSentences is how sentences were split before eachSentence (a
// sentence ending in an abbreviation joined to the first of the rest,
// split by a call of its own): the reference eachSentence must agree with.
func recursiveSentences(block string, abbrevs []string) []string {
	var out []string
	for {
		i := indexPunct(block)
		if i < 0 {
			break
		}
		cut := regexpSentence(block[i:])
		if cut < 0 {
			break
		}
		cut += i
		s := strings.TrimSpace(block[:cut])
		if abbreviation(s, abbrevs) {
			next := recursiveSentences(block[cut:], abbrevs)
			if len(next) > 0 {
				next[0] = s + " " + next[0]
				return append(out, next...)
			}
		}
		out = append(out, s)
		block = block[cut:]
	}
	if t := strings.TrimSpace(block); t != "" {
		out = append(out, t)
	}
	return out
}

// TestEachSentenceAsRecursive: on random text of words, ends, quotes
// and abbreviations in three languages' rules, eachSentence finds the
// sentences the recursive split found.
func TestEachSentenceAsRecursive(t *testing.T) {
	pieces := []string{"word", "Word", "1", "é", " ", "  ", "\n", ".", "!", "?", "…", "...", "\"", "”", "’", ")", "]", "(", "“",
		"e.g.", "E.G.", "Mr.", "etc.", "i.e.", "no.", "np.", "m.in.", "e.e.", "ayb.", "x.", "St.", ". ", "! ", "? "}
	rnd := rand.New(rand.NewPCG(18, 40))
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(30) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		for _, rules := range []proseRules{english, welsh, polish} {
			if got, want := sentences(b.String(), rules.abbreviations), recursiveSentences(b.String(), rules.abbreviations); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: %q, the recursive split %q", b.String(), got, want)
			}
		}
	}
}

// TestWordsAsStrings: appendFields is strings.Fields joined by spaces,
// trimNonWord is strings.TrimFunc(notWordRune), and Syllables lowers
// as unicode.ToLower does, on random text of ASCII and other runes,
// spaces of both kinds among them.
func TestWordsAsStrings(t *testing.T) {
	pieces := []string{"a", "Word", "1", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "é", "É", "ß", "’", "-", ".", "(", ")", "\"", "“", "…",
		"ŁÓDŹ", "\u212a", "İ", "x-y", "\xff", "—", "Ω"}
	rnd := rand.New(rand.NewPCG(18, 41))
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(12) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := string(appendFields([]byte("x"), []byte(s))), "x"+strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("appendFields(%q) = %q, want %q", s, got, want)
		}
		if got, want := trimNonWord(s), strings.TrimFunc(s, notWordRune); got != want {
			t.Fatalf("trimNonWord(%q) = %q, want %q", s, got, want)
		}
	}
}
