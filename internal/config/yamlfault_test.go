package config

import (
	"fmt"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/diag"
)

// TestYAMLFaults: the mistakes editors make in YAML are named in plain
// words at the right line and column, with an exact excerpt.
func TestYAMLFaults(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      string // "line:col: message", "" for no friendlier problem
		hint      string // a line the hint must contain
	}{
		{"tab", "a: 1\n\tb: 2\n", "2:1: this line starts with a tab; YAML needs spaces",
			">  2 | \tb: 2\n       ^"},
		{"tab after spaces", "a:\n  - x\n  \t- y\n", "3:3: this line starts with a tab; YAML needs spaces",
			">  3 |   \t- y\n         ^"},
		{"tab, windows line ends", "a: 1\r\nb: 2\r\n\tc: 3\r\n", "3:1: this line starts with a tab; YAML needs spaces",
			"   2 | b: 2\n>  3 | \tc: 3\n       ^"},
		{"nbsp after colon", "title:\u00a0Roblox\n", `1:7: an invisible non-breaking space after "title:" (often pasted from a word processor)`,
			"type an ordinary space instead"},
		{"narrow nbsp after colon", "title:\u202fRoblox\n", `1:7: an invisible narrow non-breaking space after "title:" (often pasted from a word processor)`, ""},
		{"nbsp before colon", "title\u00a0: Roblox\nx y: z: w\n", `1:6: an invisible non-breaking space before the colon of "title:" (often pasted from a word processor)`, ""},
		{"curly quotes with a colon", "title: “Roblox: a parent’s guide”\n", "1:8: the text is in curly quotes “ ”, which YAML does not read as quotes",
			`title: "Roblox: a parent’s guide"`},
		{"single curly quotes with a colon", "title: ‘Roblox: a guide’\n", "1:8: the text is in curly quotes ‘ ’, which YAML does not read as quotes",
			`title: "Roblox: a guide"`},
		{"curly quotes without a colon are not the fault", "url: “https://x”\ntitle: [a\n", "", ""},
		{"other mistakes keep the reader's message", "title: [a\n", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := yamlFault("f.yaml", []byte(tc.src))
			if tc.want == "" {
				if ok {
					t.Fatalf("got %v, want none", p)
				}
				return
			}
			if got := fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Message); !ok || got != tc.want {
				t.Fatalf("got %q (found %v), want %q", got, ok, tc.want)
			}
			if !strings.Contains(p.Hint, tc.hint) {
				t.Errorf("hint %q does not contain %q", p.Hint, tc.hint)
			}
		})
	}
}

// TestIndentFaultBeforeDecoding: an invisible space in the indentation
// decodes as part of a key, so it is caught before decoding.
func TestIndentFaultBeforeDecoding(t *testing.T) {
	var m map[string]any
	p, ok := Decode("yaml", "f.yaml", []byte("params:\n\u00a0 colour: red\n"), &m)
	want := "an invisible non-breaking space at the start of this line (often pasted from a word processor)"
	if ok || p.Line != 2 || p.Col != 1 || p.Message != want {
		t.Fatalf("got %+v, want 2:1 %q", p, want)
	}
	if _, ok := Decode("yaml", "f.yaml", []byte("title: Roblox\u00a0guide\n"), &m); !ok {
		t.Fatal("a non-breaking space inside text is the editor's to keep")
	}
}

// TestYAMLTooComplex: YAML the reader cannot take in bounded time and
// memory is refused before reading, at its line: 100,000 nested brackets
// (200 KB) took 27 s and 22 GB before "exceeded max depth" with no line;
// a mapping of 200,000 keys (3.4 MB, quadratic in goccy/go-yaml's parser,
// whose fix is not released) took minutes.
func TestYAMLTooComplex(t *testing.T) {
	deep := "title: X\nparams: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n"
	dashes := "title: X\nlist:\n" + strings.Repeat("- ", 100000) + "x\n"
	var keys strings.Builder
	keys.WriteString("title: X\nparams:\n")
	for i := range 40000 {
		fmt.Fprintf(&keys, "  k%d: v%d\n", i, i)
	}
	for _, tc := range []struct{ name, src, want string }{
		{"nested brackets", deep, "2:"},
		{"nested dashes", dashes, "3:"},
		{"huge", keys.String(), "1:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var m map[string]any
			for _, decode := range []func() (diag.Problem, bool){
				func() (diag.Problem, bool) { return Decode("yaml", "f.md", []byte(tc.src), &m) },
				func() (diag.Problem, bool) {
					_, p, ok := DecodeLines("yaml", "f.md", []byte(tc.src), &m)
					return p, ok
				},
			} {
				p, ok := decode()
				if ok || !strings.HasPrefix(fmt.Sprintf("%d:", p.Line), tc.want) || p.Hint == "" {
					t.Fatalf("got %+v (ok %v), want a problem at line %s with a hint", p, ok, tc.want)
				}
			}
		})
	}
	var toml strings.Builder
	for i := range 40000 {
		fmt.Fprintf(&toml, "k%d = \"v%d\"\n", i, i)
	}
	var m map[string]any
	if p, ok := Decode("toml", "f.md", []byte(toml.String()), &m); ok || p.Line != 1 || !strings.Contains(p.Message, "this TOML is") {
		t.Fatalf("40,000 TOML keys: got %+v, want a problem at line 1", p)
	}
	if p, ok := Decode("yaml", "f.md", []byte("title: \"[[[[ in quotes\"\nlist: [[a, b], {c: [d]}]\n"), &m); !ok {
		t.Fatalf("ordinary YAML refused: %+v", p)
	}
}
