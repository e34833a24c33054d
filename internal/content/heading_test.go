package content

import (
	"strings"
	"testing"
)

func TestLeadingTitle(t *testing.T) {
	for _, tc := range []struct {
		in        string
		title     string
		at, lines int
	}{
		{"# tar\n\ntext\n", "tar", 0, 1},
		{"\n\n# After blank lines\n", "After blank lines", 2, 3},
		{"# Closing hashes ##\n", "Closing hashes", 0, 1},
		{"# A\r\n\r\nx\r\n", "A", 0, 1},
		{"Setext\n===\n\ntext", "Setext", 0, 2},
		{"Two line\nsetext\n=====\n", "Two line setext", 0, 3},
		{"# Report to [CEOP](https://ceop.example/) today", "Report to CEOP today", 0, 1},
		{"# Tom &amp; Jerry &#35;1", "Tom & Jerry #1", 0, 1},
		{`# 5 \* 3 and ` + "`a\\*b`", `5 * 3 and a\*b`, 0, 1},
		{"# *Emphasis* and **strong**", "Emphasis and strong", 0, 1},
		{"# With <b>html</b> inside", "With html inside", 0, 1},
		{"# ![Logo](x.png) Name", "Logo Name", 0, 1},
		{"# Attributes {#custom}", "Attributes", 0, 1},
		{"# First\nparagraph straight after\n", "First", 0, 1},
		{"## Level two\n", "", 0, 0},
		{"#NoSpace\n", "", 0, 0},
		{"#\n", "", 0, 0},
		{"    # indented code\n", "", 0, 0},
		{"```\n# in a fence\n```\n", "", 0, 0},
		{"text first\n\n# Heading\n", "", 0, 0},
		{"> # quoted\n", "", 0, 0},
		{"- # listed\n", "", 0, 0},
		{"<!-- note -->\n# After a comment\n", "", 0, 0},
		{"", "", 0, 0},
		{"\xfa\n=", "", 0, 0},           // invalid UTF-8 stays in the body, reported there
		{"# Caf\xe9\n\ntext", "", 0, 0}, // (the fuzz target found the setext form)
	} {
		title, at, lines := leadingTitle([]byte(tc.in))
		if title != tc.title || at != tc.at || lines != tc.lines {
			t.Errorf("leadingTitle(%q) = %q, %d, %d; want %q, %d, %d", tc.in, title, at, lines, tc.title, tc.at, tc.lines)
		}
	}
}

func TestDropLines(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"a\nb\nc", 1, "b\nc"}, {"a\nb\n", 2, ""}, {"a", 1, ""}, {"a\n", 0, "a\n"}, {"", 3, ""},
	} {
		if got := string(dropLines([]byte(tc.in), tc.n)); got != tc.want {
			t.Errorf("dropLines(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

// FuzzLeadingTitle: no panic; a title found is one line of plain text and
// takes no more lines than the body has.
func FuzzLeadingTitle(f *testing.F) {
	for _, s := range []string{"# tar\n", "A\n===\n", "\n\n# x {#y}\ntext", "## no", "# [a](b) &amp;", "```\n# x\n```", "\r\n# A\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		title, at, lines := leadingTitle([]byte(body))
		if lines == 0 {
			if title != "" || at != 0 {
				t.Fatalf("no heading, but title %q at %d", title, at)
			}
			return
		}
		if title == "" || strings.ContainsAny(title, "\n\r") || at >= lines || lines > strings.Count(body, "\n")+1 {
			t.Fatalf("leadingTitle(%q) = %q, %d, %d", body, title, at, lines)
		}
	})
}

// TestCollapseSpace: the fast path gives what strings.Fields gives.
func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u2003b", "café au lait", "x\x1fy", "  ", "a b c d"} {
		want := strings.Join(strings.Fields(s), " ")
		if got := collapseSpace(s); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
