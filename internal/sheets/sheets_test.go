package sheets

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/signpost/signpost/internal/content"
)

const helplines = "\ufeff" + `uk-emergency:
  name: Police (UK)
  phone: "999"
  country: UK
childline:
  name: Childline
  country: UK
au-emergency: &au
  name: Police (Australia)
  phone: "000"
  country:   Australia
nowhere:
  name: No country
"Guernsey: Sark":
  country: "Guernsey:  Sark"
au-kids:
  <<: *au
  name: Kids Helpline
sark-too:
  country: *sark
sark-aliased:
  country: &sark Sark
`

func TestGenerate(t *testing.T) {
	pages, probs := Generate(fstest.MapFS{DataFile: {Data: []byte(helplines)}}, nil)
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	byFile := map[string]*content.Page{}
	var files []string
	for _, p := range pages {
		byFile[p.File] = p
		files = append(files, p.File)
	}
	if got := strings.Join(files, " "); got != "content/who-to-call/_index.md content/who-to-call/uk.md content/who-to-call/australia.md content/who-to-call/guernsey-sark.md content/who-to-call/sark.md" {
		t.Fatalf("pages: %s", got)
	}
	index := byFile["content/who-to-call/_index.md"]
	if index.Kind != content.KindSection || index.Title != "Who to call" || index.Weight != 50 || index.Origin != (content.Pos{Path: DataFile, Line: 4}) {
		t.Errorf("index: %+v", index)
	}
	uk := byFile["content/who-to-call/uk.md"]
	if uk.Title != "Who to call in the UK" || uk.Weight != 1 || uk.Layout() != "sheet" || uk.ShowTOC || uk.Kind != content.KindPage {
		t.Errorf("uk sheet: %+v", uk)
	}
	if want := "If a child is in danger right now, call the emergency number first.\n\n:::helpline uk-emergency\n:::\n\n:::helpline childline\n:::\n"; string(uk.Body) != want {
		t.Errorf("uk body:\n%s", uk.Body)
	}
	// Each line of a sheet's body says which helpline it comes from.
	for line, want := range map[int]int{1: 4, 3: 1, 4: 1, 6: 5, 7: 5} {
		if got := uk.Place(line); got != (content.Pos{Path: DataFile, Line: want}) {
			t.Errorf("uk body line %d placed at %v, want line %d", line, got, want)
		}
	}
	// A merged entry ("<<: *au") takes the country of the one it merges.
	if au := byFile["content/who-to-call/australia.md"]; au.Title != "Who to call in Australia" || au.Weight != 2 || strings.Contains(string(au.Body), "childline") ||
		!strings.Contains(string(au.Body), ":::helpline au-emergency\n:::\n\n:::helpline au-kids\n") {
		t.Errorf("australia sheet: %+v\n%s", au, au.Body)
	}
	// An alias used before its anchor is not YAML anyone can read: no sheet
	// from it, and the anchored one still makes its own.
	if sark := byFile["content/who-to-call/sark.md"]; sark == nil || strings.Contains(string(sark.Body), "sark-too") {
		t.Errorf("sark sheet: %v", sark)
	}
	// A country is a value, never text in front matter: the colon stays,
	// runs of spaces read as one, the id is written as it is.
	gs := byFile["content/who-to-call/guernsey-sark.md"]
	if gs.Title != "Who to call in Guernsey: Sark" || !strings.Contains(string(gs.Body), ":::helpline Guernsey: Sark\n") {
		t.Errorf("guernsey sheet: %q\n%s", gs.Title, gs.Body)
	}
}

func TestGenerateNothing(t *testing.T) {
	for name, data := range map[string]string{
		"index":        "a:\n  country: Index\n",
		"_index":       "a:\n  country: _index\n",
		"no countries": "a:\n  name: A\n",
		"a list":       "- a\n- b\n",
		"not yaml":     "a: [\n",
		"empty":        "",
	} {
		pages, probs := Generate(fstest.MapFS{DataFile: {Data: []byte(data)}}, nil)
		wantProbs := 0
		if strings.Contains(name, "index") {
			wantProbs = 1 // said at the country's line
		}
		if len(pages) != 0 || len(probs) != wantProbs || wantProbs == 1 && probs[0].Line != 2 {
			t.Errorf("%s: %d pages, problems %v", name, len(pages), probs)
		}
	}
	if pages, _ := Generate(fstest.MapFS{}, nil); pages != nil {
		t.Error("no data, no sheets")
	}
}

func TestPlace(t *testing.T) {
	for in, want := range map[string]string{"UK": "the UK", "USA": "the USA", "Australia": "Australia", "ÅLÄND": "ÅLÄND", "ÉU": "the ÉU", "42": "42", "Guernsey: Sark": "Guernsey: Sark"} {
		if got := place(in); got != want {
			t.Errorf("place(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzGenerate: whatever data/helplines.yaml holds, no panic; every
// problem names a line of it; every sheet has a one-line title and a
// helpline line for each of its entries.
func FuzzGenerate(f *testing.F) {
	for _, s := range []string{helplines, "a:\n  country: [x]\n", "? [a]\n: {country: UK}\n", "a: &x\n  country: UK\nb: *x\n", "\"a\\nb\":\n  country: UK\n", "a:\n  country: \"A\\nB: C\"\n", "a:\n  country: *nope\n", "a:\n  <<: *nope\n", "a: !!map\n  country: !!str UK\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		pages, probs := Generate(fstest.MapFS{DataFile: {Data: []byte(data)}}, nil)
		for _, p := range probs {
			if p.Path != DataFile || p.Line < 1 {
				t.Fatalf("problem without a line: %v", p)
			}
		}
		for _, p := range pages {
			if strings.ContainsAny(p.Title, "\r\n") || !strings.HasPrefix(p.File, Dir+"/") || p.Origin.Line < 1 {
				t.Fatalf("page %q at %s from %v", p.Title, p.File, p.Origin)
			}
			if n := strings.Count(string(p.Body), "\n"); p.Place(n).Line < 1 {
				t.Fatalf("last body line of %s has no data line", p.File)
			}
		}
	})
}

// A helplines file past the limits the build refuses when it loads data/
// (too long, or nested too deep) makes no sheets: it is never parsed here,
// where its time and memory would not be bounded. Each file below would
// otherwise make a UK sheet.
func TestGenerateRefusesWhatTheBuildRefuses(t *testing.T) {
	deep := "uk:\n  country: UK\n  notes: " + strings.Repeat("[", 101) + strings.Repeat("]", 101) + "\n"
	long := "uk:\n  country: UK\n" + strings.Repeat("# a long comment line to pass the limit\n", 14000)
	for name, data := range map[string]string{"deep": deep, "long": long} {
		if pages, _ := Generate(fstest.MapFS{DataFile: {Data: []byte(data)}}, nil); len(pages) != 0 {
			t.Errorf("%s: %d pages made from a file the build refuses", name, len(pages))
		}
		// The same entry within the limits does make its sheet.
		ok := strings.Replace(data, strings.Repeat("[", 101), "[", 1)
		ok = strings.Replace(ok, strings.Repeat("]", 101), "]", 1)
		ok = strings.Replace(ok, strings.Repeat("# a long comment line to pass the limit\n", 14000), "", 1)
		if pages, _ := Generate(fstest.MapFS{DataFile: {Data: []byte(ok)}}, nil); len(pages) != 2 {
			t.Errorf("%s within the limits: %d pages, want the index and the UK sheet", name, len(pages))
		}
	}
}
