package render

import (
	"reflect"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/markdown"
)

// TestPartialCached: a cached partial renders once per name and variants
// (the first page's data), a different variant renders again, and a
// variant that cannot be a key is an error naming it.
func TestPartialCached(t *testing.T) {
	files := with(map[string]string{
		"layouts/_default/baseof.html":   baseof,
		"layouts/_default/single.html":   `{{define "main"}}{{partialCached "title.html" . .Section}}|{{partialCached "title.html" .}}{{end}}`,
		"layouts/_default/list.html":     `{{define "main"}}{{partialCached "title.html" . .Section}}|{{partialCached "title.html" .}}{{end}}`,
		"layouts/_default/contact.html":  `{{define "main"}}{{partialCached "title.html" . .Params}}{{end}}`,
		"layouts/partials/title.html":    `{{.Title}}`,
		"layouts/_default/taxonomy.html": `{{define "main"}}{{partialCached "title.html" . 1 2 3 4 5}}{{end}}`,
	}, pages)
	s := newSite(t, files)
	for _, tc := range []struct{ ref, want string }{
		{"settings/snapchat.md", "Snapchat|Snapchat"},
		{"settings/_index.md", "Snapchat|Snapchat"}, // same section, same variant: the first's text
		{"about/us.md", "Us|Snapchat"},
		{"", "Home|Snapchat"},
	} {
		got, _, err := s.render(t, tc.ref)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.ref, got, tc.want)
		}
	}
	if _, _, err := s.render(t, "settings/contact.md"); err == nil || !strings.Contains(err.Error(), "variant 1 is a map[string]interface {}, which cannot be a key") {
		t.Errorf("a map as a variant: got %v", err)
	}
	if _, _, err := s.render(t, "/topics/"); err == nil || !strings.Contains(err.Error(), "at most 4 variants, not 5") {
		t.Errorf("five variants: got %v", err)
	}
}

// TestPageDataCopiesThePage: each field PageData copies from its page
// holds the page's value, so a template sees the same through either.
func TestPageDataCopiesThePage(t *testing.T) {
	s := newSite(t, with(map[string]string{"layouts/_default/baseof.html": baseof, "layouts/_default/single.html": `{{define "main"}}{{.Title}}|{{.Page.Title}}{{end}}`}, pages))
	p := s.tree.GetPage("settings/snapchat.md")
	p.Prev, p.Description, p.Params = s.tree.Home, "About it", map[string]any{"k": 1}
	got, _, err := s.render(t, "settings/snapchat.md")
	if err != nil || got != "Snapchat|Snapchat" {
		t.Fatalf("got %q, %v", got, err)
	}
	d := reflect.ValueOf(pageData(s.r, p))
	pv := reflect.ValueOf(p).Elem()
	copies := 0
	for i := range d.NumField() {
		f := d.Type().Field(i)
		if f.Anonymous {
			continue
		}
		if m := reflect.ValueOf(p).MethodByName(f.Name); m.IsValid() {
			copies++
			if got := m.Call(nil)[0].Interface(); !reflect.DeepEqual(got, d.Field(i).Interface()) {
				t.Errorf("PageData.%s = %v, the page's %s() is %v", f.Name, d.Field(i), f.Name, got)
			}
		} else if pf := pv.FieldByName(f.Name); pf.IsValid() {
			copies++
			if !reflect.DeepEqual(pf.Interface(), d.Field(i).Interface()) {
				t.Errorf("PageData.%s = %v, the page's is %v", f.Name, d.Field(i), pf)
			}
		}
	}
	if copies < 17 {
		t.Errorf("only %d fields copied", copies)
	}
}

