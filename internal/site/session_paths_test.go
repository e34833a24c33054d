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
