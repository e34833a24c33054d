package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// escapeRawHTML shows raw HTML as text when the site has not opted in.
type escapeRawHTML struct{}

func (escapeRawHTML) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := 0; i < segs.Len(); i++ {
				seg := segs.At(i)
				_, _ = w.Write(util.EscapeHTML(seg.Value(src)))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	r.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		_, _ = w.WriteString("<p>")
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			_, _ = w.Write(util.EscapeHTML(bytes.TrimRight(seg.Value(src), "\n")))
			if i+1 < lines.Len() {
				_, _ = w.WriteString("<br>\n")
			}
		}
		if b.HasClosure() {
			_, _ = w.WriteString("<br>\n")
			cl := b.ClosureLine
			_, _ = w.Write(util.EscapeHTML(bytes.TrimRight(cl.Value(src), "\n")))
		}
		_, _ = w.WriteString("</p>\n")
		return ast.WalkSkipChildren, nil
	})
}

// urlAttrs are the attributes whose value a browser follows or loads.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true,
	"poster": true, "data": true, "cite": true, "background": true, "srcset": true, "ping": true,
}

// rawFinding is an id or a refused address found in raw HTML, at a byte
// offset of the text given to scanRaw.
type rawFinding struct {
	id     string // an element's id, or
	attr   string // an attribute dropped for its dangerous address
	value  string
	scheme string
	off    int
}

// scanRaw reads raw HTML (possibly a fragment of a tag's context) and
// returns it with every attribute holding a dangerous address removed,
// and what it found. Untouched tags keep their bytes exactly.
func scanRaw(raw []byte) (clean []byte, found []rawFinding) {
	z := html.NewTokenizer(bytes.NewReader(raw))
	var out bytes.Buffer
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			// The tokenizer keeps a trailing partial tag as text; whatever
			// is left is written as it was.
			out.Write(raw[min(off, len(raw)):])
			return out.Bytes(), found
		}
		rawTok := z.Raw()
		start := off
		off += len(rawTok)
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			out.Write(rawTok)
			continue
		}
		tok := z.Token()
		kept := tok.Attr[:0]
		dropped := false
		for _, a := range tok.Attr {
			key := strings.ToLower(a.Key)
			if a.Namespace != "" {
				key = a.Namespace + ":" + key
			}
			if key == "id" && a.Val != "" {
				found = append(found, rawFinding{id: a.Val, off: start})
			}
			if urlAttrs[key] {
				if sc := dangerousIn(key, a.Val); sc != "" {
					found = append(found, rawFinding{attr: key, value: a.Val, scheme: sc, off: start})
					dropped = true
					continue
				}
			}
			kept = append(kept, a)
		}
		if !dropped {
			out.Write(rawTok)
			continue
		}
		tok.Attr = kept
		out.WriteString(tok.String())
	}
}

// safeRawHTML passes raw HTML through (markup.unsafe), except addresses
// with a dangerous scheme, which are removed (and reported by the page
// transformer): unsafe means the site trusts its own HTML, not that a
// pasted javascript: link may run in readers' browsers.
type safeRawHTML struct{}

func (safeRawHTML) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			clean, _ := scanRaw(rawBytes(n, src))
			_, _ = w.Write(clean)
		}
		return ast.WalkSkipChildren, nil
	})
	r.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			clean, _ := scanRaw(rawBytes(n, src))
			_, _ = w.Write(bytes.ReplaceAll(clean, []byte{0}, []byte("\uFFFD")))
		}
		return ast.WalkSkipChildren, nil
	})
}

// rawBytes is the source of a raw HTML node: an inline tag's segments, or
// an HTML block's lines and closing line. starts holds the offset in src
// where each piece begins, for positions.
func rawBytes(n ast.Node, src []byte) []byte {
	b, _ := rawPieces(n, src)
	return b
}

func rawPieces(n ast.Node, src []byte) (b []byte, starts [][2]int) {
	add := func(seg text.Segment, start int) {
		starts = append(starts, [2]int{len(b), start})
		b = append(b, seg.Value(src)...)
	}
	switch n := n.(type) {
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			add(n.Segments.At(i), n.Segments.At(i).Start)
		}
	case *ast.HTMLBlock:
		for i := 0; i < n.Lines().Len(); i++ {
			add(n.Lines().At(i), n.Lines().At(i).Start)
		}
		if n.HasClosure() {
			add(n.ClosureLine, n.ClosureLine.Start)
		}
	}
	return b, starts
}

// srcOffset maps an offset in rawPieces' bytes back to the source.
func srcOffset(starts [][2]int, off int) int {
	at := -1
	for _, s := range starts {
		if s[0] > off {
			break
		}
		at = s[1] + off - s[0]
	}
	return at
}
