package site_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/signpost/signpost/internal/hosting"
	"github.com/signpost/signpost/internal/site"
	"github.com/signpost/signpost/internal/sitetest"
)

const aliasSite = minimal + `
-- content/report/uk.md --
---
title: Reporting in the UK
description: Where to report.
aliases: [/old/uk/, "/über uns/", /reporting-uk.html]
---
Text.
`

// _headers and _redirects come from internal/hosting, as the server
// configs do: the same redirects, the fingerprinted files the build wrote.
func TestHostingFilesFromOneSource(t *testing.T) {
	s := sitetest.BuildOK(t, aliasSite)
	s.AssertFile("_redirects", "/old/uk/ /report/uk/ 301\n", "/%C3%BCber%20uns/ /report/uk/ 301\n", "/reporting-uk.html /report/uk/ 301\n")
	hs, probs := site.Hosting(context.Background(), sitetest.Options(s.Dir))
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	if got := string(hs.RedirectsFile()); got != s.Read("_redirects") {
		t.Errorf("signpost hosting's redirects differ from _redirects:\n%s", got)
	}
	wants := []string{"/*\n", "Content-Security-Policy: " + hosting.CSP(true), "Strict-Transport-Security: max-age=31536000"}
	assets := 0
	walkOut(t, s.Out, func(rel string) {
		if path.Ext(rel) == ".css" || path.Ext(rel) == ".js" {
			if !hosting.IsFingerprinted(rel) {
				t.Errorf("%s: the build's fingerprinted name does not match hosting.FingerprintPattern", rel)
			}
			wants = append(wants, "\n/"+rel+"\n  Cache-Control: "+hosting.CacheImmutable+"\n")
			assets++
		}
	})
	if assets == 0 {
		t.Fatal("no fingerprinted assets written")
	}
	s.AssertFile("_headers", wants...)
}

func TestHostingFilesOverHTTPHaveNoHSTS(t *testing.T) {
	s := sitetest.BuildOK(t, strings.Replace(aliasSite, "https://", "http://", 1))
	s.AssertFile("_headers", "Content-Security-Policy: "+hosting.CSP(false), "! Strict-Transport-Security", "! upgrade-insecure-requests")
}

// A site's own static/_headers is published as it is, as its own
// robots.txt is (a static/_redirects beside aliases is a collision:
// TestCollisionsNameBothSources); without aliases its _redirects stands.
func TestSiteHostingFilesWin(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+`
-- static/_headers --
/*
  X-Site: own
-- static/_redirects --
/x /y 302
-- content/a.md --
---
title: A
---
Text.
`)
	if got := s.Read("_headers"); got != "/*\n  X-Site: own\n" {
		t.Errorf("_headers = %q, want the site's own", got)
	}
	if got := s.Read("_redirects"); got != "/x /y 302\n" {
		t.Errorf("_redirects = %q, want the site's own", got)
	}
}

func TestNoRedirectsFileWithoutAliases(t *testing.T) {
	s := sitetest.BuildOK(t, minimal+"-- content/a.md --\n---\ntitle: A\n---\nText.\n")
	if s.Exists("_redirects") {
		t.Error("_redirects written for a site without aliases")
	}
	s.AssertFile("_headers", "X-Content-Type-Options: nosniff")
}

const compressSite = aliasSite + `
-- static/tiny.svg --
<svg/>
-- static/photo.png --
PNGDATA PNGDATA PNGDATA PNGDATA PNGDATA PNGDATA PNGDATA PNGDATA PNGDATA PNGDATA PNGDATA
-- static/notes.txt --
notes notes notes notes notes notes notes notes notes notes notes notes notes notes
`

