package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// tableCells renders plain table cells (no alignment, no attributes)
// without fmt: goldmark's renderer formats every tag, two allocations a
// cell, 230 MB of garbage for a 20,000 × 200 table, made while its whole
// tree is held. Other cells go to goldmark's renderer, which writes the
// same tags.
type tableCells struct {
	fallback // its options include XHTML, which aligns cells by attribute
}

func newTableCells() *tableCells {
	return &tableCells{newFallback(extension.NewTableHTMLRenderer(), east.KindTableCell)}
}

// fallback is goldmark's renderer of one kind of node, to which a renderer
// of ours that writes the common case faster passes the other nodes.
type fallback struct {
	r     renderer.NodeRenderer
	other renderer.NodeRendererFunc
}

func newFallback(r renderer.NodeRenderer, kind ast.NodeKind) fallback {
	funcs := captured{}
	r.RegisterFuncs(funcs)
	return fallback{r: r, other: funcs[kind]}
}

// captured takes the functions a renderer registers.
type captured map[ast.NodeKind]renderer.NodeRendererFunc

func (c captured) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { c[k] = f }

// SetOption passes the renderer's options on to goldmark's renderer.
func (f fallback) SetOption(name renderer.OptionName, value any) {
	if s, ok := f.r.(renderer.SetOptioner); ok {
		s.SetOption(name, value)
	}
}

func (t *tableCells) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(east.KindTableCell, t.render)
}

func (t *tableCells) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	c := n.(*east.TableCell)
	if c.Alignment != east.AlignNone || c.Attributes() != nil {
		return t.other(w, src, n, entering)
	}
	head := c.Parent() != nil && c.Parent().Kind() == east.KindTableHeader
	switch {
	case entering && head:
		_, _ = w.WriteString("<th>")
	case entering:
		_, _ = w.WriteString("<td>")
	case head:
		_, _ = w.WriteString("</th>\n")
	default:
		_, _ = w.WriteString("</td>\n")
	}
	return ast.WalkContinue, nil
}
