package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"

	"github.com/signpost/signpost/internal/content"
)

// ids keeps element IDs unique within a page. Heading IDs are made with
// content.Slugify from the heading's rendered text (see headingText), so
// headings in any script get readable anchors.
type ids struct {
	used map[string]bool
	// next is, for each base, the suffix to try first: 20,000 headings
	// with one text must not each retry -1, -2, … from the start.
	next map[string]int
}

func newIDs() *ids { return &ids{used: map[string]bool{}, next: map[string]int{}} }

// Generate implements parser.IDs for extensions that ask for an ID.
func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	return []byte(s.generate(string(value)))
}

// generate returns a new ID made from text: its slug, or the slug with
// the first free "-N" suffix.
func (s *ids) generate(text string) string {
	base := content.Slugify(text)
	if base == "" {
		base = "section"
	}
	id := base
	if s.used[id] {
		i := max(s.next[base], 1)
		for id = base + "-" + strconv.Itoa(i); s.used[id]; id = base + "-" + strconv.Itoa(i) {
			i++
		}
		s.next[base] = i + 1
	}
	s.used[id] = true
	return id
}

// Put implements parser.IDs: an ID written by hand is taken.
func (s *ids) Put(value []byte) { s.used[string(value)] = true }
