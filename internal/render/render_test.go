package render

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
)

// site is a loaded site and a Renderer over it. Files starting layouts/
// under "theme:" go to the theme, the rest to the site.
type site struct {
	tree *content.Tree
	r    *Renderer
}

func newSite(t *testing.T, files map[string]string) site {
	t.Helper()
	fsys, theme := fstest.MapFS{}, fstest.MapFS{}
	for name, src := range files {
		if rest, ok := strings.CutPrefix(name, "theme:"); ok {
			theme[rest] = &fstest.MapFile{Data: []byte(src)}
		} else {
			fsys[name] = &fstest.MapFile{Data: []byte(src)}
		}
	}
	cfg, probs := config.Load(fsys)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	tree, probs := content.Load(context.Background(), fsys, cfg, content.Options{})
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	r, probs := New(Options{Site: fsys, Theme: theme, Tree: tree})
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	return site{tree, r}
}

// render renders the page at ref (a content path, "" for home, or a URL
// for a page without a file) and returns its HTML, trimmed.
func (s site) render(t *testing.T, ref string) (string, string, error) {
	t.Helper()
	p := s.tree.GetPage(ref)
	if p == nil {
		for _, q := range s.tree.All {
			if q.URL == ref {
				p = q
			}
		}
	}
	if p == nil {
		t.Fatalf("no page %q", ref)
	}
	html, tmpl, err := s.r.Page(p, nil)
	return strings.TrimSpace(string(html)), tmpl, err
}

const baseof = `{{block "main" .}}{{end}}`

// each names itself, so the output says which template rendered a page.
func each(names ...string) map[string]string {
	files := map[string]string{"layouts/_default/baseof.html": baseof}
	for _, n := range names {
		files[n] = `{{define "main"}}` + n + `{{end}}`
	}
	return files
}

func with(files map[string]string, more map[string]string) map[string]string {
	for k, v := range more {
		files[k] = v
	}
	return files
}

var pages = map[string]string{
	"content/_index.md":             "---\ntitle: Home\n---\n",
	"content/settings/_index.md":    "---\ntitle: Settings\n---\n",
	"content/settings/snapchat.md":  "---\ntitle: Snapchat\ntopics: [Privacy]\n---\n",
	"content/settings/contact.md":   "---\ntitle: Contact\nlayout: contact\n---\n",
	"content/about/us.md":           "---\ntitle: Us\n---\n",
	"content/about/contact-form.md": "---\ntitle: Form\nlayout: contact\n---\n",
}

// TestTemplateLookupOrder: the site's layouts come before the theme's, a
// section's before _default, a layout set in front matter before the kind's.
func TestTemplateLookupOrder(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		ref   string
		want  string
	}{
		{"site layout over the theme's", []string{"layouts/_default/single.html", "theme:layouts/_default/single.html"},
			"settings/snapchat.md", "layouts/_default/single.html"},
		{"the theme's when the site has none", []string{"theme:layouts/_default/single.html"},
			"settings/snapchat.md", "theme:layouts/_default/single.html"},
		{"section over _default", []string{"layouts/_default/single.html", "theme:layouts/settings/single.html"},
			"settings/snapchat.md", "theme:layouts/settings/single.html"},
		{"_default for another section", []string{"layouts/_default/single.html", "layouts/settings/single.html"},
			"about/us.md", "layouts/_default/single.html"},
		{"front matter layout over the section's", []string{"layouts/settings/single.html", "layouts/_default/contact.html"},
			"settings/contact.md", "layouts/_default/contact.html"},
		{"the section's own layout first", []string{"layouts/_default/contact.html", "layouts/settings/contact.html"},
			"settings/contact.md", "layouts/settings/contact.html"},
		{"a layout no file has: the kind's", []string{"layouts/_default/single.html"},
			"about/contact-form.md", "layouts/_default/single.html"},
		{"home: index.html", []string{"layouts/index.html", "layouts/_default/list.html"}, "", "layouts/index.html"},
		{"home: list without index", []string{"layouts/_default/list.html"}, "", "layouts/_default/list.html"},
		{"section: its list first", []string{"layouts/settings/list.html", "layouts/_default/section.html"},
			"settings/_index.md", "layouts/settings/list.html"},
		{"section: section.html over list.html", []string{"layouts/_default/section.html", "layouts/_default/list.html"},
			"settings/_index.md", "layouts/_default/section.html"},
		{"term: the taxonomy's own", []string{"layouts/topics/term.html", "layouts/_default/term.html"},
			"/topics/privacy/", "layouts/topics/term.html"},
		{"taxonomy: list without taxonomy.html", []string{"layouts/_default/list.html"},
			"/topics/", "layouts/_default/list.html"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newSite(t, with(each(tc.files...), pages))
			html, _, err := s.render(t, tc.ref)
			if err != nil {
				t.Fatal(err)
			}
			if html != tc.want {
				t.Errorf("rendered with %s, want %s", html, tc.want)
			}
		})
	}
}

