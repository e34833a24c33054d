package content

import (
	"context"
	"io/fs"
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

func TestKeyAndItemLines(t *testing.T) {
	fm := []byte("title: A\n\"quoted key\": b\nsources:\n  # a comment\n  - title: One\n    url: https://x/\n  -\n    url: https://y/\n  - {title: Three}\nflow: [a, b]\ntags:\n- x\n- y\nurl = 'toml'\n")
	lines := keyLines(fm, 2)
	for k, want := range map[string]int{"title": 2, "quoted key": 3, "sources": 4, "flow": 11, "tags": 12, "url": 15} {
		if lines[k] != want {
			t.Errorf("line of %q = %d, want %d", k, lines[k], want)
		}
	}
	if _, ok := lines["url"]; !ok || len(lines) != 6 {
		t.Errorf("keys: %v", lines)
	}
	if got := itemLines(fm, 2, 4); len(got) != 3 || got[0] != 6 || got[1] != 8 || got[2] != 10 {
		t.Errorf("source lines %v, want [6 8 10]", got)
	}
	if got := itemLines(fm, 2, 12); len(got) != 2 || got[0] != 13 {
		t.Errorf("tag lines %v", got)
	}
	if got := itemLines(fm, 2, 11); got != nil {
		t.Errorf("a flow list has no item lines: %v", got)
	}
}
