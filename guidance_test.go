package signpost_test

import (
	"context"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/check"
	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/markdown"
	"github.com/signpost/signpost/internal/markdown/blocks"
)

// guidance loads the bundled site's content as a build does.
func guidance(t *testing.T) *content.Tree {
	t.Helper()
	site := os.DirFS(".")
	cfg, probs := config.Load(site)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	tree, probs := content.Load(context.Background(), site, cfg, content.Options{})
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	return tree
}

// TestGuidanceFrontMatter holds every guidance page to CONTENT.md: title,
// description, topics, ages, reviewed, review_by at most 12 months later,
// and sources that each have a title, a URL and a checked date.
func TestGuidanceFrontMatter(t *testing.T) {
	tree := guidance(t)
	n := 0
	for _, p := range tree.All {
		if p.File == "" || p.Kind == content.KindHome || strings.HasPrefix(p.File, "content/about/") || p.Layout() == "search" {
			continue // generated pages, the home page, the about pages and search are not guidance
		}
		n++
		need := map[string]bool{
			"title": p.Title != "", "description": p.Description != "", "topics": len(p.Terms.Of("topics")) > 0,
			"reviewed": !p.Reviewed.IsZero(), "review_by": !p.ReviewBy.IsZero(), "sources": len(p.Sources) > 0,
		}
		if p.Kind == content.KindPage {
			need["ages"] = len(p.Terms.Of("ages")) > 0
		}
		for key, ok := range need {
			if !ok {
				t.Errorf("%s: no %s", p.File, key)
			}
		}
		if !p.ReviewBy.IsZero() && p.ReviewBy.After(p.Reviewed.AddDate(1, 0, 0)) {
			t.Errorf("%s: review_by %s is more than 12 months after reviewed %s", p.File, p.ReviewBy.Format("2006-01-02"), p.Reviewed.Format("2006-01-02"))
		}
		for i, s := range p.Sources {
			if s.Title == "" || !strings.HasPrefix(s.URL, "https://") || s.Checked.IsZero() {
				t.Errorf("%s: source %d needs a title, an https URL and a checked date: %+v", p.File, i+1, s)
			}
		}
		if strings.HasPrefix(p.File, "content/settings/") && p.Kind == content.KindPage && len(p.Terms.Of("apps")) == 0 {
			t.Errorf("%s: a settings page names its apps", p.File)
		}
	}
	if n < 35 {
		t.Errorf("only %d guidance pages; the site needs at least 35", n)
	}
}

// renderedPage is one page of the bundled site: its markdown body (front
// matter removed) and its content rendered as a build renders it, helpline
// cards included.
type renderedPage struct {
	file string
	page *content.Page
	body string
	html string
	text string // html without tags, entities decoded, spaces collapsed
	// english is false for a translation: the checks that read English
	// words (idioms, how the law and acronyms are named) do not apply to
	// it; translation_test.go holds it to the English page's facts
	// instead.
	english bool
}

// renderGuidance renders the content of every page of the bundled site.
func renderGuidance(t *testing.T) []renderedPage {
	t.Helper()
	tree := guidance(t)
	data, err := os.ReadFile("data/helplines.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var helplines map[string]any
	if p, ok := config.Decode("yaml", "data/helplines.yaml", data, &helplines); !ok {
		t.Fatal(p)
	}
	conv := markdown.New(markdown.Options{Tree: tree, Extensions: blocks.FromData(map[string]any{"helplines": helplines})})
	var pages []renderedPage
	for _, p := range tree.All {
		if p.File == "" {
			continue
		}
		body, err := content.ReadBody(os.DirFS("."), p)
		if err != nil {
			t.Fatal(err)
		}
		res, err := conv.Convert(p, body)
		if err != nil {
			t.Fatal(err)
		}
		h := string(res.HTML)
		english := p.Language == nil || p.Language.Default
		pages = append(pages, renderedPage{file: p.File, page: p, body: string(body), html: h, text: plainText(h), english: english})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].file < pages[j].file })
	return pages
}

var (
	tags   = regexp.MustCompile(`<[^>]*>`)
	spaces = regexp.MustCompile(`\s+`)
)

// plainText is what a reader sees of some HTML: a tag ends a word, as a
// block boundary does on screen.
func plainText(h string) string {
	return strings.TrimSpace(spaces.ReplaceAllString(html.UnescapeString(tags.ReplaceAllString(h, " ")), " "))
}

// TestGuidanceReadingLevel measures the Flesch-Kincaid grade of every page
// as the reading-level check does: none above 7, the average 5 or lower
// (GOV.UK and NHS aim for a reading age of 9 to 11). Run with -v for the
// list.
func TestGuidanceReadingLevel(t *testing.T) {
	const maxPage, maxAverage = 7, 5
	var rows []string
	var sum float64
	pages := renderGuidance(t)
	for _, p := range pages {
		if !check.ReadingGradeApplies(p.page.Lang) {
			continue // an English formula: translations are not graded by it
		}
		st, err := check.Readability([]byte(p.html))
		if err != nil {
			t.Fatal(err)
		}
		g := st.Grade()
		if g > maxPage {
			t.Errorf("%s: reading grade %.1f is above %d: shorten sentences and use shorter words", p.file, g, maxPage)
		}
		sum += g
		rows = append(rows, fmt.Sprintf("%-45s %4.1f  (%d words)", p.file, g, st.Words))
	}
	avg := sum / float64(len(rows))
	t.Logf("Flesch-Kincaid grade by page:\n%s\naverage over %d pages: %.2f", strings.Join(rows, "\n"), len(rows), avg)
	if avg > maxAverage {
		t.Errorf("average reading grade %.2f is above %d", avg, maxAverage)
	}
}

