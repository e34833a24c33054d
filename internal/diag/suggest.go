package diag

import (
	"strings"
)

// Closest returns the candidate nearest to word by edit distance, or "" when
// none is close enough to be a likely typo: about a third of the word's
// letters changed at most (so "titel" finds "title", but "colour" is not
// offered "slug"), or one is the start of the other ("call-999" finds
// "call-999-now").
func Closest(word string, candidates []string) string {
	best, bestDist := "", -1
	lw := strings.ToLower(word)
	if lw == "" {
		return ""
	}
	limit := len([]rune(lw))/3 + 2
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := distance(lw, lc)
		if d >= limit && !startsOther(lw, lc) {
			continue
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// startsOther reports whether the shorter of a and b, at least three
// letters long, is the start of the other.
func startsOther(a, b string) bool {
	if len([]rune(a)) > len([]rune(b)) {
		a, b = b, a
	}
	return len([]rune(a)) >= 3 && strings.HasPrefix(b, a)
}

// DidYouMean formats Closest as a hint, or a fallback listing the choices.
func DidYouMean(word string, candidates []string) string {
	if c := Closest(word, candidates); c != "" {
		return "did you mean " + quote(c) + "?"
	}
	if len(candidates) == 0 || len(candidates) > 16 {
		return ""
	}
	qs := make([]string, len(candidates))
	for i, c := range candidates {
		qs[i] = quote(c)
	}
	return "use one of " + strings.Join(qs, ", ")
}

// Suggest is DidYouMean, or otherwise when that has nothing to offer (no
// candidates, or too many to list): a hint never ends empty.
func Suggest(word string, candidates []string, otherwise string) string {
	if h := DidYouMean(word, candidates); h != "" {
		return h
	}
	return otherwise
}

func quote(s string) string { return "\"" + s + "\"" }

// distance is the Levenshtein distance between a and b, by runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// LineCol converts a byte offset in src to a 1-based line and column.
func LineCol(src []byte, off int) (line, col int) {
	if off < 0 {
		return 0, 0
	}
	off = min(off, len(src))
	line, col = 1, 1
	for _, c := range src[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}
