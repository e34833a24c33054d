package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The incremental writer and remover refuse any path that is not plainly
// inside the output folder, whoever asks.
func TestInPlaceWritesStayInDest(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	outside := filepath.Join(root, "keep.txt")
	if err := os.WriteFile(outside, []byte("KEEP"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"../keep.txt", "a/../../keep.txt", "/keep.txt", "", ".", "a//b", `a\..\..\keep.txt`, Marker} {
		if err := writeInPlace(dest, rel, []byte("PWN")); err == nil {
			t.Errorf("writeInPlace(%q) succeeded", rel)
		}
		if err := removeOutput(dest, rel); err == nil {
			t.Errorf("removeOutput(%q) succeeded", rel)
		}
	}
	if got, _ := os.ReadFile(outside); string(got) != "KEEP" {
		t.Fatalf("file outside the output became %q", got)
	}
	if err := writeInPlace(dest, "a/b.html", []byte("ok")); err != nil {
		t.Fatal(err)
	}
	if err := removeOutput(dest, "a/b.html"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "a")); err == nil {
		t.Error("empty folder left after removal")
	}
}

// The output writer makes each folder once, with one mkdir where it can,
// from many writers at a time; files get the bytes asked for, an
// existing file is truncated, and a file where a folder belongs fails.
func TestOutputWritesFolders(t *testing.T) {
	o, err := newOutput(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer o.discard()
	files := map[string]string{"index.html": "home"}
	for i := range 40 {
		files[fmt.Sprintf("s%d/p%d/index.html", i%3, i)] = strings.Repeat("x", i*100)
		files[fmt.Sprintf("deep/a/b%d/c/d.txt", i%5)] = "deep"
	}
	var wg sync.WaitGroup
	for rel, data := range files {
		wg.Go(func() {
			if err := o.write(rel, []byte(data)); err != nil {
				t.Errorf("write %s: %v", rel, err)
			}
		})
	}
	wg.Wait()
	if err := o.write("index.html", []byte("hi")); err != nil {
		t.Fatal(err)
	}
	files["index.html"] = "hi" // shorter: the old bytes are gone
	ref := filepath.Join(t.TempDir(), "ref")
	if err := os.WriteFile(ref, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	refInfo, _ := os.Stat(ref)
	for rel, want := range files {
		fi, err := os.Stat(filepath.Join(o.tmp, rel))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode() != refInfo.Mode() {
			t.Errorf("%s has mode %v, os.WriteFile gives %v", rel, fi.Mode(), refInfo.Mode())
		}
		if got, _ := os.ReadFile(filepath.Join(o.tmp, rel)); string(got) != want {
			t.Errorf("%s = %.20q…, want %.20q…", rel, got, want)
		}
	}
	if err := o.write("index.html/x.html", []byte("no")); err == nil {
		t.Error("wrote a file inside a file")
	}
}
