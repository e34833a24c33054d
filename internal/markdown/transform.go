package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// pageTransformer resolves links, refuses dangerous addresses, gives
// headings their IDs and builds the table of contents, after parsing.
type pageTransformer struct{ c *Converter }

func (t *pageTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		return
	}
	ids, _ := pc.IDs().(*ids)
	if ids == nil {
		ids = newIDs()
	}
	src := reader.Source()
	var headings []*ast.Heading
	var refused []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if id, ok := n.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok && len(b) > 0 {
				ids.Put(b)
				l, c := st.pos(attrOffset(src, n.Pos(), b))
				st.res.Places = append(st.res.Places, IDPlace{ID: string(b), Line: l, Col: c})
			}
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, n)
			t.literalLinks(st, n, src)
		case *ast.Link:
			if !t.link(st, n, src) {
				refused = append(refused, n)
				return ast.WalkSkipChildren, nil
			}
		case *ast.Image:
			t.image(st, n, src, &refused)
		case *ast.AutoLink:
			if !t.autoLink(st, n, src) {
				refused = append(refused, n)
				return ast.WalkSkipChildren, nil
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			if t.c.opt.Unsafe {
				t.rawHTML(st, n, src, ids)
			} else {
				t.rawHTMLOff(st, n, src)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			t.literalLinks(st, n, src)
			t.invisibleStarts(st, n, src)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range refused {
		unwrap(n, src)
	}
	t.headings(st, headings, ids, src)
}

// link resolves a link and notes it for the checks, or reports false
// when its address is refused.
func (t *pageTransformer) link(st *state, n *ast.Link, src []byte) bool {
	written := string(n.Destination)
	if t.refuse(st, written, n.Pos(), "link") {
		return false
	}
	dest := t.c.resolve(st, written, n.Pos(), n)
	if dest != written {
		n.Destination = []byte(dest)
	}
	l, c := st.pos(n.Pos())
	// As the renderer writes it in href, for the checks to match; most
	// addresses need no escaping (URLEscape gives back what it was given).
	if esc := util.URLEscape(n.Destination, true); !bytes.Equal(esc, n.Destination) {
		dest = string(esc)
	}
	text := plainText(n, src)
	if leftToRight(text) {
		n.SetAttributeString("dir", []byte("ltr"))
	}
	st.res.Links = append(st.res.Links, Link{Dest: dest, Text: text, Line: l, Col: c})
	return true
}

// autoLink is link for <https://…> and <name@example.org>.
func (t *pageTransformer) autoLink(st *state, n *ast.AutoLink, src []byte) bool {
	if t.refuse(st, string(n.URL(src)), n.Pos(), "link") {
		return false
	}
	if n.AutoLinkType == ast.AutoLinkURL {
		n.SetAttributeString("rel", []byte("noopener"))
	}
	// Its text is the address itself; see leftToRight.
	n.SetAttributeString("dir", []byte("ltr"))
	dest := n.URL(src)
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(string(dest)), "mailto:") {
		dest = append([]byte("mailto:"), dest...)
	}
	l, c := st.pos(n.Pos())
	st.res.Links = append(st.res.Links, Link{Dest: string(util.URLEscape(dest, false)), Text: string(n.Label(src)), Line: l, Col: c})
	return true
}

// headings gives every heading without an id one made from its rendered
// text, after the IDs written by hand are taken, and lists the headings.
// The lists are made at their size, and a made id is one string for
// both: grown and copied, they were 3% of the converter's allocation.
func (t *pageTransformer) headings(st *state, hs []*ast.Heading, ids *ids, src []byte) {
	toc := 0
	for _, h := range hs {
		if h.Level >= 2 && h.Level <= 3 {
			toc++
		}
	}
	if len(hs) > 0 { // none stay nil
		st.res.Headings = make([]Heading, 0, len(hs))
	}
	if toc > 0 {
		st.res.TOC = make([]Heading, 0, toc)
	}
	for _, h := range hs {
		text := plainText(h, src)
		l, c := st.pos(h.Pos())
		v, ok := h.AttributeString("id")
		b, _ := v.([]byte)
		id := string(b)
		if !ok || len(b) == 0 {
			id = ids.generate(text)
			h.SetAttributeString("id", []byte(id))
			st.res.Places = append(st.res.Places, IDPlace{ID: id, Line: l, Col: c})
		}
		hd := Heading{Level: h.Level, ID: id, Text: text, Line: l, Col: c}
		st.res.Headings = append(st.res.Headings, hd)
		if h.Level >= 2 && h.Level <= 3 {
			st.res.TOC = append(st.res.TOC, hd)
		}
	}
}

