package check

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/markdown"
)

// good is front matter that every check is happy with.
const good = `---
title: Snapchat settings
description: How to choose who can contact your child on Snapchat.
---
`

var today = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

// page loads content/a.md (and the config, if any) the way a build does.
func page(t *testing.T, md string, cfgSrc string) (*content.Page, fstest.MapFS, *config.Config) {
	t.Helper()
	fsys := fstest.MapFS{"content/a.md": {Data: []byte(md)}}
	if cfgSrc != "" {
		fsys["signpost.toml"] = &fstest.MapFile{Data: []byte(cfgSrc)}
	}
	cfg, probs := config.Load(fsys)
	if probs.HasErrors() {
		t.Fatalf("config: %v", probs)
	}
	tree, probs := content.Load(context.Background(), fsys, cfg, content.Options{Drafts: true})
	if probs.HasErrors() {
		t.Fatalf("content: %v", probs)
	}
	p := tree.ByFile("content/a.md")
	if p == nil {
		t.Fatal("no page")
	}
	return p, fsys, cfg
}

// doc wraps body HTML in a page with one h1, unless it has its own h1 or
// says no-h1.
func doc(body string) string {
	if !strings.Contains(body, "<h1") && !strings.Contains(body, "no-h1") {
		body = "<h1>Snapchat settings</h1>\n" + body
	}
	return "<!DOCTYPE html><html lang=en><head><title>A</title></head><body><main id=main>" + body + "</main></body></html>"
}

type pageCase struct {
	name    string
	md      string // content/a.md
	html    string // the page's HTML inside <main>; doc adds the h1
	content string // the body's HTML, for readability
	cfg     string // signpost.toml
	lang    string // the page's language, as the content loader sets it
	want    []string
}

// run checks one case and compares problem strings: each want must be a
// prefix of one problem (path:line:col: severity: message…), and there must
// be no other problems. An empty want means the check stays quiet.
func (tc pageCase) run(t *testing.T) ([]Link, diag.List) {
	t.Helper()
	p, fsys, cfg := page(t, tc.md, tc.cfg)
	if tc.lang != "" {
		p.Lang = tc.lang
	}
	c := New(Options{Site: fsys, Config: cfg, Now: today})
	res := convert(t, p, fsys)
	rep := c.Page(Input{Page: p, HTML: []byte(doc(tc.html)), Content: []byte(tc.content), Markdown: res})
	probs, links := rep.Problems, rep.External
	probs.Sort()
	var got []string
	for _, pr := range probs {
		got = append(got, pr.String())
	}
	used := make([]bool, len(got))
	for _, w := range tc.want {
		found := false
		for i, g := range got {
			if !used[i] && strings.HasPrefix(g, w) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("missing problem %q\ngot:\n  %s", w, strings.Join(got, "\n  "))
		}
	}
	for i, g := range got {
		if !used[i] {
			t.Errorf("unexpected problem %q (hint: %s)", g, probs[i].Hint)
		}
	}
	return links, probs
}

func TestDuplicateIDs(t *testing.T) {
	for _, tc := range []pageCase{
		{name: "heading clashes with the layout", md: good + "\nText.\n\n## Sources\n\nMore.\n",
			html: `<p>Text.</p><h2 id="sources">Sources</h2><p>More.</p><div><h2 id="sources">Sources</h2></div>`,
			want: []string{`content/a.md:8:1: error: id "sources" is used by 2 elements on the page`}},
		{name: "explicit anchor clashes", md: good + "\n## Report {#main}\n",
			html: `<h2 id="main">Report</h2>`,
			want: []string{`content/a.md:6:11: error: id "main" is used by 2 elements`}},

		{name: "layout only", md: good,
			html: `<nav><span id="x"></span></nav><footer id="x"></footer>`,
			want: []string{`content/a.md: error: id "x" is used by 2 elements`}},
		{name: "all different", md: good + "\n## Sources\n",
			html: `<h2 id="sources">Sources</h2><h2 id="sources-1">Sources</h2>`},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t) })
	}
}

