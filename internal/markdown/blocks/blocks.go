// Package blocks is the goldmark extension for Signpost's guidance blocks:
// containers that editors open with ":::name" and close with ":::", with
// markdown inside. One parser and one renderer, added by one Extend call.
package blocks

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/markdown"
)

// Names are the blocks editors can use.
var Names = []string{"details", "do", "dont", "emergency", "helpline", "say", "steps", "tip", "warning"}

// Helpline is one entry of data/helplines.yaml.
type Helpline struct {
	ID, Name, For, Phone, URL, Hours, Country string
}

// Extension adds the guidance blocks, with helpline cards drawn from
// Helplines.
type Extension struct {
	Helplines map[string]Helpline
	// Words looks up the labels and card texts in the page's language
	// (i18n message ids blockWarning, helplineCall, helpline-<id>-for…);
	// nil shows them in English.
	Words func(id string, data map[string]any) string
	// Own reports whether the page's language has message id in its own
	// files; nil means every message is the page's own.
	Own func(id string) bool
	// Fallback is the attributes (` lang="en-GB" dir="ltr"`) of a text
	// the page's language lacks and shows in the default language, or
	// of a card's English data text: WCAG 3.1.2 asks that a passage in
	// another language say so, and inside right-to-left text an English
	// sentence needs its own direction for its full stop to stay put.
	Fallback string
}

// Localized returns the extension speaking through words; own and
// fallback mark what words could only give in another language (see
// Extension.Own and Extension.Fallback).
func (e *Extension) Localized(words func(id string, data map[string]any) string, own func(id string) bool, fallback string) goldmark.Extender {
	c := *e
	c.Words, c.Own, c.Fallback = words, own, fallback
	return &c
}

// langAttrs is " lang=… dir=…" when message id is not the page
// language's own, else "".
func (e *Extension) langAttrs(id string) string {
	if e.Own == nil || e.Fallback == "" || e.Own(id) {
		return ""
	}
	return e.Fallback
}

// word is the message id through Words, or english when there are no
// Words or the message is missing (Words gives back the id).
func (e *Extension) word(id, english string, data map[string]any) string {
	if e.Words == nil {
		return english
	}
	if w := e.Words(id, data); w != "" && w != id {
		return w
	}
	return english
}

// FromData builds the extension from the site's decoded data/ folder
// (data/helplines.yaml); internal/site calls it for every build.
func FromData(data map[string]any) []goldmark.Extender {
	hl := map[string]Helpline{}
	if m, ok := data["helplines"].(map[string]any); ok {
		for id, v := range m {
			e, _ := v.(map[string]any)
			s := func(k string) string { x, _ := e[k].(string); return x }
			hl[id] = Helpline{ID: id, Name: s("name"), For: s("for"), Phone: s("phone"), URL: s("url"), Hours: s("hours"), Country: s("country")}
		}
	}
	return []goldmark.Extender{&Extension{Helplines: hl}}
}

// Extend implements goldmark.Extender.
func (e *Extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(&blockParser{ext: e}, 90)),
		parser.WithASTTransformers(util.Prioritized(&strayCloser{}, 900)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&blockRenderer{ext: e}, 500)))
}

// KindBlock is the AST kind of a guidance block.
var KindBlock = ast.NewNodeKind("GuidanceBlock")

// KindStep is one step of a steps block: a heading and what follows it.
var KindStep = ast.NewNodeKind("GuidanceStep")

// Block is a guidance block in the AST.
type Block struct {
	ast.BaseBlock
	Name   string
	Arg    string
	fence  int
	closed bool // by its own ::: line
	offset int
}

func (b *Block) Kind() ast.NodeKind { return KindBlock }
func (b *Block) Dump(src []byte, level int) {
	ast.DumpHelper(b, src, level, map[string]string{"Name": b.Name, "Arg": b.Arg}, nil)
}

// Step groups a steps block's heading with the content under it.
type Step struct{ ast.BaseBlock }

func (s *Step) Kind() ast.NodeKind         { return KindStep }
func (s *Step) Dump(src []byte, level int) { ast.DumpHelper(s, src, level, nil, nil) }

var openRe = regexp.MustCompile(`^(:{3,})[ \t]*([A-Za-z][\w-]*)?[ \t]*(.*?)[ \t]*$`)

type blockParser struct{ ext *Extension }

func (p *blockParser) Trigger() []byte { return []byte{':'} }

