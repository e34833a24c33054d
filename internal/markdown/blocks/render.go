package blocks

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// labels are the visible words that say what a block is, so meaning never
// rests on colour or an icon alone.
var labels = map[string]string{
	"warning": "Warning", "tip": "Good to know", "say": "Things you could say", "do": "Do", "dont": "Do not",
}

type blockRenderer struct{ ext *Extension }

func (r *blockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindBlock, r.renderBlock)
	reg.Register(KindStep, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<li class=\"step\">\n")
		} else {
			_, _ = w.WriteString("</li>\n")
		}
		return ast.WalkContinue, nil
	})
}

func (r *blockRenderer) renderBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	b := n.(*Block)
	esc := html.EscapeString
	switch b.Name {
	case "details":
		if entering {
			_, _ = w.WriteString("<details class=\"block-details\">\n<summary>" + esc(b.Arg) + "</summary>\n<div class=\"details-body\">\n")
		} else {
			_, _ = w.WriteString("</div>\n</details>\n")
		}
	case "steps":
		if entering {
			_, _ = w.WriteString("<ol class=\"block-steps\">\n")
		} else {
			_, _ = w.WriteString("</ol>\n")
		}
	case "helpline":
		if entering {
			r.helpline(w, b.Arg)
		}
		return ast.WalkSkipChildren, nil
	case "emergency":
		if entering {
			_, _ = w.WriteString("<div class=\"block block-emergency\">\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
	case "warning", "tip", "say", "do", "dont":
		if entering {
			_, _ = w.WriteString("<div class=\"block block-" + b.Name + "\">\n")
			if b.Name == "warning" {
				_, _ = w.WriteString("<p class=\"block-label\"><span class=\"block-icon\" aria-hidden=\"true\">!</span> " + labels[b.Name] + "</p>\n")
			} else {
				_, _ = w.WriteString("<p class=\"block-label\">" + labels[b.Name] + "</p>\n")
			}
		} else {
			_, _ = w.WriteString("</div>\n")
		}
	default: // unknown: already an error; render the content plainly
		if entering {
			_, _ = w.WriteString("<div>\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
	}
	return ast.WalkContinue, nil
}

func (r *blockRenderer) helpline(w util.BufWriter, id string) {
	h, ok := r.ext.Helplines[id]
	if !ok {
		return
	}
	esc := html.EscapeString
	var b strings.Builder
	b.WriteString("<div class=\"helpline\">\n<p class=\"helpline-name\"><strong>" + esc(h.Name) + "</strong>")
	if h.Country != "" {
		b.WriteString(" <span class=\"helpline-country\">(" + esc(h.Country) + ")</span>")
	}
	b.WriteString("</p>\n")
	if h.For != "" {
		b.WriteString("<p>" + esc(h.For) + "</p>\n")
	}
	if h.Phone != "" {
		b.WriteString("<p class=\"helpline-phone\">Call <a href=\"tel:" + esc(telNumber(h.Phone)) + "\">" + esc(h.Phone) + "</a></p>\n")
	}
	if h.Hours != "" {
		b.WriteString("<p>Open: " + esc(h.Hours) + "</p>\n")
	}
	if h.URL != "" {
		b.WriteString("<p><a href=\"" + esc(h.URL) + "\" rel=\"noopener\">Go to the " + esc(h.Name) + " website</a></p>\n")
	}
	b.WriteString("</div>\n")
	_, _ = w.WriteString(b.String())
}

// telNumber keeps the digits of a phone number and maps letters of
// vanity numbers (1-800-CALL-FBI) to keypad digits.
func telNumber(s string) string {
	const keypad = "22233344455566677778889999"
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r >= '0' && r <= '9', r == '+':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteByte(keypad[r-'A'])
		}
	}
	return b.String()
}