func TestImages(t *testing.T) {
	for _, tc := range []pageCase{
		{name: "empty alt in markdown", md: good + "\nSee this:\n\n![](phone.png)\n",
			html: `<p><img src="phone.png" alt=""></p>`,
			want: []string{`content/a.md:8:1: error: image phone.png has no alt text`}},
		{name: "empty alt inline", md: good + "\nThe settings ![ ](gear.png) icon.\n",
			html: `<p>The settings <img src="gear.png" alt=""> icon.</p>`,
			want: []string{`content/a.md:6:14: error: image gear.png has no alt text`}},
		{name: "no alt attribute in the layout", md: good,
			html: `<img src="/logo.png">`,
			want: []string{`content/a.md: error: image /logo.png has no alt attribute`}},
		{name: "decorative published with its marker", md: good + "\n![decorative](line.png)\n",
			html: `<p><img src="line.png" alt="decorative"></p>`,
			want: []string{`content/a.md:6:1: error: decorative image line.png is published with alt text "decorative"`}},
		{name: "described", md: good + "\n![A phone showing the privacy menu](phone.png)\n",
			html: `<p><img src="phone.png" alt="A phone showing the privacy menu"></p>`},
		{name: "decorative", md: good + "\n![decorative](line.png)\n",
			html: `<p><img src="line.png" alt=""></p>`},
		{name: "in a code block", md: good + "\n```\n![](x.png)\n```\n",
			html: `<pre><code>![](x.png)</code></pre>`},
		// Alt text left as the picture's file name, in its kinds: with an
		// image ending in any case, a camera's name without one, and the
		// file's own name; a description that mentions a file is fine.
		{name: "alt is a file name", md: good + "\n![IMG_2031.png](a.png)\n![photo 1.JPEG](a.png)\n![IMG_2031](b.png)\n![Screenshot 2026-11-28 at 10.15.02](c.png)\n![parental-controls](parental-controls.png)\n",
			html: `<p><img src="a.png" alt="IMG_2031.png"></p>`,
			want: []string{
				`content/a.md:6:1: warning: the description of image a.png is a file name (IMG_2031.png): screen readers read it out instead of saying what the picture shows`,
				`content/a.md:7:1: warning: the description of image a.png is a file name (photo 1.JPEG): screen readers read it out instead of saying what the picture shows`,
				`content/a.md:8:1: warning: the description of image b.png is a file name (IMG_2031): screen readers read it out instead of saying what the picture shows`,
				`content/a.md:9:1: warning: the description of image c.png is a file name (Screenshot 2026-11-28 at 10.15.02): screen readers read it out instead of saying what the picture shows`,
				`content/a.md:10:1: warning: the description of image parental-controls.png is a file name (parental-controls): screen readers read it out instead of saying what the picture shows`,
			}},
		{name: "alt describes", md: good + "\n![The logo of the school](logo.png)\n![A screenshot of the settings.png menu in 2026](s.png)\n![logo](logo.png)\n",
			html: `<p><img src="logo.png" alt="The logo of the school"></p>`},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t) })
	}
}

