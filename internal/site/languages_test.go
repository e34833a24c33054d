package site_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/site"
	"github.com/signpost/signpost/internal/sitetest"
)

// languagesConfig is a site in English (at the root), a Welsh-like and
// an Urdu-like language (right to left; Gaelic and Persian codes, which
// the theme has no words for), the theme's words translated in part.
const languagesConfig = `
-- signpost.toml --
title = "Signpost"
baseURL = "https://example.org/"
languageCode = "en-GB"
defaultContentLanguage = "en"
[languages.en]
name = "English"
weight = 1
[languages.gd]
name = "Cymraeg"
weight = 2
title = "Arwyddbost"
[languages.fa]
name = "اردو"
weight = 3
direction = "rtl"
title = "سائن پوسٹ"
-- i18n/gd.toml --
[exitThisPage]
other = "Gadael y dudalen hon"
[home]
other = "Hafan"
[blockWarning]
other = "Rhybudd"
[switcherNoTranslation]
other = "Nid yw'r dudalen hon ar gael yn Gymraeg eto: mae'r ddolen hon yn mynd i'r hafan Gymraeg."
[translationUnchecked]
other = "Cyfieithiad heb ei wirio. <a href=\"{{ .URL }}\">Darllenwch y dudalen yn Saesneg</a>."
[pagesCount]
one = "{{ .Count }} dudalen"
two = "{{ .Count }} dudalen"
few = "{{ .Count }} tudalen"
many = "{{ .Count }} thudalen"
other = "{{ .Count }} tudalen"
[month11]
other = "Tachwedd"
[taxonomy-topics]
other = "Pynciau"
[misspelt]
other = "x"
`

// urBasic translates one of the theme's words into Urdu.
const urBasic = `
-- i18n/fa.toml --
[exitThisPage]
other = "یہ صفحہ چھوڑیں"
`

// byName lays the translations out beside the English pages, by file name.
const byName = `
-- content/_index.md --
---
title: Home
---
Welcome.
-- content/_index.gd.md --
---
title: Hafan
translation: {from: en, checked: true}
---
Croeso.
-- content/report/_index.md --
---
title: Report
---
How to report.
-- content/report/worried.md --
---
title: Worried right now
reviewed: 2026-11-01
topics: [reporting]
---
:::warning
Call 999.
:::
-- content/report/worried.gd.md --
---
title: Pryderu nawr
reviewed: 2026-11-01
topics: [reporting]
translation: {from: en, checked: false}
---
:::warning
Ffoniwch 999.
:::
-- content/report/worried.fa.md --
---
title: ابھی فکر مند
translation: {from: en, checked: false}
---
999 پر کال کریں۔
-- content/report/other.md --
---
title: Only in English
---
English only.
`

