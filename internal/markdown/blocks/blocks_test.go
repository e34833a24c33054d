package blocks_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/markdown"
	"github.com/signpost/signpost/internal/markdown/blocks"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// helplines stands in for a site's data/helplines.yaml, decoded.
var helplines = map[string]any{
	"helplines": map[string]any{
		"nspcc": map[string]any{
			"name": "NSPCC helpline", "for": "Advice for adults who are worried about a child.",
			"phone": "0808 800 5000", "url": "https://www.nspcc.org.uk/", "country": "UK",
		},
		"ncmec": map[string]any{
			"name": "NCMEC CyberTipline", "for": "Report online enticement.",
			"phone": "1-800-843-5678 (1-800-THE-LOST)", "url": "https://report.cybertip.org/", "country": "US",
		},
		"fbi": map[string]any{
			"name": "FBI tips", "phone": "1-800-CALL-FBI", "hours": "24 hours", "country": "US",
		},
		"au-police": map[string]any{
			"name": "Police Assistance Line (Australia)", "phone": "131 444", "country": "Australia",
			"url": "javascript:alert(1)",
		},
		"report-remove": map[string]any{"name": "Report Remove (Childline and IWF)", "country": "UK"},
		"lifeline":      map[string]any{"name": "Lifeline (Australia)", "url": "https://www.lifeline.org.au/", "country": "Australia"},
		"accce":         map[string]any{"name": "Australian Centre to Counter Child Exploitation", "country": "Australia"},
	},
}

// TestGolden converts each testdata/*.txtar's in.md as the body of
// content/page.md and compares the HTML with want.html and the problems
// (one per line, with their hints) with want.err. Run
// `go test ./internal/markdown/blocks -update` to rewrite them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in, ok := section(ar, "in.md")
			if !ok {
				t.Fatalf("%s has no -- in.md -- section", file)
			}
			gotHTML, gotErr := convert(t, in)
			if *update {
				set(ar, "want.html", gotHTML)
				set(ar, "want.err", gotErr)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantHTML, _ := section(ar, "want.html")
			wantErr, _ := section(ar, "want.err")
			if diff := cmp.Diff(wantHTML, gotHTML); diff != "" {
				t.Errorf("HTML differs (-want +got; run with -update to accept)\n%s", diff)
			}
			if diff := cmp.Diff(wantErr, gotErr); diff != "" {
				t.Errorf("problems differ (-want +got; run with -update to accept)\n%s", diff)
			}
		})
	}
}

func convert(t *testing.T, in string) (html, problems string) {
	t.Helper()
	conv := markdown.New(markdown.Options{Extensions: blocks.FromData(helplines)})
	page := &content.Page{Kind: content.KindPage, File: "content/page.md", BodyLine: 5, URL: "/page/"}
	res, err := conv.Convert(page, []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	res.Problems.Sort()
	var b strings.Builder
	for _, p := range res.Problems {
		b.WriteString(p.String() + "\n")
		if p.Hint != "" {
			b.WriteString("  hint: " + p.Hint + "\n")
		}
	}
	return string(res.HTML), b.String()
}

func section(ar *txtar.Archive, name string) (string, bool) {
	for _, f := range ar.Files {
		if f.Name == name {
			return string(f.Data), true
		}
	}
	return "", false
}

// set replaces a section, adds it when missing, or drops it when empty.
func set(ar *txtar.Archive, name, data string) {
	for i, f := range ar.Files {
		if f.Name == name {
			if data == "" {
				ar.Files = append(ar.Files[:i], ar.Files[i+1:]...)
				return
			}
			ar.Files[i].Data = []byte(data)
			return
		}
	}
	if data != "" {
		ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
	}
}

// TestNames checks that every block name has a golden file, so a new block
// cannot be added without one.
func TestNames(t *testing.T) {
	for _, n := range blocks.Names {
		if _, err := os.Stat(filepath.Join("testdata", n+".txtar")); err != nil {
			t.Errorf("block %q has no testdata/%s.txtar", n, n)
		}
	}
}

// TestDeterministic converts the same text twice with separate converters.
func TestDeterministic(t *testing.T) {
	src := ":::helpline nspcc\n:::\n\n:::steps\n### One\nDo it.\n:::\n"
	a, _ := convert(t, src)
	b, _ := convert(t, src)
	if !bytes.Equal([]byte(a), []byte(b)) {
		t.Fatal("two conversions differ")
	}
}

// nestedDetails is n :::details blocks, each inside the last, closed by n
// ::: lines (83 KB for 4000).
func nestedDetails(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, ":::details Why %d?\n", i)
	}
	b.WriteString("text\n")
	b.WriteString(strings.Repeat(":::\n", n))
	return b.String()
}

// TestNestedDetailsClose checks that blocks nested to the limit close
// each by its own line, and that deeper ones are one error, at the first
// too deep, with the blocks around them still closed by their own lines.
func TestNestedDetailsClose(t *testing.T) {
	html, probs := convert(t, nestedDetails(blocks.MaxDepth))
	if probs != "" {
		t.Fatalf("problems: %s", probs)
	}
	if n := strings.Count(html, "</details>"); n != blocks.MaxDepth {
		t.Fatalf("%d details closed, want %d", n, blocks.MaxDepth)
	}
	html, probs = convert(t, nestedDetails(blocks.MaxDepth+40)+"After.\n")
	want := fmt.Sprintf("content/page.md:%d:1: error: block \":::details Why %d?\" is nested too deep\n", 5+blocks.MaxDepth, blocks.MaxDepth)
	if !strings.HasPrefix(probs, want) || strings.Count(probs, "error") != 1 {
		t.Fatalf("problems:\n%s\nwant one:\n%s", probs, want)
	}
	if n := strings.Count(html, "</details>"); n != blocks.MaxDepth {
		t.Fatalf("%d details closed, want %d", n, blocks.MaxDepth)
	}
	if !strings.HasSuffix(html, "</details>\n<p>After.</p>\n") {
		t.Fatalf("text after the blocks is not after them:\n%s", html[len(html)-200:])
	}
}

// BenchmarkNestedDetails converts 4000 nested :::details blocks, which
// took 46 s when each line searched the chain of open blocks.
func BenchmarkNestedDetails(b *testing.B) {
	src := []byte(nestedDetails(4000))
	conv := markdown.New(markdown.Options{Extensions: blocks.FromData(helplines)})
	page := &content.Page{Kind: content.KindPage, File: "content/page.md", BodyLine: 1}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := conv.Convert(page, src); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLineAtEndOfFile: an opening or closing line that ends the file, with
// no newline, is read whole; nothing of it is left over as text (it once
// left its last byte, splitting a letter into invalid UTF-8).
func TestLineAtEndOfFile(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{":::tip\nx\n:::", "<div class=\"block block-tip\">\n<p class=\"block-label\">Good to know</p>\n<p>x</p>\n</div>\n"},
		{":::details Why?", "<details class=\"block-details\">\n<summary><span class=\"summary-text\">Why?</span></summary>\n<div class=\"details-body\">\n</div>\n</details>\n"},
		{":::details Café", "<details class=\"block-details\">\n<summary><span class=\"summary-text\">Café</span></summary>\n<div class=\"details-body\">\n</div>\n</details>\n"},
	} {
		html, _ := convert(t, tc.in)
		if html != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.in, html, tc.want)
		}
	}
}
