package content

import (
	"context"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/diag"
)

func TestGeneratedPagesJoinTheTree(t *testing.T) {
	cfg, _ := config.Load(fstest.MapFS{})
	gen := func(fs.FS, *config.Config) ([]*Page, diag.List) {
		at := Pos{Path: "data/x.yaml", Line: 3}
		sec := NewGenerated(KindSection, "content/gen/_index.md", at)
		sec.Title = "Generated: yes"
		sec.AddLine("Intro\nwith a break", 0)
		a := NewGenerated(KindPage, "content/gen/a.md", at)
		a.Title = "A"
		a.AddLine("first", 7)
		a.AddLine("second", 0)
		b := NewGenerated(KindPage, "content/gen/b.md", at)
		b.Title = "B, generated"
		bad := NewGenerated(KindPage, "content/../x.md", Pos{Path: "data/x.yaml", Line: 9})
		wrong := NewGenerated(KindPage, "content/gen/c/_index.md", Pos{Path: "data/x.yaml", Line: 10})
		return []*Page{sec, a, b, bad, wrong}, nil
	}
	fsys := fstest.MapFS{
		"content/_index.md": {Data: []byte("---\ntitle: Home\n---\n")},
		"content/gen/b.md":  {Data: []byte("---\ntitle: The site's own B\n---\nOurs.\n")},
		"content/other.md":  {Data: []byte("Links to [a](gen/a.md).\n")},
	}
	tree, probs := Load(context.Background(), fsys, cfg, Options{Generators: []Generator{gen}})
	var all []string
	for _, p := range probs {
		all = append(all, p.String())
	}
	if got := strings.Join(all, "\n"); !strings.Contains(got, "data/x.yaml:9: error: the page \"\" made from this data cannot be published at content/../x.md") ||
		!strings.Contains(got, "data/x.yaml:10: error: the page \"\" made from this data cannot be published at content/gen/c/_index.md") || len(probs) != 2 {
		t.Errorf("problems:\n%s", got)
	}
	sec := tree.GetPage("gen")
	if sec == nil || sec.Title != "Generated: yes" || sec.URL != "/gen/" || string(sec.Body) != "Intro with a break\n" || len(sec.Pages) != 2 {
		t.Fatalf("section: %+v", sec)
	}
	a := tree.GetPage("gen/a.md")
	if a == nil || a.URL != "/gen/a/" || a.Parent != sec || !a.IsGenerated() || a.Lang != "en" {
		t.Fatalf("page a: %+v", a)
	}
	if b := tree.GetPage("gen/b.md"); b.Title != "The site's own B" || b.IsGenerated() {
		t.Errorf("the site's own file should win: %+v", b)
	}
	if _, body, err := ReadSource(fsys, a); err != nil || string(body) != "first\nsecond\n" {
		t.Errorf("ReadSource: %q, %v", body, err)
	}
	got := a.Relocate(diag.List{
		{Path: "content/gen/a.md", Line: 1, Col: 4, Message: "on the first line"},
		{Path: "content/gen/a.md", Line: 2, Message: "on the second"},
		{Path: "content/gen/a.md", Message: "nowhere"},
		{Path: "layouts/x.html", Line: 5, Message: "a template's"},
	})
	want := []string{"data/x.yaml:7: warning: on the first line", "data/x.yaml:3: warning: on the second", "data/x.yaml:3: warning: nowhere", "layouts/x.html:5: warning: a template's"}
	for i, w := range want {
		if got[i].String() != w {
			t.Errorf("relocated %d: %s, want %s", i, got[i], w)
		}
	}
}

// TestKeyAndItemLines: a page's key and source lines are the file's lines,
// as the parser reads them, in YAML and in TOML.
func TestKeyAndItemLines(t *testing.T) {
	cfg, _ := config.Load(fstest.MapFS{})
	fsys := fstest.MapFS{
		"content/y.md": {Data: []byte("---\ntitle: A\n\"quoted key\": b\nsources:\n  # a comment\n  - title: One\n    url: https://x/\n  -\n    url: https://y/\n  - {title: Three}\nflow: [a, b]\ntags:\n- x\n- y\n---\n")},
		"content/t.md": {Data: []byte("+++\ntitle = 'A'\n\n[params]\nflow = 1\n\n[[sources]]\ntitle = 'One'\n[[sources]]\ntitle = 'Two'\n+++\n")},
	}
	tree, _ := Load(context.Background(), fsys, cfg, Options{})
	y, tm := tree.GetPage("y.md"), tree.GetPage("t.md")
	for _, tc := range []struct {
		p    *Page
		key  string
		want int
	}{
		{y, "title", 2}, {y, "quoted key", 3}, {y, "sources", 4}, {y, "flow", 11}, {y, "tags", 12}, {y, "url", 0},
		{tm, "title", 2}, {tm, "params", 4}, {tm, "flow", 0}, {tm, "sources", 7},
	} {
		if got := tc.p.KeyLine(tc.key); got != tc.want {
			t.Errorf("%s: line of %q = %d, want %d", tc.p.File, tc.key, got, tc.want)
		}
	}
	for _, tc := range []struct {
		p    *Page
		want []int
	}{{y, []int{6, 8, 10}}, {tm, []int{7, 9}}} {
		var got []int
		for i := range tc.want {
			got = append(got, tc.p.SourceLine(i))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: source lines %v, want %v", tc.p.File, got, tc.want)
		}
	}
}
