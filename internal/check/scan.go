package check

import (
	"bytes"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/signpost/signpost/internal/htmltoken"
)

// pageHTML is what the checks need from a page's HTML, read in one pass as a
// stream of tokens: a page with a 20,000-row table is not held as a tree.
type pageHTML struct {
	ids      []string // in order, repeated as often as they occur
	images   []img
	headings []heading
	links    []link
	// names is the text the open headings and links are named by. Every
	// open one is given the same text from its start on, so each takes
	// its name from where it started: one buffer for a page, rather than
	// a builder for each link.
	names []byte
	// kept holds what the page's lists keep, one after another: the
	// headings' and links' names (their spaces collapsed), the ids, the
	// links' addresses and the images' src and alt. Where each is, is
	// kept until the walk ends, when they are cut from one string: a
	// string for each was a fifth of what checking a page allocated.
	kept      []byte
	idAt      []textAt
	imageAt   [][2]textAt // src, alt
	headingAt [][2]textAt // name, id
	linkAt    [][2]textAt // name, href
	walker    htmlWalker
}

// textAt is where a string is in pageHTML.kept.
type textAt struct{ from, to int }

// keep adds b to the page's kept text and returns where it is.
func (pg *pageHTML) keep(b []byte) textAt {
	from := len(pg.kept)
	pg.kept = append(pg.kept, b...)
	return textAt{from, len(pg.kept)}
}

type img struct {
	src, alt string
	hasAlt   bool
}

type link struct{ href, name string }

// element is an open element: its tag, whether it hides its content from
// screen readers, and where its name starts when it is a heading or a
// link.
type element struct {
	tag    atom.Atom
	name   string
	hidden bool
	naming bool // its accessible name is being gathered
	from   int  // where its name starts in pageHTML.names
	// In pageHTML.kept, for a heading or a link: its aria-label, which
	// wins over its text when there is one, its address and its id.
	label, href, id textAt
}

// tagAttrs are the attributes the checks read, as the tokenizer reads
// them, valid until its next token: start converts what it keeps.
type tagAttrs struct {
	id, src, alt, href, label []byte
	hasAlt, hasHref, hidden   bool
}

// readAttrs reads a start tag's attributes, in place where the tag's raw
// text gives them as the tokenizer does (see htmltoken.EachAttr): every
// attribute it returns is a copy, and a page's tags have thousands.
func readAttrs(z htmltoken.Tokens) tagAttrs {
	var a tagAttrs
	htmltoken.EachAttr(z, func(k, v []byte) {
		switch string(k) {
		case "id":
			a.id = v
		case "src":
			a.src = v
		case "alt":
			a.alt, a.hasAlt = v, true
		case "href":
			a.href, a.hasHref = v, true
		case "aria-label":
			a.label = bytes.TrimSpace(v)
		case "aria-hidden":
			a.hidden = a.hidden || string(v) == "true"
		case "hidden":
			a.hidden = true
		}
	})
	return a
}

