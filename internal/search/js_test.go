package search

import (
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The search client's ranking code in assets/js/search-engine.js stems and
// splits queries itself; these tests run it with Node (skipped when node is
// not installed) against this package, and rank on real index files.

const client = "../../assets/js/search-engine.js"

func node(t *testing.T, script string, input any) []byte {
	t.Helper()
	bin, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	in, _ := json.Marshal(input)
	abs, _ := filepath.Abs(client)
	if _, err := os.ReadFile(abs); err != nil { // read here too, so go test's cache sees edits
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-e", script, abs)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("node: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	return out
}

// TestStemMatchesJS: every word of the bundled guidance (each page in its
// own language, from its file name: worried.ur.md is Urdu), and of a few
// tricky lines in each language, splits, folds and stems the same in Go
// and in the browser.
func TestStemMatchesJS(t *testing.T) {
	lines := map[string][]string{
		"en": {
			"Caresses ponies ties agreed plastered motoring conflated troubled sized hopping tanned falling hissing fizzed failing filing happy sky",
			"relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization",
			"predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative formalize",
			"electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible irritant replacement",
			"adjustment dependent adoption homologou communism activate angulariti homologous effective bowdlerize probate rate cease controll roll",
			"Don't — it's your child’s “Snap Map”; 1-800-CALL-FBI, café, cafe\u0301, naïve, ÉCOLE, 14+, e-mail, yyed, bellyying, ﬁle, x²",
		},
	}
	for lang, ls := range tokeniserCases {
		for _, c := range ls {
			lines[lang] = append(lines[lang], c.in)
		}
	}
	_ = filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			b, _ := os.ReadFile(p)
			lang := "en"
			if ext := path.Ext(strings.TrimSuffix(p, ".md")); ext != "" {
				lang = ext[1:]
			}
			lines[lang] = append(lines[lang], strings.Split(string(b), "\n")...)
		}
		return nil
	})
	for _, lang := range slices.Sorted(maps.Keys(lines)) {
		t.Run(lang, func(t *testing.T) { matchJS(t, lang, lines[lang]) })
	}
}

// matchJS splits and stems lines in Go and in JavaScript, with the rules
// meta.json gives the client for lang.
func matchJS(t *testing.T, lang string, lines []string) {
	a := For(lang)
	var want [][]string
	for _, l := range lines {
		var row []string
		for _, w := range a.Words(l) {
			if a.porter {
				row = append(row, w, Stem(w))
			} else {
				row = append(row, w, w)
			}
		}
		want = append(want, row)
	}
	out := node(t, `const s = require(process.argv[1]);
const {meta, lines} = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(lines.map(l => { const r = []; s.words(l, meta).forEach(w => r.push(w, meta.stem ? s.stem(w) : w)); return r.length ? r : null; })));`,
		map[string]any{"meta": newMeta(a, nil), "lines": lines})
	var got [][]string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d lines back, want %d", len(got), len(want))
	}
	n := 0
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			n++
			if n < 10 {
				t.Errorf("line %q:\n  js %q\n  go %q", lines[i], got[i], want[i])
			}
		}
	}
}

// rankJS writes the index of docs and runs the client's rank on each query,
// returning the URLs of the results and the heading each links to.
func rankJS(t *testing.T, docs []*Doc, queries []string) [][]string {
	t.Helper()
	return rankJSLang(t, "en", docs, queries)
}