func TestHeadings(t *testing.T) {
	for _, tc := range []pageCase{
		{name: "no h1", md: good, html: `<!-- no-h1 --><h2>Part</h2>`,
			want: []string{`content/a.md: error: page has no h1 heading`}},
		{name: "second h1 in the body", md: good + "\n# Snapchat\n\nText.\n",
			html: `<h1>Snapchat settings</h1><h1 id="snapchat">Snapchat</h1><p>Text.</p>`,
			want: []string{`content/a.md:6:1: error: second h1 heading "Snapchat"`}},
		{name: "skipped level", md: good + "\n## Settings\n\n#### Who can contact them\n",
			html: `<h2 id="settings">Settings</h2><h4 id="who-can-contact-them">Who can contact them</h4>`,
			want: []string{`content/a.md:8:1: error: heading "Who can contact them" is h4 after an h2`}},
		{name: "skipped from the h1", md: good + "\n### Who can contact them\n",
			html: `<h3 id="who-can-contact-them">Who can contact them</h3>`,
			want: []string{`content/a.md:6:1: error: heading "Who can contact them" is h3 after an h1`}},
		{name: "in order", md: good + "\n## A\n\n### B\n\n## C\n\n### D\n#### E\n",
			html: `<h2>A</h2><h3>B</h3><h2>C</h2><h3>D</h3><h4>E</h4><footer><h2>Sources</h2></footer>`},
		// The same text twice: each heading is placed at its own line,
		// from the syntax tree, not at the first line with that text.
		{name: "same text, later heading skips", md: good + "\n## Details\n\nText.\n\n## Other\n\nMore text.\n\n### Sub\n\nEven more.\n\n#### Details\n\n##### Details\n",
			html: `<h2 id="details">Details</h2><p>Text.</p><h2 id="other">Other</h2><p>More text.</p><h3 id="sub">Sub</h3><p>Even more.</p><h4 id="details-1">Details</h4><h5 id="details-2">Details</h5>`},
		{name: "same text, skipped at its own line", md: good + "\n## Details\n\nText.\n\n## Other\n\nMore text.\n\nEven more.\n\n#### Details\n",
			html: `<h2 id="details">Details</h2><p>Text.</p><h2 id="other">Other</h2><p>More text.</p><p>Even more.</p><h4 id="details-1">Details</h4>`,
			want: []string{`content/a.md:16:1: error: heading "Details" is h4 after an h2`}},
		{name: "setext heading over two lines", md: good + "\n## Settings\n\nWho can\ncontact them\n============\n",
			html: `<h1>Snapchat settings</h1><h2 id="settings">Settings</h2><h1 id="who-can-contact-them">Who can contact them</h1>`,
			want: []string{`content/a.md:8:1: error: second h1 heading "Who can contact them"`}},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t) })
	}
}

func TestLinkText(t *testing.T) {
	for _, tc := range []pageCase{
		{name: "click here", md: good + "\nTo report, [click here](/report/).\n",
			html: `<p>To report, <a href="/report/">click here</a>.</p>`,
			want: []string{`content/a.md:6:12: warning: link text "click here" does not say where it goes`}},
		{name: "vague words", md: good + "\nSee [here](/a/), [Read more](/b/) and [more…](/c/).\n",
			html: `<p>See <a href="/a/">here</a>, <a href="/b/">Read more</a> and <a href="/c/">more…</a>.</p>`,
			want: []string{
				`content/a.md:6:5: warning: link text "here"`,
				`content/a.md:6:18: warning: link text "Read more"`,
				`content/a.md:6:39: warning: link text "more…"`,
			}},
		{name: "bare URL", md: good + "\nGo to <https://www.ceop.police.uk/>.\n",
			html: `<p>Go to <a href="https://www.ceop.police.uk/">https://www.ceop.police.uk/</a>.</p>`,
			want: []string{`content/a.md:6:7: warning: link text is a bare address: https://www.ceop.police.uk/`}},
		{name: "www address", md: good + "\nGo to [www.iwf.org.uk](https://www.iwf.org.uk/).\n",
			html: `<p>Go to <a href="https://www.iwf.org.uk/">www.iwf.org.uk</a>.</p>`,
			want: []string{`content/a.md:6:7: warning: link text is a bare address: www.iwf.org.uk`}},
		{name: "no text", md: good + "\n[](/report/)\n",
			html: `<p><a href="/report/"></a></p>`,
			want: []string{`content/a.md:6:1: error: link to /report/ has no text`}},
		{name: "same vague text twice, second placed at its own line", md: good + "\n[Here](/a/) is fine text.\n\nThen [here](/b/).\n",
			html: `<p><a href="/a/">Here</a> is fine text.</p><p>Then <a href="/b/">here</a>.</p>`,
			want: []string{`content/a.md:6:1: warning: link text "Here"`, `content/a.md:8:6: warning: link text "here"`}},
		{name: "from the layout", md: good, html: `<footer><a href="/about/">More</a></footer>`,
			want: []string{`content/a.md: warning: link text "More" does not say where it goes`}},
		{name: "descriptive", md: good + "\n[Report to CEOP](https://www.ceop.police.uk/) or read [how to keep evidence](/report/keep-evidence/).\n",
			html: `<p><a href="https://www.ceop.police.uk/">Report to CEOP</a> or read <a href="/report/keep-evidence/">how to keep evidence</a>.</p>`},
		{name: "contents list to a heading", md: good + "\n## Find out more\n",
			html: `<nav><a href="#find-out-more">Find out more</a></nav><h2 id="find-out-more">Find out more</h2>`},
		{name: "an image names the link", md: good,
			html: `<a href="/"><img src="/logo.svg" alt="Signpost home"></a>`},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t) })
	}
}