func TestHeadings(t *testing.T) {
	toc := []markdown.Heading{{Level: 2, ID: "a"}, {Level: 3, ID: "b"}, {Level: 2, ID: "c"}}
	var ids []string
	for _, h := range headings(2, toc) {
		ids = append(ids, h.ID)
	}
	if strings.Join(ids, " ") != "a c" {
		t.Errorf("headings(2) = %v, want a c", ids)
	}
	if got := headings(4, toc); len(got) != 0 {
		t.Errorf("headings(4) = %v, want none", got)
	}
}

// TestPartialsShareASet: partials execute in one set per language, yet a
// partial calling another still works, and one that does not exist is
// named in the error as before.
func TestPartialsShareASet(t *testing.T) {
	s := newSite(t, with(map[string]string{"layouts/_default/baseof.html": baseof,
		"layouts/_default/single.html": `{{define "main"}}{{partial "a.html" .}}{{end}}`,
		"layouts/partials/a.html":      `a[{{partial "b.html" .Title}}]`,
		"layouts/partials/b.html":      `b:{{.}}`}, pages))
	if got, _, err := s.render(t, "settings/snapchat.md"); err != nil || got != "a[b:Snapchat]" {
		t.Fatalf("got %q, %v", got, err)
	}
	s = newSite(t, with(map[string]string{"layouts/_default/baseof.html": baseof,
		"layouts/_default/single.html": `{{define "main"}}{{partial "nope.html" .}}{{end}}`}, pages))
	if _, _, err := s.render(t, "settings/snapchat.md"); err == nil || !strings.Contains(err.Error(), `partial "nope.html": file does not exist`) {
		t.Fatalf("unknown partial: got %v", err)
	}
}

func TestMenuHas(t *testing.T) {
	a, b := &content.Page{Title: "A"}, &content.Page{Title: "B"}
	menu := []MenuItem{{Name: "Ext", URL: "https://example.org/"}, {Name: "A", Page: a}}
	for _, tc := range []struct {
		p    *content.Page
		want bool
	}{{a, true}, {b, false}, {nil, false}} {
		if got := menuHas(menu, tc.p); got != tc.want {
			t.Errorf("menuHas(%v) = %v, want %v", tc.p, got, tc.want)
		}
	}
}

// TestPartialCachedEach: each item of a list of pages (or of list) is
// rendered with the partial, the item its dot, and the texts joined; what
// is not a list, or an item that cannot be a key, is an error naming it.
func TestPartialCachedEach(t *testing.T) {
	s := newSite(t, with(map[string]string{"layouts/_default/baseof.html": baseof,
		"layouts/_default/single.html":   `{{define "main"}}{{partialCachedEach "item.html" .Parent.Pages}}|{{partialCachedEach "item.html" (list .Parent)}}{{end}}`,
		"layouts/_default/list.html":     `{{define "main"}}{{partialCached "item.html" .Site .}}{{partialCachedEach "item.html" (list .Page)}}{{end}}`,
		"layouts/_default/contact.html":  `{{define "main"}}{{partialCachedEach "item.html" .Title}}{{end}}`,
		"layouts/_default/taxonomy.html": `{{define "main"}}{{partialCachedEach "item.html" (list (dict))}}{{end}}`,
		"layouts/partials/item.html":     `[{{.Title}}]`,
	}, pages))
	if got, _, err := s.render(t, "settings/_index.md"); err != nil || got != "[][Settings]" {
		t.Fatalf("got %q, %v; want partialCached's text apart", got, err)
	}
	if got, _, err := s.render(t, "settings/snapchat.md"); err != nil || got != "[Contact][Snapchat]|[Settings]" {
		t.Fatalf("got %q, %v", got, err)
	}
	if _, _, err := s.render(t, "settings/contact.md"); err == nil || !strings.Contains(err.Error(), "a string is not a list of pages") {
		t.Errorf("text as a list: got %v", err)
	}
	if _, _, err := s.render(t, "/topics/"); err == nil || !strings.Contains(err.Error(), "item 1 is a map[string]interface {}, which cannot be a key") {
		t.Errorf("a map as an item: got %v", err)
	}
}
