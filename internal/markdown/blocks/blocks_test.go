package blocks_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
			if gotHTML != wantHTML {
				t.Errorf("HTML differs (run with -update to accept)\n--- got\n%s--- want\n%s", gotHTML, wantHTML)
			}
			if gotErr != wantErr {
				t.Errorf("problems differ (run with -update to accept)\n--- got\n%s--- want\n%s", gotErr, wantErr)
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
