package check

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/signpost/signpost/internal/htmltoken"
)

// TestProseFromTapeAsFromHTML: the prose reader finds the same blocks in
// a body's recorded tokens as in its HTML, on the rendered bodies of the
// markdown fixtures and on random HTML.
func TestProseFromTapeAsFromHTML(t *testing.T) {
	ins := fixtureBodies(t)
	rnd := rand.New(rand.NewPCG(18, 5))
	for range 5000 {
		ins = append(ins, htmltoken.RandomHTML(rnd))
	}
	for _, b := range ins {
		tape := htmltoken.Record(b)
		if got, want := proseOf(tape.Replay()), prose(b); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: prose from the tape %q, from the HTML %q", b, got, want)
		}
		tape.Release()
	}
}

// fixtureBodies are the rendered bodies (want.html) of the markdown and
// block fixtures: goldmark's HTML, as pages have it.
func fixtureBodies(t *testing.T) [][]byte {
	var out [][]byte
	for _, dir := range []string{"../markdown/testdata", "../markdown/blocks/testdata"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txtar"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, tf := range txtar.Parse(b).Files {
				if filepath.Ext(tf.Name) == ".html" {
					out = append(out, tf.Data)
				}
			}
		}
	}
	if len(out) < 40 {
		t.Fatalf("%d rendered bodies in the fixtures, want more", len(out))
	}
	return out
}
