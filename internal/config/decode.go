package config

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/token"
	"github.com/pelletier/go-toml/v2"

	"github.com/signpost/signpost/internal/diag"
)

// Decode parses a YAML or TOML document into v. On failure it returns a
// Problem positioned in path (lines counted within src) and false. It is
// shared with front matter, which uses the same two formats.
func Decode(format, path string, src []byte, v any) (diag.Problem, bool) {
	src = StripBOM(src)
	if p, ok := ValidUTF8(path, src); !ok {
		return p, false
	}
	var err error
	if format == "toml" {
		if p, found := tooLarge(path, format, src); found {
			return p, false
		}
		err = toml.Unmarshal(src, v)
	} else {
		if p, found := YAMLTooComplex(path, src); found {
			return p, false
		}
		if p, found := yamlIndentFault(path, src); found {
			return p, false
		}
		err = yaml.Unmarshal(src, v)
	}
	if err == nil {
		return diag.Problem{}, true
	}
	p := diag.Problem{Path: path, Severity: diag.Error, Message: "invalid " + strings.ToUpper(format) + ": " + err.Error()}
	var terr *toml.DecodeError
	var yerr interface {
		GetToken() *token.Token
		GetMessage() string
		FormatError(bool, bool) string
	}
	switch {
	case errors.As(err, &terr):
		p.Line, p.Col = terr.Position()
		p.Message = "invalid TOML: " + strings.TrimPrefix(terr.Error(), "toml: ")
		p.Hint = `TOML needs key = value, with text in quotes: title = "My page"`
		if msg, hint, ok := tomlKindFault(terr.Error(), src, p.Line); ok {
			p.Message, p.Hint = msg, hint
		}
	case errors.As(err, &yerr):
		if fault, found := yamlFault(path, src); found {
			return fault, false
		}
		if tk := yerr.GetToken(); tk != nil && tk.Position != nil {
			p.Line, p.Col = tk.Position.Line, tk.Position.Column
		}
		p.Message = "invalid YAML: " + yamlWords(yerr.GetMessage())
		p.Hint = yamlHint(src, p.Line)
		if src := yerr.FormatError(false, true); strings.Contains(src, "\n") {
			// The source excerpt with a caret under the fault.
			p.Hint += "\n" + strings.TrimRight(src[strings.Index(src, "\n")+1:], "\n")
		}
	}
	return p, false
}

// yamlHint is the hint for a YAML fault no rule in yamlfault.go names. It
// speaks of quotes only when the line has a second colon, and points to the
// page that explains every message.
func yamlHint(src []byte, line int) string {
	hint := "YAML needs key: value, one per line"
	if lines := strings.Split(string(src), "\n"); line >= 1 && line <= len(lines) && strings.Count(lines[line-1], ":") > 1 {
		hint += "; put text containing a colon in quotes"
	}
	return hint + " (Signpost's docs/errors.md explains each message)"
}

// bom is the UTF-8 byte order mark some Windows editors write at the start
// of a file.
var bom = []byte("\xef\xbb\xbf")

// StripBOM returns src without a leading UTF-8 byte order mark. Every file
// Signpost reads as text goes through it: config, data, content,
// templates, urls.txt. A BOM is invisible in editors, and TOML, YAML and
// JSON decoders reject it or read it as part of the first key.
func StripBOM(src []byte) []byte { return bytes.TrimPrefix(src, bom) }

// ValidUTF8 checks that src (a file, or lines of one starting at its
// first line) is UTF-8, and otherwise returns an error at the line of the
// first byte that is not: a file saved as Latin-1 must not be published
// as bytes no browser can read, nor silently changed.
func ValidUTF8(path string, src []byte) (diag.Problem, bool) {
	if utf8.Valid(src) {
		return diag.Problem{}, true
	}
	bad := 0
	for bad < len(src) {
		r, n := utf8.DecodeRune(src[bad:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		bad += n
	}
	line, col := diag.LineCol(src, bad)
	return diag.Problem{Path: path, Line: line, Col: col, Severity: diag.Error,
		Message: "the file is not valid UTF-8: the text has a byte that is not part of any letter",
		Hint:    `save the file as UTF-8 (most editors have it under "Save with encoding")`}, false
}

// tomlKind matches go-toml's message for a value of the wrong kind, which
// names Go types an editor never sees.
var tomlKind = regexp.MustCompile(`cannot decode TOML (\w+) into .* of type (\S+)`)

// tomlKindFault says in an editor's words which kind of value a key
// needs, from go-toml's message and the key on the faulty line.
func tomlKindFault(msg string, src []byte, line int) (string, string, bool) {
	m := tomlKind.FindStringSubmatch(msg)
	lines := strings.Split(string(src), "\n")
	if m == nil || line < 1 || line > len(lines) {
		return "", "", false
	}
	key, _, _ := strings.Cut(lines[line-1], "=")
	key = strings.Trim(strings.TrimSpace(key), `"'`)
	got := map[string]string{"string": "text", "integer": "a number", "float": "a number", "boolean": "true or false",
		"array": "a list", "table": "a table", "inline": "a table"}[strings.ToLower(m[1])]
	if got == "" {
		got = "a " + m[1]
	}
	want, example := "text in quotes", key+` = "…"`
	switch t := m[2]; {
	case t == "bool" || t == "*bool":
		want, example = "true or false, without quotes", key+" = true"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "float"):
		want, example = "a number, without quotes", key+" = 10"
	case strings.HasPrefix(t, "[]"):
		want, example = "a list", key+` = ["…", "…"]`
	case strings.HasPrefix(t, "map") || strings.Contains(t, "."):
		want, example = "a table of settings", "["+key+"] on a line of its own, with its settings below it"
	}
	return fmt.Sprintf("%s needs %s, not %s", key, want, got), "write it like " + example, true
}

// yamlWords puts the YAML library's messages an editor is likely to meet
// in an editor's words; its own words ("mapping value", "token") are
// about the parser, not the text.
func yamlWords(msg string) string {
	for _, w := range []struct{ in, out string }{
		{"mapping value is not allowed", "a colon YAML cannot read here: a second colon on a line, or a line indented more than the one above"},
		{"non-map value", "a line without a colon; each line needs key: value"},
		{"reserved character", "this character cannot start a value unless the value is in quotes"},
		{"could not find expected ':'", "a line without a colon; each line needs key: value"},
		{"cannot start any token", "a character YAML cannot read at the start of a value"},
		{"unexpected key name", "text YAML cannot read as a key here"},
		{"sequence entries are not allowed", "a list item (- …) where YAML expects key: value"},
		{"did not find expected key", "a line indented differently from the keys around it"},
		{"found duplicate key", "this key is set twice; keep one"},
		{"already defined", "this key is set twice; keep one"},
	} {
		if strings.Contains(msg, w.in) {
			return w.out
		}
	}
	return msg
}
