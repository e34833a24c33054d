package config

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/signpost/signpost/internal/diag"
)

// invisibles are characters that look like an ordinary space in an editor
// but are not one to YAML; word processors and phones paste them.
var invisibles = map[rune]string{
	'\u00a0': "non-breaking space",
	'\u202f': "narrow non-breaking space",
	'\u2007': "figure space",
	'\u200b': "zero-width space",
	'\ufeff': "zero-width no-break space",
}

// yamlFault looks, in YAML that failed to decode, for the mistakes editors
// really make and the YAML library reports in its own words (a tab in the
// indentation, an invisible space pasted from a word processor, curly
// quotes): the first such line is named in plain words, with an excerpt
// whose lines and caret are the file's. Lines are counted within src.
func yamlFault(path string, src []byte) (diag.Problem, bool) {
	return findFault(path, src, lineFault)
}

// yamlIndentFault finds an invisible space in the indentation of a line of
// YAML that decodes: YAML reads it as part of a key or value (a key
// "\u00a0 colour" below "params:", which is then empty), so the page would
// build wrong without a word.
func yamlIndentFault(path string, src []byte) (diag.Problem, bool) {
	return findFault(path, src, indentFault)
}

// findFault returns the first line's fault that fault finds in src.
func findFault(path string, src []byte, fault func(string) (msg, hint string, col int)) (diag.Problem, bool) {
	lines := strings.Split(string(src), "\n")
	for i, l := range lines {
		l = strings.TrimSuffix(l, "\r")
		msg, hint, col := fault(l)
		if msg == "" {
			continue
		}
		return diag.Problem{Path: path, Line: i + 1, Col: col, Severity: diag.Error,
			Message: msg, Hint: hint + "\n" + excerpt(lines, i, col)}, true
	}
	return diag.Problem{}, false
}

// lineFault names the fault of one line of YAML, if it has one of the
// kinds yamlFault knows; col is 1-based, in characters.
func lineFault(l string) (msg, hint string, col int) {
	indent := len(l) - len(strings.TrimLeft(l, " \t"))
	if i := strings.IndexByte(l[:indent], '\t'); i >= 0 {
		return "this line starts with a tab; YAML needs spaces",
			"replace the tab with spaces (two for each level of indentation)", i + 1
	}
	if msg, hint, col := indentFault(l); msg != "" {
		return msg, hint, col
	}
	key, value, hasColon := strings.Cut(l, ":")
	for off, r := range l {
		name, ok := invisibles[r]
		if !ok {
			continue
		}
		c := utf8.RuneCountInString(l[:off]) + 1
		switch {
		case hasColon && off > len(key) && strings.TrimLeft(l[len(key)+1:off], " ") == "":
			return fmt.Sprintf("an invisible %s after %q (often pasted from a word processor)", name, strings.TrimSpace(key)+":"),
				"type an ordinary space instead", c
		case hasColon && off < len(key) && strings.TrimRight(key[off:], " \u00a0\u202f\u2007\u200b\ufeff") == "":
			return fmt.Sprintf("an invisible %s before the colon of %q (often pasted from a word processor)", name, strings.TrimSpace(key)+":"),
				"delete it", c
		}
	}
	if hasColon {
		// Only text YAML cannot read unquoted (a colon and a space, as in
		// "Roblox: a guide") is the fault; curly quotes elsewhere build,
		// and are warned about where front matter is read.
		v := strings.TrimSpace(value)
		if v != "" && strings.ContainsAny(v[:utf8.RuneLen([]rune(v)[0])], "“‘„«") && (strings.Contains(v, ": ") || strings.Contains(v, " #")) {
			c := utf8.RuneCountInString(l) - utf8.RuneCountInString(strings.TrimLeft(value, " ")) + 1
			return "the text is in curly quotes " + curlyPair(v) + ", which YAML does not read as quotes",
				"use straight quotes (\"), as a plain text editor types them: " + strings.TrimSpace(key) + ": " + Straighten(v), c
		}
	}
	return "", "", 0
}

// indentFault finds an invisible space among the spaces a line starts with.
func indentFault(l string) (msg, hint string, col int) {
	for off, r := range l {
		if name, ok := invisibles[r]; ok {
			return fmt.Sprintf("an invisible %s at the start of this line (often pasted from a word processor)", name),
				"delete it and indent with ordinary spaces", utf8.RuneCountInString(l[:off]) + 1
		}
		if r != ' ' && r != '\t' {
			break
		}
	}
	return "", "", 0
}

