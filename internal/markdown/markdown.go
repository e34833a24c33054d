// Package markdown holds Signpost's goldmark set-up: the extensions, link
// resolution through the content tree, heading IDs that keep every script,
// the table of contents, and the guidance blocks.
package markdown

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"

	"github.com/signpost/signpost/internal/config"
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
	// ImageSize gives the width and height in pixels of the image an
	// image's resolved address names, when it is a file of the site, so
	// that the page says its size and does not jump as it loads.
	ImageSize func(src string) (width, height int, ok bool)
	// Extensions are added after the built-in ones (guidance blocks).
	Extensions []goldmark.Extender
	// PageAnchors leaves links to anchors on the same page in
	// Result.Anchors for the caller to check against the whole rendered
	// page (the layout's ids count too), instead of checking them against
	// the body's ids.
	PageAnchors bool
}

// Heading is a heading of the body: an entry of the table of contents,
// and what the checks place heading problems at. Text is the heading as
// a reader sees it (see plainText).
type Heading struct {
	Level     int
	ID        string
	Text      string
	Line, Col int
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
	HTML []byte
	TOC  []Heading
	// IDs are every id in the rendered body: headings, {#id} attributes,
	// footnotes, and raw HTML when the site allows it. Left nil with
	// Options.PageAnchors, whose caller reads the whole page's ids.
	IDs      []string
	Anchors  []AnchorRef
	Problems diag.List
	// Targets are the pages this page links to, as content.Page.Key values:
	// if one moves or goes, this page must be rendered again.
	Targets []string
	// Images are the images written in the page, for the alt text check.
	Images []Image
	// Headings, Links and Places are what the body holds, in order, with
	// the line and column where each is written, so the checks place
	// problems found in the HTML from the syntax tree, not by searching
	// the text.
	Headings []Heading
	Links    []Link
	Places   []IDPlace
}

// Image is an image written in markdown: where it points as written and
// as published (Src, as in the src attribute), its alt text as written
// ("decorative" published as alt=""), and where it is.
type Image struct {
	Dest, Src, Alt string
	Line, Col      int
}

// Link is a link written in the body: its address as published and its
// text as a reader sees it.
type Link struct {
	Dest, Text string
	Line, Col  int
}

// IDPlace is where the body gives an element an id.
type IDPlace struct {
	ID        string
	Line, Col int
}

// Converter renders page bodies.
type Converter struct {
	md goldmark.Markdown
	// plain is md without goldmark's linkify, for the bodies it can make
	// no link in (see mayLinkify).
	plain goldmark.Markdown
	opt   Options
}

var stateKey = parser.NewContextKey()

// state is what the transformers learn about the page being converted.
type state struct {
	page   *content.Page
	source []byte
	res    *Result
	// lines holds the offset of each line's start, made on first use:
	// placing 20,000 headings must not count lines from the top each time.
	lines []int
	// compared counts the names the page's "did you mean" hints have
	// compared with, for suggestBudget.
	compared int
}

// SuggestBudget is how many names the "did you mean" hints of one page's
// broken links may compare with in all (each compares with every page of
// the site, or every id of the page linked to); past it a hint goes
// without, so that thousands of broken links do not take minutes.
const SuggestBudget = 1 << 20

// mayCompare reports whether a hint may compare with n more names, and
// counts them.
func (s *state) mayCompare(n int) bool {
	if s.compared+n > SuggestBudget {
		return false
	}
	s.compared += n
	return true
}

// pos returns the line in the page's file, and the column, of a byte
// offset in its body.
func (s *state) pos(off int) (line, col int) {
	if off < 0 {
		return s.page.BodyLine, 0
	}
	if s.lines == nil {
		// At its size: grown line by line, it was 2% of the converter's
		// allocation on the generated corpus.
		s.lines = make([]int, 1, bytes.Count(s.source, []byte("\n"))+1)
		for i, c := range s.source {
			if c == '\n' {
				s.lines = append(s.lines, i+1)
			}
		}
	}
	off = min(off, len(s.source))
	i, found := slices.BinarySearch(s.lines, off)
	if !found {
		i--
	}
	return i + max(s.page.BodyLine, 1), off - s.lines[i] + 1
}

