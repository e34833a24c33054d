package site_test

import (
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/sitetest"
)

// A school site with its own taxonomies: the rules in its config decide
// which terms have updates feeds, and the theme links the feeds it has.
const schoolSite = `
-- signpost.toml --
title = "School"
baseURL = "https://school.example/"
[taxonomies]
subject = "subjects"
level = "levels"
FEEDS
-- content/maths/sums.md --
---
title: Sums
description: Adding up.
subjects: [Maths]
levels: [KS1]
reviewed: 2026-11-01
---
Text.
`

func TestFeedsFollowTheGuidanceRule(t *testing.T) {
	s := sitetest.BuildOK(t, strings.Replace(schoolSite, "FEEDS", "[guidance]\nfeeds = \"subjects\"", 1))
	feed := `href="/subjects/maths/updates.xml"`
	s.AssertFile("subjects/maths/index.html", feed, "Get updates about Maths", `title="Maths: guidance updates"`)
	s.AssertFile("levels/ks1/index.html", "! updates.xml\">Get updates")
	s.AssertFile("maths/sums/index.html", `To follow one subject, open it from <a href="/subjects/">`)
	if !s.Exists("subjects/maths/updates.xml") || s.Exists("levels/ks1/updates.xml") {
		t.Error("a feed for each subject, none for levels")
	}
}

func TestNoTermFeedsWithoutTheRule(t *testing.T) {
	s := sitetest.BuildOK(t, strings.Replace(schoolSite, "FEEDS", "", 1))
	s.AssertFile("subjects/maths/index.html", "! Get updates about", "! guidance updates\" href=\"/subjects/")
	s.AssertFile("maths/sums/index.html", "! To follow one subject")
	if s.Exists("subjects/maths/updates.xml") || !s.Exists("updates.xml") {
		t.Error("only the site-wide updates feed")
	}
}
