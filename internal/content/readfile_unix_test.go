//go:build unix

package content

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// TestSiteFSReadFile: ReadFile gives what reading through Open gives,
// bytes or error, for files, links in and out of the site, folders,
// pipes and missing files; the short way reads plain files only.
func TestSiteFSReadFile(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	files := map[string]string{"content/a/p.md": "---\ntitle: P\n---\nbody\n", "static/big.txt": strings.Repeat("x", 70000),
		"static/empty.txt": "", "static/512.txt": strings.Repeat("y", 512), filepath.Join(outside, "o.md"): "secret"}
	for f, body := range files {
		if !filepath.IsAbs(f) {
			f = filepath.Join(dir, f)
		}
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{"content/in.md": "a/p.md", "content/out.md": filepath.Join(outside, "o.md"), "content/dir": "a"}
	for l, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, l)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "content/pipe.md"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	s := NewSiteFS(dir)
	short := map[string]bool{"content/a/p.md": true, "static/big.txt": true, "static/empty.txt": true, "static/512.txt": true}
	for _, name := range []string{"content/a/p.md", "static/big.txt", "static/empty.txt", "static/512.txt", "content/in.md", "content/out.md",
		"content/dir", "content/dir/p.md", "content/a", ".", "content/pipe.md", "content/missing.md", "content/a/p.md/x", "../x", "/etc/passwd"} {
		got, err := s.ReadFile(name)
		want, wantErr := fs.ReadFile(openOnly{s}, name)
		if string(got) != string(want) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Errorf("%s: got %.20q, %v; want %.20q, %v", name, got, err, want, wantErr)
		}
		if _, ok := s.readFile(name); ok != (short[name] && runtime.GOOS == "linux" && !s.noOpenat2.Load()) {
			t.Errorf("%s: read the short way: %v", name, ok)
		}
	}
	if _, err := s.ReadFile("content/out.md"); !errors.Is(err, ErrLinkOutside) {
		t.Errorf("link outside: %v, want ErrLinkOutside", err)
	}
	if _, err := s.ReadFile("content/pipe.md"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("pipe: %v, want ErrNotRegular", err)
	}
}
