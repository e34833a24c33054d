package render

import (
	"html/template"
	"strings"

	"golang.org/x/net/html"
)

// Lead is a page's content split after the guidance block it opens with.
type Lead struct {
	Block template.HTML // the opening block, or "" when the content opens otherwise
	Rest  template.HTML // everything after it (all of the content when Block is "")
}

// leadBlock splits content that opens with a guidance block of the given
// kind (":::emergency" renders as <div class="block block-emergency">), so
// a layout can show that block straight under the title, above notes and
// the contents list that it would otherwise push off a phone's first screen.
func leadBlock(kind string, content template.HTML) Lead {
	src := string(content)
	start := len(src) - len(strings.TrimLeft(src, " \t\r\n"))
	z := html.NewTokenizer(strings.NewReader(src[start:]))
	if z.Next() != html.StartTagToken || !isBlock(z, kind) {
		return Lead{Rest: content}
	}
	end, depth := start+len(z.Raw()), 1
	for depth > 0 {
		tt := z.Next()
		if tt == html.ErrorToken {
			return Lead{Rest: content} // never closed: leave the page as written
		}
		end += len(z.Raw())
		if name, _ := z.TagName(); string(name) == "div" {
			switch tt {
			case html.StartTagToken:
				depth++
			case html.EndTagToken:
				depth--
			}
		}
	}
	return Lead{Block: template.HTML(src[start:end]), Rest: template.HTML(strings.TrimLeft(src[end:], "\r\n"))}
}

// isBlock reports whether the tag just read is <div class="block block-KIND">.
func isBlock(z *html.Tokenizer, kind string) bool {
	name, more := z.TagName()
	if string(name) != "div" {
		return false
	}
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		if string(k) == "class" {
			return strings.Contains(" "+string(v)+" ", " block-"+kind+" ")
		}
	}
	return false
}
