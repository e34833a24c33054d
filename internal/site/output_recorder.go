package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"syscall"

	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
	"golang.org/x/text/unicode/norm"
)

// srcKind is what made an output file.
type srcKind int

const (
	srcPage      srcKind = iota // a page of the tree
	srcAlias                    // a redirect page at one of a page's aliases
	srcStatic                   // a file of static/
	srcContent                  // a bundle resource or loose content file
	srcAsset                    // a file of assets/ (the site's or the theme's)
	srcGenerated                // a file Signpost makes: feeds, sitemap, search index…
)

// source says what wants to write an output file, for messages.
type source struct {
	kind srcKind
	// file is the site file responsible ("content/a.md", "static/x.txt"),
	// or "" for a generated file; line is where in it, or 0.
	file string
	line int
	// what describes it: "the page", "the alias /old/", "the sitemap".
	what string
}

func (s source) String() string {
	if s.file == "" {
		return s.what
	}
	if s.what == "" {
		return s.file
	}
	return s.file + " (" + s.what + ")"
}

// recorder is the one owner of a build's output files: every output is
// claimed here before it is written. It turns URLs into files (through
// content.OutputFile, which refuses paths leaving the output), finds two
// sources that would write one file, and remembers what was written, so a
// later build knows what to remove. It is safe for concurrent use.
type recorder struct {
	mu     sync.Mutex
	claims map[string]source // output file → who writes it
	// folded maps each claimed file whose name has capitals or letters
	// not in NFC, by its foldName, to its name: files whose names differ
	// only in case or in the encoding of accents are one file on macOS
	// (and in case, on Windows). (A name already folded is its own entry
	// in claims: most are, and a second map of them was ~1 MB of a
	// 10,000-page build.)
	folded map[string]string
	// dirs maps each folder the claimed files need to one file inside it:
	// a file and a folder cannot share a name (alias /sitemap.xml/0/
	// beside the generated sitemap.xml).
	dirs map[string]string
}

func newRecorder() *recorder {
	return &recorder{claims: map[string]source{}, folded: map[string]string{}, dirs: map[string]string{}}
}

