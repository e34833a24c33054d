package check

import (
	"slices"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/markdown"
)

// TestReportIDs: the ids a check reports are every id of the page in
// order, as markdown.HTMLIDs reads them (the build uses these instead of
// reading the page again), except that an element's second id attribute
// is ignored, as browsers ignore it.
func TestReportIDs(t *testing.T) {
	p, fsys, cfg := page(t, "---\ntitle: A\ndescription: A page.\n---\nText.\n", "")
	c := New(Options{Site: fsys, Config: cfg, Now: today})
	for _, tc := range []struct {
		html string
		want []string
	}{
		{`<h2 id="one">One</h2><p id=two>x<a id='three' href="#one">one</a></p><img id="four" src="x.png" alt="A"><br id="five">`,
			[]string{"main", "one", "two", "three", "four", "five"}},
		{`<h2 id="a&amp;b">A</h2><p id="">empty</p><script>var s = '<p id="in-script">';</script>`, []string{"main", "a&b"}},
		{`<h2 id="first" id="second">Two ids</h2>`, []string{"main", "first"}},
	} {
		html := []byte(doc(tc.html))
		got := c.Page(Input{Page: p, HTML: html}).IDs
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: ids %q, want %q", tc.html, got, tc.want)
		}
		if all := markdown.HTMLIDs(html); len(tc.want) == len(all) && !slices.Equal(got, all) {
			t.Errorf("%s: ids %q, HTMLIDs reads %q", tc.html, got, all)
		}
	}
}

// TestIsVague is vague[strings.ToLower(text)], for texts in any case,
// short and long, ASCII and not (the Kelvin sign lowers to "k").
func TestIsVague(t *testing.T) {
	for _, text := range []string{"", "here", "HERE", "Click Here", "more information", "More Information", "more informations",
		"find out more", "learn more about the reporting tools", "Read more", "read\u00a0more", "clic\u212a here", "LINK", "linkk",
		"this page", "This Page!", "ΜΟΡΕ", "go", "GO", "g0"} {
		if got, want := isVague(text), vague[strings.ToLower(text)]; got != want {
			t.Errorf("isVague(%q) = %v, want %v", text, got, want)
		}
	}
}