func (s *state) errorf(off int, hint, format string, args ...any) {
	l, c := s.pos(off)
	s.res.Problems.Errorf(s.page.File, l, c, hint, format, args...)
}

func (s *state) warnf(off int, hint, format string, args ...any) {
	l, c := s.pos(off)
	s.res.Problems.Warnf(s.page.File, l, c, hint, format, args...)
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

// New builds the goldmark instances for one build.
func New(opt Options) *Converter {
	c := &Converter{opt: opt}
	c.md = c.newGoldmark(true)
	c.plain = c.newGoldmark(false)
	return c
}

// newGoldmark builds one goldmark instance, with or without linkify (the
// rest of GFM: tables, strikethrough, task lists, always).
func (c *Converter) newGoldmark(linkify bool) goldmark.Markdown {
	var exts []goldmark.Extender
	if linkify {
		exts = append(exts, extension.Linkify)
	}
	exts = append(exts,
		extension.Table, extension.Strikethrough, extension.TaskList,
		extension.DefinitionList,
		// Quotes are placed by quoteTransformer: goldmark's own rules
		// turn 'turn' into ’turn' (see quotes.go).
		extension.NewTypographer(extension.WithTypographicSubstitutions(extension.TypographicSubstitutions{
			extension.LeftSingleQuote: nil, extension.RightSingleQuote: nil,
			extension.LeftDoubleQuote: nil, extension.RightDoubleQuote: nil,
			extension.Apostrophe: nil,
		})),
		extension.NewFootnote(
			extension.WithFootnoteBacklinkHTML(`↩︎<span class="visually-hidden"> Back to reference ^^</span>`),
			extension.WithFootnoteLinkTitle("Footnote ^^"),
		),
	)
	exts = append(exts, c.opt.Extensions...)
	md := goldmark.New(
		// goldmark's default parser, with its link reference definitions
		// looked for only where one can be (see linkRefs).
		goldmark.WithParser(parser.NewParser(
			parser.WithBlockParsers(parser.DefaultBlockParsers()...),
			parser.WithInlineParsers(parser.DefaultInlineParsers()...),
			parser.WithParagraphTransformers(util.Prioritized(linkRefs{}, 100)),
		)),
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(
			// Heading IDs are made by pageTransformer from the heading's
			// rendered text, not by goldmark from its last source line.
			parser.WithAttribute(),
			parser.WithASTTransformers(
				util.Prioritized(quoteTransformer{}, 800),
				util.Prioritized(&pageTransformer{c: c}, 1000),
			),
		),
	)
	raw := renderer.NodeRenderer(escapeRawHTML{})
	if c.opt.Unsafe {
		raw = safeRawHTML{}
	}
	md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(raw, 100), util.Prioritized(newTableCells(), 100), util.Prioritized(newLinks(), 100)))
	return md
}

// linkRefs is goldmark's paragraph transformer for link reference
// definitions ("[label]: /address"), asked only about paragraphs with a
// "[": a definition starts with one, and goldmark made a reader for every
// paragraph to look (5% of the converter's allocation on the generated
// corpus, where most paragraphs have no link).
type linkRefs struct{}

func (linkRefs) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines, src := node.Lines(), reader.Source()
	for i := 0; i < lines.Len(); i++ {
		if seg := lines.At(i); bytes.IndexByte(src[seg.Start:seg.Stop], '[') >= 0 {
			parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
			return
		}
	}
}