// rankJSLang is rankJS with the index of a language.
func rankJSLang(t *testing.T, lang string, docs []*Doc, queries []string) [][]string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range Write(lang, docs) {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := node(t, `const s = require(process.argv[1]), fs = require("fs"), path = require("path");
const {dir, queries} = JSON.parse(fs.readFileSync(0, "utf8"));
const load = name => Promise.resolve(JSON.parse(fs.readFileSync(path.join(dir, "search-index", name), "utf8")));
load("meta.json").then(meta => Promise.all(queries.map(q => s.rank(q, meta, load).then(rs =>
  Promise.all(rs.map(r => load("d" + Math.floor(r.id / meta.chunk) + ".json").then(c => {
    const d = c[r.id % meta.chunk];
    return d[1] + (r.section ? "#" + d[3][2 * r.section - 1] : "");
  }))))))).then(all => console.log(JSON.stringify(all)));`, map[string]any{"dir": dir, "queries": queries})
	var got [][]string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return got
}

func TestRanking(t *testing.T) {
	page := func(url, title, desc, body string, terms ...string) *Doc {
		return Analyse(Page{URL: url, Title: title, Description: desc, Terms: terms, HTML: []byte(body)})
	}
	docs := []*Doc{
		page("/settings/snapchat/", "Snapchat privacy and safety settings", "Who can contact your child on Snapchat, and their location.",
			`<p>Snapchat is a messaging app.</p><h2 id="snap-map">Hide their location on Snap Map</h2><p>Turn on Ghost Mode so the map does not show where they are.</p><h2 id="block">Block or report</h2><p>Press and hold a name.</p>`, "Snapchat", "Privacy settings"),
		page("/settings/instagram/", "Instagram privacy and safety settings", "Keep an Instagram account private.",
			`<p>Instagram can share location in posts.</p><h2 id="private">Make the account private</h2><p>Open settings.</p>`, "Instagram", "Privacy settings"),
		page("/warning-signs/sextortion/", "Sextortion: when someone threatens to share an image", "What to do if someone threatens to share a sexual image.",
			`<p>Do not pay.</p><h2 id="keep-evidence">Keep the evidence</h2><p>Note usernames and dates.</p>`, "Warning signs"),
		page("/report/uk/", "How to report in the UK", "Where to report grooming in the UK.",
			`<h2 id="ceop">Report grooming to CEOP</h2><p>CEOP takes reports of grooming.</p><h2 id="nspcc">Get advice</h2><p>Call 0808 800 5000.</p>`, "Reporting"),
		page("/report/us/", "How to report in the US", "Where to report online enticement in the US.",
			`<h2 id="cybertip">Report to the CyberTipline</h2><p>Report online enticement of a child.</p>`, "Reporting"),
		page("/talk/asking-for-images/", "If someone asks your child for images", "What to do when a child is asked for a photo.",
			`<p>Someone online may ask a child to send pictures.</p><h2 id="what-to-say">What to say</h2><p>It is not their fault.</p>`, "Talking"),
		page("/about/", "About this site", "Who writes it.", `<p>We mention Snapchat once, and location once, and the UK.</p>`),
	}
	cases := []struct {
		q    string
		want []string // the first results, in order
	}{
		{"snapchat location", []string{"/settings/snapchat/#snap-map"}},
		{"snapchat", []string{"/settings/snapchat/"}},
		{"Snap Map", []string{"/settings/snapchat/#snap-map"}},
		{"report grooming uk", []string{"/report/uk/#ceop"}},
		{"someone asked my son for photos", []string{"/talk/asking-for-images/"}},
		{"sextortion", []string{"/warning-signs/sextortion/"}},
		{"blackmail", []string{"/warning-signs/sextortion/"}},
		{"snapch", []string{"/settings/snapchat/"}},
		{"private account", []string{"/settings/instagram/#private"}},
		{"the and of", nil},
		{"xylophone", nil},
	}
	var queries []string
	for _, c := range cases {
		queries = append(queries, c.q)
	}
	got := rankJS(t, docs, queries)
	for i, c := range cases {
		if c.want == nil {
			if len(got[i]) != 0 {
				t.Errorf("%q: want no results, got %v", c.q, got[i])
			}
			continue
		}
		first := got[i]
		if len(first) >= len(c.want) {
			first = append([]string(nil), first[:len(c.want)]...)
			for j, w := range c.want {
				if !strings.Contains(w, "#") {
					first[j], _, _ = strings.Cut(first[j], "#")
				}
			}
		}
		if !reflect.DeepEqual(first, c.want) {
			t.Errorf("%q: got %v, want first %v", c.q, got[i], c.want)
		}
	}
	// A page that mentions both words in passing ranks below the page
	// about them and above a page with only one of them.
	if r := got[0]; !reflect.DeepEqual(r, []string{"/settings/snapchat/#snap-map", "/about/", "/settings/instagram/"}) {
		t.Errorf("snapchat location: %v", r)
	}
}

