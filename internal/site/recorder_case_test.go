package site

import (
	"io/fs"
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
