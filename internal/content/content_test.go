package content

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/diag"
)

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		name, in       string
		format, fm     string
		body           string
		bodyLine       int
		wantErrContain string
	}{
		{"yaml", "---\ntitle: A\n---\nbody\n", "yaml", "title: A\n", "body\n", 4, ""},
		{"toml", "+++\ntitle = \"A\"\n+++\nbody", "toml", "title = \"A\"\n", "body", 4, ""},
		{"none", "# Just markdown\n", "", "", "# Just markdown\n", 1, ""},
		{"crlf", "---\r\ntitle: A\r\n---\r\nbody", "yaml", "title: A\r\n", "body", 4, ""},
		{"bom", "\xef\xbb\xbf---\ntitle: A\n---\n", "yaml", "title: A\n", "", 4, ""},
		{"yaml dots end", "---\ntitle: A\n...\nbody", "yaml", "title: A\n", "body", 4, ""},
		{"empty fm", "---\n---\nbody", "yaml", "", "body", 3, ""},
		{"no newline at end", "---\ntitle: A\n---", "yaml", "title: A\n", "", 4, ""},
		{"unclosed", "---\ntitle: A\nbody\n", "", "", "", 0, "did you forget the closing ---?"},
		{"unclosed toml", "+++\ntitle = 1\n", "", "", "", 0, "never closed"},
		{"dashes later are body", "text\n---\nmore", "", "", "text\n---\nmore", 1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			format, fm, body, line, err := Split([]byte(tc.in))
			if tc.wantErrContain != "" {
				if err == nil || !strings.Contains(err.Error()+diag.Problems(err)[0].Hint, tc.wantErrContain) {
					t.Fatalf("want error containing %q, got %v", tc.wantErrContain, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if format != tc.format || string(fm) != tc.fm || string(body) != tc.body || line != tc.bodyLine {
				t.Errorf("got (%q, %q, %q, %d), want (%q, %q, %q, %d)", format, fm, body, line, tc.format, tc.fm, tc.body, tc.bodyLine)
			}
		})
	}
}

// FuzzSplit: no panic; the body is a suffix of the input; a successful
// split's bodyLine counts the lines before the body.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"---\ntitle: A\n---\nbody\n", "+++\na=1\n+++\n", "---\n", "", "---\r\n---\r\n", "\xef\xbb\xbf+++\n+++"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		_, _, body, line, err := Split([]byte(in))
		if err != nil {
			if p := diag.Problems(err)[0]; p.Line != 1 {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		if !strings.HasSuffix(in, string(body)) {
			t.Fatalf("body %q is not a suffix of input", body)
		}
		prefix := strings.TrimPrefix(in[:len(in)-len(body)], "\xef\xbb\xbf")
		want := strings.Count(prefix, "\n") + 1
		if !strings.HasSuffix(prefix, "\n") && prefix != "" {
			want++ // closing delimiter on the last line, without a newline
		}
		if line != want {
			t.Fatalf("bodyLine %d, want %d", line, want)
		}
	})
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Privacy settings":    "privacy-settings",
		"5 to 7":              "5-to-7",
		"14 and over":         "14-and-over",
		"Child's safety":      "childs-safety",
		"  --Report!! now-- ": "report-now",
		"Поговорите с ребёнком": "поговорите-с-ребёнком",
		"Café crème": "café-crème",
		"":           "",
		"!!!":        "",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSortPages(t *testing.T) {
	mk := func(title string, weight int, date string) *Page {
		p := &Page{Title: title, Weight: weight, URL: "/" + title + "/"}
		p.Date, _ = toTime(date)
		return p
	}
	ps := []*Page{mk("c", 0, "2020-01-01"), mk("b", 2, ""), mk("z", 0, "2026-01-01"), mk("a", 1, ""), mk("d", 0, "2020-01-01")}
	SortPages(ps)
	var got []string
	for _, p := range ps {
		got = append(got, p.Title)
	}
	if strings.Join(got, ",") != "a,b,z,c,d" {
		t.Errorf("order %v", got)
	}
}

func TestLoadURLsAndKeys(t *testing.T) {
	cfg, _ := config.Load(fstest.MapFS{})
	fsys := fstest.MapFS{
		"content/_index.md":          {Data: []byte("---\ntitle: Home\n---\n")},
		"content/a/b.md":             {Data: []byte("---\ntitle: B\nslug: bee\nageS: [x]\n---\n")},
		"content/a/c.md":             {Data: []byte("+++\ntitle = \"C\"\nurl = \"/see/\"\naliases = [\"/old-c\"]\n+++\n")},
		"content/a/bundle/index.md":  {Data: []byte("---\ntitle: Bundle\n---\n")},
		"content/a/bundle/img/x.png": {Data: []byte("png")},
		"content/a/.b.md.swp":        {Data: []byte("junk")},
		"content/a/#c.md#":           {Data: []byte("junk")},
	}
	tree, probs := Load(context.Background(), fsys, cfg, Options{})
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	for ref, url := range map[string]string{"a/b.md": "/a/bee/", "/a/c.md": "/see/", "a/bundle/index.md": "/a/bundle/", "a/_index.md": "/a/", "": "/"} {
		p := tree.GetPage(ref)
		if p == nil || p.URL != url {
			t.Errorf("GetPage(%q) = %v, want URL %s", ref, p, url)
		}
	}
	if p := tree.GetPage("a/c.md"); len(p.Aliases) != 1 || p.Aliases[0] != "/old-c/" {
		t.Errorf("aliases = %v", p.Aliases)
	}
	if p := tree.GetPage("a/bundle/index.md"); len(p.Resources()) != 1 || p.Resources()[0] != "content/a/bundle/img/x.png" {
		t.Errorf("resources = %v", p.Resources())
	}
	if len(probs) != 1 || !strings.Contains(probs[0].String(), `content/a/b.md:4: warning: unknown front matter key "ageS"`) || probs[0].Hint != `if you meant ages, spell it ages; otherwise templates can read it as .Params.ageS` {
		t.Errorf("problems = %v", probs)
	}
	if tree.GetPage("a/b.md").Lang != "en" {
		t.Error("page has no language")
	}
}

// TestSlugifyLowersEachLetter: lowering letter by letter gives what
// lowering the whole text first gives, in every script and for bytes that
// are not UTF-8.
func TestSlugifyLowersEachLetter(t *testing.T) {
	for _, s := range []string{"Hello World", "ÀÉÎ Õü", "Поговорите С Ребёнком", "İstanbul", "ΣΊΣΥΦΟΣ", "a\xffb", "ǅungla", "Child’s Phone", "x\u0301y"} {
		var b strings.Builder
		dash := false
		for _, r := range strings.ToLower(s) {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
				if dash && b.Len() > 0 {
					b.WriteByte('-')
				}
				dash = false
				b.WriteRune(r)
			case r == '\'' || r == '’':
			default:
				dash = true
			}
		}
		if got := Slugify(s); got != b.String() {
			t.Errorf("Slugify(%q) = %q, want %q", s, got, b.String())
		}
	}
}

