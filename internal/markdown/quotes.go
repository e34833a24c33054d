package markdown

import (
	"bytes"
	"html"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// quoteTransformer turns straight quotes into typographic ones. goldmark's
// typographer decides from the next character alone and special-cases
// words starting 't, 'e, 'n and 'l, so "The word 'turn'." came out as
// ’turn'. Here a quote is judged by what a reader sees on both sides of
// it, across emphasis and link boundaries: it opens after a space, the
// start of a line or opening punctuation, and closes after a letter,
// a digit or closing punctuation.
type quoteTransformer struct{}

func (quoteTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	if !bytes.ContainsAny(src, `'"`) {
		return // no Text node can hold a quote
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline {
			quoteRun(n, src)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// quoteAt is a straight quote in a Text node: its byte offset in the
// node's segment, its index in the run's text, and what replaces it.
type quoteAt struct {
	t   *ast.Text
	off int
	idx int
	r   rune
}

// quoteRun replaces the quotes of one block's inline text.
func quoteRun(block ast.Node, src []byte) {
	if !hasQuote(block, src) {
		return
	}
	var flat []rune
	var quotes []quoteAt
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n == block {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			flat, quotes = scanText(n, src, flat, quotes)
		case *ast.String:
			flat = append(flat, []rune(html.UnescapeString(string(n.Value)))...)
		case *ast.CodeSpan, *ast.AutoLink:
			// Opaque, and reads as a word.
			flat = append(flat, 'x')
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(quotes) == 0 {
		return
	}
	curly := make(map[*ast.Text][]quoteAt)
	var order []*ast.Text
	for _, q := range quotes {
		r := decideQuote(flat, q.idx)
		if r == flat[q.idx] {
			continue
		}
		flat[q.idx] = r
		if curly[q.t] == nil {
			order = append(order, q.t)
		}
		q.r = r
		curly[q.t] = append(curly[q.t], q)
	}
	for _, t := range order {
		splitQuotes(t, curly[t])
	}
}

// hasQuote reports whether a Text node of the block, outside code and raw
// HTML, holds a straight quote. Most blocks have none, and for them
// quoteRun need not copy the text into runes (4% of a build's allocation).
func hasQuote(block ast.Node, src []byte) bool {
	found := false
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Text:
			if !n.IsRaw() && bytes.ContainsAny(n.Segment.Value(src), `'"`) {
				found = true
				return ast.WalkStop, nil
			}
		case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML:
			if n != block {
				return ast.WalkSkipChildren, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return found
}

// scanText adds a Text node's runes to flat and notes its quotes. A
// backslash-escaped quote stays straight.
func scanText(t *ast.Text, src []byte, flat []rune, quotes []quoteAt) ([]rune, []quoteAt) {
	v := t.Segment.Value(src)
	for i := 0; i < len(v); {
		c := v[i]
		switch {
		case t.IsRaw():
		case c == '\\' && i+1 < len(v) && v[i+1] < utf8.RuneSelf && unicode.IsPunct(rune(v[i+1])):
			flat = append(flat, rune(v[i+1]))
			i += 2
			continue
		case c == '\'' || c == '"':
			quotes = append(quotes, quoteAt{t: t, off: i, idx: len(flat)})
		}
		r, n := utf8.DecodeRune(v[i:])
		flat = append(flat, r)
		i += n
	}
	if t.SoftLineBreak() || t.HardLineBreak() {
		flat = append(flat, ' ')
	}
	return flat, quotes
}

// decideQuote returns the character to publish for the quote at i.
func decideQuote(flat []rune, i int) rune {
	prev, next := ' ', ' '
	if i > 0 {
		prev = flat[i-1]
	}
	if i+1 < len(flat) {
		next = flat[i+1]
	}
	opening := unicode.IsSpace(prev) || isOpener(prev)
	if flat[i] == '"' {
		switch {
		case opening && unicode.IsSpace(next):
			return '"' // a lone quote between spaces
		case opening:
			return '“'
		}
		return '”'
	}
	switch {
	case !opening:
		// After a letter, digit or closing punctuation: an apostrophe
		// (it's, parents') or a closing quote.
		return '’'
	case unicode.IsSpace(next):
		return '\''
	case decade(flat[i+1:]):
		return '’' // '90s
	}
	return '‘'
}

func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '<', '“', '‘', '«', '‹', '—', '–', '-', '/', '"', '\'':
		return true
	}
	return false
}

// decade reports whether rest starts like an abbreviated decade: "90s".
func decade(rest []rune) bool {
	if len(rest) < 3 || !unicode.IsDigit(rest[0]) || !unicode.IsDigit(rest[1]) || rest[2] != 's' {
		return false
	}
	return len(rest) == 3 || !unicode.IsLetter(rest[3]) && !unicode.IsDigit(rest[3])
}

var quoteEntity = map[rune]string{'‘': "&lsquo;", '’': "&rsquo;", '“': "&ldquo;", '”': "&rdquo;"}

// splitQuotes replaces a Text node by its pieces around the quotes, each
// quote as a String holding its entity, as goldmark's typographer does.
func splitQuotes(t *ast.Text, qs []quoteAt) {
	parent := t.Parent()
	seg := t.Segment
	at := 0
	piece := func(start, stop int) *ast.Text {
		n := ast.NewTextSegment(text.NewSegment(seg.Start+start, seg.Start+stop))
		n.SetRaw(t.IsRaw())
		return n
	}
	for _, q := range qs {
		if q.off > at {
			parent.InsertBefore(parent, t, piece(at, q.off))
		}
		s := ast.NewString([]byte(quoteEntity[q.r]))
		s.SetCode(true)
		parent.InsertBefore(parent, t, s)
		at = q.off + 1
	}
	last := piece(at, seg.Len())
	last.SetSoftLineBreak(t.SoftLineBreak())
	last.SetHardLineBreak(t.HardLineBreak())
	if seg.Len() > at || t.SoftLineBreak() || t.HardLineBreak() {
		parent.InsertBefore(parent, t, last)
	}
	parent.RemoveChild(parent, t)
}
