package check

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageHTML is what the checks need from a page's HTML, read in one pass as a
// stream of tokens: a page with a 20,000-row table is not held as a tree.
type pageHTML struct {
	ids      []string // in order, repeated as often as they occur
	images   []img
	headings []heading
	links    []link
}

type img struct {
	src, alt string
	hasAlt   bool
}

type link struct{ href, name string }

// element is an open element: its tag, whether it hides its content from
// screen readers, and the name being gathered when it is a heading or a
// link.
type element struct {
	tag    atom.Atom
	name   string
	hidden bool
	naming *strings.Builder // accessible name being gathered, or nil
	label  string           // aria-label, which wins over the text
	href   string
	id     string
}

// tagAttrs are the attributes the checks read.
type tagAttrs struct {
	id, src, alt, href, label string
	hasAlt, hasHref, hidden   bool
}

func readAttrs(z *html.Tokenizer, more bool) tagAttrs {
	var a tagAttrs
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch string(k) {
		case "id":
			a.id = string(v)
		case "src":
			a.src = string(v)
		case "alt":
			a.alt, a.hasAlt = string(v), true
		case "href":
			a.href, a.hasHref = string(v), true
		case "aria-label":
			a.label = strings.TrimSpace(string(v))
		case "aria-hidden":
			a.hidden = a.hidden || string(v) == "true"
		case "hidden":
			a.hidden = true
		}
	}
	return a
}

// scanPage reads a page's HTML. Accessible names approximate the ARIA
// rules: aria-label, else the text with images' alt text, leaving out what
// is hidden from screen readers.
func scanPage(b []byte) *pageHTML {
	pg := &pageHTML{}
	z := html.NewTokenizer(bytes.NewReader(b))
	// Open elements are held by value, and known tags named by their
	// atom's static string: a huge table opens millions of cells, and an
	// allocation or two for each was most of what checking it made.
	var open []element
	hidden := 0 // open elements hiding their content
	write := func(s string) {
		if hidden > 0 {
			return
		}
		for i := range open {
			if open[i].naming != nil {
				open[i].naming.WriteString(s)
			}
		}
	}
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return pg
		case html.TextToken:
			write(string(z.Text()))
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			tag := atom.Lookup(name)
			a := readAttrs(z, more)
			if a.id != "" {
				pg.ids = append(pg.ids, a.id)
			}
			if tag == atom.Img {
				pg.images = append(pg.images, img{a.src, a.alt, a.hasAlt})
				if !a.hidden {
					write(" " + a.alt + " ")
				}
			}
			if tt == html.SelfClosingTagToken || voidElem[tag] {
				continue
			}
			e := element{tag: tag, name: tag.String(), hidden: a.hidden, label: a.label, href: a.href, id: a.id}
			if tag == 0 {
				e.name = string(name)
			}
			if headingLevel(tag) > 0 || (tag == atom.A && a.hasHref) {
				e.naming = &strings.Builder{}
			}
			if e.hidden {
				hidden++
			}
			open = append(open, e)
		case html.EndTagToken:
			name, _ := z.TagName()
			// Close up to the matching open element; a stray end tag
			// closes nothing.
			for i := len(open) - 1; i >= 0; i-- {
				if open[i].name != string(name) {
					continue
				}
				for j := len(open) - 1; j >= i; j-- {
					pg.closeElem(&open[j])
					if open[j].hidden {
						hidden--
					}
				}
				open = open[:i]
				break
			}
		}
	}
}

// closeElem records a closed heading or link with its accessible name.
func (pg *pageHTML) closeElem(e *element) {
	if e.naming == nil {
		return
	}
	name := e.label
	if name == "" {
		name = strings.Join(strings.Fields(e.naming.String()), " ")
	}
	if lvl := headingLevel(e.tag); lvl > 0 {
		pg.headings = append(pg.headings, heading{level: lvl, text: name, id: e.id})
	} else {
		pg.links = append(pg.links, link{href: e.href, name: name})
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

var voidElem = map[atom.Atom]bool{atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true, atom.Track: true, atom.Wbr: true}
