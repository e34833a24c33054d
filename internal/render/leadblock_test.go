package render

import (
	"html/template"
	"testing"
)

func TestLeadBlock(t *testing.T) {
	const emergency = "<div class=\"block block-emergency\">\n<p class=\"block-label\">Emergency</p>\n<div class=\"helpline\"><p>Call <a href=\"tel:999\">999</a></p></div>\n</div>"
	tests := []struct {
		name, in, block, rest string
	}{
		{"opens with it", emergency + "\n<h2 id=\"next\">Next</h2>\n", emergency, "<h2 id=\"next\">Next</h2>\n"},
		{"leading space", "\n  " + emergency + "<p>x</p>", emergency, "<p>x</p>"},
		{"nested divs counted", "<div class=\"block block-emergency\"><div><div></div></div><p>a</p></div><p>b</p>", "<div class=\"block block-emergency\"><div><div></div></div><p>a</p></div>", "<p>b</p>"},
		{"other classes beside it", "<div class=\"x block-emergency y\"></div>rest", "<div class=\"x block-emergency y\"></div>", "rest"},
		{"after an opening paragraph", "<p>Intro</p>\n" + emergency + "\n<h2 id=\"a\">A</h2>", emergency, "<p>Intro</p>\n<h2 id=\"a\">A</h2>"},
		{"after another block and a line break", "<div class=\"block block-warning\"><p>w<br>x</p></div><hr>" + emergency, emergency, "<div class=\"block block-warning\"><p>w<br>x</p></div><hr>\n"},
		{"under a heading: stays in its section", "<p>Intro</p>\n<h2 id=\"a\">A</h2>\n" + emergency, "", "<p>Intro</p>\n<h2 id=\"a\">A</h2>\n" + emergency},
		{"inside another element: not lifted", "<div class=\"block block-tip\">" + emergency + "</div>", "", "<div class=\"block block-tip\">" + emergency + "</div>"},
		{"a class that only starts the same", "<div class=\"block block-emergency-old\"></div>", "", "<div class=\"block block-emergency-old\"></div>"},
		{"never closed", "<div class=\"block block-emergency\"><p>a</p>", "", "<div class=\"block block-emergency\"><p>a</p>"},
		{"only the first", emergency + emergency, emergency, emergency},
		{"empty", "", "", ""},
		{"no such block", "<p>Intro</p>\n<div class=\"block block-tip\"></div>", "", "<p>Intro</p>\n<div class=\"block block-tip\"></div>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := leadBlock("emergency", template.HTML(tt.in))
			if string(got.Block) != tt.block || string(got.Rest) != tt.rest {
				t.Errorf("leadBlock(%q)\n got {%q, %q}\nwant {%q, %q}", tt.in, got.Block, got.Rest, tt.block, tt.rest)
			}
		})
	}
}
