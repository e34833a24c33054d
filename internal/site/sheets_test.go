package site_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/site"
	"github.com/signpost/signpost/internal/sitetest"
)

func checked(o *site.Options) { o.Check = true }

// home is a home page that passes the checks.
const home = `
-- content/_index.md --
---
title: Home
description: The home page.
---
Hello.
`

// The sheets are built as data, not pasted into front matter: a country
// with a colon, quotes or a hash is a title like any other, and problems
// found on a sheet point at the line of data/helplines.yaml they come from.
func TestSheetsFromDataNeverPasteText(t *testing.T) {
	s := sitetest.Build(t, minimal+home+`
-- data/helplines.yaml --
sark-police:
  name: Police (Sark)
  phone: "999"
  country: "Guernsey: Sark"
quoted:
  name: Quoted
  phone: "111"
  country: 'The "Other" Place # not a comment'
uk-police:
  name: Police (UK)
  phone: "999"
  country: UK
uk-lower:
  name: Childline
  phone: "0800 1111"
  country: uk
listed:
  name: Listed
  country: [a, b]
punctuation:
  name: Nothing
  country: "!!!"
long:
  name: Long one
  for: This sentence is much too long to read in one go because it keeps adding words and more words to see that the check counts them on the line of the data file.
  phone: "555"
  country: UK
`, checked)
	if s.Err != nil {
		t.Fatalf("%v\n%s", s.Err, s.Problems())
	}
	s.AssertFile("who-to-call/guernsey-sark/index.html", "<h1>Who to call in Guernsey: Sark</h1>", `class="helpline-name">Police (Sark`, `href="tel:999"`)
	s.AssertFile("who-to-call/the-other-place-not-a-comment/index.html", "<h1>Who to call in The &#34;Other&#34; Place # not a comment</h1>")
	s.AssertFile("who-to-call/uk/index.html", "<h1>Who to call in the UK</h1>", `class="helpline-name">Police`, `class="helpline-name">Childline`, `class="helpline-name">Long one`, "! Sark")
	s.AssertFile("who-to-call/index.html", `href="/who-to-call/guernsey-sark/"`, `href="/who-to-call/uk/"`)
	s.AssertProblem(`data/helplines.yaml:16: warning: helpline "uk-lower": country "uk" is also written "UK"`, `write it as on line 12: country: "UK"`)
	s.AssertProblem(`data/helplines.yaml:19: warning: helpline "listed": country is not text`)
	s.AssertProblem(`data/helplines.yaml:22: warning: helpline "punctuation": country "!!!" has no letters`)
	s.AssertProblem(`data/helplines.yaml:25:8: warning: sentence of 33 words`)
	for _, p := range s.Result.Problems {
		if strings.HasPrefix(p.Path, "content/who-to-call") || p.Line == 0 {
			t.Errorf("problem in a file that does not exist, or without a line: %s", p)
		}
	}
	if s.Exists("who-to-call/uk-2/index.html") {
		t.Error("two spellings of one country made two sheets")
	}
}

// A helpline id that cannot be written on a :::helpline line is named at
// its line, and left off the sheet rather than breaking its markdown.
func TestSheetHelplineIDsMustFitOnALine(t *testing.T) {
	s := sitetest.Build(t, minimal+home+`
-- data/helplines.yaml --
first:
  name: First
  phone: "1"
  country: Narnia
"spaced id ":
  name: Spaced
  phone: "2"
  country: Narnia
`, checked)
	s.AssertProblem(`data/helplines.yaml:5: warning: helpline id "spaced id " cannot be written after :::helpline`)
	s.AssertFile("who-to-call/narnia/index.html", "First", "! Spaced")
}

// serve's session makes the sheets again when the data changes, and a
// site's own file at a sheet's path wins, also when it comes and goes.
func TestSheetsRebuildWhenDataChanges(t *testing.T) {
	r := sitetest.Run(t, minimal+home+`
-- data/helplines.yaml --
a:
  name: Alpha line
  phone: "1"
  country: Narnia
`)
	r.AssertFile("who-to-call/narnia/index.html", "Alpha line")
	r.EditFile("data/helplines.yaml", "a:\n  name: Alpha line\n  phone: \"1\"\n  country: Narnia\nb:\n  name: Beta line\n  phone: \"2\"\n  country: \"Archenland: North\"\n").Build().
		AssertFull("data/helplines.yaml changed").
		AssertFile("who-to-call/archenland-north/index.html", "<h1>Who to call in Archenland: North</h1>", "Beta line")
	r.EditFile("content/who-to-call/narnia.md", "---\ntitle: Our Narnia sheet\n---\nOurs.\n").Build().
		AssertFile("who-to-call/narnia/index.html", "Our Narnia sheet", "! Alpha line")
	// With the site's file gone, the generated sheet is back.
	r.RemoveFile("content/who-to-call/narnia.md").Build().
		AssertFile("who-to-call/narnia/index.html", "Alpha line")
}

// A sheet's address that goes away (its country renamed) is caught by
// urls.txt like any page's, and the hint never asks for aliases in a file
// that does not exist.
func TestRenamedSheetIsCaughtByURLs(t *testing.T) {
	dir := sitetest.Write(t, minimal+home+`
-- data/helplines.yaml --
a:
  name: Alpha line
  phone: "1"
  country: Narnia
`)
	opt := sitetest.Options(dir)
	opt.URLs = site.URLsKeep
	if res, err := site.Build(context.Background(), opt); err != nil {
		t.Fatalf("%v\n%v", err, res.Problems)
	}
	os.WriteFile(filepath.Join(dir, "data/helplines.yaml"), []byte("a:\n  name: Alpha line\n  phone: \"1\"\n  country: Narnia North\n"), 0o644)
	res, err := site.Build(context.Background(), opt)
	if err == nil {
		t.Fatal("a sheet's address went away without a word")
	}
	for _, p := range res.Problems {
		if strings.Contains(p.Message, "/who-to-call/narnia/") {
			if strings.Contains(p.Hint, "content/who-to-call") {
				t.Errorf("hint names a file that does not exist: %s", p.Hint)
			}
			return
		}
	}
	t.Errorf("no problem about /who-to-call/narnia/: %v", res.Problems)
}

// A site page at a sheet's address is a collision naming the data line
// the sheet comes from, not a content file that does not exist.
func TestSheetCollisionNamesItsData(t *testing.T) {
	s := sitetest.Build(t, minimal+home+`
-- content/elsewhere.md --
---
title: Elsewhere

url: /who-to-call/narnia/
---
-- data/helplines.yaml --
a:
  name: Alpha line
  phone: "1"
  country: Narnia
`)
	s.AssertProblem(`content/elsewhere.md:4: error: content/elsewhere.md and data/helplines.yaml (the page "Who to call in Narnia" made from it) both write who-to-call/narnia/index.html`)
}