// curlyPair is the pair of curly quotes a value opens with, as the editor
// sees them.
func curlyPair(v string) string {
	if strings.HasPrefix(v, "‘") {
		return "‘ ’"
	}
	return "“ ”"
}

// Straighten rewrites a value wrapped in curly quotes as YAML text in
// straight double quotes; curly quotes inside it (apostrophes) stay.
func Straighten(v string) string {
	r := []rune(v)
	if len(r) >= 2 && strings.ContainsRune("“‘„«", r[0]) && strings.ContainsRune("”’“»", r[len(r)-1]) {
		r = r[1 : len(r)-1]
	}
	s := strings.ReplaceAll(strings.ReplaceAll(string(r), `\`, `\\`), `"`, `\"`)
	return `"` + s + `"`
}

// excerpt shows the faulty line (index i) with up to two lines before it
// and one after, numbered as in the file, and a caret under column col.
func excerpt(lines []string, i, col int) string {
	from, to := max(0, i-2), min(len(lines)-1, i+1)
	for from < i && strings.TrimSpace(lines[from]) == "" {
		from++
	}
	for to > i && strings.TrimSpace(lines[to]) == "" {
		to--
	}
	var b strings.Builder
	for j := from; j <= to; j++ {
		mark := " "
		if j == i {
			mark = ">"
		}
		fmt.Fprintf(&b, "%s %2d | %s\n", mark, j+1, strings.TrimSuffix(lines[j], "\r"))
		if j == i {
			fmt.Fprintf(&b, "%s^\n", strings.Repeat(" ", len(fmt.Sprintf("  %2d | ", j+1))+col-1))
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// Limits of the YAML and TOML Signpost reads, past which the readers'
// time or memory is not bounded: 100,000 nested brackets took 27 s and
// 22 GB; a mapping's keys take time quadratic in their number in both
// readers (goccy/go-yaml#889, not released; go-toml's key tracker), so
// 200,000 took minutes.
const (
	maxDocBytes  = 512 << 10
	maxYAMLDepth = 100
)

// tooLarge refuses a YAML or TOML document past maxDocBytes.
func tooLarge(path, format string, src []byte) (diag.Problem, bool) {
	if len(src) <= maxDocBytes {
		return diag.Problem{}, false
	}
	return diag.Problem{Path: path, Line: 1, Severity: diag.Error,
		Message: fmt.Sprintf("this %s is %d KB long; Signpost reads at most %d KB in one file or front matter", strings.ToUpper(format), len(src)>>10, maxDocBytes>>10),
		Hint:    "split it: long lists belong in files of data/, each shorter"}, true
}

// YAMLTooComplex refuses YAML past those limits before it is read: Decode
// calls it, and so must any reader that parses YAML itself (internal/sheets).
func YAMLTooComplex(path string, src []byte) (diag.Problem, bool) {
	if p, found := tooLarge(path, "yaml", src); found {
		return p, true
	}
	depth := 0 // of [ and {, which may span lines
	line := 1
	for l := range strings.SplitSeq(string(src), "\n") {
		rest := strings.TrimLeft(l, " ")
		dashes := 0
		for strings.HasPrefix(rest, "- ") {
			dashes++
			rest = strings.TrimLeft(rest[2:], " ")
		}
		inQuote := byte(0)
		for i := 0; i < len(rest) && dashes+depth <= maxYAMLDepth; i++ {
			switch c := rest[i]; {
			case inQuote != 0:
				if c == '\\' && inQuote == '"' {
					i++
				} else if c == inQuote {
					inQuote = 0
				}
			case c == '"':
				inQuote = c
			case c == '#' && (i == 0 || rest[i-1] == ' '):
				i = len(rest) // a comment
			case c == '[' || c == '{':
				depth++
			case c == ']' || c == '}':
				depth = max(depth-1, 0)
			}
		}
		if dashes+depth > maxYAMLDepth {
			return diag.Problem{Path: path, Line: line, Severity: diag.Error,
				Message: fmt.Sprintf("lists or maps are nested more than %d deep here", maxYAMLDepth),
				Hint:    "nest less: no site needs that depth"}, true
		}
		line++
	}
	return diag.Problem{}, false
}
