package signpost_test

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
)

// The translated guidance (issue 17) is checked against its English page:
// a translation may change every word but no fact. These tests compare
// what does not depend on the language: numbers, addresses, links, the
// guidance blocks and their helplines, heading anchors, the names of
// services (which stay in English), and the front matter a reader relies on.

// urgentPages are the pages issue 17 asks to have in every language.
var urgentPages = []string{
	"content/_index.md",
	"content/report/_index.md", // the section the reporting pages sit in, in their breadcrumbs
	"content/report/worried-right-now.md",
	"content/report/uk.md",
	"content/warning-signs/_index.md",
	"content/warning-signs/signs-in-the-contact.md",
	"content/talk/if-your-child-tells-you.md",
	"content/warning-signs/sextortion.md",
}

// serviceNames stay in English in a translation, beside the translated
// words: a parent must be able to find them by name, and a helpline or the
// police will say them in English.
var serviceNames = []string{
	"CEOP", "Child Exploitation and Online Protection", "NSPCC", "Childline", "Samaritans",
	"Report Remove", "Internet Watch Foundation", "IWF", "Report Harmful Content",
	"UK Safer Internet Centre", "National Crime Agency", "NCMEC",
	"National Center for Missing & Exploited Children", "CyberTipline", "Take It Down", "FBI",
	"ACCCE", "Australian Centre to Counter Child Exploitation", "eSafety Commissioner",
	"Police Assistance Line", "Kids Helpline", "Protection of Children Act 1978",
}

