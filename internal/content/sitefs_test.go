package content

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestSiteFSEvalSymlinks: the short way through a root without links
// gives what filepath.EvalSymlinks gives, links or not.
func TestSiteFSEvalSymlinks(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	for _, d := range []string{"content/a", "static"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"content/a/p.md", "static/x.png", filepath.Join(outside, "o.md")} {
		if !filepath.IsAbs(f) {
			f = filepath.Join(dir, f)
		}
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"content/in.md":  filepath.Join(dir, "content/a/p.md"),
		"content/out.md": filepath.Join(outside, "o.md"),
		"content/dir":    filepath.Join(dir, "content/a"),
		"content/rel.md": "a/p.md",
	}
	for l, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, l)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	s := NewSiteFS(dir)
	if !s.resolved {
		t.Fatal("root not resolved")
	}
	for _, name := range []string{".", "content", "content/a/p.md", "static/x.png", "content/in.md", "content/out.md",
		"content/dir", "content/dir/p.md", "content/rel.md", "content/missing.md", "content/a/p.md/x", "nope/x"} {
		full := filepath.Join(s.root, filepath.FromSlash(name))
		want, wantErr := filepath.EvalSymlinks(full)
		got, err := s.evalSymlinks(full, name)
		if got != want || !errors.Is(unwrapPathErr(err), unwrapPathErr(wantErr)) || (err == nil) != (wantErr == nil) {
			t.Errorf("%s: got %q, %v; want %q, %v", name, got, err, want, wantErr)
		}
	}
}