func (t *pageTransformer) image(st *state, n *ast.Image, src []byte, refused *[]ast.Node) {
	l, c := st.pos(n.Pos())
	alt := plainText(n, src)
	img := Image{Dest: string(n.Destination), Alt: alt, Line: l, Col: c}
	if t.refuse(st, img.Dest, n.Pos(), "image") {
		st.res.Images = append(st.res.Images, img)
		*refused = append(*refused, n)
		return
	}
	resolved := t.c.resolve(st, img.Dest, n.Pos(), nil)
	if img.Src = resolved; resolved != img.Dest {
		n.Destination = []byte(resolved)
	}
	if esc := util.URLEscape(n.Destination, true); !bytes.Equal(esc, n.Destination) {
		img.Src = string(esc)
	}
	st.res.Images = append(st.res.Images, img)
	if size := t.c.opt.ImageSize; size != nil {
		if w, h, ok := size(resolved); ok {
			n.SetAttributeString("width", []byte(strconv.Itoa(w)))
			n.SetAttributeString("height", []byte(strconv.Itoa(h)))
		}
	}
	// ![decorative](x.png) says on purpose that the image needs no
	// description: it is published with alt="", which screen readers
	// skip. An empty ![](x.png) is an oversight (checked).
	if strings.EqualFold(alt, "decorative") {
		for c := n.FirstChild(); c != nil; c = n.FirstChild() {
			n.RemoveChild(n, c)
		}
	}
}

// refuse reports an address with a dangerous scheme. Such links are
// never published, whatever markup.unsafe says: the link's text stays,
// as text.
func (t *pageTransformer) refuse(st *state, dest string, off int, what string) bool {
	sc := DangerousScheme(dest)
	if sc == "" {
		return false
	}
	st.errorf(off, "link to a page or a web address (https://…); a "+sc+": address can run code or open files in the reader's browser, so it is never published",
		"%s to a %s: address is not allowed: %s", what, sc, shorten(dest))
	return true
}

// rawHTML takes the ids of raw HTML (markup.unsafe) and reports the
// addresses safeRawHTML will remove.
func (t *pageTransformer) rawHTML(st *state, n ast.Node, src []byte, ids *ids) {
	b, starts := rawPieces(n, src)
	_, found := scanRaw(b)
	for _, f := range found {
		off := srcOffset(starts, f.off)
		if f.id != "" {
			ids.Put([]byte(f.id))
			l, c := st.pos(off)
			st.res.Places = append(st.res.Places, IDPlace{ID: f.id, Line: l, Col: c})
			continue
		}
		st.errorf(off, "use a web address (https://…) or a link to a page; "+f.scheme+": addresses are removed even with markup.unsafe, as they can run code in the reader's browser",
			"raw HTML %s=%q uses a %s: address, which is not allowed", f.attr, shorten(f.value), f.scheme)
	}
}

// unwrap replaces a refused link or image by what it shows: a link's
// text, an image's alt text, an autolink's address as text.
func unwrap(n ast.Node, src []byte) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	if al, ok := n.(*ast.AutoLink); ok {
		parent.ReplaceChild(parent, n, ast.NewString(al.Label(src)))
		return
	}
	for c := n.FirstChild(); c != nil; c = n.FirstChild() {
		n.RemoveChild(n, c)
		parent.InsertBefore(parent, n, c)
	}
	parent.RemoveChild(parent, n)
}

func shorten(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}

// attrOffset is where, on the line starting at off, an {#id} attribute
// names id; or off when it is written another way.
func attrOffset(src []byte, off int, id []byte) int {
	if off < 0 || off >= len(src) {
		return off
	}
	line := src[off:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if i := bytes.Index(line, append([]byte("{#"), id...)); i >= 0 {
		return off + i
	}
	return off
}