// TestGuidanceTopics: the site covers the four pillars and every subject
// CONTENT.md says parents look for first, each on at least one guidance
// page carrying that topic.
func TestGuidanceTopics(t *testing.T) {
	required := []string{
		"Talking to your child", "Privacy settings", "Warning signs", "Grooming", "Reporting",
		"Sextortion", "Sharing nudes", "AI images", "Someone your child knows", "Live streaming",
		"Gaming", "Special educational needs and disabilities", "Telling the school", "Crisis support", "Keeping evidence", "Image removal",
	}
	has := map[string][]string{}
	for _, p := range guidance(t).All {
		if p.File == "" || strings.HasPrefix(p.File, "content/about/") {
			continue
		}
		for _, term := range p.Terms.Of("topics") {
			has[term] = append(has[term], p.File)
		}
	}
	for _, topic := range required {
		if len(has[topic]) == 0 {
			t.Errorf("no guidance page has the topic %q; CONTENT.md says the site must cover it", topic)
		}
	}
}

// sentences splits text at sentence ends.
var sentenceEnd = regexp.MustCompile(`[.!?]\s+`)

// TestGuidanceLawReach: the Protection of Children Act 1978 is the law of
// England and Wales only. Every sentence that names it says so, and no
// sentence near it says "in the UK" (Scotland and Northern Ireland have
// their own laws).
func TestGuidanceLawReach(t *testing.T) {
	act := regexp.MustCompile(`(?i)Protection of Children Act 1978`)
	for _, p := range renderGuidance(t) {
		if !p.english {
			continue
		}
		parts := sentenceEnd.Split(p.text, -1)
		for i, sent := range parts {
			if !act.MatchString(sent) {
				continue
			}
			if !strings.Contains(sent, "England and Wales") {
				t.Errorf("%s: %q names the 1978 Act without saying it is England and Wales law", p.file, sent)
			}
			near := strings.Join(parts[max(i-1, 0):min(i+2, len(parts))], ". ")
			if strings.Contains(strings.ToLower(near), "in the uk") {
				t.Errorf("%s: \"in the UK\" beside the 1978 Act: %q", p.file, near)
			}
			if !strings.Contains(near, "Scotland and Northern Ireland") {
				t.Errorf("%s: %q: say that Scotland and Northern Ireland have their own laws", p.file, sent)
			}
		}
	}
}

// TestGuidanceRetiredSites: no page, source or helpline points to
// thinkuknow.co.uk (CEOP Education is at ceopeducation.co.uk) or cites
// NSPCC Net Aware, whose closure the NSPCC announced in 2021.
func TestGuidanceRetiredSites(t *testing.T) {
	banned := regexp.MustCompile(`(?i)thinkuknow|net-aware\.org\.uk|net aware`)
	files := []string{"data/helplines.yaml", "signpost.toml"}
	err := fs.WalkDir(os.DirFS("."), "content", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(filepath.FromSlash(name))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if m := banned.FindString(line); m != "" {
				t.Errorf("%s:%d: %q: link to ceopeducation.co.uk or the NSPCC instead", name, i+1, m)
			}
		}
	}
}

// acronyms are spelt out, or explained, the first time a page uses them:
// readers with limited English cannot look them up. CEOP must also be
// called the police. Names known by their initials (NSPCC, FBI) are left
// as they are, as GOV.UK does with BBC.
var acronyms = map[string]string{
	"CEOP":  "Child Exploitation and Online Protection",
	"NCMEC": "National Center for Missing & Exploited Children",
	"ACCCE": "Australian Centre to Counter Child Exploitation",
	"IWF":   "Internet Watch Foundation",
	"UKCIS": "UK Council for Internet Safety",
	"SEND":  "special educational needs and disabilities",
	"AI":    "artificial intelligence",
	"VPN":   "A VPN hides where a device is connecting to", // explained, not spelt out
	"WCAG":  "Web Content Accessibility Guidelines",
}

// TestGuidanceAcronymsSpeltOut: a page spells each acronym out where the
// reader first meets it (just before, or within the next sentence or two;
// a helpline card that does so counts), and says CEOP is the police.
func TestGuidanceAcronymsSpeltOut(t *testing.T) {
	for _, p := range renderGuidance(t) {
		if !p.english {
			continue
		}
		for short, long := range acronyms {
			loc := regexp.MustCompile(`\b` + short + `\b`).FindStringIndex(p.text)
			if loc == nil {
				continue
			}
			window := p.text[max(loc[0]-len(long)-10, 0):min(loc[1]+200, len(p.text))]
			if !strings.Contains(strings.ToLower(window), strings.ToLower(long)) {
				t.Errorf("%s: %s is first used without being spelt out (%s): %q", p.file, short, long, p.text[loc[0]:min(loc[1]+80, len(p.text))])
			}
			if short == "CEOP" && !strings.Contains(p.text[loc[0]:min(loc[1]+200, len(p.text))], "police") {
				t.Errorf("%s: the first mention of CEOP does not say it is part of the police", p.file)
			}
		}
	}
}