func TestFrontMatter(t *testing.T) {
	long := strings.Repeat("word ", 33) + "end."
	for _, tc := range []pageCase{
		{name: "no title", md: "---\ndescription: Plain.\n---\n",
			want: []string{`content/a.md:1: error: page has no title`}},
		{name: "blank title", md: "---\ntitle: \"\"\ndescription: Plain.\n---\n",
			want: []string{`content/a.md:2: error: page has no title`}},
		{name: "no front matter", md: "Just text.\n", html: `<p>Just text.</p>`,
			want: []string{`content/a.md:1: error: page has no title`, `content/a.md:1: error: page has no description`}},
		{name: "no description", md: "---\ntitle: A\n---\n",
			want: []string{`content/a.md:1: error: page has no description`}},
		{name: "long description", md: "---\ntitle: A\ndescription: " + long + "\n---\n",
			want: []string{`content/a.md:3: warning: description is 169 characters, over 160`}},
		{name: "toml", md: "+++\ntitle = \"A\"\ndescription = \"Plain.\"\n+++\n"},
		{name: "folded description", md: "---\ntitle: A\ndescription: >-\n  One plain sentence.\n---\n"},
		{name: "good", md: good},
		// Keys a line-by-line search took for top-level ones.
		{name: "toml key in a table", md: "+++\ntitle = \"A\"\n[params]\ndescription = \"Not the page's.\"\n+++\n",
			want: []string{`content/a.md:1: error: page has no description`}},
		{name: "toml key in a multi-line string", md: "+++\ntitle = \"A\"\nsummary = '''\ndescription = \"x\"\n'''\n+++\n",
			want: []string{`content/a.md:1: error: page has no description`}},
		{name: "yaml key in a multi-line string", md: "---\ntitle: A\nsummary: \"First,\ndescription: still the summary\"\n---\n",
			want: []string{`content/a.md:1: error: page has no description`}},
		{name: "yaml key in a nested map", md: "---\nparams:\n  description: x\ntitle: A\n---\n",
			want: []string{`content/a.md:1: error: page has no description`}},
		{name: "yaml quoted key", md: "---\n'title': A\n\"description\": " + long + "\n---\n",
			want: []string{`content/a.md:3: warning: description is 169 characters, over 160`}},
		{name: "key repeated in a comment", md: "---\n# description: " + long + "\ntitle: A\ndescription: " + long + "\n---\n",
			want: []string{`content/a.md:4: warning: description is 169 characters, over 160`}},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t) })
	}
}