func (p *blockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	// Up to three spaces of indentation, as for code fences: four or more
	// make an indented code line.
	if w, _ := util.IndentWidth(line, reader.LineOffset()); w >= 4 {
		return nil, parser.NoChildren
	}
	m := openRe.FindSubmatch(bytes.TrimLeft(trimEOL(line), " \t"))
	if m == nil || len(m[2]) == 0 {
		return nil, parser.NoChildren
	}
	page, lineOf, probs := markdown.StateOf(pc)
	file := ""
	if page != nil {
		file = page.File
	}
	st := parseState(pc)
	if len(st.open) >= MaxDepth {
		// Every line is offered to every open block (goldmark's design),
		// so depth must be bounded for parsing to stay linear. The line
		// stays text; its closing line is matched to it, not to a block.
		if st.phantoms == 0 && !st.tooDeep {
			probs.Errorf(file, lineOf(seg.Start), 1, fmt.Sprintf("blocks may nest %d deep; move this one out of the blocks around it", MaxDepth),
				"block %q is nested too deep", strings.TrimSpace(string(trimEOL(line))))
		}
		st.tooDeep = true
		st.phantoms++
		return nil, parser.NoChildren
	}
	b := &Block{Name: strings.ToLower(string(m[2])), Arg: string(m[3]), fence: len(m[1]), offset: seg.Start}
	st.open = append(st.open, b)
	switch {
	case !slices.Contains(Names, b.Name):
		probs.Errorf(file, lineOf(seg.Start), 1, diag.DidYouMean(b.Name, Names), "unknown block %q", ":::"+b.Name)
	case b.Name == "helpline":
		if h, ok := p.ext.Helplines[b.Arg]; ok && h.URL != "" && !webURL(h.URL) {
			// The card shows no link rather than a javascript: one: say so.
			probs.Errorf(file, lineOf(seg.Start), 1, "give the helpline's web address, starting https://, in data/helplines.yaml",
				"helpline %q has url %q, which is not a web address: its card has no link", b.Arg, h.URL)
		}
		if _, ok := p.ext.Helplines[b.Arg]; !ok {
			hint := diag.Suggest(b.Arg, slices.Sorted(maps.Keys(p.ext.Helplines)), "name a helpline that data/helplines.yaml lists")
			if b.Arg == "" {
				hint = "name a helpline from data/helplines.yaml, like :::helpline nspcc"
			}
			probs.Errorf(file, lineOf(seg.Start), 1, hint, "unknown helpline %q", b.Arg)
		}
	case b.Name == "details" && b.Arg == "":
		probs.Errorf(file, lineOf(seg.Start), 1, "write the question after the name, like :::details Is it my fault?", "details block has no question")
	}
	reader.Advance(len(trimEOL(line))) // up to the line end, which may be the end of the file
	return b, parser.HasChildren
}

func (p *blockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	b := node.(*Block)
	line, _ := reader.PeekLine()
	if !closer(line, b.fence) || opaque(pc) {
		return parser.Continue | parser.HasChildren
	}
	// A ::: line closes the innermost open block, as in Pandoc's fenced
	// divs: blocks nest without counting colons. The innermost is the top
	// of the stack of open blocks, found in constant time: with 4000
	// nested blocks, every line is offered to each of them.
	st := parseState(pc)
	inner := b
	if len(st.open) > 0 {
		inner = st.open[len(st.open)-1]
	}
	if inner != b && colons(line) >= inner.fence {
		return parser.Continue | parser.HasChildren
	}
	if inner == b && st.phantoms > 0 {
		st.phantoms-- // closes a block nested too deep to be opened
		return parser.Continue | parser.HasChildren
	}
	b.closed = true
	reader.Advance(len(trimEOL(line)))
	return parser.Close
}

// closer reports whether a line is a closing line for a block opened with
// fence colons: only colons, at least fence of them, indented less than
// four spaces (more is an indented code line, as for code fences).
func closer(line []byte, fence int) bool {
	if w, _ := util.IndentWidth(line, 0); w >= 4 {
		return false
	}
	t := bytes.TrimSpace(line)
	return len(t) >= fence && len(bytes.Trim(t, ":")) == 0
}

func colons(line []byte) int { return len(bytes.TrimSpace(line)) }

// opaque reports whether the line belongs to a code fence still open
// inside a guidance block: a fence is opaque to blocks, so a ::: line in
// an example of block syntax does not close the block around it.
func opaque(pc parser.Context) bool {
	last := pc.LastOpenedBlock().Node
	if last == nil || last.Kind() != ast.KindFencedCodeBlock {
		return false
	}
	_, inBlock := last.Parent().(*Block)
	return inBlock
}