func TestLanguagesByFileName(t *testing.T) {
	s := sitetest.BuildOK(t, languagesConfig+urBasic+byName, func(o *site.Options) { o.URLs = site.URLsKeep })
	// Each language at its own prefix, with lang and dir.
	s.AssertFile("report/worried/index.html", `<html lang="en-GB" dir="ltr">`, `Exit this page`)
	s.AssertFile("gd/report/worried/index.html", `<html lang="gd" dir="ltr">`, `Gadael y dudalen hon`, `Rhybudd`, `Pryderu nawr`)
	s.AssertFile("fa/report/worried/index.html", `<html lang="fa" dir="rtl">`, `یہ صفحہ چھوڑیں`,
		// a message the Urdu file lacks falls back to English
		`Skip to main content`)
	// hreflang alternates, x-default the English page.
	for _, p := range []string{"report/worried/index.html", "gd/report/worried/index.html", "fa/report/worried/index.html"} {
		s.AssertFile(p,
			`<link rel="alternate" hreflang="en-GB" href="https://example.org/report/worried/">`,
			`<link rel="alternate" hreflang="gd" href="https://example.org/gd/report/worried/">`,
			`<link rel="alternate" hreflang="fa" href="https://example.org/fa/report/worried/">`,
			`<link rel="alternate" hreflang="x-default" href="https://example.org/report/worried/">`)
	}
	// A page with no translation has no alternates; its switcher leads to
	// the other languages' homes, with a note in that language.
	s.AssertFile("report/other/index.html", `! hreflang="gd" href="https://example.org/gd/report/other/"`,
		`<a href="/gd/" lang="gd" hreflang="gd" dir="ltr">Cymraeg<span class="visually-hidden language-note" lang="gd" dir="ltr">: Nid yw&#39;r dudalen hon ar gael yn Gymraeg eto`,
		// a note the Persian file lacks is in English, and says so with lang
		`<a href="/fa/" lang="fa" hreflang="fa" dir="rtl">اردو<span class="visually-hidden language-note" lang="en-GB" dir="ltr">: This page is not in اردو yet: this link goes to the اردو home page.</span></a>`)
	// The switcher names each language in itself and marks the current one.
	s.AssertFile("gd/report/worried/index.html", `<a href="/gd/report/worried/" lang="gd" hreflang="gd" dir="ltr" aria-current="true">Cymraeg</a>`,
		`<a href="/report/worried/" lang="en-GB" hreflang="en-GB" dir="ltr">English</a>`)
	// An unchecked translation says so in both languages, linking to the
	// English page; a checked one does not.
	s.AssertFile("gd/report/worried/index.html", `<div class="translation-notice" role="note">`,
		`Cyfieithiad heb ei wirio. <a href="/report/worried/">Darllenwch y dudalen yn Saesneg</a>.`,
		`<p lang="en-GB" dir="ltr">This page has been translated from English and has not yet been checked by a fluent speaker. If anything is unclear, <a href="/report/worried/" lang="en" hreflang="en">read the page in English</a>.</p>`)
	s.AssertFile("gd/index.html", `! translation-notice`, `Croeso.`)
	s.AssertFile("report/worried/index.html", `! translation-notice`)
	// Breadcrumbs and dates in the page's language.
	s.AssertFile("gd/report/worried/index.html", `<a href="/gd/">Hafan</a>`, `1 Tachwedd 2026`)
	// Per-language taxonomies, with plurals of the language.
	s.AssertFile("gd/topics/index.html", `(1 dudalen)`,
		// the taxonomy's title in the language (i18n taxonomy-topics);
		// its description, which the file lacks, in English
		`<h1>Pynciau</h1>`, `<title>Pynciau – Arwyddbost</title>`, `content="Every page, listed by pynciau."`)
	s.AssertFile("gd/topics/reporting/index.html", `<p class="caption">Pynciau</p>`)
	s.AssertFile("topics/index.html", `(1 page)`, `<h1>Topics</h1>`)
	// A language without its own home page still has one.
	s.AssertFile("fa/index.html", `<html lang="fa" dir="rtl">`, `سائن پوسٹ`)
	// A translation's missing messages are one warning naming its file;
	// a message the theme does not use, a warning at its line.
	w := sitetest.BuildOK(t, languagesConfig+urBasic+byName)
	w.AssertProblem("i18n/gd.toml: warning: ", " messages are missing and show in English: aboutThisSite, blockDo", "add them, translated, from i18n/en.toml")
	w.AssertProblem("i18n/fa.toml: warning: ", " messages are missing and show in English: aboutThisSite, blockDo, blockDont, blockEmergency, blockSay, blockTip, blockWarning")
	w.AssertProblem(`i18n/gd.toml:21: warning: message "misspelt" is not one the theme uses`)
	// The sitemap lists each page with its alternates.
	s.AssertFile("sitemap.xml", `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`,
		`<loc>https://example.org/fa/report/worried/</loc>
    <xhtml:link rel="alternate" hreflang="en-GB" href="https://example.org/report/worried/"></xhtml:link>
    <xhtml:link rel="alternate" hreflang="gd" href="https://example.org/gd/report/worried/"></xhtml:link>
    <xhtml:link rel="alternate" hreflang="fa" href="https://example.org/fa/report/worried/"></xhtml:link>
    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/report/worried/"></xhtml:link>`)
	// Feeds per language, with the language's pages only.
	s.AssertFile("gd/feed.xml", `xml:lang="gd"`, `<title>Arwyddbost</title>`, `https://example.org/gd/report/worried/`, `! https://example.org/report/worried/`)
	s.AssertFile("feed.xml", `xml:lang="en-GB"`, `https://example.org/report/worried/`, `! /gd/`)
	s.AssertFile("gd/updates.xml", `xml:lang="gd"`, `Guidance updates – Arwyddbost`, `https://example.org/gd/report/worried/#reviewed-2026-11-01`)
	s.AssertFile("gd/topics/reporting/updates.xml", `https://example.org/gd/report/worried/`)
	s.AssertFile("updates.xml", `https://example.org/report/worried/`, `! /gd/`)
	// resources.json: each page's language and translations.
	s.AssertFile("resources.json", `"url": "https://example.org/gd/report/worried/",`, `"language": "gd",`,
		`"translations": {
        "en-GB": "https://example.org/report/worried/",
        "fa": "https://example.org/fa/report/worried/"
      }`)
	// urls.txt covers every language.
	urls := s.Read("../urls.txt")
	for _, u := range []string{"/\n", "/gd/\n", "/fa/\n", "/gd/report/worried/\n", "/fa/report/worried/\n", "/report/other/\n"} {
		if !strings.Contains(urls, u) {
			t.Errorf("urls.txt lacks %q:\n%s", u, urls)
		}
	}
}