func TestReview(t *testing.T) {
	const sources = "sources:\n  - title: NSPCC\n    url: https://www.nspcc.org.uk/\n    checked: 2026-11-28\n"
	for _, tc := range []pageCase{
		{name: "topics without sources or dates", md: "---\ntitle: A\ndescription: B.\ntopics: [Grooming]\n---\n",
			want: []string{
				`content/a.md:4: warning: guidance page has no reviewed date`,
				`content/a.md:4: warning: guidance page has no sources`,
			}},
		{name: "no review_by", md: "---\ntitle: A\ndescription: B.\ntopics: [Grooming]\nreviewed: 2026-11-28\n" + sources + "---\n",
			want: []string{`content/a.md:5: warning: guidance page has no review_by date`}},
		{name: "review more than a year on", md: "---\ntitle: A\ndescription: B.\nreviewed: 2026-01-01\nreview_by: 2027-06-01\n---\n",
			want: []string{`content/a.md:5: warning: review_by 2027-06-01 is more than 12 months after reviewed 2026-01-01`}},
		// Every problem of a source is placed on the line its entry starts.
		{name: "source without a date", md: "---\ntitle: A\ndescription: B.\ntopics: [Grooming]\nreviewed: 2026-11-28\nreview_by: 2027-11-28\nsources:\n  - title: NSPCC\n    url: https://www.nspcc.org.uk/\n---\n",
			want: []string{`content/a.md:8: warning: source 1 (NSPCC) has no checked date`}},
		// A source's bad address is placed on its own url line, read from
		// the parser's tree: not the first place the text appears.
		{name: "same bad url in two sources", md: "---\ntitle: A\ndescription: See /about/ for B.\nsources:\n  - title: One\n    url: /about/\n  - title: Two\n    checked: 2026-11-28\n    url: /about/\n---\n",
			want: []string{
				`content/a.md:6: error: source 1 (One) has url "/about/", which is not a web address`,
				`content/a.md:9: error: source 2 (Two) has url "/about/", which is not a web address`,
			}},
		{name: "toml bad url", md: "+++\ntitle = \"A\"\ndescription = \"B.\"\nsources = [{title = \"One\", url = \"javascript:alert(1)\"}]\n+++\n",
			want: []string{`content/a.md:4: error: source 1 (One) has url "javascript:alert(1)", which is not a web address`}},
		{name: "toml source without a date", md: "+++\ntitle = \"A\"\ndescription = \"B.\"\ntopics = [\"Grooming\"]\nreviewed = 2026-11-28\nreview_by = 2027-11-28\n\n[[sources]]\ntitle = \"NSPCC\"\nurl = \"https://www.nspcc.org.uk/\"\nchecked = 2026-11-28\n\n[[sources]]\ntitle = \"Childline\"\nurl = \"https://www.childline.org.uk/\"\n+++\n",
			want: []string{`content/a.md:13: warning: source 2 (Childline) has no checked date`}},
		{name: "complete guidance", md: "---\ntitle: A\ndescription: B.\ntopics: [Grooming]\nreviewed: 2026-11-28\nreview_by: 2027-11-28\n" + sources + "---\n"},
		{name: "not guidance", md: "---\ntitle: About us\ndescription: Who we are.\n---\n"},
		// Which pages are guidance is the site's rule, in its config.
		{name: "guidance taxonomy from config", md: "---\ntitle: A\ndescription: B.\nsubjects: [Maths]\n---\n",
			cfg: "[taxonomies]\nsubject = \"subjects\"\n[guidance]\ntaxonomies = [\"subjects\"]\n",
			want: []string{
				`content/a.md:4: warning: guidance page has no reviewed date`,
				`content/a.md:4: warning: guidance page has no sources`,
			}},
		{name: "own taxonomies, no guidance rule", md: "---\ntitle: A\ndescription: B.\nsubjects: [Maths]\n---\n",
			cfg: "[taxonomies]\nsubject = \"subjects\"\n"},
		{name: "topics not guidance by config", md: "---\ntitle: A\ndescription: B.\napps: [Roblox]\ntopics: [Games]\n---\n",
			cfg: "[guidance]\ntaxonomies = [\"apps\"]\n",
			want: []string{
				`content/a.md:4: warning: guidance page has no reviewed date`,
				`content/a.md:4: warning: guidance page has no sources`,
			}},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t) })
	}
}

