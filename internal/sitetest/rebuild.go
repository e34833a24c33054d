package sitetest

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/signpost/signpost/internal/site"
)

// Running is a fixture site built the way serve builds it: one Session,
// built again after each batch of edits, as in Hugo's rebuild tests. Edits
// chain, Build builds them and checks the output against a clean build,
// and the Assert methods say what the last build did:
//
//	r := sitetest.Run(t, files)
//	r.EditFile("content/a.md", "...").Build().AssertRendered(1)
type Running struct {
	t       testing.TB
	Dir     string // the site's sources
	Out     string // the output folder
	Session *site.Session
	// Result and Err are the last build's.
	Result  *site.Result
	Err     error
	opts    []Option
	changed []string // edited since the last build, as the watcher reports them
}

// ServeOptions are serve's build options for a fixture in dir written to
// dest: minified, with stable asset names (a stylesheet edit renders no
// page).
func ServeOptions(dir, dest string, opts ...Option) site.Options {
	o := Options(dir, append([]Option{Minify}, opts...)...)
	o.Dest = dest
	o.StableAssetNames = true
	return o
}

// Run writes the files and builds them once, as serve starts; the first
// build must succeed.
func Run(t testing.TB, files string, opts ...Option) *Running {
	t.Helper()
	dir := Write(t, files)
	o := ServeOptions(dir, filepath.Join(dir, "public"), opts...)
	r := &Running{t: t, Dir: dir, Out: o.Dest, Session: site.NewSession(o), opts: opts}
	if r.BuildE(); r.Err != nil {
		t.Fatalf("first build: %v\n%s", r.Err, r.problems())
	}
	return r
}

// EditFile writes a file of the site (creating it and its folders).
func (r *Running) EditFile(name, data string) *Running {
	r.t.Helper()
	p := r.path(name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		r.t.Fatal(err)
	}
	return r.Changed(name)
}

// EditFileReplaceAll replaces every old in a file of the site by new; old
// must be there.
func (r *Running) EditFileReplaceAll(name, old, new string) *Running {
	r.t.Helper()
	b, err := os.ReadFile(r.path(name))
	if err != nil {
		r.t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		r.t.Fatalf("%s does not contain %q", name, old)
	}
	return r.EditFile(name, strings.ReplaceAll(string(b), old, new))
}

// RemoveFile removes a file or folder of the site.
func (r *Running) RemoveFile(name string) *Running {
	r.t.Helper()
	if err := os.RemoveAll(r.path(name)); err != nil {
		r.t.Fatal(err)
	}
	return r.Changed(name)
}

// RenameFile moves a file of the site; both names change.
func (r *Running) RenameFile(from, to string) *Running {
	r.t.Helper()
	if err := os.MkdirAll(filepath.Dir(r.path(to)), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.Rename(r.path(from), r.path(to)); err != nil {
		r.t.Fatal(err)
	}
	return r.Changed(from, to)
}

// Changed reports paths changed by the test itself, for the next build.
func (r *Running) Changed(names ...string) *Running {
	r.changed = append(r.changed, names...)
	return r
}

// BuildE builds the pending changes; the build may fail (see Err).
func (r *Running) BuildE() *Running {
	r.Result, r.Err = r.Session.Build(context.Background(), r.changed)
	r.changed = nil
	return r
}

// Build builds the pending changes, fails the test if the build fails,
// and checks that the output equals a clean build's.
func (r *Running) Build() *Running {
	r.t.Helper()
	if r.BuildE(); r.Err != nil {
		r.t.Fatalf("rebuild: %v\n%s", r.Err, r.problems())
	}
	r.AssertSameAsClean()
	return r
}

// AssertRendered checks how many pages the last build rendered.
func (r *Running) AssertRendered(want int) *Running {
	r.t.Helper()
	if r.Result.Pages != want {
		r.t.Errorf("rendered %d pages, want %d (incremental %v; %s)", r.Result.Pages, want, r.Result.Incremental, r.Result.Why)
	}
	return r
}

// AssertFull checks that the last build was a full one, for a reason
// containing why.
func (r *Running) AssertFull(why string) *Running {
	r.t.Helper()
	if r.Result.Incremental || !strings.Contains(r.Result.Why, why) {
		r.t.Errorf("incremental %v, why %q; want a full build because %q", r.Result.Incremental, r.Result.Why, why)
	}
	return r
}

// AssertSameAsClean builds the site from scratch elsewhere and fails the
// test, with a diff of each file that differs, unless the output is the
// same: no file missing, none left over, byte for byte.
func (r *Running) AssertSameAsClean() {
	r.t.Helper()
	if diff := r.DiffClean(); diff != "" {
		r.t.Fatalf("output differs from a clean build (-clean +incremental):\n%s", diff)
	}
}

// DiffClean builds the site from scratch elsewhere and returns how the
// output differs from it, or "".
func (r *Running) DiffClean() string {
	r.t.Helper()
	clean := filepath.Join(r.t.TempDir(), "clean")
	res, err := site.Build(context.Background(), ServeOptions(r.Dir, clean, r.opts...))
	if err != nil {
		r.t.Fatalf("clean build: %v\n%v", err, res.Problems)
	}
	return DiffDirs(r.t, clean, r.Out)
}

// DiffDirs is a go-cmp diff of the files under two folders, by path.
func DiffDirs(t testing.TB, want, got string) string {
	t.Helper()
	return cmp.Diff(readTree(t, want), readTree(t, got))
}

func readTree(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// AssertFile checks an output file as Site.AssertFile does.
func (r *Running) AssertFile(path string, wants ...string) *Running {
	r.t.Helper()
	(&Site{t: r.t, Out: r.Out}).AssertFile(path, wants...)
	return r
}

// Exists reports whether an output file exists.
func (r *Running) Exists(path string) bool {
	return (&Site{t: r.t, Out: r.Out}).Exists(path)
}

func (r *Running) path(name string) string { return filepath.Join(r.Dir, filepath.FromSlash(name)) }

func (r *Running) problems() string {
	return (&Site{t: r.t, Result: r.Result}).Problems()
}