// MaxDepth is how deep guidance blocks may nest. Real guidance nests two
// or three deep.
const MaxDepth = 32

var stateKey = parser.NewContextKey()

// state is the block parser's view of one page being parsed.
type state struct {
	open     []*Block // the blocks open, innermost last
	phantoms int      // blocks too deep to open, not yet closed
	tooDeep  bool     // some block was too deep (reported once)
}

func parseState(pc parser.Context) *state {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		st = &state{}
		pc.Set(stateKey, st)
	}
	return st
}

func (p *blockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	b := node.(*Block)
	// Only b leaves the stack: goldmark may close a block of a list item
	// that ended after opening the block that ended it.
	st := parseState(pc)
	for i := len(st.open) - 1; i >= 0; i-- {
		if st.open[i] == b {
			st.open = slices.Delete(st.open, i, i+1)
			break
		}
	}
	page, lineOf, probs := markdown.StateOf(pc)
	file := ""
	if page != nil {
		file = page.File
	}
	if !b.closed {
		probs.Errorf(file, lineOf(b.offset), 1, fmt.Sprintf("add a line with %s after the block's text", strings.Repeat(":", b.fence)), "block %q is never closed", ":::"+b.Name)
	}
	switch {
	case b.Name == "steps":
		groupSteps(b, file, lineOf(b.offset), probs)
	case b.Name == "helpline" && b.HasChildren():
		probs.Warnf(file, lineOf(b.offset), 1, "a helpline card comes from data/helplines.yaml; close the block on the next line with :::", "text inside %q is not shown", ":::helpline "+b.Arg)
	}
}

func (p *blockParser) CanInterruptParagraph() bool { return true }
func (p *blockParser) CanAcceptIndentedLine() bool { return false }

// groupSteps puts each heading of a steps block, and what follows it up to
// the next heading of the same level, into a Step, so it renders as one
// list item. The first heading sets the level: deeper headings stay inside
// their step.
func groupSteps(b *Block, file string, line int, probs *diag.List) {
	var cur *Step
	level := 0
	for c := b.FirstChild(); c != nil; {
		next := c.NextSibling()
		if h, ok := c.(*ast.Heading); ok && (level == 0 || h.Level <= level) {
			if level == 0 {
				level = h.Level
			}
			cur = &Step{}
			b.InsertBefore(b, c, cur)
		}
		if cur != nil {
			b.RemoveChild(b, c)
			cur.AppendChild(cur, c)
		}
		c = next
	}
	if cur == nil {
		probs.Errorf(file, line, 1, "start each step with a ### heading that says what to do", "steps block has no steps")
	}
}

// strayCloser reports a ":::" line that closes nothing: an extra closing
// line, or one with fewer colons than the line that opened the block.
type strayCloser struct{}

func (strayCloser) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if !bytes.Contains(reader.Source(), threeColons) {
		return // no line to look at: most bodies have no block (3% of converting them was this walk)
	}
	page, lineOf, probs := markdown.StateOf(pc)
	if page == nil || parseState(pc).tooDeep {
		// Closing lines of blocks nested too deep are text: that error
		// says enough.
		return
	}
	src := reader.Source()
	textOpener := 0 // the line of the last ":::name" published as text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != ast.KindParagraph {
			return ast.WalkContinue, nil
		}
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			if !bytes.Contains(seg.Value(src), threeColons) {
				continue // both lines below have ":::"; most lines have not
			}
			t := strings.TrimSpace(string(seg.Value(src)))
			if textOpenerRe.MatchString(t) {
				textOpener = lineOf(seg.Start)
			}
			if len(t) >= 3 && strings.Trim(t, ":") == "" {
				hint := "if a block above should end here, check its opening line: it must start with ::: and the block's name, like :::tip, with as many colons as this line or more; otherwise remove this line"
				if textOpener > 0 {
					// Removing this line would leave the box unopened:
					// the opening line is what needs fixing.
					hint = fmt.Sprintf("line %d was meant to open the block but is shown as text: fix that line (see the warning there) and keep this one", textOpener)
					textOpener = 0
				}
				probs.Errorf(page.File, lineOf(seg.Start), 1, hint, "%s closes no open block", t)
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

var threeColons = []byte(":::")

// textOpenerRe is an opening line published as text: a character that is
// not a space (often an invisible one) before or inside ":::name".
var textOpenerRe = regexp.MustCompile(`^[^\w:\s]*:{3,}[^\w:\s]*[A-Za-z][\w-]*`)

func trimEOL(b []byte) []byte { return []byte(strings.TrimRight(string(b), "\r\n")) }