func TestReviews(t *testing.T) {
	past := &content.Page{File: "content/old.md", ReviewBy: today.AddDate(0, 0, -1)}
	future := &content.Page{File: "content/new.md", ReviewBy: today.AddDate(0, 6, 0)}
	none := &content.Page{File: "content/about.md"}
	probs := Reviews([]*content.Page{past, future, none}, today)
	if len(probs) != 1 || probs[0].String() != "content/old.md:1: warning: guidance is past its review date (review_by 2026-11-27)" {
		t.Fatalf("got %v", probs)
	}
}

func TestExternalLinksAreCollected(t *testing.T) {
	md := "---\ntitle: A\ndescription: B.\nsources:\n  - title: NSPCC\n    url: https://www.nspcc.org.uk/\n    checked: 2026-11-28\n---\n\nCall the [NSPCC](https://www.nspcc.org.uk/) or see [CEOP](https://www.ceop.police.uk/).\n"
	html := `<p>Call the <a href="https://www.nspcc.org.uk/">NSPCC</a> or see <a href="https://www.ceop.police.uk/">CEOP</a>.</p>` +
		`<ul><li><a href="https://www.nspcc.org.uk/">NSPCC</a></li></ul><a href="https://www.bbc.co.uk/weather">Exit this page</a>`
	links, _ := pageCase{md: md, html: html}.run(t)
	links = SortLinks(links)
	want := []Link{
		{URL: "https://www.nspcc.org.uk/", Path: "content/a.md", Line: 6, Col: 10},
		{URL: "https://www.nspcc.org.uk/", Path: "content/a.md", Line: 10, Col: 10},
		{URL: "https://www.ceop.police.uk/", Path: "content/a.md", Line: 10, Col: 52},
	}
	if len(links) != len(want) {
		t.Fatalf("got %v", links)
	}
	for i := range want {
		if links[i] != want[i] {
			t.Errorf("link %d = %+v, want %+v", i, links[i], want[i])
		}
	}
}

func TestDraftProblemsAreWarnings(t *testing.T) {
	pageCase{md: "---\ntitle: New page\ndescription: \"\"\ndraft: true\n---\n![](x.png)\n", html: `<p><img src="x.png" alt=""></p>`,
		want: []string{
			`content/a.md:3: warning: page has no description`,
			`content/a.md:6:1: warning: image x.png has no alt text`,
		}}.run(t)
}

// convert converts the page's body as a build does, for the positions
// of its images, headings, links and ids.
func convert(t *testing.T, p *content.Page, fsys fstest.MapFS) *markdown.Result {
	t.Helper()
	body, err := content.ReadBody(fsys, p)
	if err != nil {
		t.Fatal(err)
	}
	res, err := markdown.New(markdown.Options{}).Convert(p, body)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestUnplacedEmptyValue: a problem about an empty value the markdown does
// not place (a link or heading without text, an image without src) is not
// put on a layout line that only shares the markup around the value ("><"
// is in every layout, src="" in many): it names the page's template.
func TestUnplacedEmptyValue(t *testing.T) {
	p, fsys, cfg := page(t, good+"\nText.\n", "")
	c := New(Options{Site: fsys, Config: cfg, Now: today})
	layouts := []Layout{
		{Path: "layouts/_default/single.html", Text: []byte("{{define \"main\"}}\n{{.Content}}\n{{end}}\n")},
		{Path: "layouts/partials/nav.html", Text: []byte("<nav>\n<ol><li><img src=\"\" alt=\"\"> a.b</li></ol>\n</nav>\n")},
	}
	html := `<p>Text.</p><a href="/nowhere/"></a><h4></h4><img src="">`
	rep := c.Page(Input{Page: p, HTML: []byte(doc(html)), Markdown: convert(t, p, fsys), Layouts: layouts})
	n := 0
	for _, pr := range rep.Problems {
		if pr.Path == "layouts/partials/nav.html" {
			t.Errorf("placed on a line that does not write it: %s", pr)
		}
		if pr.Path == "layouts/_default/single.html" && pr.Line == 0 {
			n++
		}
	}
	if n != 3 {
		t.Errorf("want 3 problems on the page's template, got %v", rep.Problems)
	}
}
