package markdown

import "testing"

// TestPrefilters: a line the cheap checks skip is one the expressions
// behind them do not match.
func TestPrefilters(t *testing.T) {
	lines := []string{
		"", "text", "[a](b.md)", "[My page](My Page.md)", "[a](b\tc.md)", "[a](b\u00a0c.md)",
		"see [x](y.md) and [My page](My Page.md)", "[a](<b c.md>)", "[a](b.md \"title\")", "](x y)",
		"# heading", "\u00a0# heading", "#\u00a0heading", "   -\u200bitem", "1.\u00a0one", "12) x",
		":::\u00a0tip", ":::tip", "> quote", "\ufeff- item", "    # code", "  \u202f+ x", "word # not",
	}
	for _, l := range lines {
		b := []byte(l)
		if spacedLink.Match(b) && !spaceInParens(b) {
			t.Errorf("spaceInParens(%q) = false, but spacedLink matches", l)
		}
		if startMark.Match(b) && !mayStartMark(b) {
			t.Errorf("mayStartMark(%q) = false, but startMark matches", l)
		}
	}
	if spaceInParens([]byte("[a](b.md) and text")) || mayStartMark([]byte("Text")) {
		t.Error("a plain line is not skipped")
	}
}
