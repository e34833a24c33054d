package content

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"

	"github.com/signpost/signpost/internal/diag"
)

// Reasons a site file is not read. They are the Err of an *fs.PathError.
var (
	// ErrLinkOutside: a symbolic link whose target is outside the site
	// folder. Publishing it would publish any file the builder can read.
	ErrLinkOutside = errors.New("is a link to a file outside the site folder")
	// ErrLinkToFolder: a symbolic link to a folder, which is not followed
	// (a loop or a far-away tree is one link away).
	ErrLinkToFolder = errors.New("is a link to a folder")
	// ErrNotRegular: a named pipe, socket or device, which could block the
	// build forever or never end.
	ErrNotRegular error = notRegularError{}
)

// SiteFS reads a site folder as an fs.FS that only reads what belongs to
// the site: regular files, and symbolic links whose target stays inside
// the folder. Anything else fails with one of the errors above, so the
// build reports it at its path instead of publishing /etc/passwd or hanging
// on a named pipe. Every open first checks the build's context, so a
// cancelled build stops reading at once.
type SiteFS struct {
	root string // absolute, with links resolved (when resolved is true)
	// resolved: root has no links in it, so only the names below it need
	// looking at.
	resolved bool
	ctx      atomic.Pointer[context.Context]
	// noOpenat2: the system refused openat2 once; ReadFile stops trying.
	noOpenat2 atomic.Bool
}

// NewSiteFS opens the site folder dir.
func NewSiteFS(dir string) *SiteFS {
	root, err := filepath.Abs(dir)
	resolved := false
	if err == nil {
		if r, err := filepath.EvalSymlinks(root); err == nil {
			root, resolved = r, true
		}
	}
	return &SiteFS{root: root, resolved: resolved}
}

// SetContext makes reads fail with ctx's error once it is done.
func (s *SiteFS) SetContext(ctx context.Context) { s.ctx.Store(&ctx) }

// resolve checks name and returns the file to read.
func (s *SiteFS) resolve(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if c := s.ctx.Load(); c != nil && (*c).Err() != nil {
		return "", &fs.PathError{Op: op, Path: name, Err: (*c).Err()}
	}
	full := filepath.Join(s.root, filepath.FromSlash(name))
	real, err := s.evalSymlinks(full, name)
	if err != nil {
		var pe *fs.PathError
		if _, errno := err.(syscall.Errno); !errno && !errors.As(err, &pe) {
			err = syscall.ELOOP // EvalSymlinks's own "too many links"
		}
		return "", &fs.PathError{Op: op, Path: name, Err: unwrapPathErr(err)}
	}
	if real == full {
		return full, nil
	}
	rel, err := filepath.Rel(s.root, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", &fs.PathError{Op: op, Path: name, Err: &linkError{target: real, err: ErrLinkOutside}}
	}
	if fi, err := os.Stat(real); err == nil && fi.IsDir() && name != "." {
		return "", &fs.PathError{Op: op, Path: name, Err: &linkError{target: real, err: ErrLinkToFolder}}
	}
	return real, nil
}

// evalSymlinks is filepath.EvalSymlinks(full), for full the root joined
// with name. Below a root without links, a path without links (nearly
// every one) is known from one Lstat a name, where EvalSymlinks looks at
// every folder from / down (a third of reading a page's file).
func (s *SiteFS) evalSymlinks(full, name string) (string, error) {
	if !s.resolved {
		return filepath.EvalSymlinks(full)
	}
	cur := s.root
	for rest := name; rest != "." && rest != ""; {
		elem, more, found := strings.Cut(rest, "/")
		cur = filepath.Join(cur, elem)
		fi, err := os.Lstat(cur)
		switch {
		case err != nil:
			return "", err
		case fi.Mode()&fs.ModeSymlink != 0:
			return filepath.EvalSymlinks(full)
		case found && !fi.IsDir():
			return "", syscall.ENOTDIR // as EvalSymlinks says it
		}
		rest = more
	}
	return full, nil
}

// linkError names the target of a refused link.
type linkError struct {
	target string
	err    error
}

func (e *linkError) Error() string { return e.err.Error() + " (" + e.target + ")" }
func (e *linkError) Unwrap() error { return e.err }

// ExplainRead says what the link is and what to do (diag.ReadExplainer).
func (e *linkError) ExplainRead(file string) (message, hint string) {
	if errors.Is(e.err, ErrLinkToFolder) {
		return fmt.Sprintf("%s is a link to the folder %s; links to folders are not followed", file, e.target),
			"move or copy the folder into the site instead of linking to it"
	}
	return fmt.Sprintf("%s is a link to %s, outside the site folder; it is not read or published", file, e.target),
		"copy the file into the site instead of linking to it, or remove the link"
}

// notRegularError is ErrNotRegular's type, which explains itself.
type notRegularError struct{}

func (notRegularError) Error() string {
	return "is not a regular file (a named pipe, socket or device)"
}

func (notRegularError) ExplainRead(file string) (message, hint string) {
	return file + " is a named pipe, socket or device, not a file; it is not read",
		"remove it, or replace it with an ordinary file"
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Open opens a regular file or folder of the site. A named pipe is opened
// without blocking and refused.
func (s *SiteFS) Open(name string) (fs.File, error) {
	full, err := s.resolve("open", name)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(full, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPathErr(err)}
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPathErr(err)}
	}
	if !fi.Mode().IsRegular() && !fi.IsDir() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	return &siteFile{File: f, name: name}, nil
}

// ReadFile reads a file of the site, with the same refusals as Open
// (fs.ReadFileFS, which fs.ReadFile uses). A regular file reached
// without links is read the short way (readFile); anything else, and
// every failure, the way Open reads it.
func (s *SiteFS) ReadFile(name string) ([]byte, error) {
	if b, ok := s.readFile(name); ok {
		return b, nil
	}
	return fs.ReadFile(openOnly{s}, name)
}

// openOnly hides SiteFS's ReadFile from fs.ReadFile.
type openOnly struct{ fs.FS }

// Stat describes a file of the site, with the same refusals as Open.
func (s *SiteFS) Stat(name string) (fs.FileInfo, error) {
	full, err := s.resolve("stat", name)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(full)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: unwrapPathErr(err)}
	}
	if !fi.Mode().IsRegular() && !fi.IsDir() {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: ErrNotRegular}
	}
	return renamed{fi, name}, nil
}

// siteFile reports its slash path in errors, like os.DirFS's files.
type siteFile struct {
	*os.File
	name string
}

func (f *siteFile) ReadDir(n int) ([]fs.DirEntry, error) { return f.File.ReadDir(n) }

// renamed keeps the base name of the path asked for, not of a link's target.
type renamed struct {
	fs.FileInfo
	name string
}

func (r renamed) Name() string {
	if i := strings.LastIndexByte(r.name, '/'); i >= 0 {
		return r.name[i+1:]
	}
	return r.name
}

// ReadProblem is the problem for a site file that could not be read
// (diag.ReadProblem, which the errors above explain themselves to).
func ReadProblem(file string, err error) diag.Problem { return diag.ReadProblem(file, err) }

// PlainError is err without the system call and path Go's file errors
// start with ("open content/a.md: ", "stat content: "): the problem
// already names the file, and an editor does not know the calls.
func PlainError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
