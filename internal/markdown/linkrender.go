package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// links renders links without a title as goldmark's renderer does, but
// for the test of a dangerous address: goldmark's IsDangerousURL lowers
// the address's start into a new slice for each of the six prefixes it
// compares, 0.6 M allocations of a 10,000-page build (2%); dangerousURL
// compares in place. A link with a title goes to goldmark's renderer,
// whose writer escapes it.
type links struct {
	fallback
}

func newLinks() *links {
	return &links{newFallback(html.NewRenderer(), ast.KindLink)}
}

func (l *links) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindLink, l.render)
}

func (l *links) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if n.Title != nil {
		return l.other(w, src, node, entering)
	}
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	if dest := util.URLEscape(n.Destination, true); !dangerousURL(dest) {
		_, _ = w.Write(util.EscapeHTML(dest))
	}
	_ = w.WriteByte('"')
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.LinkAttributeFilter)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// dangerousURL is goldmark's html.IsDangerousURL, without allocating:
// javascript:, vbscript:, file: and data: addresses, but for the data:
// images it lets through. Its prefixes are ASCII, and goldmark's
// bytes.ToLower turns no other byte into ASCII without shortening the
// text (U+212A, the Kelvin sign, lowers to "k" in one byte of its
// three), so comparing byte by byte, ASCII letters in either case, is
// the same test (TestDangerousURLIsGoldmarks).
func dangerousURL(url []byte) bool {
	if hasPrefixFold(url, "data:image/") {
		v := url[len("data:image/"):]
		return !hasPrefixFold(v, "png;") && !hasPrefixFold(v, "gif;") && !hasPrefixFold(v, "jpeg;") && !hasPrefixFold(v, "webp;")
	}
	return hasPrefixFold(url, "javascript:") || hasPrefixFold(url, "vbscript:") || hasPrefixFold(url, "file:") || hasPrefixFold(url, "data:")
}

// hasPrefixFold reports whether s starts with prefix, which is lower-case
// ASCII, in either case.
func hasPrefixFold(s []byte, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