// byFolder keeps each language's pages in its own folder (contentDir);
// a translation may have its own slug, and translationKey links pages at
// different paths.
const byFolder = `
-- signpost.toml --
title = "Signpost"
baseURL = "https://example.org/"
[languages.en]
name = "English"
weight = 1
[languages.pl]
name = "Polski"
weight = 2
contentDir = "content/pl"
urlPrefix = "/polski/"
-- content/_index.md --
---
title: Home
---
Welcome.
-- content/report/worried.md --
---
title: Worried right now
---
English.
-- content/report/keep.md --
---
title: Keep evidence
translationKey: evidence
---
English.
-- content/pl/_index.md --
---
title: Strona główna
---
Witamy.
-- content/pl/report/worried.md --
---
title: Martwisz się teraz
slug: martwisz-sie
---
Polski.
-- content/pl/dowody/zachowaj.md --
---
title: Zachowaj dowody
translationKey: evidence
---
Polski.
`

func TestLanguagesByFolder(t *testing.T) {
	s := sitetest.BuildOK(t, byFolder)
	s.AssertFile("polski/report/martwisz-sie/index.html", `<html lang="pl" dir="ltr">`, `Martwisz się teraz`,
		`<link rel="alternate" hreflang="en" href="https://example.org/report/worried/">`,
		`<link rel="alternate" hreflang="pl" href="https://example.org/polski/report/martwisz-sie/">`)
	s.AssertFile("report/worried/index.html", `<a href="/polski/report/martwisz-sie/" lang="pl" hreflang="pl" dir="ltr">Polski</a>`)
	// translationKey links pages at different paths.
	s.AssertFile("report/keep/index.html", `<link rel="alternate" hreflang="pl" href="https://example.org/polski/dowody/zachowaj/">`)
	s.AssertFile("polski/dowody/zachowaj/index.html", `<link rel="alternate" hreflang="en" href="https://example.org/report/keep/">`)
	s.AssertFile("polski/index.html", `Witamy.`, `<link rel="alternate" hreflang="en" href="https://example.org/">`)
	// The folder of Polish pages is not a section of the English site.
	if s.Exists("pl/index.html") || s.Exists("pl/report/worried/index.html") {
		t.Error("content/pl was published as English pages")
	}
}

// Problems of translations name their file and line.
func TestTranslationProblems(t *testing.T) {
	s := sitetest.Build(t, languagesConfig+`
-- content/_index.md --
---
title: Home
---
Hi.
-- content/a.md --
---
title: A
translationKey: same
---
A.
-- content/b.md --
---
title: B
translationKey: same
---
B.
-- content/c.gd.md --
---
title: C
translation: {from: fr, checked: false}
---
C.
-- content/d.gd.md --
---
title: D
translation: yes
---
D.
`)
	s.AssertProblem("content/b.md:3: error: content/a.md and content/b.md are both the English translation of one page", "another translationKey")
	s.AssertProblem(`content/c.gd.md:3: error: translation from "fr", which is not one of the site's languages`, "(en, gd, fa)")
	s.AssertProblem(`content/d.gd.md:3: error: front matter "translation" has the wrong type`, "translation: {from: en, checked: false}")
}

