package corpus_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/signpost/signpost/internal/corpus"
	"github.com/signpost/signpost/internal/site"
	"github.com/signpost/signpost/internal/sitetest"
)

// TestSameSeedSameBytes: the corpus is a function of its options.
func TestSameSeedSameBytes(t *testing.T) {
	a := corpus.Content(corpus.Options{Pages: 50, Seed: 7})
	b := corpus.Content(corpus.Options{Pages: 50, Seed: 7})
	c := corpus.Content(corpus.Options{Pages: 50, Seed: 8})
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	differ := false
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between two runs with one seed", a[i].Path)
		}
		if a[i].Path == c[i].Path && !bytes.Equal(a[i].Data, c[i].Data) {
			differ = true
		}
	}
	if !differ {
		t.Error("seeds 7 and 8 gave the same files")
	}
}

// TestCorpusBuildsClean: every link, anchor and image of the corpus
// resolves, with no warning, so a benchmark times a clean build; and it
// has the pages, term pages and images it promises.
func TestCorpusBuildsClean(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.WriteSignpost(dir, corpus.Options{Pages: 120, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	opt := sitetest.Options(dir, sitetest.Minify)
	opt.Check = true
	res, err := site.Build(context.Background(), opt)
	if err != nil {
		t.Fatalf("%v\n%v", err, res.Problems)
	}
	if len(res.Problems) > 0 {
		t.Errorf("problems in the corpus:\n%v", res.Problems)
	}
	for _, f := range []string{"s3/p13/index.html", "s9/p119/index.html", "tags/safety/index.html", "tags/tag-0/index.html", "images/photo-7.png"} {
		if _, err := os.Stat(filepath.Join(opt.Dest, f)); err != nil {
			t.Error(err)
		}
	}
}