// claim reserves the file for the site URL u for src and returns the file.
// It fails when u may not be written, or when another source has it.
func (r *recorder) claim(u string, src source) (string, error) {
	rel, err := content.OutputFile(u)
	if err != nil {
		return "", r.refused(src, err)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if old, ok := r.claims[rel]; ok && old != src {
		return "", collision(rel, old, src)
	}
	if err := r.folderClash(rel, src); err != nil {
		return "", err
	}
	key := foldName(rel)
	if other, ok := r.foldedAs(key); ok && other != rel {
		p := collision(rel, r.claims[other], src).(diag.Problem)
		p.Message += " (as " + other + " and " + rel + ": " + sameFileWhy(other, rel) + ")"
		return "", &caseCollision{p, src.kind == srcAlias || r.claims[other].kind == srcAlias}
	}
	r.claims[rel] = src
	if key != rel {
		r.folded[key] = rel
	}
	r.addDirs(rel)
	return rel, nil
}

// foldName is the name of the one file that rel and every name differing
// from it only in case or in the encoding of accented letters are on macOS
// (which also folds é written as e plus an accent, NFD, into é, NFC) and
// Windows: lower case, NFC.
func foldName(rel string) string {
	return norm.NFC.String(strings.ToLower(rel))
}

// sameFileWhy says why the different names a and b are one file.
func sameFileWhy(a, b string) string {
	if strings.EqualFold(a, b) {
		return "names that differ only in case are one file on macOS and Windows"
	}
	if norm.NFC.String(a) == norm.NFC.String(b) {
		return "names whose accented letters are only encoded differently (é as one character or as e and an accent) are one file on macOS"
	}
	return "names that differ only in case and in how accented letters are encoded (é as one character or as e and an accent) are one file on macOS"
}

// foldedAs is the claimed file whose folded name (foldName) is key, if
// any. The caller holds r.mu.
func (r *recorder) foldedAs(key string) (string, bool) {
	if rel, ok := r.folded[key]; ok {
		return rel, true
	}
	_, ok := r.claims[key]
	return key, ok
}

// folderClash finds a file claimed where rel needs a folder, or files
// claimed inside a folder named rel. The caller holds r.mu.
func (r *recorder) folderClash(rel string, src source) error {
	clash := func(file string, owner source, inside string, by source) error {
		p := collision(file, owner, by).(diag.Problem)
		p.Message = fmt.Sprintf("%s writes the file %s, and %s writes %s inside a folder of that name", owner, file, by, inside)
		return p
	}
	if under, ok := r.dirs[rel]; ok {
		return clash(rel, src, under, r.claims[under])
	}
	for d := path.Dir(rel); d != "." && d != "/"; d = path.Dir(d) {
		if owner, ok := r.claims[d]; ok {
			return clash(d, owner, rel, src)
		}
	}
	return nil
}

// addDirs records the folders rel needs, each with the first file in it
// by name, so that messages do not depend on the order of claims. The
// caller holds r.mu.
func (r *recorder) addDirs(rel string) {
	for d := path.Dir(rel); d != "." && d != "/"; d = path.Dir(d) {
		if old, ok := r.dirs[d]; !ok || rel < old {
			r.dirs[d] = rel
		}
	}
}

// has reports who claimed the file for URL u, if anyone.
func (r *recorder) has(u string) (source, bool) {
	rel, err := content.OutputFile(u)
	if err != nil {
		return source{}, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.claims[rel]
	return s, ok
}

// writeProblem is the problem of an output file that could not be
// written, placed at the source that claimed it.
func (r *recorder) writeProblem(rel string, err error) error {
	r.mu.Lock()
	src, ok := r.claims[rel]
	r.mu.Unlock()
	if !ok {
		src = generated(rel)
	}
	return diag.Problem{Path: src.file, Line: lineOf(src), Severity: diag.Error,
		Message: fmt.Sprintf("%s could not be written to %s: %s", src, rel, content.PlainError(err)),
		Hint:    "check that the output folder can be written and its disk has room"}
}

func (r *recorder) refused(src source, err error) error {
	return diag.Problem{Path: src.file, Line: lineOf(src), Severity: diag.Error,
		Message: fmt.Sprintf("%s cannot be published: %v", src, err),
		Hint:    "give it a plain path on this site, such as /guides/setup/"}
}

// collision is the problem of two sources writing one file, named in a
// stable order so that repeated builds report it the same way.
func collision(rel string, a, b source) error {
	if b.String() < a.String() {
		a, b = b, a
	}
	hint := "give one of them another url, slug or alias, or rename the file"
	switch {
	case a.kind == srcGenerated || b.kind == srcGenerated:
		hint = "Signpost writes " + rel + " itself: remove or rename the other file"
		if rel == "404.html" {
			hint += " (to change the page, edit layouts/404.html)"
		}
	case a.file == b.file && a.kind != b.kind:
		hint = "remove the alias: it is the page's own address"
	case a.kind == srcAlias || b.kind == srcAlias:
		hint = "remove the alias, or move the page or file at that address"
	}
	// The problem is placed where an editor can act: the url or alias
	// line that caused it, or else the file.
	at := a
	if at.file == "" || at.line == 0 && b.line > 0 || derived(a) && b.file != "" && !derived(b) {
		at = b
	}
	return diag.Problem{Path: at.file, Line: lineOf(at), Severity: diag.Error,
		Message: fmt.Sprintf("%s and %s both write %s", a, b, rel), Hint: hint}
}

// derived reports a page without a file of its own (a term, a sheet),
// named at the data that made it: a page's own url line is the better
// place to fix a collision with it.
func derived(s source) bool { return s.kind == srcPage && s.what != "" }

// caseCollision is a collision of two files whose names differ only in
// case. When one of them is an alias, it is not an error: the alias gets
// no redirect page (it would replace the other file on macOS and Windows)
// and keeps its line in _redirects and the hosting rules, which is how a
// site moving to lower-case URLs keeps its old addresses.
type caseCollision struct {
	diag.Problem
	alias bool
}

func (c *caseCollision) Unwrap() error { return c.Problem }

// lineOf is the line of a problem about src: a file's problems always
// have one (the first, for an address made from the file's name).
func lineOf(src source) int {
	if src.file != "" && src.line == 0 {
		return 1
	}
	return src.line
}

// release forgets the claims for which drop is true (a later build claims
// again what it will write).
func (r *recorder) release(drop func(rel string, s source) bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	maps.DeleteFunc(r.claims, drop)
	maps.DeleteFunc(r.folded, func(_, rel string) bool {
		_, ok := r.claims[rel]
		return !ok
	})
	clear(r.dirs)
	for rel := range r.claims {
		r.addDirs(rel)
	}
}

// clone copies the claims, for the next incremental build to start from.
func (r *recorder) clone() *recorder {
	r.mu.Lock()
	defer r.mu.Unlock()
	return &recorder{claims: maps.Clone(r.claims), folded: maps.Clone(r.folded), dirs: maps.Clone(r.dirs)}
}

// files are the output files claimed by sources of the given kinds.
func (r *recorder) files(kinds ...srcKind) map[string]bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string]bool{}
	for rel, s := range r.claims {
		if slices.Contains(kinds, s.kind) {
			out[rel] = true
		}
	}
	return out
}

