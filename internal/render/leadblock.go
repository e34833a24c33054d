package render

import (
	"html/template"
	"strings"

	"golang.org/x/net/html"
)

// Lead is a page's content with one guidance block taken out to lead it.
type Lead struct {
	Block template.HTML // the block, or "" when there is none to lead
	Rest  template.HTML // the content without it (all of it when Block is "")
}

// leadBlock finds the first guidance block of the given kind (":::emergency"
// renders as <div class="block block-emergency">) in the opening of the
// content, before its first heading, so a layout can show it straight
// under the title, above the notes and the contents list that would push
// it off a phone's first screen. A block further down belongs to the
// section it is in and stays there.
func leadBlock(kind string, content template.HTML) Lead {
	src := string(content)
	if !strings.Contains(src, "block-"+kind) {
		// Most pages have no such block: no tokenizer (4 KB each) to
		// say so. The blocks extension writes the class as is; a class
		// written with character references in raw HTML is not one.
		return Lead{Rest: content}
	}
	z := html.NewTokenizer(strings.NewReader(src))
	pos, depth, start := 0, 0, -1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return Lead{Rest: content} // none, or never closed: leave the page as written
		}
		raw := len(z.Raw())
		name, _ := z.TagName()
		tag := string(name)
		switch {
		case tt == html.StartTagToken && depth == 0 && start < 0 && headingLevel(tag) > 0:
			return Lead{Rest: content}
		case tt == html.StartTagToken && depth == 0 && start < 0 && isBlock(z, tag, kind):
			start = pos
			depth++
		case tt == html.StartTagToken && !voidElement[tag]:
			depth++
		case tt == html.EndTagToken && !voidElement[tag]:
			depth--
		}
		pos += raw
		if start >= 0 && depth == 0 {
			rest := strings.TrimRight(src[:start], " \t\r\n")
			if rest != "" {
				rest += "\n"
			}
			return Lead{Block: template.HTML(src[start:pos]), Rest: template.HTML(rest + strings.TrimLeft(src[pos:], " \t\r\n"))}
		}
	}
}

// isBlock reports whether the start tag just read is <div class="block-KIND">.
func isBlock(z *html.Tokenizer, tag, kind string) bool {
	if tag != "div" {
		return false
	}
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		if string(k) == "class" {
			return strings.Contains(" "+string(v)+" ", " block-"+kind+" ")
		}
	}
	return false
}

func headingLevel(tag string) int {
	if len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' {
		return int(tag[1] - '0')
	}
	return 0
}

// voidElement are the elements that have no end tag.
var voidElement = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}
