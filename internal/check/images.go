package check

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/signpost/signpost/internal/diag"
)

// images checks the images written in the markdown body: each needs alt
// text, or says it is decorative on purpose with ![decorative](file.png).
// ![](file.png) is an error because it cannot tell a forgotten description
// from a deliberate empty one.
func (pc *pageCheck) images() {
	src := pc.src
	if src.body >= len(src.lines) {
		return
	}
	body := []byte(strings.Join(src.lines[src.body:], "\n"))
	doc := pc.c.md.Parse(text.NewReader(body))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		alt := strings.TrimSpace(inlineText(img, body))
		if alt != "" {
			return ast.WalkContinue, nil
		}
		line, col := 0, 0
		if off := img.Pos(); off >= 0 {
			line, col = diag.LineCol(body, off)
			line += src.body
		} else {
			line, col = src.findRaw("](" + string(img.Destination))
		}
		pc.at(diag.Error, line, col, "describe what the image shows for someone who cannot see it, like ![A phone showing the privacy settings](settings.png); if it is only decoration, write ![decorative](…)",
			"image %s has no alt text", img.Destination)
		return ast.WalkContinue, nil
	})
}

// inlineText is the plain text of an inline node's children.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