func TestNoTemplate(t *testing.T) {
	s := newSite(t, with(each("layouts/_default/list.html"), pages))
	_, _, err := s.render(t, "settings/contact.md")
	want := "content/settings/contact.md: error: no template for this page page\n" +
		"  hint: add one of layouts/settings/contact.html, layouts/_default/contact.html, layouts/settings/single.html, layouts/_default/single.html"
	if p := diag.Problems(err); len(p) != 1 || p[0].String()+"\n  hint: "+p[0].Hint != want {
		t.Errorf("got %v, want\n%s", err, want)
	}
}

// TestTemplateErrorPositions: a template error names the template file
// and line, and for one found while rendering, the page.
func TestTemplateErrorPositions(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		want     string // the problem, path:line…
		wantHint string
	}{
		{"parse error in a kind template", map[string]string{"layouts/_default/single.html": "{{define \"main\"}}\n<p>\n{{if}}\n{{end}}"},
			"layouts/_default/single.html:3: error: template: ", "check the {{ }} actions"},
		{"parse error in the theme's", map[string]string{"theme:layouts/_default/single.html": "{{define \"main\"}}\n\n\n\n{{.Title}\n{{end}}"},
			"theme:layouts/_default/single.html:5: error: template: ", "check the {{ }} actions"},
		{"parse error in a partial", map[string]string{"layouts/_default/single.html": "{{define \"main\"}}x{{end}}", "layouts/partials/card.html": "ok\n{{range}}"},
			"layouts/partials/card.html:2: error: template: ", "check the {{ }} actions"},
		{"unknown function", map[string]string{"layouts/_default/single.html": "{{define \"main\"}}\n{{nosuch .Title}}\n{{end}}"},
			"layouts/_default/single.html:2: error: template: ", "check the {{ }} actions"},
		{"execution error", map[string]string{"layouts/_default/single.html": "{{define \"main\"}}\n\n{{index .Params.none 3}}\n{{end}}"},
			"layouts/_default/single.html:3:", "while rendering content/settings/snapchat.md"},
		{"execution error in a partial", map[string]string{"layouts/_default/single.html": "{{define \"main\"}}{{partial \"card.html\" .}}{{end}}",
			"layouts/partials/card.html": "<p>\n{{asset \"nope.css\"}}</p>"},
			"layouts/partials/card.html:2:2: error: executing \"partials/card.html\" at <asset \"nope.css\">: error calling asset: no asset",
			"while rendering content/settings/snapchat.md, called from layouts/_default/single.html:1"},
		{"execution error in a partial included with template", map[string]string{"layouts/_default/single.html": "{{define \"main\"}}\n{{template \"partials/card.html\" .}}{{end}}",
			"layouts/partials/card.html": "<p>\n{{asset \"nope.css\"}}</p>"},
			"layouts/partials/card.html:2:2: error: executing \"partials/card.html\" at <asset \"nope.css\">: error calling asset: no asset",
			"while rendering content/settings/snapchat.md, called from layouts/_default/single.html:2"},
		{"execution error two templates deep, below a partial call", map[string]string{
			"layouts/_default/single.html": "{{define \"main\"}}\n\n{{template \"partials/outer.html\" .}}{{end}}",
			"layouts/partials/outer.html":  "<div>\n{{partial \"middle.html\" .}}</div>",
			"layouts/partials/middle.html": "{{template \"partials/card.html\" .}}",
			"layouts/partials/card.html":   "<p>\n{{asset \"nope.css\"}}</p>"},
			"layouts/partials/card.html:2:2: error: executing \"partials/card.html\" at <asset \"nope.css\">: error calling asset: no asset",
			"while rendering content/settings/snapchat.md, called from layouts/partials/middle.html:1, called from layouts/partials/outer.html:2, called from layouts/_default/single.html:3"},
		{"execution error in baseof", map[string]string{"layouts/_default/single.html": "{{define \"main\"}}x{{end}}",
			"layouts/_default/baseof.html": "<html>\n{{index .Params.none 3}}{{block \"main\" .}}{{end}}</html>"},
			"layouts/_default/baseof.html:2:", "while rendering content/settings/snapchat.md"},
		{"execution error in a partial called from baseof", map[string]string{"layouts/_default/single.html": "{{define \"main\"}}x{{end}}",
			"layouts/_default/baseof.html": "<html>\n\n{{partial \"card.html\" .}}{{block \"main\" .}}{{end}}</html>",
			"layouts/partials/card.html":   "<p>\n{{asset \"nope.css\"}}</p>"},
			"layouts/partials/card.html:2:2:", "while rendering content/settings/snapchat.md, called from layouts/_default/baseof.html:3"},
		{"execution error in the theme's", map[string]string{"theme:layouts/_default/single.html": "{{define \"main\"}}\n{{index .Params.none 3}}\n{{end}}"},
			"theme:layouts/_default/single.html:2:", "while rendering content/settings/snapchat.md"},
		// html/template's own errors, found when it escapes a set at its
		// first execution, write "html/template:name:line:col: ": they
		// were placed at layouts/? with no line.
		{"escaping error (ambiguous URL)", map[string]string{"layouts/_default/single.html": "{{define \"main\"}}\n\n<a href=\"{{if .Draft}}/s?{{else}}/s/{{end}}{{.Title}}\">x</a>{{end}}"},
			"layouts/_default/single.html:3:", "while rendering content/settings/snapchat.md"},
		{"escaping error in a partial", map[string]string{"layouts/_default/single.html": "{{define \"main\"}}{{partial \"card.html\" .}}{{end}}",
			"layouts/partials/card.html": "<p>\n<a href=\"{{if .Draft}}/s?{{else}}/s/{{end}}{{.Title}}\">x</a></p>"},
			"layouts/partials/card.html:2:", "while rendering content/settings/snapchat.md"},
		{"escaping error in baseof", map[string]string{"layouts/_default/single.html": "{{define \"main\"}}x{{end}}",
			"layouts/_default/baseof.html": "<html>\n<a href=\"{{if .Draft}}/s?{{else}}/s/{{end}}{{.Title}}\">x</a>{{block \"main\" .}}{{end}}</html>"},
			"layouts/_default/baseof.html:2:", "while rendering content/settings/snapchat.md"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := with(with(map[string]string{"layouts/_default/baseof.html": baseof}, pages), tc.files)
			_, _, err := newSite(t, files).render(t, "settings/snapchat.md")
			ps := diag.Problems(err)
			if len(ps) != 1 || !strings.HasPrefix(ps[0].String(), tc.want) || !strings.Contains(ps[0].Hint, tc.wantHint) {
				t.Fatalf("got %v (hint %q), want %s… (hint …%s…)", err, hintOf(ps), tc.want, tc.wantHint)
			}
		})
	}
}

