package blocks

import (
	"html"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// labels are the visible words that say what a block is, so meaning never
// rests on colour, a border or an icon alone.
var labels = map[string]string{
	"emergency": "Emergency", "warning": "Warning", "tip": "Good to know",
	"say": "Things you could say", "do": "Do", "dont": "Do not",
}

// labelIDs are the labels' message ids in i18n/XX.toml.
var labelIDs = map[string]string{
	"emergency": "blockEmergency", "warning": "blockWarning", "tip": "blockTip",
	"say": "blockSay", "do": "blockDo", "dont": "blockDont",
}

type blockRenderer struct{ ext *Extension }

func (r *blockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindBlock, r.renderBlock)
	reg.Register(KindStep, renderStep)
}

// renderStep writes one step as a list item. The steps block itself writes
// nothing, so that text an editor puts before the first step stays outside
// the list: the first step opens the <ol> and the last one closes it.
func renderStep(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		if _, ok := n.PreviousSibling().(*Step); !ok {
			_, _ = w.WriteString("<ol class=\"block-steps\">\n")
		}
		_, _ = w.WriteString("<li class=\"step\">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("</li>\n")
	if _, ok := n.NextSibling().(*Step); !ok {
		_, _ = w.WriteString("</ol>\n")
	}
	return ast.WalkContinue, nil
}

func (r *blockRenderer) renderBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	b := n.(*Block)
	switch b.Name {
	case "details":
		if entering {
			q := b.Arg
			if q == "" { // already an error; keep the control named
				q = r.ext.word("detailsMore", "More information", nil)
			}
			_, _ = w.WriteString("<details class=\"block-details\">\n<summary><span class=\"summary-text\">" + html.EscapeString(q) + "</span></summary>\n<div class=\"details-body\">\n")
		} else {
			_, _ = w.WriteString("</div>\n</details>\n")
		}
	case "steps":
		// Steps write their own list; see renderStep.
	case "helpline":
		if entering {
			r.helpline(w, b)
		}
		return ast.WalkSkipChildren, nil
	case "emergency", "warning", "tip", "say", "do", "dont":
		if !entering {
			_, _ = w.WriteString("</div>\n")
			break
		}
		_, _ = w.WriteString("<div class=\"block block-" + b.Name + "\">\n<p class=\"block-label\"" + r.ext.langAttrs(labelIDs[b.Name]) + ">")
		if b.Name == "warning" {
			_, _ = w.WriteString("<span class=\"block-icon\" aria-hidden=\"true\">!</span> ")
		}
		_, _ = w.WriteString(html.EscapeString(r.ext.word(labelIDs[b.Name], labels[b.Name], nil)) + "</p>\n")
	default: // unknown: already an error; render the content plainly
		if entering {
			_, _ = w.WriteString("<div>\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
	}
	return ast.WalkContinue, nil
}

// helpline writes a helpline card. Its name is a heading one level below
// the heading it sits under, so screen-reader users can jump between cards
// without breaking the page's outline.
func (r *blockRenderer) helpline(w util.BufWriter, blk *Block) {
	h, ok := r.ext.Helplines[blk.Arg]
	if !ok {
		return
	}
	esc := html.EscapeString
	level := strconv.Itoa(min(headingAbove(blk)+1, 6))
	var b strings.Builder
	name := helplineName(h.Name, h.Country)
	if local := r.ext.word("helpline-"+h.ID+"-name", "", nil); local != "" {
		name = localName(local, h.Name, h.Country)
	}
	b.WriteString("<div class=\"helpline\">\n<h" + level + " class=\"helpline-name\">" + name + "</h" + level + ">\n")
	if what := r.ext.word("helpline-"+h.ID+"-for", h.For, nil); what != "" {
		b.WriteString("<p" + r.ext.langAttrs("helpline-"+h.ID+"-for") + ">" + esc(what) + "</p>\n")
	}
	// Numbers are marked dir="ltr": inside right-to-left text "0808 800
	// 5000" would otherwise show its groups in reverse order. The attribute
	// also isolates them (the HTML user agent style), and unlike a CSS rule
	// it holds where the page's stylesheet does not reach (feed readers,
	// reader views, a copy pasted into a message).
	if number, rest := splitPhone(h.Phone); number != "" {
		b.WriteString("<p class=\"helpline-phone\">" + esc(r.ext.word("helplineCall", "Call", nil)) + " <a dir=\"ltr\" href=\"tel:" + esc(telNumber(number)) + "\">" + esc(number) + "</a>")
		if dial := keypad(number); dial != number {
			b.WriteString(" (<span dir=\"ltr\">" + esc(dial) + "</span>)")
		}
		if rest != "" {
			b.WriteString(" <span dir=\"ltr\">" + esc(rest) + "</span>")
		}
		b.WriteString("</p>\n")
	}
	if h.Hours != "" {
		b.WriteString("<p>" + r.openHours(h.Hours) + "</p>\n")
	}
	if webURL(h.URL) {
		name := bareName(h.Name, h.Country)
		b.WriteString("<p><a href=\"" + esc(h.URL) + "\" rel=\"noopener\">" + esc(r.ext.word("helplineWebsite", "Go to the "+name+" website", map[string]any{"Name": name})) + "</a></p>\n")
	}
	b.WriteString("</div>\n")
	_, _ = w.WriteString(b.String())
}

// openHours is "Open: 24 hours a day" in the page's language. The hours
// come from data/helplines.yaml, in English: inside a translated sentence
// they are marked English and left to right, or an Urdu line shows them
// out of order ("hours a day, every day 24").
func (r *blockRenderer) openHours(hours string) string {
	const slot = "\x00"
	english := "Open: " + slot
	line := html.EscapeString(r.ext.word("helplineOpen", english, map[string]any{"Hours": slot}))
	if line == html.EscapeString(english) {
		return strings.Replace(line, slot, html.EscapeString(hours), 1)
	}
	return strings.Replace(line, slot, `<span lang="en" dir="ltr">`+html.EscapeString(hours)+`</span>`, 1)
}

// helplineName is a card's name as HTML with its country in a
// helpline-country span, so a page about one country (a "Who to call"
// sheet) can hide it instead of saying "(UK)" after every name. A name
// that already ends in "(UK)" has it moved into the span; a name that ends
// in other brackets gets the country inside them ("(IWF, UK)", not
// "(IWF) (UK)"); a name that says the country as a word ("Australian
// Centre") gets none.
func helplineName(name, country string) string {
	esc := html.EscapeString
	name = strings.TrimSpace(name)
	if country == "" {
		return esc(name)
	}
	if bare := bareName(name, country); bare != name {
		name = bare
	} else if mentions(name, country) {
		return esc(name)
	}
	if base, ok := strings.CutSuffix(name, ")"); ok && strings.Contains(base, "(") {
		return esc(base) + "<span class=\"helpline-country\">, " + esc(country) + "</span>)"
	}
	return esc(name) + "<span class=\"helpline-country\"> (" + esc(country) + ")</span>"
}

// localName is a card's name translated (an i18n helpline-<id>-name
// message, for a name that describes rather than names a service:
// "Police, fire and ambulance"), with the English name beside it in
// brackets, marked English, as the parent will hear it on the phone or
// see it in English pages; the country as helplineName puts it.
func localName(local, english, country string) string {
	esc := html.EscapeString
	bare := bareName(english, country)
	// The brackets go inside the left-to-right span: in a right-to-left
	// line they would mirror and wrap the wrong ends.
	out := esc(local) + ` <span lang="en" dir="ltr">(` + esc(bare)
	if country == "" || (bare == strings.TrimSpace(english) && mentions(english, country)) {
		return out + ")</span>"
	}
	return out + `<span class="helpline-country">, ` + esc(country) + `</span>)</span>`
}

// bareName is a helpline's name without the country it ends with:
// "Lifeline (Australia)" → "Lifeline".
func bareName(name, country string) string {
	name = strings.TrimSpace(name)
	if base, ok := strings.CutSuffix(name, "("+country+")"); ok && country != "" && strings.TrimSpace(base) != "" {
		return strings.TrimSpace(base)
	}
	return name
}

// headingAbove is the level of the heading a node sits under: the nearest
// heading before it at its own level of nesting or an outer one (a step's
// heading, for a card inside a step). 1 (the page title) when there is none.
func headingAbove(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		for s := n.PreviousSibling(); s != nil; s = s.PreviousSibling() {
			if h, ok := s.(*ast.Heading); ok {
				return h.Level
			}
		}
	}
	return 1
}

// mentions reports whether name already says the country, as a word or
// the start of one ("Police line (UK)", "Australian Centre").
func mentions(name, country string) bool {
	for _, word := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if strings.EqualFold(word, country) || (len(country) > 3 && strings.HasPrefix(strings.ToLower(word), strings.ToLower(country))) {
			return true
		}
	}
	return false
}