// tagName is the name of the tag just read, as the tokenizer's TagName has
// it, read from its text as written after its "<" or "</" (raw) into buf:
// TagName copies the name of every tag. A name is what comes before a
// space, "/" or ">", in lower case; one with a NUL byte, which the
// tokenizer replaces, is left to it.
func tagName(z htmltoken.Tokens, raw, buf []byte) []byte {
	for _, c := range raw {
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '/' || c == '>':
			return buf
		case c == 0:
			name, _ := z.TagName()
			return name
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// htmlWalker reads HTML as a stream of tokens and keeps the open elements,
// for the checks that read a page (scanPage) and its prose (prose): a
// page with a 20,000-row table is not held as a tree. An end tag closes
// the open elements up to the one it matches (a stray end tag closes
// nothing), as a browser does. Open elements are held by value, and known
// tags named by their atom's static string: a huge table opens millions
// of cells, and an allocation or two for each was most of what checking
// it made.
type htmlWalker struct {
	open   []element
	hidden int // open elements that hide their content
	naming int // open elements whose name is being gathered
}

// htmlVisitor is what a walk tells its reader.
type htmlVisitor interface {
	// start is a start tag; it returns the element to open (unless the
	// tag is void or self-closing), hidden when it hides its content.
	start(w *htmlWalker, tag atom.Atom, a tagAttrs) element
	// text is text outside hidden elements, read from z (z.Text) only
	// when the reader needs it: most of a page's text names no link or
	// heading, and reading it converts its line ends and entities.
	text(w *htmlWalker, z htmltoken.Tokens)
	// end is an end tag, before the elements it closes are closed.
	end(w *htmlWalker, tag atom.Atom)
	// closed is each element an end tag closes, innermost first.
	closed(e *element)
}

// walkHTML walks z's tokens with w, whose open elements' buffer is reused.
func walkHTML(w *htmlWalker, z htmltoken.Tokens, v htmlVisitor) {
	w.open, w.hidden, w.naming = w.open[:0], 0, 0
	var buf [16]byte
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return
		case html.TextToken:
			if w.hidden == 0 {
				v.text(w, z)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			raw := z.Raw()
			name := tagName(z, raw[1:], buf[:0])
			tag := atom.Lookup(name)
			e := v.start(w, tag, readAttrs(z))
			if tt == html.SelfClosingTagToken || voidElem(tag) {
				continue
			}
			e.tag, e.name = tag, tag.String()
			if tag == 0 {
				e.name = string(name)
			}
			if e.hidden {
				w.hidden++
			}
			if e.naming {
				w.naming++
			}
			w.open = append(w.open, e)
		case html.EndTagToken:
			name := tagName(z, z.Raw()[2:], buf[:0])
			v.end(w, atom.Lookup(name))
			w.close(name, v)
		}
	}
}

// close closes the open elements up to the innermost named name.
func (w *htmlWalker) close(name []byte, v htmlVisitor) {
	for i := len(w.open) - 1; i >= 0; i-- {
		if w.open[i].name != string(name) {
			continue
		}
		for j := len(w.open) - 1; j >= i; j-- {
			v.closed(&w.open[j])
			if w.open[j].hidden {
				w.hidden--
			}
			if w.open[j].naming {
				w.naming--
			}
		}
		w.open = w.open[:i]
		return
	}
}

// scans keeps the buffers of a page's scan (its open elements, images,
// headings, links and names) for the next page's: they were a sixth of
// what checking allocated on the 1k benchmark, made anew for each page.
var scans = sync.Pool{New: func() any { return new(pageHTML) }}

// scanPage reads a page's HTML. Accessible names approximate the ARIA
// rules: aria-label, else the text with images' alt text, leaving out what
// is hidden from screen readers. The ids are the caller's; the rest is
// only valid until release.
func scanPage(b []byte) *pageHTML {
	return scanTokens(htmltoken.NewTokenizer(b))
}

// scanTokens is scanPage of the page whose tokens z reads.
func scanTokens(z htmltoken.Tokens) *pageHTML {
	pg := scans.Get().(*pageHTML)
	pg.ids = nil
	walkHTML(&pg.walker, z, pg)
	pg.cut()
	return pg
}

// cut gives the page's lists their strings, from pg.kept.
func (pg *pageHTML) cut() {
	all := string(pg.kept)
	str := func(at textAt) string { return all[at.from:at.to] }
	if len(pg.idAt) > 0 {
		pg.ids = make([]string, len(pg.idAt))
		for i, at := range pg.idAt {
			pg.ids[i] = str(at)
		}
	}
	for i, at := range pg.imageAt {
		pg.images[i].src, pg.images[i].alt = str(at[0]), str(at[1])
	}
	for i, at := range pg.headingAt {
		pg.headings[i].text, pg.headings[i].id = str(at[0]), str(at[1])
	}
	for i, at := range pg.linkAt {
		pg.links[i].name, pg.links[i].href = str(at[0]), str(at[1])
	}
}

// release gives pg's buffers to the next scan; pg is not used after. The
// strings they hold are let go of, to be freed with the page.
func (pg *pageHTML) release() {
	clear(pg.images)
	clear(pg.headings)
	clear(pg.links)
	clear(pg.walker.open[:cap(pg.walker.open)])
	pg.ids, pg.images, pg.headings, pg.links = nil, pg.images[:0], pg.headings[:0], pg.links[:0]
	pg.names, pg.kept = pg.names[:0], pg.kept[:0]
	pg.idAt, pg.imageAt, pg.headingAt, pg.linkAt = pg.idAt[:0], pg.imageAt[:0], pg.headingAt[:0], pg.linkAt[:0]
	scans.Put(pg)
}

func (pg *pageHTML) start(w *htmlWalker, tag atom.Atom, a tagAttrs) element {
	var id textAt
	if len(a.id) > 0 {
		id = pg.keep(a.id)
		pg.idAt = append(pg.idAt, id)
	}
	if tag == atom.Img {
		pg.images = append(pg.images, img{hasAlt: a.hasAlt})
		pg.imageAt = append(pg.imageAt, [2]textAt{pg.keep(a.src), pg.keep(a.alt)})
		if !a.hidden && w.hidden == 0 && naming(w) {
			pg.names = append(append(append(pg.names, ' '), a.alt...), ' ')
		}
	}
	e := element{hidden: a.hidden}
	if headingLevel(tag) > 0 || (tag == atom.A && a.hasHref) {
		if !naming(w) {
			pg.names = pg.names[:0] // no name is being gathered
		}
		// Only a heading's or a link's id, label and address are read
		// when it closes.
		e.naming, e.from, e.id, e.label = true, len(pg.names), id, pg.keep(a.label)
		if tag == atom.A {
			e.href = pg.keep(a.href)
		}
	}
	return e
}

// text adds text to the accessible names being gathered.
func (pg *pageHTML) text(w *htmlWalker, z htmltoken.Tokens) {
	if naming(w) {
		pg.names = append(pg.names, z.Text()...)
	}
}

func (pg *pageHTML) end(*htmlWalker, atom.Atom) {}

// naming reports whether an open element's name is being gathered.
func naming(w *htmlWalker) bool { return w.naming > 0 }

// closed records a closed heading or link; its strings are cut when the
// walk ends (cut).
func (pg *pageHTML) closed(e *element) {
	if !e.naming {
		return
	}
	name := e.label
	if name.to == name.from {
		name.from = len(pg.kept)
		pg.kept = appendFields(pg.kept, pg.names[e.from:])
		name.to = len(pg.kept)
	}
	if lvl := headingLevel(e.tag); lvl > 0 {
		pg.headings = append(pg.headings, heading{level: lvl})
		pg.headingAt = append(pg.headingAt, [2]textAt{name, e.id})
	} else {
		pg.links = append(pg.links, link{})
		pg.linkAt = append(pg.linkAt, [2]textAt{name, e.href})
	}
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// voidElem reports whether an element has no end tag (a switch: it is
// asked for every start tag of every page).
func voidElem(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input, atom.Link,
		atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}