// pageSource and friends name the sources of outputs.
func pageSource(p *content.Page) source {
	if p.File != "" && !p.IsGenerated() {
		return source{kind: srcPage, file: p.File, line: p.URLLine()}
	}
	// A page without a file of its own is named by what made it, placed
	// where that is written: a sheet at its data line, a term at the page
	// that tags it, a taxonomy at its config line.
	at := p.URLPos()
	if at.Path == "" || at.Line == 0 {
		return source{kind: srcPage, what: content.Describe(p)}
	}
	what := fmt.Sprintf("the %s page %q", p.Kind, p.Title)
	if p.IsGenerated() {
		what = fmt.Sprintf("the page %q made from it", p.Title)
	}
	return source{kind: srcPage, file: at.Path, line: at.Line, what: what}
}

func aliasSource(p *content.Page, alias string) source {
	return source{kind: srcAlias, file: p.File, line: p.AliasesLine(), what: "alias " + alias}
}

func fileSource(file string) source {
	switch Classify(file) {
	case ChangeStatic:
		return source{kind: srcStatic, file: file}
	case ChangeAsset:
		return source{kind: srcAsset, file: file}
	}
	return source{kind: srcContent, file: file}
}

func generated(what string) source { return source{kind: srcGenerated, what: what} }

// claimPages claims the output of every page and alias of the tree before
// any renders, in URL order, so that two pages writing one file are found
// the same way in every build, and neither is written.
func (b *builder) claimPages() {
	for _, p := range b.tree.All {
		if _, err := b.rec.claim(p.URL, pageSource(p)); err != nil {
			b.problem(err)
			b.refused[p] = true
		}
	}
	for _, p := range b.tree.All {
		for _, a := range p.Aliases {
			_, err := b.rec.claim(a, aliasSource(p, a))
			var cc *caseCollision
			switch {
			case errors.As(err, &cc) && cc.alias:
				b.redirectOnly[a] = true
			case err != nil:
				b.problem(err)
			}
		}
	}
}

// emit is the one way a file leaves a build: it is claimed for src at the
// site URL u, minified when Signpost generated it and minify is asked, and
// written (or buffered by an incremental build). Files from static/ and
// bundles are never minified: they are published byte for byte.
func (b *builder) emit(u string, src source, data []byte, minify bool) {
	rel, err := b.rec.claim(u, src)
	if err != nil {
		b.problem(err)
		return
	}
	b.mu.Lock()
	b.files++
	if b.published != nil {
		b.published["/"+rel] = true
	}
	if b.buffered != nil {
		if minify {
			data = b.min.file(rel, data)
		}
		b.buffered[rel] = data
		b.mu.Unlock()
		return
	}
	b.mu.Unlock()
	var buf *bytes.Buffer // the minified bytes, given back once written
	if minify {
		data, buf = b.min.pooled(rel, data)
	}
	if b.writes != nil {
		b.writes <- writeJob{rel, data, buf}
		return
	}
	b.write(writeJob{rel, data, buf})
}

// write writes one output file and gives its buffer back.
func (b *builder) write(j writeJob) {
	if err := b.out.write(j.rel, j.data); err != nil {
		if !folderFault(err, b.out) {
			b.problem(b.rec.writeProblem(j.rel, err))
		} else if b.folderFailed.CompareAndSwap(false, true) {
			b.problem(diag.Problem{Path: b.out.dest, Severity: diag.Error,
				Message: "the site could not be written into this folder: " + content.PlainError(err),
				Hint:    "free some space on its disk or make it writable, or choose another folder with --dest"})
		}
	}
	b.min.release(j.buf)
}

// folderFault reports whether a write failed for a reason of the output
// folder, not of the file: the disk is full or read-only, or the build's
// temporary folder was removed. Every later write fails the same way.
func folderFault(err error, o *output) bool {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EROFS) {
		return true
	}
	_, serr := os.Stat(o.tmp)
	return errors.Is(serr, fs.ErrNotExist)
}

// fileURL is the URL of a site file published as it is: its path below
// static/, assets/ or the site root (content files).
func fileURL(file string) string {
	for _, d := range []string{"static/", "assets/"} {
		if rest, ok := strings.CutPrefix(file, d); ok {
			return "/" + rest
		}
	}
	return "/" + strings.TrimPrefix(file, content.Dir+"/")
}
