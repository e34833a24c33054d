package content

import (
	"bytes"
	"html"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// leadingTitle finds a level-one heading that opens a markdown body (after
// blank lines), as command references and READMEs start: "# tar". It
// returns the heading's text as a reader sees it (markup, escapes and
// entities resolved) and how many lines of the body, from the first, hold
// it; at is the line (from 0) the heading starts on; 0 lines when the body does not open with one. Only the first block
// is parsed: loading reads metadata, not whole bodies.
func leadingTitle(body []byte) (title string, at, lines int) {
	blank := 0
	rest := body
	for len(rest) > 0 {
		line, next, _ := bytes.Cut(rest, []byte("\n"))
		if len(bytes.TrimSpace(line)) > 0 {
			break
		}
		blank++
		rest = next
	}
	block := rest
	if i := bytes.Index(rest, []byte("\n\n")); i >= 0 {
		block = rest[:i+1]
	}
	block = bytes.ReplaceAll(block, []byte("\r\n"), []byte("\n"))
	if !utf8.Valid(block) {
		// Leave it in the body, where the markdown stage reports the bad
		// byte at its line; a title must never carry it into every page
		// that lists this one.
		return "", 0, 0
	}
	p := parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		parser.WithAttribute(),
	)
	doc := p.Parse(text.NewReader(block))
	h, ok := doc.FirstChild().(*ast.Heading)
	if !ok || h.Level != 1 {
		return "", 0, 0
	}
	title = PlainText(h, block)
	if title == "" {
		return "", 0, 0
	}
	n := 1 // an ATX heading is one line
	if t := bytes.TrimLeft(block, " "); len(t) == 0 || t[0] != '#' {
		n = h.Lines().Len() + 1 // a setext heading: its text and the === line
	}
	return title, blank, blank + n
}

// PlainText is the text a reader sees in an inline run (a heading, a
// link, an image's alt text): what the HTML renderer writes, without
// markup. Entities are decoded and backslash escapes removed, as the
// renderer does; a link counts by its text, not its address; raw HTML
// (comments, tags) is left out; a line break is a space. Titles taken from
// a leading heading, heading IDs, the contents list and the checks all use
// it, so they agree with the page.
func PlainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if !c.IsRaw() {
				v = unescape(v)
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			// The typographer's quotes and dashes arrive as entities.
			b.WriteString(html.UnescapeString(string(c.Value)))
		case *ast.CodeSpan:
			for x := c.FirstChild(); x != nil; x = x.NextSibling() {
				switch t := x.(type) {
				case *ast.Text:
					b.Write(t.Segment.Value(src))
				case *ast.String:
					b.Write(t.Value)
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(c.Label(src))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return collapseSpace(b.String())
}

// unescape resolves backslash escapes and character references in text;
// most text has neither, and is returned as it is without the three
// passes (and their buffers).
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveNumericReferences(v)
		v = util.ResolveEntityNames(v)
	}
	return v
}

// collapseSpace is s with its runs of white space made one space and
// none at either end: s itself when it is ASCII and so already.
func collapseSpace(s string) string {
	prev := byte(' ') // a space at the start is not kept
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == ' ' && prev == ' ' || c != ' ' && c <= ' ' && asciiSpace(c) {
			return strings.Join(strings.Fields(s), " ")
		}
		prev = c
	}
	if prev == ' ' && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// asciiSpace is unicode.IsSpace for a byte below utf8.RuneSelf.
func asciiSpace(c byte) bool {
	return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == ' '
}

// dropLines removes the first n lines of b.
func dropLines(b []byte, n int) []byte {
	for ; n > 0 && len(b) > 0; n-- {
		_, rest, found := bytes.Cut(b, []byte("\n"))
		if !found {
			return b[len(b):]
		}
		b = rest
	}
	return b
}