// TestTermsAndSets: a page's terms and term pages are kept by taxonomy in
// the names' order, and Sets tells keys set to something from blank ones.
func TestTermsAndSets(t *testing.T) {
	cfg, _ := config.Load(fstest.MapFS{})
	fsys := fstest.MapFS{
		"content/a.md": {Data: []byte("---\ntitle: A\ntopics: [Grooming, Bullying]\napps: Roblox\nages: []\ndescription: \"\"\nsummary:\nlayout: |\n---\n")},
		"content/b.md": {Data: []byte("+++\ntitle = \"B\"\ntopics = [\"Grooming\"]\ndescription = \"Bee\"\n+++\n")},
	}
	tree, probs := Load(context.Background(), fsys, cfg, Options{})
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	a, b := tree.GetPage("a.md"), tree.GetPage("b.md")
	var taxes []string
	for _, tt := range a.Terms {
		taxes = append(taxes, tt.Taxonomy+"="+strings.Join(tt.Terms, "+"))
	}
	if got := strings.Join(taxes, " "); got != "apps=Roblox topics=Grooming+Bullying" {
		t.Errorf("terms %s", got)
	}
	if a.Terms.Of("ages") != nil || len(a.Terms.Of("topics")) != 2 {
		t.Errorf("Of: ages %v, topics %v", a.Terms.Of("ages"), a.Terms.Of("topics"))
	}
	var terms []string
	for _, tp := range a.TermPages {
		for _, tm := range tp.Pages {
			terms = append(terms, tp.Taxonomy+":"+tm.URL)
		}
	}
	if got := strings.Join(terms, " "); got != "apps:/apps/roblox/ topics:/topics/grooming/ topics:/topics/bullying/" {
		t.Errorf("term pages %s", got)
	}
	if g := b.TermPages.Of("topics"); len(g) != 1 || g[0] != a.TermPages.Of("topics")[0] || len(g[0].Pages) != 2 {
		t.Errorf("b's topics %v", g)
	}
	for key, want := range map[string]bool{"title": true, "topics": true, "apps": true, "ages": true, "description": false, "summary": false, "layout": false, "draft": false} {
		if a.Sets(key) != want {
			t.Errorf("a.Sets(%s) = %v", key, !want)
		}
	}
	if !b.Sets("description") || !b.Sets("topics") || b.Sets("apps") {
		t.Error("b's Sets wrong")
	}
}