// --compress writes .br and .gz beside every HTML, CSS, JS, JSON, XML and
// SVG file they make smaller, decoding to the file; none beside other
// files; the same bytes on every build; none without --compress.
func TestCompress(t *testing.T) {
	compress := func(o *site.Options) { o.Compress = true }
	s := sitetest.BuildOK(t, compressSite, compress)
	kinds := map[string]int{}
	walkOut(t, s.Out, func(rel string) {
		ext := path.Ext(rel)
		if ext == ".br" || ext == ".gz" {
			return
		}
		data := []byte(s.Read(rel))
		for _, enc := range []string{".br", ".gz"} {
			z, err := os.ReadFile(filepath.Join(s.Out, rel+enc))
			switch compressible := strings.Contains(" .html .css .js .json .xml .svg ", " "+ext+" "); {
			case err == nil && !compressible:
				t.Errorf("%s%s written beside a %s file", rel, enc, ext)
			case err == nil:
				if len(z) >= len(data) {
					t.Errorf("%s%s is %d bytes, not smaller than %d", rel, enc, len(z), len(data))
				}
				if got := decode(t, enc, z); !bytes.Equal(got, data) {
					t.Errorf("%s%s does not decode to %s", rel, enc, rel)
				}
				kinds[ext]++
			case compressible:
				if n := encodedLen(t, enc, data); n < len(data) {
					t.Errorf("no %s%s, though it would be %d bytes for %d", rel, enc, n, len(data))
				}
			}
		}
	})
	for _, ext := range []string{".html", ".css", ".js", ".json", ".xml"} {
		if kinds[ext] == 0 {
			t.Errorf("no compressed %s file", ext)
		}
	}
	if s.Exists("tiny.svg.br") || s.Exists("tiny.svg.gz") {
		t.Error("tiny.svg compressed although that makes it larger")
	}

	// Byte-identical on another build; nothing compressed without the flag.
	again := t.TempDir()
	opt := sitetest.Options(s.Dir, compress)
	opt.Dest = filepath.Join(again, "public")
	if _, err := site.Build(context.Background(), opt); err != nil {
		t.Fatal(err)
	}
	walkOut(t, s.Out, func(rel string) {
		if ext := path.Ext(rel); ext == ".br" || ext == ".gz" {
			b, err := os.ReadFile(filepath.Join(opt.Dest, rel))
			if err != nil || string(b) != s.Read(rel) {
				t.Errorf("%s differs between two builds", rel)
			}
		}
	})
	plain := sitetest.BuildOK(t, compressSite)
	walkOut(t, plain.Out, func(rel string) {
		if ext := path.Ext(rel); ext == ".br" || ext == ".gz" {
			t.Errorf("%s written without --compress", rel)
		}
	})
}

// encodedLen is the size of data compressed at the highest level.
func encodedLen(t *testing.T, enc string, data []byte) int {
	var buf bytes.Buffer
	var w io.WriteCloser = brotli.NewWriterLevel(&buf, brotli.BestCompression)
	if enc == ".gz" {
		w, _ = gzip.NewWriterLevel(&buf, gzip.BestCompression)
	}
	if _, err := w.Write(data); err != nil || w.Close() != nil {
		t.Fatal("compressing failed")
	}
	return buf.Len()
}

