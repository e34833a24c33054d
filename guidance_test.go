package signpost_test

import (
	"context"
	"fmt"
	"os"
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
		if p.File == "" || p.Kind == content.KindHome || strings.HasPrefix(p.File, "content/about/") || p.Layout == "search" {
			continue // generated pages, the home page, the about pages and search are not guidance
		}
		n++
		need := map[string]bool{
			"title": p.Title != "", "description": p.Description != "", "topics": len(p.Terms["topics"]) > 0,
			"reviewed": !p.Reviewed.IsZero(), "review_by": !p.ReviewBy.IsZero(), "sources": len(p.Sources) > 0,
		}
		if p.Kind == content.KindPage {
			need["ages"] = len(p.Terms["ages"]) > 0
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
		if strings.HasPrefix(p.File, "content/settings/") && p.Kind == content.KindPage && len(p.Terms["apps"]) == 0 {
			t.Errorf("%s: a settings page names its apps", p.File)
		}
	}
	if n < 35 {
		t.Errorf("only %d guidance pages; the site needs at least 35", n)
	}
}

// TestGuidanceReadingLevel measures the Flesch-Kincaid grade of every page
// as the reading-level check does: none above 9, the average 7 or lower.
// Run with -v for the list.
func TestGuidanceReadingLevel(t *testing.T) {
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
	var rows []string
	var sum float64
	var pages int
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
		st, err := check.Readability(res.HTML)
		if err != nil {
			t.Fatal(err)
		}
		g := st.Grade()
		if g > 9 {
			t.Errorf("%s: reading grade %.1f is above 9", p.File, g)
		}
		sum += g
		pages++
		rows = append(rows, fmt.Sprintf("%-45s %4.1f  (%d words)", p.File, g, st.Words))
	}
	sort.Strings(rows)
	avg := sum / float64(pages)
	t.Logf("Flesch-Kincaid grade by page:\n%s\naverage over %d pages: %.2f", strings.Join(rows, "\n"), pages, avg)
	if avg > 7 {
		t.Errorf("average reading grade %.2f is above 7", avg)
	}
}
