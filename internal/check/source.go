package check

import (
	"bytes"
	"io/fs"
	"regexp"
	"strings"
	"unicode"

	"github.com/signpost/signpost/internal/content"
)

// source is a page's file as lines, for placing problems found in its HTML
// back on the line of markdown that caused them.
type source struct {
	path string
	// read is set when the file was read: raw is its text, and lines
	// (see lineList) its lines.
	read  bool
	raw   []byte
	lines []string
	// body is the index in lines of the first line of the markdown body.
	body int
	// norm holds each line reduced to lower-case words (see words).
	norm []string
}

// loadSource splits a page's file into lines; raw is the file when the
// caller has it, else it is read from fsys.
func loadSource(fsys fs.FS, p *content.Page, raw []byte) *source {
	s := &source{path: p.File}
	if p.File == "" {
		// A generated page (taxonomy, term, 404): name its output file.
		s.path = p.OutputPath()
		return s
	}
	if p.IsGenerated() {
		// A page made from data: its text is written in the data file,
		// so problems with that text are placed there. It has no front
		// matter: every line is searched.
		s.path, raw = p.Origin.Path, nil
		p = &content.Page{File: p.Origin.Path}
	}
	if raw == nil {
		if fsys == nil {
			return s
		}
		var err error
		if raw, err = fs.ReadFile(fsys, p.File); err != nil {
			return s
		}
	}
	s.read, s.raw = true, raw
	s.body = min(max(p.BodyLine-1, 0), bytes.Count(raw, []byte("\n"))+1)
	return s
}

// lineList is the file's lines, split when first needed: most pages have
// no problem to place and no link to another site to find.
func (s *source) lineList() []string {
	if s.read && s.lines == nil {
		s.lines = strings.Split(strings.TrimPrefix(string(s.raw), "\ufeff"), "\n")
		for i, l := range s.lines {
			s.lines[i] = strings.TrimRight(l, "\r")
		}
	}
	return s.lines
}

// normLines is each line as a reader sees its words, made only when a
// problem needs placing (most pages have none).
func (s *source) normLines() []string {
	if s.norm == nil {
		lines := s.lineList()
		s.norm = make([]string, len(lines))
		for i, l := range lines {
			s.norm[i] = " " + words(linkDest.ReplaceAllString(l, " ")) + " "
		}
	}
	return s.norm
}

// linkDest matches a markdown link's destination, "](url "title")", which
// is not text a reader sees.
var linkDest = regexp.MustCompile(`\]\([^)]*\)`)

// words reduces text to lower-case letters and digits, with every run of
// anything else (markup, punctuation, typographer's quotes) as one space.
func words(s string) string {
	var b strings.Builder
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
			space = false
		} else if r == '\'' || r == '’' {
			// "child's" and "child’s" read the same.
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// findRaw is the line and column of the first occurrence of s in the file.
func (s *source) findRaw(needle string) (line, col int) {
	if needle == "" {
		return 0, 0
	}
	for i, l := range s.lineList() {
		if j := strings.Index(l, needle); j >= 0 {
			return i + 1, j + 1
		}
	}
	return 0, 0
}

// findText finds the body line on which some text (as a reader sees it,
// from the HTML) starts: the first few of its words are looked up in the
// markdown with its markup ignored.
func (s *source) findText(text string) (line, col int) {
	ws := strings.Fields(words(text))
	if len(ws) == 0 {
		return 0, 0
	}
	for _, n := range []int{6, 3, 1} {
		if n > len(ws) && n != 1 {
			continue
		}
		needle := " " + strings.Join(ws[:min(n, len(ws))], " ") + " "
		norm := s.normLines()
		for i := s.body; i < len(norm); i++ {
			if strings.Contains(norm[i], needle) {
				return i + 1, s.column(i, ws[0])
			}
		}
		if len(ws) <= n {
			break
		}
	}
	return 0, 0
}

// column is where a word starts on line i, ignoring case, or 1.
func (s *source) column(i int, word string) int {
	l := strings.ToLower(s.lineList()[i])
	re := regexp.MustCompile(`(?:^|[^\pL\pN])(` + regexp.QuoteMeta(word) + `)`)
	if m := re.FindStringSubmatchIndex(l); m != nil {
		return len([]rune(l[:m[2]])) + 1
	}
	return 1
}