// TestPermalinks: the relative permalink is the base URL's path and the
// page's, whatever the base URL looks like.
func TestPermalinks(t *testing.T) {
	for base, want := range map[string]string{
		"https://example.org/docs/":  "https://example.org/docs/a/%C3%B6/ /docs/a/%C3%B6/",
		"https://example.org/docs":   "https://example.org/docs/a/%C3%B6/ /docs/a/%C3%B6/",
		"https://example.org":        "https://example.org/a/%C3%B6/ /a/%C3%B6/",
		"":                           "/a/%C3%B6/ /a/%C3%B6/",
		"https://example.org/a%20b/": "https://example.org/a%20b/a/%C3%B6/ /a b/a/%C3%B6/",
	} {
		cfg, _ := config.Load(fstest.MapFS{"signpost.toml": {Data: []byte("baseURL = \"" + base + "\"\n")}})
		tree, _ := Load(context.Background(), fstest.MapFS{"content/a/ö.md": {Data: []byte("---\ntitle: A\n---\n")}}, cfg, Options{})
		p := tree.GetPage("a/ö.md")
		if got := p.Permalink + " " + p.RelPermalink; got != want {
			t.Errorf("%q: %s, want %s", base, got, want)
		}
	}
}

// TestGetPageInNeutral: a link by path finds the page in the linking
// page's language, or, for a page only translations have, the first of
// them in the languages' order; a page grouped by translationKey is not
// found by a path it does not have.
func TestGetPageInNeutral(t *testing.T) {
	cfg, probs := config.Load(fstest.MapFS{"signpost.toml": {Data: []byte(`defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.gd]
weight = 2
[languages.fa]
weight = 3
`)}})
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	page := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n---\n")}
	}
	fsys := fstest.MapFS{
		"content/both.md":           page("Both"),
		"content/both.gd.md":        page("Both gd"),
		"content/only.fa.md":        page("Only fa"),
		"content/only.gd.md":        page("Only gd"),
		"content/s/_index.gd.md":    page("Section gd"),
		"content/keyed.gd.md":       {Data: []byte("---\ntitle: Keyed\ntranslationKey: k\n---\n")},
		"content/other/keyed.md":    {Data: []byte("---\ntitle: Keyed en\ntranslationKey: k\n---\n")},
		"content/s/only-fa.fa.md":   page("Deep fa"),
		"content/s/only-fa/x.md":    page("Unrelated"),
		"content/s/only-fa/y.fa.md": page("Unrelated fa"),
	}
	tree, probs := Load(context.Background(), fsys, cfg, Options{})
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	for _, tc := range []struct{ lang, ref, want string }{
		{"en", "both.md", "Both"},
		{"gd", "both.md", "Both gd"},
		{"fa", "both.md", "Both"},
		{"en", "only.md", "Only gd"}, // gd comes before fa
		{"fa", "only.md", "Only fa"},
		{"en", "/content/only.md", "Only gd"},
		{"en", "only", "Only gd"},
		{"en", "s", "S"}, // en has the section, made from the folder
		{"en", "s/only-fa.md", "Deep fa"},
		{"en", "keyed.md", ""},
		{"en", "missing.md", ""},
	} {
		got := ""
		if p := tree.GetPageIn(tc.lang, tc.ref); p != nil {
			got = p.Title
		}
		if got != tc.want {
			t.Errorf("GetPageIn(%q, %q) = %q, want %q", tc.lang, tc.ref, got, tc.want)
		}
	}
}