func hintOf(ps diag.List) string {
	if len(ps) == 0 {
		return ""
	}
	return ps[0].Hint
}

// TestRelatedWeights: a shared term counts its taxonomy's weight from the
// config; ties go by URL.
func TestRelatedWeights(t *testing.T) {
	pages := map[string]string{
		"content/_index.md": "---\ntitle: Home\n---\n",
		"content/a.md":      "---\ntitle: A\ntopics: [Games, Chat]\napps: [Roblox]\n---\n",
		"content/b.md":      "---\ntitle: B\ntopics: [Games, Chat]\n---\n",
		"content/c.md":      "---\ntitle: C\napps: [Roblox]\n---\n",
		"content/d.md":      "---\ntitle: D\nages: [5 to 7]\n---\n",
	}
	for _, tc := range []struct {
		name, cfg string
		want      string
	}{
		{"two topics outweigh one term", "", "/b/ /c/"},
		{"an app outweighs two topics", "[related]\nweights = {apps = 3}\n", "/c/ /b/"},
		{"equal: by URL", "[related]\nweights = {apps = 2}\n", "/b/ /c/"},
		{"a taxonomy left out", "[related]\nweights = {topics = 0}\n", "/c/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := with(map[string]string{"signpost.toml": "title = \"S\"\n[taxonomies]\ntopic = \"topics\"\napp = \"apps\"\nage = \"ages\"\n" + tc.cfg}, pages)
			s := newSite(t, files)
			var got []string
			for _, p := range newRelatedIndex(s.tree.All).related(s.tree.GetPage("a.md"), 5, s.tree.Config.Related) {
				got = append(got, p.URL)
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("related = %v, want %s", got, tc.want)
			}
		})
	}
}
