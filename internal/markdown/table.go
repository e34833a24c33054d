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
	table renderer.NodeRenderer
	other renderer.NodeRendererFunc
}

func newTableCells() *tableCells {
	t := &tableCells{table: extension.NewTableHTMLRenderer()}
	funcs := captured{}
	t.table.RegisterFuncs(funcs)
	t.other = funcs[east.KindTableCell]
	return t
}

// captured takes the functions a renderer registers.
type captured map[ast.NodeKind]renderer.NodeRendererFunc

func (c captured) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { c[k] = f }

// SetOption passes the renderer's options (XHTML, which aligns cells by
// attribute) to goldmark's table renderer.
func (t *tableCells) SetOption(name renderer.OptionName, value any) {
	if s, ok := t.table.(renderer.SetOptioner); ok {
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
