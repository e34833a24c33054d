//go:build unix

package site_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/signpost/signpost/internal/site"
	"github.com/signpost/signpost/internal/sitetest"
)

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// A link whose target leaves the site folder is not read, and is reported
// at its path, wherever it is: a loose content file, a bundle file, a file
// of static/, a page, a data file or a template.
func TestLinksOutOfTheSiteAreNotRead(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secret, []byte("TOP SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, link := range []string{
		"content/passwd.txt", "content/b/shadow.txt", "static/host", "static/deep/er/host.txt",
		"content/page.md", "data/x.yaml", "layouts/partials/x.html", "assets/css/x.css",
	} {
		t.Run(link, func(t *testing.T) {
			dir := sitetest.Write(t, minimal+"-- content/b/index.md --\n---\ntitle: B\n---\n")
			symlink(t, secret, filepath.Join(dir, link))
			s := sitetest.At(t, dir)
			s.Rebuild()
			if s.Err == nil {
				t.Fatal("build succeeded")
			}
			s.AssertProblem(link+": error: "+link+" is a link to "+secret+", outside the site folder", "copy the file into the site")
			assertNowhere(t, filepath.Join(dir, "public"), "TOP SECRET")
		})
	}
}

// A link that stays inside the site folder is followed; a link to a folder
// is not, and says so.
func TestLinksInsideTheSite(t *testing.T) {
	dir := sitetest.Write(t, minimal+`
-- shared/logo.txt --
LOGO
-- content/a.md --
---
title: A
---
-- shared/more/x.txt --
X
`)
	symlink(t, "../../shared/logo.txt", filepath.Join(dir, "static/img/logo.txt"))
	s := sitetest.At(t, dir)
	s.Rebuild()
	if s.Err != nil {
		t.Fatalf("%v\n%s", s.Err, s.Problems())
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "public/img/logo.txt")); string(got) != "LOGO\n" {
		t.Errorf("link inside the site not followed: %q", got)
	}

	symlink(t, "../shared/more", filepath.Join(dir, "static/more"))
	s.Rebuild()
	s.AssertProblem("static/more: error: static/more is a link to the folder", "links to folders are not followed", "move or copy the folder into the site")
}

// Named pipes are not read (opening one would block the build forever):
// they are reported by path and the build ends.
func TestNamedPipesAreReported(t *testing.T) {
	for _, fifo := range []string{"content/x.md", "static/p", "content/b/pipe.txt", "data/d.yaml", "signpost.toml"} {
		t.Run(fifo, func(t *testing.T) {
			dir := sitetest.Write(t, minimal+"-- content/b/index.md --\n---\ntitle: B\n---\n")
			p := filepath.Join(dir, fifo)
			_ = os.Remove(p)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skip(err)
			}
			done := make(chan *sitetest.Site)
			go func() {
				s := sitetest.At(t, dir)
				s.Rebuild()
				done <- s
			}()
			select {
			case s := <-done:
				s.AssertProblem(fifo + ": error: " + fifo + " is a named pipe, socket or device, not a file")
			case <-time.After(20 * time.Second):
				t.Fatal("the build hangs on a named pipe")
			}
		})
	}
}

// A cancelled context stops the reading of files: the build returns at
// once with the context's error and writes nothing.
func TestCancelStopsReading(t *testing.T) {
	files := minimal
	for i := 0; i < 200; i++ {
		files += "-- static/f" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + "/" + string(rune('a'+i/26)) + ".txt --\nx\n"
	}
	dir := sitetest.Write(t, files+"-- content/a.md --\n---\ntitle: A\n---\n")
	ctx, cancel := context.WithCancel(context.Background())
	sess := site.NewSession(sitetest.Options(dir))
	cancel()
	start := time.Now()
	_, err := sess.Build(ctx, nil)
	if err == nil || !strings.Contains(err.Error(), "cancel") {
		t.Fatalf("cancelled build: %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("cancelled build took %v", d)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("cancelled build wrote output")
	}
}

// Temporary folders that killed builds left beside the output are removed
// by the next build; one of a running build is left alone.
func TestStaleTemporaryFoldersRemoved(t *testing.T) {
	dir := sitetest.Write(t, minimal+"-- content/a.md --\n---\ntitle: A\n---\n")
	stale := []string{".public.build-123456789", ".public.build-999999999-42", ".public.build-999999999-42.old"}
	for _, d := range stale {
		if err := os.MkdirAll(filepath.Join(dir, d, "a"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	running := ".public.build-1-7" // process 1 (init) is alive
	mine := ".public.build-" + strconv.Itoa(os.Getpid()) + "-9"
	for _, d := range []string{running, mine} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	other := ".other.build-1" // not this destination's
	if err := os.Mkdir(filepath.Join(dir, other), 0o755); err != nil {
		t.Fatal(err)
	}
	s := sitetest.At(t, dir)
	s.Rebuild()
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	for _, d := range stale {
		if _, err := os.Stat(filepath.Join(dir, d)); err == nil {
			t.Errorf("stale %s left behind", d)
		}
	}
	for _, d := range []string{running, mine, other} {
		if _, err := os.Stat(filepath.Join(dir, d)); err != nil {
			t.Errorf("%s removed: %v", d, err)
		}
	}
}

// --dest is compared with the sources as resolved paths, also when it does
// not exist yet: through a link, it must not land inside content/.
func TestDestThroughALinkIsRefused(t *testing.T) {
	dir := sitetest.Write(t, minimal+"-- content/a.md --\n---\ntitle: A\n---\n")
	links := t.TempDir()
	symlink(t, filepath.Join(dir, "content"), filepath.Join(links, "c"))
	symlink(t, dir, filepath.Join(links, "site"))
	for _, dest := range []string{
		filepath.Join(links, "c", "out"),           // does not exist yet
		filepath.Join(links, "c", "new", "deeper"), // nor its parent
		filepath.Join(links, "site"),               // the site itself
	} {
		o := sitetest.Options(dir)
		o.Dest = dest
		_, err := site.Build(context.Background(), o)
		if err == nil || !strings.Contains(err.Error(), "refusing to write the site to") {
			t.Errorf("dest %s: %v", dest, err)
		}
	}
	// And through a linked source, a dest inside its content/ is refused.
	o := sitetest.Options(filepath.Join(links, "site"))
	o.Dest = filepath.Join(dir, "content", "out")
	if _, err := site.Build(context.Background(), o); err == nil || !strings.Contains(err.Error(), "inside the site's content folder") {
		t.Errorf("linked source: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "out")); err == nil {
		t.Error("output written inside content/")
	}
}

// assertNowhere fails if any file under dir contains text.
func assertNowhere(t *testing.T, dir, text string) {
	t.Helper()
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, _ := os.ReadFile(p); strings.Contains(string(b), text) {
				t.Errorf("%s publishes %q", p, text)
			}
		}
		return nil
	})
}
