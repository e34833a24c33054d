package manifest

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
)

func tree(t *testing.T, files ...string) *content.Tree {
	t.Helper()
	fsys := fstest.MapFS{"signpost.toml": {Data: []byte("title = \"T\"\nbaseURL = \"https://example.org/\"\n")}}
	for i := 0; i < len(files); i += 2 {
		fsys[files[i]] = &fstest.MapFile{Data: []byte(files[i+1])}
	}
	cfg, probs := config.Load(fsys)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	tr, probs := content.Load(context.Background(), fsys, cfg, content.Options{})
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	return tr
}

func TestParse(t *testing.T) {
	m, probs := Parse([]byte("# comment\n/a/\n\n  /b/  \nremoved /c/\nnonsense\n"))
	if len(m.Live) != 2 || m.Live["/a/"] != 2 || m.Live["/b/"] != 4 || !m.Removed["/c/"] {
		t.Errorf("parsed %+v", m)
	}
	if len(probs) != 1 || probs[0].Line != 6 || probs[0].Path != File {
		t.Errorf("problems: %v", probs)
	}
}

func TestFormatRoundTrip(t *testing.T) {
	out := Format([]string{"/b/", "/a/"}, []string{"/z/"})
	m, probs := Parse(out)
	if len(probs) > 0 || len(m.Live) != 2 || !m.Removed["/z/"] {
		t.Errorf("round trip: %+v %v\n%s", m, probs, out)
	}
	if !strings.Contains(string(out), "/a/\n/b/\n") {
		t.Errorf("not sorted:\n%s", out)
	}
}

func TestCheck(t *testing.T) {
	tr := tree(t, "content/talk/a.md", "---\ntitle: A\n---\n", "content/talk/new.md", "---\ntitle: New\naliases: [/old/]\n---\n")
	// First build: everything is new.
	out, probs := Check(nil, tr, Options{Severity: diag.Error})
	if len(probs) > 0 || !strings.Contains(string(out), "\n/old/\n/talk/\n/talk/a/\n/talk/new/\n") {
		t.Fatalf("first manifest: %v\n%s", probs, out)
	}
	// Unchanged: nothing to write.
	if again, probs := Check(out, tr, Options{Severity: diag.Error}); again != nil || len(probs) > 0 {
		t.Errorf("an unchanged manifest should not be written again: %v", probs)
	}
	// A URL that is gone is an error (serve: a warning), with a hint
	// naming the page that probably replaced it.
	src := append(append([]byte(nil), out...), "/talk/b/\n"...)
	_, probs = Check(src, tr, Options{Severity: diag.Error})
	if len(probs) != 1 || probs[0].Severity != diag.Error || !strings.Contains(probs[0].Message, "/talk/b/") {
		t.Fatalf("problems: %v", probs)
	}
	if _, probs := Check(src, tr, Options{Severity: diag.Warning}); probs[0].Severity != diag.Warning {
		t.Error("serve warns")
	}
	// Recorded as removed on purpose.
	out2, probs := Check(src, tr, Options{AllowRemoved: true, Severity: diag.Error})
	if probs.HasErrors() || !strings.Contains(string(out2), "\nremoved /talk/b/\n") {
		t.Errorf("allow removed: %v\n%s", probs, out2)
	}
	if _, probs := Check(out2, tr, Options{Severity: diag.Error}); len(probs) > 0 {
		t.Errorf("a removed URL is not an error any more: %v", probs)
	}
	// Published again: live once more.
	tr2 := tree(t, "content/talk/a.md", "---\ntitle: A\n---\n", "content/talk/b.md", "---\ntitle: B\n---\n", "content/talk/new.md", "---\ntitle: New\naliases: [/old/]\n---\n")
	out3, _ := Check(out2, tr2, Options{Severity: diag.Error})
	if strings.Contains(string(out3), "\nremoved /") || !strings.Contains(string(out3), "\n/talk/b/\n") {
		t.Errorf("republished:\n%s", out3)
	}
}
