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
		{"text first", "<p>Intro</p>\n" + emergency, "", "<p>Intro</p>\n" + emergency},
		{"another kind first", "<div class=\"block block-warning\"><p>w</p></div>" + emergency, "", "<div class=\"block block-warning\"><p>w</p></div>" + emergency},
		{"a class that only starts the same", "<div class=\"block block-emergency-old\"></div>", "", "<div class=\"block block-emergency-old\"></div>"},
		{"never closed", "<div class=\"block block-emergency\"><p>a</p>", "", "<div class=\"block block-emergency\"><p>a</p>"},
		{"empty", "", "", ""},
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
