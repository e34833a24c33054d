// Package diag holds the Problem type that every stage of a build reports
// through: a position in a source file, a severity, a message and a hint.
// It imports nothing else from Signpost so every package can use it.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// MarshalText lets --json print "error" and "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Problem is one thing wrong with the site, positioned in the file an editor
// must change. Line and Col are 1-based; 0 means unknown.
type Problem struct {
	Path     string   `json:"path"`
	Line     int      `json:"line,omitempty"`
	Col      int      `json:"col,omitempty"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
}

// String formats the problem as path:line:col: severity: message.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Path)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	fmt.Fprintf(&b, ": %s: %s", p.Severity, p.Message)
	return b.String()
}

func (p Problem) Error() string { return p.String() }

// List collects problems; the zero value is ready to use.
type List []Problem

// Errorf adds an error.
func (l *List) Errorf(path string, line, col int, hint, format string, args ...any) {
	*l = append(*l, Problem{Path: path, Line: line, Col: col, Severity: Error, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf adds a warning.
func (l *List) Warnf(path string, line, col int, hint, format string, args ...any) {
	*l = append(*l, Problem{Path: path, Line: line, Col: col, Severity: Warning, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Add appends problems from another list.
func (l *List) Add(ps ...Problem) { *l = append(*l, ps...) }

// Sort orders problems by path, line, column and message, so output is stable.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Message, b.Message))
	})
}

// Count returns the number of errors and warnings.
func (l List) Count() (errs, warns int) {
	for _, p := range l {
		if p.Severity == Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// HasErrors reports whether any problem is an error.
func (l List) HasErrors() bool {
	e, _ := l.Count()
	return e > 0
}

// Err returns the list as an error when it has errors, or nil.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &ListError{List: l}
}

// ListError is a failed build's problems, usable with errors.As.
type ListError struct{ List List }

func (e *ListError) Error() string {
	errs, _ := e.List.Count()
	var first string
	for _, p := range e.List {
		if p.Severity == Error {
			first = p.String()
			break
		}
	}
	if errs == 1 {
		return first
	}
	return fmt.Sprintf("%s (and %s)", first, Plural(errs-1, "more error", "more errors"))
}

// Problems extracts the problems from an error made by List.Err, or wraps a
// plain error as one problem without a position.
func Problems(err error) List {
	if err == nil {
		return nil
	}
	var le *ListError
	if errors.As(err, &le) {
		return le.List
	}
	var p Problem
	if errors.As(err, &p) {
		return List{p}
	}
	return List{{Severity: Error, Message: err.Error()}}
}

// Compact drops repeats of the same problem (a broken template reported
// by every page that uses it), keeping the first; sort first.
func (l List) Compact() List {
	return slices.CompactFunc(l, func(a, b Problem) bool { return a == b })
}

// Plural is a count with its noun, as people write it in a summary:
// "1 page", "3 pages", "0 errors". The plural is given, not made, so
// "address" can be "addresses".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