// TestGuidanceHelplineGaps: a page that sends a parent to the NSPCC phone
// line says what to do when it is closed, and a page that mentions a child
// harming themselves gives a crisis line.
func TestGuidanceHelplineGaps(t *testing.T) {
	selfHarm := regexp.MustCompile(`(?i)harm(ing)? themselves|hurt(ing)? themselves|self-harm`)
	crisisLines := []string{"0800 1111", "116 123", "988", "1800 55 1800", "13 11 14"}
	for _, p := range renderGuidance(t) {
		if strings.Contains(p.text, "0808 800 5000") && !strings.Contains(p.text, "help@nspcc.org.uk") {
			t.Errorf("%s: gives the NSPCC phone line but not what to do when it is closed (the online form or help@nspcc.org.uk, or the police)", p.file)
		}
		if selfHarm.MatchString(p.text) && !containsAny(p.text, crisisLines) {
			t.Errorf("%s: mentions self-harm without a crisis line", p.file)
		}
	}
}

// TestGuidanceTakeItDown: Take It Down works anywhere, so no card or
// heading labels it US-only, and a page that explains how it works gives
// its safety rule.
func TestGuidanceTakeItDown(t *testing.T) {
	usOnly := regexp.MustCompile(`Take It Down[^.]{0,40}\((US|United States)[,)]`)
	for _, p := range renderGuidance(t) {
		if m := usOnly.FindString(p.text); m != "" {
			t.Errorf("%s: %q labels Take It Down as US-only; it works in any country", p.file, m)
		}
		if strings.Contains(p.text, "Take It Down") && strings.Contains(p.text, "hash") &&
			!strings.Contains(p.text, "only on the device that already has the image") {
			t.Errorf("%s: explains Take It Down without saying to use it only on the device that already has the image", p.file)
		}
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// TestContactPage: the contact page shows the address configured in
// [params.contact], and every page's footer links to it.
func TestContactPage(t *testing.T) {
	cfg, probs := config.Load(os.DirFS("."))
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	contact, _ := cfg.Params["contact"].(map[string]any)
	email, _ := contact["email"].(string)
	if email == "" {
		t.Fatal("signpost.toml has no [params.contact] email")
	}
	s := bundledSite(t)
	page, err := os.ReadFile(filepath.Join(s.dir, "about", "contact", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `href="mailto:`+email+`"`) {
		t.Errorf("the contact page does not link to mailto:%s", email)
	}
	for _, file := range s.pages {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		footer := string(data)
		if i := strings.Index(footer, "<footer"); i >= 0 {
			footer = footer[i:]
		} else {
			continue // pages without the site's footer (redirects)
		}
		if !strings.Contains(footer, `href="/about/contact/"`) {
			rel, _ := filepath.Rel(s.dir, file)
			t.Errorf("%s: the footer does not link to the contact page", rel)
		}
	}
}

// idioms trip up readers with limited English (issue 15 names these); say
// the plain thing instead.
var idioms = []string{
	"tell them off", "told off", "funny inside", "keep the door open", "open the door for",
	"step in early", "get around it", "loosen", "sort it out", "sort this out",
	"at your own pace", "keep an eye on", "to hand", "check in on", "check in often",
}

// TestGuidancePlainWords: no page uses an idiom from the list.
func TestGuidancePlainWords(t *testing.T) {
	for _, p := range renderGuidance(t) {
		if !p.english {
			continue
		}
		low := strings.ToLower(p.text)
		for _, idiom := range idioms {
			if strings.Contains(low, idiom) {
				t.Errorf("%s: %q is an idiom; say what you mean in plain words", p.file, idiom)
			}
		}
	}
}

// TestGuidancePoliceRequest: the police unit's request is said plainly
// where a worried parent lands: suspected grooming can be reported to CEOP
// or to the police on 101 without proof, and 999 in an emergency.
func TestGuidancePoliceRequest(t *testing.T) {
	want := map[string]bool{
		"content/_index.md": false, "content/warning-signs/_index.md": false,
		"content/warning-signs/what-to-do-next.md": false, "content/report/uk.md": false,
	}
	for _, p := range renderGuidance(t) {
		if _, ok := want[p.file]; !ok {
			continue
		}
		want[p.file] = true
		for _, s := range []string{"who your child talks to online", "grooming", "CEOP", "101", "999", "You do not need proof"} {
			if !strings.Contains(p.text, s) {
				t.Errorf("%s: the police's request needs %q", p.file, s)
			}
		}
	}
	for file, seen := range want {
		if !seen {
			t.Errorf("%s: page missing", file)
		}
	}
}
