package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// spacedLink is a link written with a space in its address, which
// markdown does not read as a link: "[My page](My Page.md)".
var spacedLink = regexp.MustCompile(`\[[^\]\n]+\]\(([^()<>\n]*[ \t\x{a0}][^()<>\n]*)\)`)

// spaceInParens reports whether line has "](" followed by a space, tab
// or no-break space before the next ")": what spacedLink needs to match.
func spaceInParens(line []byte) bool {
	for {
		i := bytes.Index(line, []byte("]("))
		if i < 0 {
			return false
		}
		line = line[i+2:]
		end := bytes.IndexAny(line, "()<>\n")
		if end < 0 {
			end = len(line)
		}
		if bytes.ContainsAny(line[:end], " \t\u00a0") {
			return true
		}
	}
}

// literalLinks warns about links that markdown left as text because of a
// space in the address: the page would show the brackets and no link.
func (t *pageTransformer) literalLinks(st *state, block ast.Node, src []byte) {
	lines := block.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := seg.Value(src)
		if !spaceInParens(line) {
			continue // most lines, links or not, cannot match
		}
		for _, m := range spacedLink.FindAllSubmatchIndex(line, -1) {
			off := seg.Start + m[0]
			if !inText(block, off) {
				continue
			}
			dest := strings.TrimSpace(string(line[m[2]:m[3]]))
			if strings.ContainsAny(dest, `:"'`) {
				continue // a web address or a title: not a file name with a space
			}
			st.warnf(off, "put the address in angle brackets, like ("+"<"+dest+">"+"), or rename the file without spaces (like "+strings.ToLower(strings.Join(strings.Fields(dest), "-"))+")",
				"this link is shown as text, not a link: its address %q has a space in it", dest)
		}
	}
}

// inText reports whether the byte at off is in plain text of block, not
// in code or an address.
func inText(block ast.Node, off int) bool {
	found := false
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if tx, ok := n.(*ast.Text); ok && tx.Segment.Start <= off && off < tx.Segment.Stop {
			found = true
			return ast.WalkStop, nil
		}
		switch n.(type) {
		case *ast.CodeSpan, *ast.Link, *ast.Image, *ast.AutoLink, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// rawHTMLHints says how to write common tags in markdown instead.
var rawHTMLHints = map[string]string{
	"img":    "write the image in markdown, like ![What the picture shows](picture.png)",
	"a":      "write the link in markdown, like [the page's name](page.md) or [the site](https://example.org/)",
	"b":      "write bold in markdown, like **important**",
	"strong": "write bold in markdown, like **important**",
	"i":      "write italics in markdown, like *a word*",
	"em":     "write italics in markdown, like *a word*",
	"br":     "to start a new line, end the line before with a backslash (\\)",
	"p":      "leave an empty line between paragraphs instead",
	"h2":     "write a heading in markdown, like ## Heading",
	"h3":     "write a heading in markdown, like ### Heading",
	"ul":     "write a list in markdown, with each item on a line starting with - and a space",
	"li":     "write a list in markdown, with each item on a line starting with - and a space",
}

// rawHTMLOff warns about raw HTML when the site does not let it through:
// it is published as text, which the editor did not mean.
func (t *pageTransformer) rawHTMLOff(st *state, n ast.Node, src []byte) {
	raw, starts := rawPieces(n, src)
	raw = bytes.TrimSpace(raw)
	if len(raw) < 2 || raw[0] != '<' || raw[1] == '/' {
		return // a closing tag belongs to the opening one warned about
	}
	name := tagName(raw)
	what := "HTML"
	hint := "write it in markdown instead (see docs/authoring.md)"
	switch {
	case bytes.HasPrefix(raw, []byte("<!--")):
		what = "an HTML comment"
		hint = "delete it, or keep notes outside the page"
	case name != "":
		what = "the HTML tag <" + name + ">"
		if h, ok := rawHTMLHints[name]; ok {
			hint = h
		}
	}
	hint += "; or, if everyone who edits the site may use HTML, set unsafe = true under [markup] in signpost.toml (markup.unsafe)"
	if len(starts) > 0 {
		st.warnf(starts[0][1], hint, "raw HTML is off on this site, so %s is shown as text on the page", what)
	}
}

// tagName is the lower-case name of the tag raw starts with, or "".
func tagName(raw []byte) string {
	i := 1
	for i < len(raw) && (raw[i] >= 'a' && raw[i] <= 'z' || raw[i] >= 'A' && raw[i] <= 'Z' || raw[i] >= '0' && raw[i] <= '9' && i > 1 || raw[i] == '-') {
		i++
	}
	return strings.ToLower(string(raw[1:i]))
}
