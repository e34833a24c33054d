package site

import (
	"slices"
	"strings"
	"testing"
)

func TestIDList(t *testing.T) {
	long := strings.Repeat("x", 300) // a length of two uvarint bytes
	ids := []string{"main", "install", long, "é-ü", "a"}
	l := packIDs(ids)
	if got := l.all(); !slices.Equal(got, ids) {
		t.Errorf("all() = %q, want %q", got, ids)
	}
	for _, id := range ids {
		if !l.has(id) {
			t.Errorf("has(%q) = false", id)
		}
	}
	for _, id := range []string{"", "mai", "installx", long[1:], "b"} {
		if l.has(id) {
			t.Errorf("has(%q) = true", id)
		}
	}
	if empty := packIDs(nil); empty.has("main") || empty.all() != nil {
		t.Errorf("an empty list has ids: %q", empty.all())
	}
}
