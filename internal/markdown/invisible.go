package markdown

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// invisibleNames are the characters that look like a space, or like
// nothing, but that markdown does not take for one: word processors and
// phones paste them.
var invisibleNames = map[rune]string{
	'\u00a0': "non-breaking space",
	'\u202f': "narrow non-breaking space",
	'\u2007': "figure space",
	'\u200b': "zero-width space",
	'\u2060': "word joiner",
	'\ufeff': "zero-width no-break space",
}

const invisibles = "\u00a0\u202f\u2007\u200b\u2060\ufeff"

// startMark is a line that would start a heading, list item, quote or
// guidance block but for an invisible character before or after its
// marker: groups are the characters before, the marker, the characters
// after.
var startMark = regexp.MustCompile(`^ {0,3}([` + invisibles + ` ]*)(#{1,6}|[-*+]|\d{1,9}[.)]|>|:{3,})([` + invisibles + `]*)`)

// invisibleStarts warns about lines of a paragraph that begin like a
// heading, list item, quote or block but are text, because of an
// invisible character around the marker.
func (t *pageTransformer) invisibleStarts(st *state, block ast.Node, src []byte) {
	lines := block.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := seg.Value(src)
		if !mayStartMark(line) {
			continue
		}
		m := startMark.FindSubmatchIndex(line)
		if m == nil {
			continue
		}
		before, mark, after := string(line[m[2]:m[3]]), string(line[m[4]:m[5]]), string(line[m[6]:m[7]])
		rest := line[m[1]:]
		what, q := markWhat(mark), `"`+mark+`"`
		if strings.HasPrefix(mark, ":::") && (len(rest) == 0 || !isLetter(rest[0])) {
			continue // a closing line, or colons in text
		}
		switch {
		case strings.Trim(before, " ") != "":
			r, _ := utf8.DecodeRuneInString(strings.TrimLeft(before, " "))
			st.warnf(seg.Start+m[2], "delete the invisible character before "+q+" (retype the start of the line)",
				"this line starts with an invisible %s before %s (often pasted from a word processor), so it is shown as text, not %s", invisibleNames[r], q, what)
		case after != "" && !strings.HasPrefix(mark, ":::"):
			r, _ := utf8.DecodeRuneInString(after)
			st.warnf(seg.Start+m[4], "type an ordinary space after "+q+" instead",
				"%s is followed by an invisible %s (often pasted from a word processor), so the line is shown as text, not %s", q, invisibleNames[r], what)
		case after != "":
			r, _ := utf8.DecodeRuneInString(after)
			st.warnf(seg.Start+m[4], "delete the invisible character after "+q+", so the block's name follows the colons",
				"%s is followed by an invisible %s (often pasted from a word processor), so the line is shown as text, not %s", q, invisibleNames[r], what)
		}
	}
}

// mayStartMark reports whether line can match startMark: after up to
// three spaces, a space, an invisible character (all start with one of
// three bytes) or a marker. A line of text starts with a letter, and the
// expression costs more than this.
func mayStartMark(line []byte) bool {
	i := 0
	for i < 3 && i < len(line) && line[i] == ' ' {
		i++
	}
	if i == len(line) {
		return false
	}
	switch c := line[i]; c {
	case ' ', '#', '-', '*', '+', '>', ':', 0xc2, 0xe2, 0xef:
		return true
	default:
		return c >= '0' && c <= '9'
	}
}

// markWhat names what a line starting with mark would have been.
func markWhat(mark string) string {
	switch {
	case strings.HasPrefix(mark, "#"):
		return "a heading"
	case strings.HasPrefix(mark, ":::"):
		return "a block"
	case mark == ">":
		return "a quote"
	case mark == "-" || mark == "*" || mark == "+":
		return "a list item"
	}
	return "a numbered list item"
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
