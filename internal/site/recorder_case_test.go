package site

import (
	"strings"
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