func decode(t *testing.T, enc string, z []byte) []byte {
	t.Helper()
	var r io.Reader = brotli.NewReader(bytes.NewReader(z))
	if enc == ".gz" {
		zr, err := gzip.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatal(err)
		}
		if zr.Name != "" || !zr.ModTime.IsZero() {
			t.Errorf("gzip header has a name %q or time %v: builds would differ", zr.Name, zr.ModTime)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func walkOut(t *testing.T, dir string, fn func(rel string)) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fn(filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A rebuild with --compress takes the .br and .gz of unchanged files from
// the output it replaces, compresses changed files anew, and reuses
// nothing from an output whose stamp says it was compressed another way.
func TestCompressReusesUnchangedFiles(t *testing.T) {
	compress := func(o *site.Options) { o.Compress = true }
	s := sitetest.BuildOK(t, compressSite+"-- content/talk.md --\n---\ntitle: Talking\n---\nFirst words.\n", compress)
	stamp := s.Read(".signpost-compressed")
	if !strings.Contains(stamp, "brotli") {
		t.Fatalf("stamp %q does not name the encoder", stamp)
	}
	// Mark the old files with an old time: a reused file keeps it.
	mark := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	marked := func(f string) bool {
		fi, err := os.Stat(filepath.Join(s.Out, f))
		return err == nil && fi.ModTime().Equal(mark)
	}
	for _, f := range []string{"report/uk/index.html.br", "report/uk/index.html.gz", "talk/index.html.br"} {
		if err := os.Chtimes(filepath.Join(s.Out, f), mark, mark); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(s.Dir, "content/talk.md"), []byte("---\ntitle: Talking\n---\nOther words, more of them, and again more words.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Rebuild(compress)
	if !marked("report/uk/index.html.br") {
		t.Error("an unchanged page's .br was compressed again")
	}
	if !marked("report/uk/index.html.gz") {
		t.Error("an unchanged page's .gz was compressed again")
	}
	if got := decode(t, ".br", []byte(s.Read("talk/index.html.br"))); string(got) != s.Read("talk/index.html") {
		t.Error("a changed page's .br was reused")
	}

	// Another stamp (another brotli, another Go): everything anew.
	if err := os.WriteFile(filepath.Join(s.Out, ".signpost-compressed"), []byte("brotli v0.0.1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Rebuild(compress)
	if marked("report/uk/index.html.br") {
		t.Error("a .br was reused from an output compressed another way")
	}
	if s.Read(".signpost-compressed") != stamp {
		t.Error("the new output has not its own stamp")
	}
}

// The .br and .gz of an unchanged file are reused only when they are
// what compressing would make: one deleted, emptied, damaged or replaced
// by a link in the old output (a deploy tool, a full disk, a hand) is
// made again, so the output equals a clean build's.
func TestCompressReusesOnlySoundFiles(t *testing.T) {
	compress := func(o *site.Options) { o.Compress = true }
	s := sitetest.BuildOK(t, compressSite, compress)
	want := map[string]string{}
	for _, f := range []string{"report/uk/index.html.br", "report/uk/index.html.gz", "index.html.br", "index.html.gz"} {
		want[f] = s.Read(f)
	}
	out := func(f string) string { return filepath.Join(s.Out, f) }
	if err := errors.Join(
		os.Remove(out("report/uk/index.html.br")),
		os.WriteFile(out("report/uk/index.html.gz"), []byte("damaged"), 0o644),
		os.WriteFile(out("index.html.br"), nil, 0o644),
		os.Remove(out("index.html.gz")),
		os.WriteFile(filepath.Join(s.Dir, "elsewhere.gz"), []byte(want["index.html.gz"]), 0o644),
		os.Symlink(filepath.Join(s.Dir, "elsewhere.gz"), out("index.html.gz")),
	); err != nil {
		t.Fatal(err)
	}
	s.Rebuild(compress)
	for f, w := range want {
		if got := s.Read(f); got != w {
			t.Errorf("%s after a rebuild over a damaged output: %d bytes, want the clean build's %d", f, len(got), len(w))
		}
		if fi, err := os.Lstat(out(f)); err != nil || !fi.Mode().IsRegular() {
			t.Errorf("%s is not a regular file: %v", f, err)
		}
	}
}

func TestBrotliModuleIsGoMods(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mod), "\t"+site.BrotliModule+"\n") {
		t.Errorf("go.mod does not require %s: update site.BrotliModule with the brotli in go.mod", site.BrotliModule)
	}
}

// A site's own file where --compress writes one is a collision naming
// both, never a race between two writers.
func TestCompressCollision(t *testing.T) {
	for name, file := range map[string]string{
		"own .br":   "-- static/page.html --\n<p>" + strings.Repeat("words ", 200) + "</p>\n-- static/page.html.br --\nOWN\n",
		"own stamp": "-- static/.signpost-compressed --\nOWN\n",
	} {
		t.Run(name, func(t *testing.T) {
			s := sitetest.Build(t, minimal+file, func(o *site.Options) { o.Compress = true })
			if s.Err == nil {
				t.Fatal("build succeeded")
			}
			s.AssertProblem("static/", "both write")
		})
	}
}
