package content

import (
	"bytes"
	"fmt"
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
