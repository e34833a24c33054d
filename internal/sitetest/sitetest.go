// Package sitetest builds whole fixture sites written as txtar strings, in
// the style of Hugo's integration tests, and asserts on their output.
package sitetest

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	signpost "github.com/signpost/signpost"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/site"
)

// Site is a built fixture.
type Site struct {
	t      testing.TB
	Dir    string // the site's sources
	Out    string // the output folder
	Result *site.Result
	Err    error
}

// Option changes the build options of a fixture.
type Option func(*site.Options)

// Minify turns minification on (fixtures build unminified by default so
// assertions read like the templates).
func Minify(o *site.Options) { on := true; o.Minify = &on }

// Drafts includes drafts.
func Drafts(o *site.Options) { o.Drafts = true }

// NoTheme builds without the built-in theme.
func NoTheme(o *site.Options) { o.Theme = nil }

// Write writes a txtar archive of files into a new temporary site folder,
// through txtar.FS: a name that is not a valid path, or one written twice,
// fails the test instead of quietly overwriting.
func Write(t testing.TB, files string) string {
	t.Helper()
	fsys, err := txtar.FS(txtar.Parse([]byte(files)))
	if err != nil {
		t.Fatalf("fixture: %v", err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, fsys); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Options are the defaults for a fixture in dir.
func Options(dir string, opts ...Option) site.Options {
	off := false
	o := site.Options{
		Source: dir, Dest: filepath.Join(dir, "public"), Theme: signpost.Theme, Minify: &off,
		Now: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC),
	}
	for _, f := range opts {
		f(&o)
	}
	return o
}

// Build writes the files and builds them; the build may fail (see Err).
func Build(t testing.TB, files string, opts ...Option) *Site {
	t.Helper()
	dir := Write(t, files)
	s := &Site{t: t, Dir: dir}
	s.Rebuild(opts...)
	return s
}

// At is a fixture site already written to dir (by Write, then changed by
// the test: links, named pipes), not built yet.
func At(t testing.TB, dir string) *Site { return &Site{t: t, Dir: dir} }

// Rebuild builds the site's folder again.
func (s *Site) Rebuild(opts ...Option) {
	s.t.Helper()
	o := Options(s.Dir, opts...)
	s.Out = o.Dest
	s.Result, s.Err = site.Build(context.Background(), o)
	if s.Err == nil {
		AssertEncodedURLs(s.t, s.Out) // a property of every fixture build
	}
	AssertValidUTF8(s.t, s.Out)
}

// textOutputs are the kinds of file Signpost writes as text: each must be
// valid UTF-8, whatever the input (a Latin-1 page is an error, not bytes
// no browser can read). Static files are published as they are.
var textOutputs = map[string]bool{".html": true, ".xml": true, ".json": true, ".txt": true, ".css": true, ".js": true, ".webmanifest": true, ".svg": true}

// AssertValidUTF8 fails the test if a text file under dir (an output
// folder) is not valid UTF-8. Every fixture build asserts it.
func AssertValidUTF8(t testing.TB, dir string) {
	t.Helper()
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !textOutputs[strings.ToLower(filepath.Ext(p))] {
			return nil
		}
		b, err := os.ReadFile(p)
		if err == nil && !utf8.Valid(b) {
			t.Errorf("output %s is not valid UTF-8", p)
		}
		return nil
	})
}

// BuildOK builds and fails the test on any error.
func BuildOK(t testing.TB, files string, opts ...Option) *Site {
	t.Helper()
	s := Build(t, files, opts...)
	if s.Err != nil {
		t.Fatalf("build failed: %v\n%s", s.Err, s.Problems())
	}
	return s
}

// Problems formats every problem, one a line.
func (s *Site) Problems() string {
	var b strings.Builder
	if s.Result != nil {
		for _, p := range s.Result.Problems {
			b.WriteString(p.String() + "\n")
		}
	}
	return b.String()
}

// AssertProblem fails unless a problem's "path:line:col: severity: message"
// contains every want.
func (s *Site) AssertProblem(wants ...string) diag.Problem {
	s.t.Helper()
	if s.Result != nil {
	next:
		for _, p := range s.Result.Problems {
			for _, w := range wants {
				if !strings.Contains(p.String()+"\n"+p.Hint, w) {
					continue next
				}
			}
			return p
		}
	}
	s.t.Fatalf("no problem containing %q; got:\n%s", wants, s.Problems())
	return diag.Problem{}
}

// Read returns an output file's content; it fails the test when missing.
func (s *Site) Read(path string) string {
	s.t.Helper()
	b, err := os.ReadFile(filepath.Join(s.Out, filepath.FromSlash(path)))
	if err != nil {
		s.t.Fatalf("output %s: %v", path, err)
	}
	return string(b)
}

// Exists reports whether an output file exists.
func (s *Site) Exists(path string) bool {
	_, err := os.Stat(filepath.Join(s.Out, filepath.FromSlash(path)))
	return err == nil
}

// AssertFile checks that output path contains each want; a want starting
// with "! " must not appear.
func (s *Site) AssertFile(path string, wants ...string) {
	s.t.Helper()
	got := s.Read(path)
	for _, w := range wants {
		if neg, ok := strings.CutPrefix(w, "! "); ok {
			if strings.Contains(got, neg) {
				s.t.Errorf("%s contains %q but should not:\n%s", path, neg, got)
			}
		} else if !strings.Contains(got, w) {
			s.t.Errorf("%s does not contain %q:\n%s", path, w, got)
		}
	}
}
