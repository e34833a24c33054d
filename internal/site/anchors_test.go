package site_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/sitetest"
)

// anchorSite is a page of n headings (## H0 …) each followed by a link:
// to its own heading, or, when broken, to #x0 … which no heading has.
func anchorSite(n int, broken bool) string {
	var sb strings.Builder
	sb.WriteString(minimal + "-- content/a.md --\n---\ntitle: A\n---\n")
	for i := range n {
		target := "h"
		if broken {
			target = "x"
		}
		fmt.Fprintf(&sb, "## H%d\n\nsee [this](#%s%d)\n\n", i, target, i)
	}
	return sb.String()
}

// Every broken anchor link is reported, each with a "did you mean" until
// a page's budget of comparisons is spent (each hint compares the anchor
// with every id of the page: 5,000 broken links to a page of 5,000
// headings took 7 s, 40,000 would take minutes), then without.
func TestBrokenAnchorLinksToAPageOfManyIDs(t *testing.T) {
	const n = 3000
	s := sitetest.Build(t, anchorSite(n, true))
	got := 0
	var first, last string
	for _, p := range s.Result.Problems {
		if strings.Contains(p.Message, "but this page has no such heading or anchor") {
			if got == 0 {
				first = p.Hint
			}
			last = p.Hint
			got++
		}
	}
	if got != n {
		t.Fatalf("%d broken anchor links reported, want %d", got, n)
	}
	if !strings.Contains(first, `did you mean "h0"?`) {
		t.Errorf("first hint %q, want a did you mean", first)
	}
	if strings.Contains(last, "did you mean") || !strings.Contains(last, "{#x") {
		t.Errorf("last hint %q, want the plain hint once the budget is spent", last)
	}
}

// BenchmarkAnchorLinks builds a page of 20,000 headings, each followed by
// a link to one: the links to a page's anchors are checked in linear
// time (a pass over the page's ids for each made it quadratic: 40,000
// took 6.9 s, 10,000 0.6 s).
func BenchmarkAnchorLinks(b *testing.B) {
	files := anchorSite(20000, false)
	for b.Loop() {
		s := sitetest.Build(b, files)
		if s.Err != nil {
			b.Fatal(s.Problems())
		}
	}
}

// Links to pages that do not exist get a "did you mean" (a comparison with
// every page's file) within a budget per linking page, then a plain hint:
// 8,000 broken links on a site of 2,000 pages took 8 s more than working
// ones.
func TestBrokenPageLinksOnABigSite(t *testing.T) {
	const pages, broken = 300, 5000
	var sb strings.Builder
	sb.WriteString(minimal)
	for i := range pages {
		fmt.Fprintf(&sb, "-- content/p%d.md --\n---\ntitle: P%d\n---\n", i, i)
	}
	sb.WriteString("-- content/z.md --\n---\ntitle: Z\n---\n")
	for i := range broken {
		fmt.Fprintf(&sb, "see [q](q%d.md)\n\n", i)
	}
	s := sitetest.Build(t, sb.String())
	var hints []string
	for _, p := range s.Result.Problems {
		if strings.Contains(p.Message, "but there is no such page") {
			hints = append(hints, p.Hint)
		}
	}
	if len(hints) != broken {
		t.Fatalf("%d broken links reported, want %d", len(hints), broken)
	}
	if !strings.Contains(hints[0], "did you mean /p0.md?") {
		t.Errorf("first hint %q, want a did you mean", hints[0])
	}
	if last := hints[len(hints)-1]; strings.Contains(last, "did you mean") {
		t.Errorf("last hint %q, want the plain hint once the budget is spent", last)
	}
}
