package site_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/signpost/signpost/internal/site"
	"github.com/signpost/signpost/internal/sitetest"
)

// A served site never writes or removes outside its output folder,
// whatever shape an edited page's url or aliases take; and what an edit
// makes stale (a moved page, a removed alias) is removed from the output.
func TestSessionStaysInItsOutput(t *testing.T) {
	dir := sitetest.Write(t, minimal+`
-- content/p.md --
---
title: P
---
-- content/q.md --
---
title: Q
---
`)
	// The output is deep inside the test folder, so that climbing out of
	// it lands where the test can look.
	opt := sitetest.Options(dir)
	opt.Dest = filepath.Join(dir, "a", "b", "c", "public")
	victim := filepath.Join(dir, "a", "some", "dir", "index.html")
	if err := os.MkdirAll(filepath.Dir(victim), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(victim, []byte("KEEP"), 0o644); err != nil {
		t.Fatal(err)
	}
	sess := site.NewSession(opt)
	ctx := context.Background()
	if _, err := sess.Build(ctx, nil); err != nil {
		t.Fatal(err)
	}
	edit := func(front string) error {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "content/p.md"), []byte("---\ntitle: P\n"+front+"---\nbody\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := sess.Build(ctx, []string{"content/p.md"})
		return err
	}
	out := func(rel string) bool {
		_, err := os.Stat(filepath.Join(opt.Dest, filepath.FromSlash(rel)))
		return err == nil
	}
	for _, bad := range []string{
		"url: /../../../some/dir/pwn.html\n",
		"url: /../../../some/dir/\n",
		"aliases: [/../../../some/dir/]\n",
		"aliases: [\"/x/../../../../some/dir/\"]\n",
		"url: /%2e%2e/%2e%2e/%2e%2e/some/dir/\n",
		"slug: ..\n",
		"url: //evil.example/\n",
	} {
		if err := edit(bad); err == nil {
			t.Errorf("%q: build succeeded", bad)
		}
		if got, _ := os.ReadFile(victim); string(got) != "KEEP" {
			t.Fatalf("%q: the file outside the output became %q", bad, got)
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(victim), "pwn.html")); err == nil {
			t.Fatalf("%q: wrote outside the output", bad)
		}
	}

	// Good shapes, one after another: each build leaves exactly what a
	// clean build would, and removing the alias removes its page.
	steps := []struct {
		front     string
		want, not []string
	}{
		{"aliases: [/old/, /old/page.php]\n", []string{"p/index.html", "old/index.html", "old/page.php", "_redirects"}, nil},
		{"url: /moved/\naliases: [/old/]\n", []string{"moved/index.html", "old/index.html"}, []string{"p/index.html", "old/page.php"}},
		{"url: /moved/page.html\n", []string{"moved/page.html"}, []string{"moved/index.html", "old/index.html", "_redirects"}},
		{"", []string{"p/index.html"}, []string{"moved/page.html", "moved"}},
	}
	for _, st := range steps {
		if err := edit(st.front); err != nil {
			t.Fatalf("%q: %v", st.front, err)
		}
		for _, w := range st.want {
			if !out(w) {
				t.Errorf("after %q: %s missing", st.front, w)
			}
		}
		for _, n := range st.not {
			if out(n) {
				t.Errorf("after %q: stale %s left", st.front, n)
			}
		}
		if !out("q/index.html") {
			t.Errorf("after %q: q/index.html removed", st.front)
		}
	}
	if got, _ := os.ReadFile(victim); string(got) != "KEEP" {
		t.Fatalf("the file outside the output became %q", got)
	}
}

// A link put into the output folder while serving (a folder of it swapped
// for a link to a folder elsewhere) is not written or removed through: an
// edit writes a real folder in its place, and a page removed does not
// remove the file the link leads to.
func TestSessionDoesNotWriteThroughLinksInItsOutput(t *testing.T) {
	dir := sitetest.Write(t, minimal+`
-- content/s/_index.md --
---
title: S
---
-- content/s/p.md --
---
title: P
---
-- content/q.md --
---
title: Q
---
`)
	opt := sitetest.Options(dir)
	opt.Dest = filepath.Join(dir, "public")
	elsewhere := t.TempDir()
	victim := filepath.Join(elsewhere, "p", "index.html")
	if err := os.MkdirAll(filepath.Dir(victim), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(victim, []byte("KEEP"), 0o644); err != nil {
		t.Fatal(err)
	}
	sess := site.NewSession(opt)
	ctx := context.Background()
	if _, err := sess.Build(ctx, nil); err != nil {
		t.Fatal(err)
	}
	swap := func(rel, target string) {
		t.Helper()
		p := filepath.Join(opt.Dest, rel)
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	rebuild := func(file, text string) {
		t.Helper()
		p := filepath.Join(dir, file)
		err := os.Remove(p)
		if text != "" {
			err = os.WriteFile(p, []byte(text), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sess.Build(ctx, []string{file}); err != nil {
			t.Fatal(err)
		}
	}
	swap("s", elsewhere)
	rebuild("content/s/p.md", "---\ntitle: P2\n---\nnew\n")
	if got, err := os.ReadFile(victim); string(got) != "KEEP" {
		t.Fatalf("an edit wrote through a link in the output: %q, %v", got, err)
	}
	if fi, err := os.Lstat(filepath.Join(opt.Dest, "s")); err != nil || !fi.IsDir() {
		t.Errorf("the output's s is not a folder again: %v", err)
	}

	swap("q", filepath.Join(elsewhere, "p"))
	rebuild("content/q.md", "")
	if got, err := os.ReadFile(victim); string(got) != "KEEP" {
		t.Fatalf("removing a page removed the file a link in the output leads to: %q, %v", got, err)
	}
}