var (
	// blockLine is a guidance block's opening line (":::helpline nspcc").
	blockLine = regexp.MustCompile(`(?m)^:::([a-z]+)(?:[ \t]+([\w-]+))?`)
	anchor    = regexp.MustCompile(`\{#([\w-]+)\}`)
	linkDest  = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	email     = regexp.MustCompile(`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)
	// number is a run of digits with the separators a language may write
	// inside it: "0808 800 5000", "26,718", Polish "26 718" with a no-break
	// space, "91%".
	number = regexp.MustCompile(`\d(?:[\d,\x{00A0}\x{202F}]|[ ]\d)*`)
	// bidiMarks are the invisible isolates that keep a number like
	// "131 444" left to right inside Urdu text.
	bidiMarks = strings.NewReplacer("\u2066", "", "\u2067", "", "\u2068", "", "\u2069", "", "\u200e", "", "\u200f", "")
)

// facts are what a translation of body must keep, each in a comparable form.
func facts(body string) map[string][]string {
	body = bidiMarks.Replace(body)
	f := map[string][]string{}
	for _, m := range blockLine.FindAllStringSubmatch(body, -1) {
		f["guidance blocks"] = append(f["guidance blocks"], strings.TrimSpace(m[1]+" "+m[2]))
	}
	for _, m := range anchor.FindAllStringSubmatch(body, -1) {
		f["heading anchors"] = append(f["heading anchors"], m[1])
	}
	for _, m := range linkDest.FindAllStringSubmatch(body, -1) {
		f["link targets"] = append(f["link targets"], m[1])
	}
	f["email addresses"] = email.FindAllString(body, -1)
	digitsOnly := strings.NewReplacer(",", "", " ", "", "\u00a0", "", "\u202f", "")
	for _, n := range number.FindAllString(body, -1) {
		f["numbers"] = append(f["numbers"], digitsOnly.Replace(n))
	}
	sort.Strings(f["numbers"]) // word order differs between languages
	for _, name := range serviceNames {
		if strings.Contains(body, name) {
			f["service names"] = append(f["service names"], name)
		}
	}
	return f
}

// translations are the bundled site's translated pages, each with the
// page it was translated from.
func translations(t *testing.T) (tree *content.Tree, pairs [][2]*content.Page) {
	t.Helper()
	tree = guidance(t)
	def := tree.Config.DefaultLanguage()
	for _, p := range tree.All {
		if p.File == "" || p.Language == nil || p.Language.Default {
			continue
		}
		if p.Translated() == nil {
			t.Errorf("%s: a %s page needs translation: {from: %s, checked: false} in its front matter until a fluent speaker has checked it", p.File, p.Language.Name, def.Key)
			continue
		}
		i := slices.IndexFunc(p.Translations, func(o *content.Page) bool { return o.Lang == p.Translated().From })
		if i < 0 || p.Translations[i].File == "" {
			t.Errorf("%s: translated from %q, but there is no such page beside it", p.File, p.Translated().From)
			continue
		}
		pairs = append(pairs, [2]*content.Page{p.Translations[i], p})
	}
	return tree, pairs
}

// TestTranslationsKeepFacts: every translated page keeps each number,
// address, link, block, anchor and service name of the page it was
// translated from, and its review dates and sources.
func TestTranslationsKeepFacts(t *testing.T) {
	_, pairs := translations(t)
	if len(pairs) == 0 {
		t.Skip("the site has no translated pages")
	}
	for _, pair := range pairs {
		src, tr := pair[0], pair[1]
		srcBody, err := content.ReadBody(os.DirFS("."), src)
		if err != nil {
			t.Fatal(err)
		}
		trBody, err := content.ReadBody(os.DirFS("."), tr)
		if err != nil {
			t.Fatal(err)
		}
		want, got := facts(string(srcBody)), facts(string(trBody))
		for _, kind := range slices.Sorted(mapKeys(want, got)) {
			if !slices.Equal(want[kind], got[kind]) {
				t.Errorf("%s: its %s differ from %s's:\n  %s: %q\n  %s: %q", tr.File, kind, src.File, src.File, want[kind], tr.File, got[kind])
			}
		}
		same := map[string][2]any{
			"reviewed": {src.Reviewed, tr.Reviewed}, "review_by": {src.ReviewBy, tr.ReviewBy},
			"sources": {src.Sources, tr.Sources}, "weight": {src.Weight, tr.Weight},
		}
		for key, v := range same {
			if !reflect.DeepEqual(v[0], v[1]) {
				t.Errorf("%s: %s is not the same as in %s (a translation carries the English page's %s until it is reviewed itself)", tr.File, key, src.File, key)
			}
		}
		if tr.Title == src.Title || tr.Description == src.Description {
			t.Errorf("%s: translate the title and description too", tr.File)
		}
	}
}

func mapKeys(ms ...map[string][]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		seen := map[string]bool{}
		for _, m := range ms {
			for k := range m {
				if !seen[k] && !yield(k) {
					return
				}
				seen[k] = true
			}
		}
	}
}

// TestTranslationsOfUrgentPages: the pages a worried parent needs first
// are in every language of the site.
func TestTranslationsOfUrgentPages(t *testing.T) {
	tree := guidance(t)
	if !tree.Config.Multilingual() {
		t.Skip("the site has one language")
	}
	for _, file := range urgentPages {
		p := tree.ByFile(file)
		if p == nil {
			t.Errorf("%s: page missing", file)
			continue
		}
		have := map[string]bool{}
		for _, o := range p.Translations {
			have[o.Lang] = o.File != ""
		}
		for _, l := range tree.Config.Langs {
			if !l.Default && !have[l.Key] {
				t.Errorf("%s: no %s translation (add %s)", file, l.Name, strings.TrimSuffix(file, ".md")+"."+l.Key+".md")
			}
		}
	}
}

// placeholder is a template action or an HTML tag in a UI string: both
// must come through a translation unchanged.
var placeholder = regexp.MustCompile(`\{\{[^}]*\}\}|<[^>]+>`)

// TestTranslationsUIStrings: each language's i18n file has every key of
// the default language's, with the same placeholders and tags in every
// plural form, and says what every helpline is for with its numbers and
// addresses unchanged.
func TestTranslationsUIStrings(t *testing.T) {
	cfg, probs := config.Load(os.DirFS("."))
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	if !cfg.Multilingual() {
		t.Skip("the site has one language")
	}
	source := readMessages(t, cfg.DefaultLanguage().Key)
	var helplines map[string]struct {
		For string `yaml:"for"`
	}
	data, err := os.ReadFile("data/helplines.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := config.Decode("yaml", "data/helplines.yaml", data, &helplines); !ok {
		t.Fatal(p)
	}
	for _, l := range cfg.Langs {
		if l.Default {
			continue
		}
		file := fmt.Sprintf("i18n/%s.toml", l.Key)
		msgs := readMessages(t, l.Key)
		for key, forms := range source {
			if _, ok := msgs[key]; !ok {
				t.Errorf("%s: no [%s]", file, key)
			}
			for form, text := range msgs[key] {
				if msg := placeholderProblem(forms["other"], text); msg != "" {
					t.Errorf("%s: [%s] %s: %s", file, key, form, msg)
				}
			}
		}
		for id, h := range helplines {
			key := "helpline-" + id + "-for"
			text, ok := msgs[key]["other"]
			if !ok {
				t.Errorf("%s: no [%s] for the helpline %s", file, key, id)
				continue
			}
			want, got := facts(h.For), facts(text)
			for _, kind := range []string{"numbers", "email addresses", "service names"} {
				if !slices.Equal(want[kind], got[kind]) {
					t.Errorf("%s: [%s] %s %q, data/helplines.yaml says %q", file, key, kind, got[kind], want[kind])
				}
			}
		}
	}
}

// readMessages reads i18n/LANG.toml as key → plural form → text, leaving
// out descriptions (notes to translators).
func readMessages(t *testing.T, lang string) map[string]map[string]string {
	t.Helper()
	name := filepath.Join("i18n", lang+".toml")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]map[string]string
	if p, ok := config.Decode("toml", name, data, &raw); !ok {
		t.Fatal(p)
	}
	for _, forms := range raw {
		delete(forms, "description")
	}
	return raw
}

// placeholderProblem says what is wrong with the template actions and
// tags of a translation of source: its tags must be the same, and it may
// use only the source's placeholders. It may leave one out where its
// language does not need it: a one form written "one page", or the
// language's own name written in the grammatical form the sentence needs
// ("yn Gymraeg", not "yn {{ .Language }}").
func placeholderProblem(source, translation string) string {
	var srcTags, trTags []string
	srcActions := map[string]bool{}
	for _, p := range placeholder.FindAllString(source, -1) {
		if strings.HasPrefix(p, "<") {
			srcTags = append(srcTags, p)
		} else {
			srcActions[p] = true
		}
	}
	for _, p := range placeholder.FindAllString(translation, -1) {
		if strings.HasPrefix(p, "<") {
			trTags = append(trTags, p)
		} else if !srcActions[p] {
			return fmt.Sprintf("%s is not in the English message: use only %q", p, slices.Sorted(maps.Keys(srcActions)))
		}
	}
	sort.Strings(srcTags)
	sort.Strings(trTags)
	if !slices.Equal(srcTags, trTags) {
		return fmt.Sprintf("tags %q, want %q: keep the tags, translate the words between them", trTags, srcTags)
	}
	return ""
}
