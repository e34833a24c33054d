package content

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/diag"
)

// Split separates front matter from the body. Front matter is YAML between
// lines of "---" or TOML between lines of "+++", starting on the first line.
// bodyLine is the 1-based line on which the body starts. A file without
// front matter has format "" and is all body.
func Split(src []byte) (format string, fm, body []byte, bodyLine int, err error) {
	src = config.StripBOM(src)
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	delim := string(bytes.TrimRight(first, " \t\r"))
	switch delim {
	case "---":
		format = "yaml"
	case "+++":
		format = "toml"
	default:
		return "", nil, src, 1, nil
	}
	line := 2
	start := len(first) + 1
	if start > len(src) {
		start = len(src)
	}
	off := start
	for len(rest) > 0 || off < len(src) {
		l, next, found := bytes.Cut(rest, []byte("\n"))
		t := string(bytes.TrimRight(l, " \t\r"))
		if t == delim || (format == "yaml" && t == "...") {
			fm = src[start:off]
			body = src[min(off+len(l)+1, len(src)):]
			return format, fm, body, line + 1, nil
		}
		if !found {
			break
		}
		off += len(l) + 1
		rest = next
		line++
	}
	return format, nil, nil, 0, diag.Problem{
		Line: 1, Col: 1, Severity: diag.Error,
		Message: fmt.Sprintf("front matter opened with %s on line 1 is never closed", delim),
		Hint:    fmt.Sprintf("did you forget the closing %s? Put it on a line of its own after the last key", delim),
	}
}

// toTime converts the date forms YAML and TOML decoders produce.
func toTime(v any) (time.Time, bool) {
	switch t := v.(type) {
	case time.Time:
		return t, true
	case toml.LocalDate:
		return time.Date(t.Year, time.Month(t.Month), t.Day, 0, 0, 0, 0, time.UTC), true
	case toml.LocalDateTime:
		return time.Date(t.Year, time.Month(t.Month), t.Day, t.Hour, t.Minute, t.Second, t.Nanosecond, time.UTC), true
	case string:
		for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
			if tm, err := time.Parse(layout, t); err == nil {
				return tm, true
			}
		}
	}
	return time.Time{}, false
}

// keyLines finds the line of each top-level key of YAML or TOML front
// matter (fm starts on file line first) in one pass: "title: x",
// "title = 'x'", quoted keys too. The first line setting a key wins.
func keyLines(fm []byte, first int) map[string]int {
	out := map[string]int{}
	for i, line := range bytes.Split(fm, []byte("\n")) {
		l := string(line)
		if l == "" || l[0] == ' ' || l[0] == '\t' || l[0] == '#' || l[0] == '-' || l[0] == '[' {
			continue
		}
		key, ok := "", false
		if q := l[0]; q == '"' || q == '\'' {
			if end := strings.IndexByte(l[1:], q); end >= 0 {
				key, l, ok = l[1:end+1], strings.TrimLeft(l[end+2:], " \t"), true
			}
		} else if j := strings.IndexAny(l, ":="); j > 0 {
			key, l, ok = strings.TrimRight(l[:j], " \t"), l[j:], true
		}
		if !ok || key == "" || l == "" || (l[0] != ':' && l[0] != '=') {
			continue
		}
		if _, seen := out[key]; !seen {
			out[key] = first + i
		}
	}
	return out
}

// itemLines finds the lines on which the items of a block-style list start
// ("  - title: …" below "sources:"), given the line of its key; nil for a
// list written on the key's line ([…]).
func itemLines(fm []byte, first, keyLine int) []int {
	if keyLine < first {
		return nil
	}
	lines := bytes.Split(fm, []byte("\n"))
	i := keyLine - first
	if i >= len(lines) {
		return nil
	}
	if _, v, _ := bytes.Cut(lines[i], []byte(":")); len(bytes.TrimSpace(v)) > 0 && !bytes.HasPrefix(bytes.TrimSpace(v), []byte("#")) {
		return nil
	}
	var out []int
	indent := -1
	for j := i + 1; j < len(lines); j++ {
		l := string(lines[j])
		t := strings.TrimLeft(l, " ")
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		n := len(l) - len(t)
		if n == 0 && !strings.HasPrefix(t, "-") {
			break // the next key
		}
		if strings.HasPrefix(t, "-") && (indent < 0 || n == indent) {
			indent = n
			out = append(out, first+j)
		} else if n < indent {
			break
		}
	}
	return out
}
