package site

import (
	"os"
	"path/filepath"
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
