package markdown_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/markdown"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden renders each testdata/*.txtar's in.md and compares with
// want.html (and want.toc, want.problems, want.ids when present: the
// contents list, the problems with their hints, every id of the HTML). The archive comment may say
// "unsafe: true" to allow raw HTML. Run with -update to rewrite.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sections := map[string][]byte{}
			for _, f := range ar.Files {
				sections[f.Name] = f.Data
			}
			conv := markdown.New(markdown.Options{Unsafe: strings.Contains(string(ar.Comment), "unsafe: true")})
			res, err := conv.Convert(&content.Page{File: "content/test.md", BodyLine: 1}, sections["in.md"])
			if err != nil {
				t.Fatal(err)
			}
			var toc strings.Builder
			for _, h := range res.TOC {
				toc.WriteString(strings.Repeat("  ", h.Level-2) + h.ID + " " + h.Text + "\n")
			}
			var probs strings.Builder
			for _, p := range res.Problems {
				probs.WriteString(p.String() + "\n    hint: " + p.Hint + "\n")
			}
			got := map[string]string{"want.html": string(res.HTML), "want.toc": toc.String(),
				"want.problems": probs.String(), "want.ids": strings.Join(res.IDs, "\n") + "\n"}
			if *update {
				for i, f := range ar.Files {
					if g, ok := got[f.Name]; ok {
						ar.Files[i].Data = []byte(g)
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for name, g := range got {
				want, ok := sections[name]
				if !ok {
					continue
				}
				if diff := cmp.Diff(string(want), g); diff != "" {
					t.Errorf("%s differs (-want +got; run with -update to accept)\n%s", name, diff)
				}
			}
		})
	}
}

// BenchmarkRepeatedHeadings converts 20,000 "## Same" headings, which
// took 35 s when each new ID retried -1, -2, … from the start.
func BenchmarkRepeatedHeadings(b *testing.B) {
	src := []byte(strings.Repeat("## Same\n\ntext\n\n", 20000))
	conv := markdown.New(markdown.Options{})
	page := &content.Page{File: "content/test.md", BodyLine: 1}
	b.ReportAllocs()
	for b.Loop() {
		res, err := conv.Convert(page, src)
		if err != nil {
			b.Fatal(err)
		}
		if got := res.Headings[len(res.Headings)-1].ID; got != "same-19999" {
			b.Fatalf("last id %q", got)
		}
	}
}

// BenchmarkHugeTable converts a table of 2,000 rows × 200 columns (800
// KB; a tenth of the 8 MB page of issue 11). Memory grows with the cells:
// goldmark holds a node and a text node for each while the page converts.
func BenchmarkHugeTable(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("|" + strings.Repeat("h|", 200) + "\n|" + strings.Repeat("-|", 200) + "\n")
	for r := 0; r < 2000; r++ {
		sb.WriteString("|" + strings.Repeat("a|", 200) + "\n")
	}
	src := []byte(sb.String())
	conv := markdown.New(markdown.Options{})
	page := &content.Page{File: "content/test.md", BodyLine: 1}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := conv.Convert(page, src); err != nil {
			b.Fatal(err)
		}
	}
}
