package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"

	"github.com/signpost/signpost/internal/content"
)

// ids generates heading IDs with content.Slugify, so headings in any script
// get readable anchors, and keeps them unique within a page.
type ids struct{ used map[string]bool }

func newIDs() *ids { return &ids{used: map[string]bool{}} }

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := content.Slugify(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }
