package content

import (
	"strings"
	"unicode"
)

// Slugify makes a URL- and id-safe form of s that keeps letters of every
// script: "Поговорите с ребёнком" stays readable, unlike goldmark's default,
// which drops non-ASCII text. Lower case; runs of anything else become "-".
func Slugify(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, r := range s {
		// As strings.ToLower does it, without a lower-case copy of s.
		r = unicode.ToLower(r)
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '\'' || r == '’':
			// "child's" → "childs", not "child-s".
		default:
			dash = true
		}
	}
	return b.String()
}
