package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TitleFromName is the title of a page, section or taxonomy that sets none,
// made from its file or folder name: "keeping-safe.md" → "Keeping safe",
// "ёлка" → "Ёлка". Hyphens and underscores read as spaces, and the first
// letter (not the first byte: names are often not ASCII) is capitalised.
// Every title Signpost derives from a name comes from here, so that a
// section, a page and `signpost new` agree.
func TitleFromName(name string) string {
	name = strings.TrimSuffix(name, ".md")
	if name == "." || name == "/" {
		return ""
	}
	name = strings.Join(strings.FieldsFunc(name, func(r rune) bool {
		return r == '-' || r == '_' || unicode.IsSpace(r)
	}), " ")
	r, size := utf8.DecodeRuneInString(name)
	if size == 0 || r == utf8.RuneError {
		return name
	}
	return string(unicode.ToTitle(r)) + name[size:]
}
