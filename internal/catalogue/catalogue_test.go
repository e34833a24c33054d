package catalogue

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
)

// load builds the tree of a site made of a config and pages.
func load(t *testing.T, cfg string, pages map[string]string) *content.Tree {
	t.Helper()
	fsys := fstest.MapFS{"signpost.toml": {Data: []byte(cfg)}}
	for name, src := range pages {
		fsys["content/"+name] = &fstest.MapFile{Data: []byte(src)}
	}
	c, probs := config.Load(fsys)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	tree, probs := content.Load(context.Background(), fsys, c, content.Options{})
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	return tree
}

var schoolPages = map[string]string{
	"_index.md":     "---\ntitle: Home\n---\n",
	"maths/sums.md": "---\ntitle: Sums\ndescription: Adding up.\nsubjects: [Maths]\nlevels: [KS1, KS2]\nreviewed: 2026-11-01\n---\n",
	"art/paint.md":  "---\ntitle: Paint\ndescription: Colours.\nsubjects: [Art]\nreviewed: 2026-10-01\n---\n",
}

// TestCatalogueFromConfig: resources.json lists the taxonomies the config
// names, in its order, and the feeds follow its feeds taxonomy.
func TestCatalogueFromConfig(t *testing.T) {
	tree := load(t, "title = \"School\"\nbaseURL = \"https://school.example/\"\n[taxonomies]\nsubject = \"subjects\"\nlevel = \"levels\"\n"+
		"[guidance]\ncatalogue = [\"subjects\", \"levels\"]\nfeeds = \"subjects\"\n", schoolPages)
	files, err := Files(tree, func(_, id string, _ map[string]any) string { return id })
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	if want := []string{"resources.json", "updates.xml", "subjects/art/updates.xml", "subjects/maths/updates.xml"}; !slices.Equal(paths, want) {
		t.Errorf("files %q, want %q", paths, want)
	}
	res := string(files[0].Data)
	want := `{
      "title": "Sums",
      "url": "https://school.example/maths/sums/",
      "description": "Adding up.",
      "subjects": [
        "Maths"
      ],
      "levels": [
        "KS1",
        "KS2"
      ],
      "reviewed": "2026-11-01"
    }`
	if !strings.Contains(res, want) {
		t.Errorf("resources.json:\n%s\nwant a page written as\n%s", res, want)
	}
	if feed := string(files[3].Data); !strings.Contains(feed, `<category term="Maths"`) || strings.Contains(feed, "Paint") {
		t.Errorf("subjects/maths/updates.xml:\n%s", feed)
	}
}

// TestCatalogueGenericDefaults: a site with its own taxonomies and no
// [guidance] lists all of them (sorted) and has no per-term feeds.
func TestCatalogueGenericDefaults(t *testing.T) {
	tree := load(t, "title = \"School\"\n[taxonomies]\nsubject = \"subjects\"\nlevel = \"levels\"\n", schoolPages)
	files, err := Files(tree, func(_, id string, _ map[string]any) string { return id })
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[1].Path != "updates.xml" {
		t.Fatalf("files: %d, want resources.json and updates.xml", len(files))
	}
	res := string(files[0].Data)
	if i, j := strings.Index(res, `"levels"`), strings.Index(res, `"subjects"`); i < 0 || j < i {
		t.Errorf("resources.json lists levels then subjects:\n%s", res)
	}
	if strings.Contains(res, `"topics"`) {
		t.Errorf("a site without topics has none in resources.json:\n%s", res)
	}
}
