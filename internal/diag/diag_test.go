package diag

import "testing"

func TestClosest(t *testing.T) {
	cands := []string{"title", "description", "reviewed", "review_by", "sources", "slug", "call-999-now", "a"}
	for _, tc := range []struct{ in, want string }{
		{"titel", "title"},
		{"review-by", "review_by"},
		{"sorces", "sources"},
		{"xyzzy", ""},
		{"colour", ""},               // four letters from "slug": not a typo
		{"call-999", "call-999-now"}, // the start of a longer name
		{"apps", ""},                 // "a" is too short to count as its start
		{"", ""},
	} {
		if got := Closest(tc.in, cands); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestProblemString(t *testing.T) {
	p := Problem{Path: "content/a.md", Line: 3, Col: 7, Severity: Error, Message: "broken link"}
	if got, want := p.String(), "content/a.md:3:7: error: broken link"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
	p = Problem{Path: "signpost.toml", Severity: Warning, Message: "x"}
	if got, want := p.String(), "signpost.toml: warning: x"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
}

func TestListSortAndErr(t *testing.T) {
	var l List
	l.Warnf("b.md", 1, 0, "", "w")
	l.Errorf("a.md", 9, 0, "", "e2")
	l.Errorf("a.md", 2, 0, "", "e1")
	l.Sort()
	if l[0].Message != "e1" || l[1].Message != "e2" || l[2].Message != "w" {
		t.Fatalf("bad order: %v", l)
	}
	err := l.Err()
	if err == nil {
		t.Fatal("want error")
	}
	if got := Problems(err); len(got) != 3 {
		t.Fatalf("Problems lost entries: %v", got)
	}
	var ok List
	ok.Warnf("x", 0, 0, "", "only a warning")
	if ok.Err() != nil {
		t.Fatal("warnings alone must not fail")
	}
}

func TestLineCol(t *testing.T) {
	src := []byte("a: 1\nbb: 2\ntitle = \"x\"\n")
	if l, c := LineCol(src, 6); l != 2 || c != 2 {
		t.Errorf("LineCol = %d:%d", l, c)
	}
}

func TestCompact(t *testing.T) {
	var l List
	for i := 0; i < 3; i++ {
		l.Errorf("layouts/_default/term.html", 6, 0, "h", "function %q not defined", "x")
	}
	l.Errorf("content/a.md", 1, 0, "", "other")
	l.Sort()
	if got := l.Compact(); len(got) != 2 {
		t.Errorf("Compact kept %d problems: %v", len(got), got)
	}
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 addresses"}, {1, "1 address"}, {2, "2 addresses"}, {12, "12 addresses"}} {
		if got := Plural(tc.n, "address", "addresses"); got != tc.want {
			t.Errorf("Plural(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

// A failed build's error names its first error and counts the rest in
// words that agree with the count.
func TestListErrorCountsTheRest(t *testing.T) {
	for _, tc := range []struct {
		errs int
		want string
	}{
		{1, "a.md:1:1: error: bad 0"},
		{2, "a.md:1:1: error: bad 0 (and 1 more error)"},
		{3, "a.md:1:1: error: bad 0 (and 2 more errors)"},
	} {
		var l List
		l.Warnf("a.md", 1, 1, "", "only a warning")
		for i := range tc.errs {
			l.Errorf("a.md", 1, 1, "", "bad %d", i)
		}
		if got := l.Err().Error(); got != tc.want {
			t.Errorf("%d errors: %q, want %q", tc.errs, got, tc.want)
		}
	}
}
