package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Names that differ only in case collide whichever is claimed first, and
// a released name no longer collides (the recorder keeps lower-case
// names in claims alone, capitals in folded).
func TestRecorderFoldsCase(t *testing.T) {
	for _, order := range [][2]string{{"/guides/", "/Guides/"}, {"/Guides/", "/guides/"}} {
		r := newRecorder()
		if _, err := r.claim(order[0], fileSource("static/one.txt")); err != nil {
			t.Fatal(err)
		}
		if _, err := r.claim(order[0], fileSource("static/one.txt")); err != nil {
			t.Errorf("the same source claiming %s again: %v", order[0], err)
		}
		_, err := r.claim(order[1], fileSource("static/two.txt"))
		if err == nil || !strings.Contains(err.Error(), "differ only in case") {
			t.Errorf("%s after %s: %v, want a case collision", order[1], order[0], err)
		}
		r.release(func(_ string, s source) bool { return s.file == "static/one.txt" })
		if _, err := r.claim(order[1], fileSource("static/two.txt")); err != nil {
			t.Errorf("%s after %s was released: %v", order[1], order[0], err)
		}
	}
}

// A file that cannot be written (a full disk, a read-only folder) is a
// problem at the source that claimed it, without the temporary folder's
// path (it once printed ": error: write …" with no file).
func TestRecorderWriteProblemNamesTheSource(t *testing.T) {
	r := newRecorder()
	src := source{kind: srcAlias, file: "content/a.md", line: 4, what: "alias /old/"}
	if _, err := r.claim("/old/", src); err != nil {
		t.Fatal(err)
	}
	err := r.writeProblem("old/index.html", &fs.PathError{Op: "open", Path: "/tmp/.public.build-1/old/index.html", Err: syscall.ENOSPC})
	got := err.Error()
	for _, want := range []string{"content/a.md:4:", "content/a.md (alias /old/) could not be written to old/index.html: no space left on device"} {
		if !strings.Contains(got, want) {
			t.Errorf("got %q, want %q in it", got, want)
		}
	}
	if strings.Contains(got, ".public.build") {
		t.Errorf("got %q, which names the temporary folder", got)
	}
}

// When the output folder fails (a full disk, a read-only disk, the
// temporary folder removed during the build) the build says so once, at
// the folder, and does not blame each page in turn (a 10,000-page site
// printed 10,000 errors, each at a page's first line).
func TestWriteFailureOfTheFolderIsOneProblem(t *testing.T) {
	dir := t.TempDir()
	b := &builder{out: &output{dest: filepath.Join(dir, "public"), tmp: filepath.Join(dir, ".public.build-1")}, rec: newRecorder()}
	for _, u := range []string{"/a/", "/b/", "/c/"} {
		rel, err := b.rec.claim(u, fileSource("content"+u[:2]+".md"))
		if err != nil {
			t.Fatal(err)
		}
		b.write(writeJob{rel: rel, data: []byte("x")}) // the temporary folder is not there
	}
	if len(b.probs) != 1 {
		t.Fatalf("%d problems, want 1:\n%v", len(b.probs), b.probs)
	}
	p := b.probs[0]
	if p.Path != b.out.dest || !strings.Contains(p.Message, "the site could not be written") {
		t.Errorf("got %v, want one problem at the output folder", p)
	}
	for _, err := range []error{syscall.ENOSPC, syscall.EROFS, &fs.PathError{Op: "mkdir", Path: "x", Err: syscall.ENOSPC}} {
		if !folderFault(err, b.out) {
			t.Errorf("%v is not a fault of the output folder", err)
		}
	}
	if err := os.Mkdir(b.out.tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	if folderFault(syscall.ENAMETOOLONG, b.out) {
		t.Error("a name too long is the file's fault, not the folder's")
	}
}