// splitPhone separates the number to dial from a note after it:
// "1-800-843-5678 (1-800-THE-LOST)" → "1-800-843-5678", "(1-800-THE-LOST)".
func splitPhone(s string) (number, rest string) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '('); i > 0 {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i:])
	}
	return s, ""
}

// webURL reports whether a helpline's address is one a card may link to.
func webURL(u string) bool {
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
}

const keys = "22233344455566677778889999"

// keypad turns the letters of a vanity number into digits: "1-800-CALL-FBI"
// → "1-800-225-5324". North American numbers are regrouped as 1-XXX-XXX-XXXX;
// others keep the spacing as written.
func keypad(s string) string {
	var b strings.Builder
	for _, r := range s {
		if u := unicode.ToUpper(r); u >= 'A' && u <= 'Z' {
			b.WriteByte(keys[u-'A'])
			continue
		}
		b.WriteRune(r)
	}
	out := b.String()
	if out == s {
		return s
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, out)
	if len(digits) == 11 && digits[0] == '1' {
		return "1-" + digits[1:4] + "-" + digits[4:7] + "-" + digits[7:]
	}
	return out
}

// telNumber keeps the digits of a phone number (after mapping letters to
// keypad digits) and a leading +, for a tel: link.
func telNumber(s string) string {
	var b strings.Builder
	for i, r := range keypad(s) {
		if (r >= '0' && r <= '9') || (r == '+' && i == 0) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
