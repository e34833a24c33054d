// Package markdown holds Signpost's goldmark set-up: the extensions, link
// resolution through the content tree, heading IDs that keep every script,
// the table of contents, and the guidance blocks.
package markdown

import (
	"bytes"
	"fmt"
	"html"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
)

// Options configure a Converter. One Converter serves a whole build and is
// safe for concurrent use.
type Options struct {
	// Unsafe passes raw HTML through; otherwise it is shown escaped.
	Unsafe bool
	// Tree resolves links to pages; nil leaves links as written.
	Tree *content.Tree
	// FileExists reports whether a site-relative URL path ("/img/a.png")
	// is a file the build publishes, for links that are not pages.
	FileExists func(urlPath string) bool
	// Extensions are added after the built-in ones (guidance blocks).
	Extensions []goldmark.Extender
}

// Heading is one entry of a page's table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// AnchorRef is a link to an anchor on another page, checked once every page
// has rendered and its IDs are known.
type AnchorRef struct {
	Target *content.Page
	Anchor string
	Line   int
	Col    int
}

// Result is one page's rendered markdown and what the build must check.
type Result struct {
	HTML     []byte
	TOC      []Heading
	IDs      []string
	Anchors  []AnchorRef
	Problems diag.List
	// Targets are the pages this page links to, as content.Page.Key values:
	// if one moves or goes, this page must be rendered again.
	Targets []string
	// Images are the images written in the page, for the alt text check.
	Images []Image
}

// Image is an image written in markdown: where it points, its alt text as
// written ("decorative" published as alt=""), and where it is.
type Image struct {
	Dest, Alt string
	Line, Col int
}

// Converter renders page bodies.
type Converter struct {
	md  goldmark.Markdown
	opt Options
}

var stateKey = parser.NewContextKey()

// state is what the transformers learn about the page being converted.
type state struct {
	page   *content.Page
	source []byte
	res    *Result
}

// Line returns the 1-based line in the page's file of a byte offset in its body.
func (s *state) pos(off int) (line, col int) {
	if off < 0 {
		return s.page.BodyLine, 0
	}
	l, c := diag.LineCol(s.source, off)
	return l + max(s.page.BodyLine, 1) - 1, c
}

func (s *state) errorf(off int, hint, format string, args ...any) {
	l, c := s.pos(off)
	s.res.Problems.Errorf(s.page.File, l, c, hint, format, args...)
}

// StateOf gives extensions access to the page being converted, for their
// own problems. It returns the page, a function that turns a body offset
// into a file line, and the problem list.
func StateOf(pc parser.Context) (page *content.Page, line func(off int) int, probs *diag.List) {
	s, _ := pc.Get(stateKey).(*state)
	if s == nil {
		return nil, func(int) int { return 0 }, new(diag.List)
	}
	return s.page, func(off int) int { l, _ := s.pos(off); return l }, &s.res.Problems
}

// New builds the goldmark instance for one build.
func New(opt Options) *Converter {
	var rendererOpts []renderer.Option
	if opt.Unsafe {
		rendererOpts = append(rendererOpts, gmhtml.WithUnsafe())
	}
	exts := []goldmark.Extender{
		extension.GFM,
		extension.DefinitionList,
		extension.Typographer,
		extension.NewFootnote(
			extension.WithFootnoteBacklinkHTML(`↩︎<span class="visually-hidden"> Back to reference ^^</span>`),
			extension.WithFootnoteLinkTitle("Footnote ^^"),
		),
	}
	exts = append(exts, opt.Extensions...)
	c := &Converter{opt: opt}
	c.md = goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithAttribute(),
			parser.WithASTTransformers(util.Prioritized(&pageTransformer{c: c}, 1000)),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	if !opt.Unsafe {
		c.md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(escapeRawHTML{}, 100)))
	}
	return c
}

// Convert renders one page body. Markdown itself never fails to parse;
// problems (broken links) come back in Result.Problems.
func (c *Converter) Convert(p *content.Page, body []byte) (*Result, error) {
	res := &Result{}
	st := &state{page: p, source: body, res: res}
	ids := newIDs()
	pc := parser.NewContext(parser.WithIDs(ids))
	pc.Set(stateKey, st)
	doc := c.md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	var buf bytes.Buffer
	if err := c.md.Renderer().Render(&buf, body, doc); err != nil {
		return nil, fmt.Errorf("%s: render markdown: %w", p.File, err)
	}
	res.HTML = buf.Bytes()
	// Anchors on the same page are checked now that every ID is known.
	kept := res.Anchors[:0]
	for _, a := range res.Anchors {
		if a.Target == p {
			if !slices.Contains(res.IDs, a.Anchor) {
				res.Problems.Errorf(p.File, a.Line, a.Col, diag.DidYouMean(a.Anchor, res.IDs), "link to #%s, but this page has no such heading or anchor", a.Anchor)
			}
			continue
		}
		kept = append(kept, a)
	}
	res.Anchors = kept
	return res, nil
}

// pageTransformer resolves links, collects IDs and builds the table of
// contents in one walk after parsing.
type pageTransformer struct{ c *Converter }

func (t *pageTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		return
	}
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if id, ok := n.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				st.res.IDs = append(st.res.IDs, string(b))
			}
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			b, _ := id.([]byte)
			if n.Level >= 2 && n.Level <= 3 && len(b) > 0 {
				st.res.TOC = append(st.res.TOC, Heading{Level: n.Level, ID: string(b), Text: plainText(n, src)})
			}
		case *ast.Link:
			n.Destination = []byte(t.c.resolve(st, string(n.Destination), n.Pos(), n))
		case *ast.Image:
			l, c := st.pos(n.Pos())
			st.res.Images = append(st.res.Images, Image{Dest: string(n.Destination), Alt: plainText(n, src), Line: l, Col: c})
			n.Destination = []byte(t.c.resolve(st, string(n.Destination), n.Pos(), nil))
			// ![decorative](x.png) says on purpose that the image needs no
			// description: it is published with alt="", which screen
			// readers skip. An empty ![](x.png) is an oversight (checked).
			if strings.EqualFold(plainText(n, src), "decorative") {
				for c := n.FirstChild(); c != nil; c = n.FirstChild() {
					n.RemoveChild(n, c)
				}
			}
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				n.SetAttributeString("rel", []byte("noopener"))
			}
		}
		return ast.WalkContinue, nil
	})
}

// plainText is a heading's text without markup, for the contents list.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			// The typographer's quotes and dashes arrive as entities.
			b.WriteString(html.UnescapeString(string(c.Value)))
		case *ast.CodeSpan:
			for x := c.FirstChild(); x != nil; x = x.NextSibling() {
				if t, ok := x.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

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
