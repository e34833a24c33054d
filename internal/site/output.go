package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/signpost/signpost/internal/content"
)

// Marker is the file Signpost leaves in every folder it builds, so that it
// only ever replaces a folder it made itself.
const Marker = content.Marker

// output writes a build into a temporary folder beside the destination and
// swaps it into place only when the build succeeded.
type output struct {
	dest string
	tmp  string
	// dirs are the folders already made, by their path below tmp, each
	// a copy: a sync.Map of the full paths, each keeping alive the path
	// of the file it was cut from, was ~2 MB of a 10,000-page build's
	// live heap.
	mu   sync.Mutex
	dirs map[string]struct{}
	// old is what the reused spare holds (spare.go), or nil when the
	// build began from an empty folder.
	old *oldFiles
	// compress, when not nil, writes a .br and a .gz beside every text
	// file (--compress).
	compress *compressor
}

func (o *output) madeDir(dir string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	_, ok := o.dirs[strings.TrimPrefix(dir, o.tmp)]
	return ok
}

// made records dir, within tmp, as made.
func (o *output) made(dir string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.dirs[strings.Clone(strings.TrimPrefix(dir, o.tmp))] = struct{}{}
}

// checkDest refuses destinations that would lose someone's files: a home
// folder, the file-system root, the site itself or a folder inside its
// sources, and any non-empty folder that Signpost did not create.
//
// Both are compared as resolved paths, links followed, also when dest does
// not exist yet: a link in the way must not put the output inside content/.
func checkDest(dest, source string) error {
	absDest, err := resolvePath(dest)
	if err != nil {
		return err
	}
	absSrc, err := resolvePath(source)
	if err != nil {
		return err
	}
	refuse := func(why string) error {
		return fmt.Errorf("refusing to write the site to %s: %s; choose an empty folder or one Signpost built, such as %s", dest, why, filepath.Join(source, "public"))
	}
	if home, err := os.UserHomeDir(); err == nil && sameDir(absDest, home) {
		return refuse("it is a home folder")
	}
	if absDest == filepath.Dir(absDest) {
		return refuse("it is the root of the file system")
	}
	if sameDir(absDest, absSrc) || within(absSrc, absDest) {
		return refuse("it holds the site's sources")
	}
	for _, d := range InputDirs {
		if within(absDest, filepath.Join(absSrc, d)) || sameDir(absDest, filepath.Join(absSrc, d)) {
			return refuse("it is inside the site's " + d + " folder")
		}
	}
	entries, err := os.ReadDir(absDest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot read destination %s: %w", dest, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(absDest, Marker)); err != nil {
		return refuse("it is not empty and was not built by Signpost")
	}
	return nil
}

// resolvePath is the absolute path p names with every link resolved; of a
// path that does not exist yet, the deepest existing folder is resolved and
// the rest appended.
func resolvePath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for cur := abs; ; cur = filepath.Dir(cur) {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(append([]string{r}, rest...)...), nil
		}
		if cur == filepath.Dir(cur) {
			return abs, nil
		}
		rest = append([]string{filepath.Base(cur)}, rest...)
	}
}

func sameDir(a, b string) bool {
	a, b = filepath.Clean(a), filepath.Clean(b)
	if a == b {
		return true
	}
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// within reports whether path is inside dir (not equal to it).
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && !strings.HasPrefix(rel, "..")
}

func newOutput(dest string) (*output, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create %s: %w", parent, err)
	}
	removeStale(parent, filepath.Base(abs))
	tmp, err := os.MkdirTemp(parent, tempPrefix(filepath.Base(abs))+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return nil, fmt.Errorf("cannot create a temporary folder beside %s: %w", dest, err)
	}
	o := &output{dest: abs, tmp: tmp, dirs: map[string]struct{}{}}
	if err := o.reuseSpare(); err != nil {
		return nil, fmt.Errorf("cannot create a temporary folder beside %s: %w", dest, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	marker := filepath.Join(tmp, Marker)
	o.overwrite(marker)
	return o, os.WriteFile(marker, []byte("This folder was built by Signpost and is replaced on every build.\n"), 0o644)
}

// tempPrefix starts the name of the temporary folders of builds of dest:
// ".public.build-", then the builder's process id.
func tempPrefix(base string) string { return "." + base + ".build-" }

// removeStale removes the temporary folders that earlier builds of the same
// destination left behind when they were killed: those of processes that
// are gone. A running build's folder, in this process or another (a build
// being cancelled while serve starts the next), is left alone.
func removeStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), tempPrefix(base))
		if !ok || !e.IsDir() {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err == nil && processAlive(pid) {
			continue // another build is running
		}
		_ = os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}

// destPath is the file for the output path rel inside dest; every write
// and removal goes through it, so nothing outside dest is touched.
func destPath(dest, rel string) (string, error) {
	if err := content.CheckOutputRel(rel); err != nil {
		return "", err
	}
	return filepath.Join(dest, filepath.FromSlash(rel)), nil
}

// write stores one output file; rel uses forward slashes.
func (o *output) write(rel string, data []byte) error {
	p, err := destPath(o.tmp, rel)
	if err != nil {
		return err
	}
	if err := o.makeDir(filepath.Dir(p)); err != nil {
		return err
	}
	write := writeFile
	if o.overwrite(p) {
		write = writeOver
	}
	if err := write(p, data); err != nil || o.compress == nil {
		return err
	}
	return o.compress.beside(p, rel, data)
}

// makeDir makes the folder dir of the temporary folder, once. A folder
// whose parent is made is one mkdir; MkdirAll would first stat it and its
// parent (3 system calls for each page's folder instead of 1).
func (o *output) makeDir(dir string) error {
	if o.madeDir(dir) {
		return nil
	}
	if o.oldDir(dir) { // the spare has it, and its parents
		o.madeAll(dir)
		return nil
	}
	o.clearWay(dir)
	err := fs.ErrExist
	if parent := filepath.Dir(dir); parent == o.tmp || o.madeDir(parent) {
		err = os.Mkdir(dir, 0o755)
	}
	if errors.Is(err, fs.ErrExist) {
		// A parent not made yet, or another writer made dir just now
		// (MkdirAll fails if it is not a folder).
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	o.madeAll(dir)
	return nil
}

// madeAll records dir and its parents within tmp as made.
func (o *output) madeAll(dir string) {
	for d := dir; within(d, o.tmp) && !o.madeDir(d); d = filepath.Dir(d) {
		o.made(d)
	}
}

// discard removes the temporary folder of a failed build.
func (o *output) discard() { _ = os.RemoveAll(o.tmp) }

// commit moves the finished build into place. The old output is renamed
// aside first and removed only once the new one is in place.
func (o *output) commit() error {
	if err := o.removeOld(); err != nil {
		o.discard()
		return fmt.Errorf("cannot remove the files no longer made from the new site beside %s: %w", o.dest, err)
	}
	var old string
	if _, err := os.Stat(o.dest); err == nil {
		old = o.tmp + ".old"
		if err := os.Rename(o.dest, old); err != nil {
			o.discard()
			return fmt.Errorf("cannot replace %s: %w", o.dest, err)
		}
	}
	if err := os.Rename(o.tmp, o.dest); err != nil {
		if old != "" {
			_ = os.Rename(old, o.dest)
		}
		o.discard()
		return fmt.Errorf("cannot move the new site into %s: %w", o.dest, err)
	}
	if old != "" {
		return keepSpare(o.dest, old)
	}
	return nil
}
