package content

import "testing"

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
