package content

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/signpost/signpost/internal/config"
)

func TestTitleFromName(t *testing.T) {
	for in, want := range map[string]string{
		"ёлка.md":          "Ёлка",
		"ёлка":             "Ёлка",
		"keeping-safe.md":  "Keeping safe",
		"my_first-page":    "My first page",
		"éclair":           "Éclair",
		"über-uns":         "Über uns",
		"ǆungla":           "ǅungla", // a digraph takes its title case, not its upper case
		"ماذا-تفعل":        "ماذا تفعل",
		"日本":               "日本",
		"42-things":        "42 things",
		"--odd--name--.md": "Odd name",
		"already Title":    "Already Title",
		"":                 "",
		".":                "",
		"\xe9t\xe9":        "\xe9t\xe9", // not UTF-8: left alone (the build reports such names)
	} {
		if got := TitleFromName(in); got != want {
			t.Errorf("TitleFromName(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every title made from a name goes through TitleFromName: pages, bundles,
// folders without _index.md, and taxonomies.
func TestTitlesFromNames(t *testing.T) {
	cfg, _ := config.Load(fstest.MapFS{"signpost.toml": {Data: []byte("[taxonomies]\n\"тема\" = \"темы\"\n")}})
	fsys := fstest.MapFS{
		"content/_index.md":             {Data: []byte("---\ntitle: Home\n---\n")},
		"content/ёлка.md":               {Data: []byte("---\nтемы: [зима]\n---\nБез заголовка.\n")},
		"content/зимние-игры/снежки.md": {Data: []byte("Text.\n")},
		"content/über_uns/index.md":     {Data: []byte("Text.\n")},
		"content/éte/_index.md":         {Data: []byte("---\ndescription: x\n---\n")},
		"content/broken/ünfinished.md":  {Data: []byte("---\ntitle: x\n")},
	}
	tree, _ := Load(context.Background(), fsys, cfg, Options{})
	for ref, want := range map[string]string{
		"ёлка.md": "Ёлка", "зимние-игры/снежки.md": "Снежки", "зимние-игры": "Зимние игры",
		"über_uns/index.md": "Über uns", "éte": "Éte", "broken/ünfinished.md": "Ünfinished",
	} {
		if p := tree.GetPage(ref); p == nil || p.Title != want {
			t.Errorf("title of %s: %v, want %q", ref, p, want)
		}
	}
	if len(tree.Taxonomies) != 1 || tree.Taxonomies[0].Title != "Темы" {
		t.Errorf("taxonomy title: %v", tree.Taxonomies)
	}
}