// A site without [languages] treats a name like page.en.md as any other
// page (no language suffix), as it did before languages.
func TestNoLanguagesNoSuffix(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+home+`
-- content/notes.gd.md --
---
title: Notes
---
Hi.
`)
	s.AssertFile("notes.gd/index.html", `<html lang="en">`, `! dir=`, `! hreflang`, `! language-switcher`)
}

// The "Who to call" sheets are made in each language whose i18n file
// translates them, with the helplines' descriptions through
// helpline-<id>-for keys (the English text when missing); names and
// numbers stay as they are.
func TestSheetsInLanguages(t *testing.T) {
	s := sitetest.BuildOK(t, languagesConfig+byName+`
-- i18n/fa.toml --
[exitThisPage]
other = "یہ صفحہ چھوڑیں"
[whoToCallIn]
other = "{{ .Country }} میں کس کو کال کریں"
[country-uk]
other = "برطانیہ"
[helpline-nspcc-for]
other = "بچوں کے بارے میں فکر ہو تو بات کریں۔"
[helpline-uk-emergency-name]
other = "پولیس، فائر بریگیڈ اور ایمبولینس"
[helplineCall]
other = "کال کریں"
[helplineOpen]
other = "کھلا ہے: {{ .Hours }}"
[blockWarning]
other = "انتباہ"
-- data/helplines.yaml --
uk-emergency:
  name: Police, fire and ambulance (UK)
  for: Call if a child is in danger right now.
  phone: "999"
  country: UK
nspcc:
  name: NSPCC helpline
  for: Talk to the NSPCC about a worry.
  phone: "0808 800 5000"
  hours: 24 hours a day
  country: UK
`)
	s.AssertFile("fa/who-to-call/uk/index.html", `<html lang="fa" dir="rtl">`, `<h1>برطانیہ میں کس کو کال کریں</h1>`,
		`<p>بچوں کے بارے میں فکر ہو تو بات کریں۔</p>`, // translated
		// not translated: the English data text, marked as English so a
		// screen reader switches voice and its full stop stays at its end
		`<p lang="en-GB" dir="ltr">Call if a child is in danger right now.</p>`,
		`کال کریں <a dir="ltr" href="tel:999">999</a>`, `NSPCC`, `0808 800 5000`, `انتباہ`,
		// a generic name translated, the English one beside it; a
		// service's name in English only
		`<h2 class="helpline-name">پولیس، فائر بریگیڈ اور ایمبولینس <span lang="en" dir="ltr">(Police, fire and ambulance<span class="helpline-country">, UK</span>)</span></h2>`,
		`<h2 class="helpline-name">NSPCC helpline<span class="helpline-country"> (UK)</span></h2>`,
		// hours from the data, in English, marked so inside Urdu
		`<p>کھلا ہے: <span lang="en" dir="ltr">24 hours a day</span></p>`)
	s.AssertFile("who-to-call/uk/index.html", `<p>Open: 24 hours a day</p>`)
	s.AssertFile("who-to-call/uk/index.html", `<h2 class="helpline-name">Police, fire and ambulance<span class="helpline-country"> (UK)</span></h2>`)
	s.AssertFile("who-to-call/uk/index.html", `<h1>Who to call in the UK</h1>`, `<p>Talk to the NSPCC about a worry.</p>`,
		`<link rel="alternate" hreflang="fa" href="https://example.org/fa/who-to-call/uk/">`)
	// Welsh does not translate the sheets: none in Welsh.
	if s.Exists("gd/who-to-call/uk/index.html") {
		t.Error("a Welsh sheet was made without Welsh words")
	}
}