// mayLinkify reports whether goldmark's linkify could change how body
// converts. It links bare addresses, which start "http://", "https://",
// "ftp://" or "www.", and e-mail addresses, which have an "@": a body
// with none of these has nothing for it to link. Yet goldmark asks it at
// every space, tab, "(", "*", "_" and "~" (a fifth of the converter's
// instructions on the generated corpus), and cuts the line's text there:
// that changes nothing a reader sees but for a line ending in two or
// more spaces or tabs, whose last piece alone goldmark trims (with
// linkify, "a\t\t" keeps a tab), so such a body keeps linkify too.
func mayLinkify(body []byte) bool {
	if bytes.Contains(body, []byte("://")) || bytes.Contains(body, []byte("www.")) || bytes.IndexByte(body, '@') >= 0 {
		return true
	}
	for line := range bytes.Lines(body) {
		line = bytes.TrimSuffix(line, []byte("\n"))
		if n := len(line); n >= 2 && isBlank(line[n-1]) && isBlank(line[n-2]) {
			return true
		}
	}
	return false
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' }

// Convert renders one page body. Markdown itself never fails to parse;
// problems (broken links) come back in Result.Problems.
func (c *Converter) Convert(p *content.Page, body []byte) (*Result, error) {
	res := &Result{}
	st := &state{page: p, source: body, res: res}
	if pr, ok := config.ValidUTF8(p.File, body); !ok {
		// A file saved in another encoding (Latin-1 "Caf\xe9"): say where,
		// and publish U+FFFD rather than bytes no browser can read.
		pr.Line += max(p.BodyLine, 1) - 1
		res.Problems.Add(pr)
		body = bytes.ToValidUTF8(body, []byte("\uFFFD"))
		st.source = body
		st.lines = nil
	}
	md := c.md
	if !mayLinkify(body) {
		md = c.plain
	}
	ids := newIDs()
	pc := parser.NewContext(parser.WithIDs(ids))
	pc.Set(stateKey, st)
	doc := md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	var buf htmlWriter
	buf.Grow(len(body) + len(body)/2) // most pages' HTML is 1 to 1.5 times their markdown
	if err := md.Renderer().Render(&buf, body, doc); err != nil {
		return nil, fmt.Errorf("%s: render markdown: %w", p.File, err)
	}
	res.HTML = buf.Bytes()
	// The build keeps every page's targets to its end: at their size.
	res.Targets = slices.Clone(res.Targets)
	if c.opt.PageAnchors {
		// The caller reads the ids from the whole page: reading the body
		// too would tokenize a huge page twice.
		return res, nil
	}
	res.IDs = HTMLIDs(res.HTML)
	// Anchors on the same page are checked now that every ID is known.
	kept := res.Anchors[:0]
	for _, a := range res.Anchors {
		if a.Target == p {
			if !slices.Contains(res.IDs, a.Anchor) {
				res.Problems.Errorf(p.File, a.Line, a.Col, AnchorHint(a.Anchor, res.IDs), "link to #%s, but this page has no such heading or anchor", a.Anchor)
			}
			continue
		}
		kept = append(kept, a)
	}
	res.Anchors = kept
	return res, nil
}

// htmlWriter is the buffer a page's HTML is rendered into. It is what
// goldmark's renderer writes to (a util.BufWriter): given a plain
// io.Writer, it wraps it in a new 4 KB bufio.Writer for every page.
type htmlWriter struct{ bytes.Buffer }

func (w *htmlWriter) Buffered() int { return 0 }
func (w *htmlWriter) Flush() error  { return nil }

// AnchorHint is the hint for a link to an anchor a page does not have.
func AnchorHint(anchor string, ids []string) string {
	return diag.Suggest(anchor, ids, "give the heading or element that link should reach an id, like ## Install {#"+anchor+"}, or link to one the page has")
}

// HTMLIDs lists every id attribute in rendered HTML, in order, reading it
// as a stream (a huge table is not held as a tree).
func HTMLIDs(b []byte) []string {
	var out []string
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			for {
				k, v, more := z.TagAttr()
				if string(k) == "id" && len(v) > 0 {
					out = append(out, string(v))
				}
				if !more {
					break
				}
			}
		}
	}
}