// TestRankingForTheSite: the site's own country ranks above other
// countries' equivalents unless the query names them; answer pages come
// first for questions; about pages rank below guidance for words they say
// in passing. Each with the site's country both ways round.
func TestRankingForTheSite(t *testing.T) {
	report := `<h2 id="grooming">Report grooming</h2><p>Report grooming and sexual images of a child to the police.</p>`
	build := func(country string) []*Doc {
		page := func(url, title, body string, answer Answer, minor bool) *Doc {
			return Analyse(Page{URL: url, Title: title, Description: "Where to report grooming.", HTML: []byte(body), Country: country, Answer: answer, Minor: minor})
		}
		return []*Doc{
			page("/report/australia/", "How to report in Australia", report, AnswerNone, false),
			page("/report/uk/", "How to report in the UK", report, AnswerNone, false),
			page("/report/us/", "How to report in the US", report, AnswerNone, false),
			page("/report/", "Reporting a worry", `<p>Choose where to report.</p>`, AnswerHub, false),
			page("/report/in-the-app/", "Reporting inside apps", `<p>Report a profile in the app.</p>`, AnswerNone, false),
			page("/report/worried/", "Worried about a child right now?", `<p>Call the police.</p>`, AnswerFirst, false),
			page("/about/review/", "How we check our advice", `<p>We check every sextortion page and every helpline number, such as Childline.</p>`, AnswerNone, true),
			page("/sextortion/", "Sextortion", `<p>Someone threatens to share an image.</p>`, AnswerNone, false),
			page("/who-to-call/uk/", "Who to call in the UK", `<p>The numbers to call.</p><div class="helpline"><h3>Childline</h3><p>Call 0800 1111</p></div>`, AnswerNone, false),
		}
	}
	cases := []struct {
		country, q string
		first      []string // the first results, in order
	}{
		{"GB", "report grooming", []string{"/report/uk/"}},
		{"US", "report grooming", []string{"/report/us/"}},
		{"AU", "report grooming", []string{"/report/australia/"}},
		{"GB", "report grooming in the US", []string{"/report/us/"}},
		{"GB", "report grooming australia", []string{"/report/australia/"}},
		{"US", "report grooming in the UK", []string{"/report/uk/"}},
		{"GB", "how do I report", []string{"/report/"}},
		{"GB", "report", []string{"/report/uk/"}},
		{"GB", "what do I do?", []string{"/report/worried/", "/report/"}},
		{"GB", "sextortion", []string{"/sextortion/", "/about/review/"}},
		{"GB", "childline number", []string{"/who-to-call/uk/", "/about/review/"}},
	}
	for _, country := range []string{"GB", "US", "AU"} {
		var queries []string
		var mine []int
		for i, c := range cases {
			if c.country == country {
				queries = append(queries, c.q)
				mine = append(mine, i)
			}
		}
		got := rankJS(t, build(country), queries)
		for j, i := range mine {
			c, urls := cases[i], got[j]
			for k := range urls {
				urls[k], _, _ = strings.Cut(urls[k], "#")
			}
			if len(urls) < len(c.first) || !reflect.DeepEqual(urls[:len(c.first)], c.first) {
				t.Errorf("site in %s, %q: got %v, want first %v", c.country, c.q, urls, c.first)
			}
		}
	}
}