// A translation is in its section like the page it translates (the
// reporting pages' exit note shows in Urdu too); links to a page whose
// title is in another language say so with lang; a language's own menus
// replace the site's.
func TestTranslationsInSections(t *testing.T) {
	s := sitetest.BuildOK(t, strings.Replace(languagesConfig, "[languages.fa]", `[[menus.main]]
name = "Report"
pageRef = "report/_index.md"
[[menus.main]]
name = "Other"
pageRef = "report/other.md"
[[languages.gd.menus.main]]
name = "Adrodd"
pageRef = "report/_index.md"
[[languages.gd.menus.main]]
name = "Pryder"
pageRef = "report/worried.md"
[[languages.gd.menus.main]]
name = "Arall"
pageRef = "report/other.md"
[languages.fa]`, 1)+byName)
	s.AssertFile("fa/report/worried/index.html", `<div class="exit-note">`,
		// the section has no Persian _index: its English title, marked English
		`<li><a href="/fa/report/" lang="en-GB" hreflang="en-GB" dir="ltr">Report</a></li>`,
		// the site's menus: an untranslated page is the English one, marked
		`<li><a href="/report/other/" lang="en-GB" hreflang="en-GB" dir="ltr" aria-current="true">Other</a></li>`)
	s.AssertFile("report/worried/index.html", `<div class="exit-note">`, `<li><a href="/report/">Report</a></li>`, `<li><a href="/report/other/" aria-current="true">Other</a></li>`)
	s.AssertFile("gd/index.html", `>Adrodd</a></li>`, `! >Other</a>`,
		// a language's own menu names its entries, translated pages too
		`<li><a href="/gd/report/worried/">Pryder</a></li>`,
		// and an English-only page under a Welsh name: no lang, an hreflang
		`<li><a href="/report/other/" hreflang="en-GB">Arall</a></li>`)
}

// A translation's links to pages go to their translations into its
// language when there are some, else to the default language's page.
func TestTranslationLinks(t *testing.T) {
	s := sitetest.BuildOK(t, languagesConfig+byName+`
-- content/report/links.gd.md --
---
title: Dolenni
---
[Pryderu](worried.md), [other](other.md).
`)
	s.AssertFile("gd/report/links/index.html", `<a href="/gd/report/worried/">Pryderu</a>`, `<a href="/report/other/">other</a>`)
}

// Editing translations rebuilds the right pages: a new translation is
// linked from its language's pages that linked to the page it
// translates, from that page (switcher) and from its other translations;
// an i18n file's change rebuilds everything.
func TestRebuildTranslations(t *testing.T) {
	r := sitetest.Run(t, languagesConfig+urBasic+byName+`
-- content/talk/links.gd.md --
---
title: Dolenni
---
[Other](/report/other.md).
-- content/talk/more.gd.md --
---
title: Mwy
---
More.
`)
	r.EditFile("content/report/other.gd.md", "---\ntitle: Arall\n---\nArall.\n").Build()
	r.AssertFile("gd/talk/links/index.html", `<a href="/gd/report/other/">Other</a>`)
	r.AssertFile("report/other/index.html", `<a href="/gd/report/other/" lang="gd" hreflang="gd" dir="ltr">Cymraeg</a>`)
	if !r.Result.Incremental {
		t.Errorf("a new translation in an existing section built everything: %s", r.Result.Why)
	}
	r.EditFile("content/report/worried.fa.md", "---\ntitle: نگران\ntranslation: {from: en, checked: true}\n---\nمتن.\n").Build()
	r.AssertFile("fa/report/worried/index.html", `! translation-notice`)
	r.EditFile("i18n/gd.toml", "[exitThisPage]\nother = \"Gadael\"\n").Build().AssertFull("i18n/gd.toml changed")
	r.AssertFile("gd/index.html", `>Gadael<`)
}

// TestSearchAnswersInEveryLanguage: a page named in [search] answers
// answers first in its language's index, and so do its translations in
// theirs (the list names the default language's file).
func TestSearchAnswersInEveryLanguage(t *testing.T) {
	cfg := strings.Replace(languagesConfig, "defaultContentLanguage = \"en\"\n",
		"defaultContentLanguage = \"en\"\n[search]\nanswers = [\"content/report/worried.md\"]\n", 1)
	s := sitetest.BuildOK(t, cfg+urBasic+byName)
	for _, dir := range []string{"", "gd/", "fa/"} {
		var meta struct {
			Docs, First int
			Answers     []int
		}
		if err := json.Unmarshal([]byte(s.Read(dir+"search-index/meta.json")), &meta); err != nil {
			t.Fatal(err)
		}
		if meta.First != 1 || len(meta.Answers) == 0 {
			t.Errorf("/%ssearch-index/meta.json: first %d, answers %v; want the worried page first", dir, meta.First, meta.Answers)
		}
	}
}
