package site_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/site"
	"github.com/signpost/signpost/internal/sitetest"
)

// A full build writes over the spare the last one left (spare.go): what
// the spare held and the build does not make is gone, links and hard
// links in it are never written through, modes changed by hand are not
// kept, and the output is byte for byte a build from nothing.
func TestSpareWrittenOverAsFromNothing(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the replaced output is removed there (write_other.go)")
	}
	s := sitetest.BuildOK(t, minimal+"-- content/a.md --\n---\ntitle: A\n---\nA.\n-- content/b/c.md --\n---\ntitle: C\n---\nC.\n-- content/b/d.md --\n---\ntitle: D\n---\nD.\n")
	s.Rebuild() // the first output becomes the spare
	spare := filepath.Join(s.Dir, ".public.spare")
	if _, err := os.Stat(filepath.Join(spare, site.Marker)); err != nil {
		t.Fatalf("no spare kept: %v", err)
	}
	outside := filepath.Join(t.TempDir(), "keep.txt")
	write(t, filepath.Dir(outside), "keep.txt", "KEEP")
	in := func(rel string) string { return filepath.Join(spare, filepath.FromSlash(rel)) }
	write(t, spare, "stale.txt", "old")
	must(t, os.MkdirAll(in("gone/deep"), 0o755))
	write(t, spare, "gone/deep/x.html", "old")
	for _, f := range []string{"a/index.html", "b/c/index.html", "sitemap.xml", "b/d"} {
		if err := os.RemoveAll(in(f)); err != nil {
			t.Fatal(err)
		}
	}
	must(t, os.Symlink(outside, in("a/index.html")))
	must(t, os.Link(outside, in("b/c/index.html")))
	must(t, os.Mkdir(in("sitemap.xml"), 0o755))
	write(t, spare, "sitemap.xml/inner.txt", "a folder where a file goes")
	write(t, spare, "b/d", "a file where a folder goes")
	// Written over in place: longer than the new bytes, and shorter.
	write(t, spare, "feed.xml", strings.Repeat("old ", 10000))
	write(t, spare, "404.html", "old")
	must(t, os.Chmod(in("index.html"), 0o600))
	must(t, os.Chmod(in("b"), 0o700))

	s.Rebuild()
	if s.Err != nil {
		t.Fatalf("%v\n%s", s.Err, s.Problems())
	}
	if got, _ := os.ReadFile(outside); string(got) != "KEEP" {
		t.Fatalf("a file outside the output was written through the spare: %q", got)
	}
	clean := filepath.Join(t.TempDir(), "clean")
	opt := sitetest.Options(s.Dir)
	opt.Dest = clean
	if res, err := site.Build(context.Background(), opt); err != nil {
		t.Fatalf("%v\n%v", err, res.Problems)
	}
	if diff := sitetest.DiffDirs(t, clean, s.Out); diff != "" {
		t.Errorf("output written over the spare differs from a clean build (-clean +got):\n%s", diff)
	}
	_ = filepath.WalkDir(s.Out, func(p string, d fs.DirEntry, err error) error {
		must(t, err)
		fi, err := os.Lstat(p)
		must(t, err)
		if want := fs.FileMode(0o644); fi.IsDir() {
			want = fs.ModeDir | 0o755
			if fi.Mode() != want {
				t.Errorf("%s: mode %v, want %v", p, fi.Mode(), want)
			}
		} else if fi.Mode() != want {
			t.Errorf("%s: mode %v, want %v", p, fi.Mode(), want)
		}
		return nil
	})
	if _, err := os.Stat(filepath.Join(spare, site.Marker)); err != nil {
		t.Errorf("the replaced output was not kept as the spare: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
