package check

import (
	"cmp"
	"time"

	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/markdown"
)

// frontMatter checks what every page needs for search results, link cards
// and the browser tab: a title and a short description.
func (pc *pageCheck) frontMatter() {
	p := pc.p
	hasTitle, hasDesc := p.Title != "", p.Description != ""
	if pc.src.read {
		// Title and description have defaults (the file's name, the
		// section's pages): what counts is what the editor wrote.
		hasTitle, hasDesc = p.Sets("title") || p.TitleFromHeading(), p.Sets("description")
	}
	if !hasTitle {
		pc.at(diag.Error, pc.keyLine("title"), 0, `add title: "What this page helps with" to the front matter; it is the page's h1 and its name in the browser tab`,
			"page has no title")
	}
	if !hasDesc {
		pc.at(diag.Error, pc.keyLine("description"), 0, "add description: one plain sentence saying what the page helps with; search results and link cards show it",
			"page has no description")
	} else if n := len([]rune(p.Description)); n > MaxDescription {
		pc.at(diag.Warning, pc.keyLine("description"), 0, "search results cut descriptions at about 160 characters: say it in one shorter sentence",
			"description is %d characters, over %d", n, MaxDescription)
	}
}

// review checks that a guidance page (one with a term in a taxonomy the
// site's config names under [guidance], topics on the bundled site) says
// where its facts come from and when it was, and will be, checked.
func (pc *pageCheck) review() {
	p := pc.p
	if rule := pc.c.opt.Config.Guidance; rule.Is(p.Terms.Of) {
		tax := pc.guidanceKey(rule.Taxonomies)
		if len(p.Sources) == 0 {
			pc.at(diag.Warning, pc.keyLine(tax), 0, "list the organisations' pages the facts come from: sources: - title, url, checked",
				"guidance page has no sources")
		}
		// A reviewed date that is set but unreadable was reported where
		// front matter was read: one problem per mistake.
		if p.Reviewed.IsZero() && p.KeyLine("reviewed") == 0 {
			pc.at(diag.Warning, pc.keyLine(tax), 0, "add reviewed: YYYY-MM-DD, the day the whole page was last checked",
				"guidance page has no reviewed date")
		}
		if p.ReviewBy.IsZero() && !p.Reviewed.IsZero() && p.KeyLine("review_by") == 0 {
			pc.at(diag.Warning, pc.keyLine("reviewed"), 0, "add review_by: YYYY-MM-DD, at most 12 months after reviewed",
				"guidance page has no review_by date")
		}
	}
	if !p.Reviewed.IsZero() && p.ReviewBy.After(p.Reviewed.AddDate(1, 0, 0)) {
		pc.at(diag.Warning, pc.keyLine("review_by"), 0, "check guidance at least once a year: set review_by at most 12 months after reviewed",
			"review_by %s is more than 12 months after reviewed %s", p.ReviewBy.Format(time.DateOnly), p.Reviewed.Format(time.DateOnly))
	}
	for i, s := range p.Sources {
		if s.URL != "" && !external(s.URL) {
			line := p.SourceKeyLine(i, "url")
			why := "the page template drops it, so the link goes nowhere"
			if sc := markdown.DangerousScheme(s.URL); sc != "" {
				why = "a " + sc + ": address can run code or open files in the reader's browser, so it is never published"
			}
			pc.at(diag.Error, line, 0, "give the source's web address, starting https://; "+why,
				"source %d (%s) has url %q, which is not a web address", i+1, s.Title, s.URL)
			continue
		}
		if s.Checked.IsZero() && s.URL != "" {
			pc.at(diag.Warning, p.SourceLine(i), 0, "add checked: YYYY-MM-DD to the source, the day you last read it",
				"source %d (%s) has no checked date", i+1, cmp.Or(s.Title, s.URL))
		}
	}
}

// Reviews warns about guidance past its review_by date. The build runs it
// on the whole tree before rendering, so the warning shows even when other
// problems stop the build; check --strict makes it an error.
func Reviews(pages []*content.Page, now time.Time) diag.List {
	if now.IsZero() {
		now = time.Now()
	}
	var probs diag.List
	for _, p := range pages {
		if !p.ReviewBy.IsZero() && p.ReviewBy.Before(now) {
			probs.Warnf(p.File, 1, 0, "check the page against its sources, then update reviewed and review_by",
				"guidance is past its review date (review_by %s)", p.ReviewBy.Format(time.DateOnly))
		}
	}
	return probs
}

// keyLine is the line of a front matter key of the page, or its first line
// when it does not set the key (1, or 0 for a page without a file).
func (pc *pageCheck) keyLine(key string) int {
	if l := pc.p.KeyLine(key); l > 0 {
		return l
	}
	if !pc.src.read {
		return 0
	}
	return 1
}

// guidanceKey is the first of the guidance taxonomies the page sets, where
// a missing source or date is reported.
func (pc *pageCheck) guidanceKey(taxonomies []string) string {
	for _, tax := range taxonomies {
		if len(pc.p.Terms.Of(tax)) > 0 {
			return tax
		}
	}
	return ""
}
