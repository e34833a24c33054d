package markdown

import (
	"github.com/yuin/goldmark/ast"

	"github.com/signpost/signpost/internal/content"
)

// plainText is the text a reader sees in an inline run (a heading, a
// link, an image's alt text); see content.PlainText, which page titles
// taken from a leading heading use too.
func plainText(n ast.Node, src []byte) string { return content.PlainText(n, src) }
