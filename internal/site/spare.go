package site

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// A full build does not remove the output it replaces: it keeps it beside
// the output as the spare (".public.spare" for "public"), and the next
// full build takes the spare as its temporary folder and writes over its
// files instead of making every file and folder anew. On this machine's
// ext4 (no journal), a new file or folder costs an inode that the kernel
// looks for past every inode freed in the last half minute or so
// (find_inode_bit, recently_deleted): a 10,000-page build made right after
// the last one's output was removed spent ~27% of its CPU there (perf),
// and removing the replaced output took 1.8 s more. Written over, its
// 12,236 files and 10,521 folders cost neither. The cost is a second copy
// of the site on disk, beside the output; a first build (CI) has no spare.

// spareName is the spare of the output folder dest.
func spareName(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".spare")
}

// ownSpare reports whether dir is a folder, not a link, that Signpost
// built (it has the marker).
func ownSpare(dir string) bool {
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() {
		return false
	}
	m, err := os.Lstat(filepath.Join(dir, Marker))
	return err == nil && m.Mode().IsRegular()
}

// reuseSpare puts the spare of o.dest, if there is one, in the place of
// the empty temporary folder, and lists what it holds: what this build
// does not write over is removed before the swap (removeOld).
func (o *output) reuseSpare() error {
	spare := spareName(o.dest)
	if !reuseFiles || !ownSpare(spare) || os.Remove(o.tmp) != nil {
		return nil
	}
	if err := os.Rename(spare, o.tmp); err != nil {
		// Another build took it first.
		return os.Mkdir(o.tmp, 0o700)
	}
	if err := o.listOld(); err != nil {
		o.old = nil
		if err := os.RemoveAll(o.tmp); err != nil {
			return err
		}
		return os.Mkdir(o.tmp, 0o700)
	}
	return nil
}

// oldFiles is what the reused spare holds, by path below tmp, sorted:
// one string of every path and a slice of them (a map of the 22,757
// files and folders of a 10,000-page site's output was ~2 MB of the live
// heap to the end of the build, where its peak is).
type oldFiles struct {
	paths []string
	dir   []bool // paths[i] is a folder
	// done: paths[i] is a file written or removed by this build, or a
	// folder removed, and is not removed again (removeOld).
	done []bool
}

// find is the index of the path below tmp in the list.
func (f *oldFiles) find(key string) (int, bool) {
	return slices.BinarySearch(f.paths, key)
}

// listOld records the files and folders of the reused spare. Anything
// that must not be written over is removed at once: links, files linked
// from elsewhere too (--compress links the last build's .br and .gz into
// the next), and files or folders whose mode a new one would not have
// (changed by hand), so that the output is what a build from nothing
// makes.
func (o *output) listOld() error {
	var text strings.Builder
	var ends []int
	var dirs []bool
	err := filepath.WalkDir(o.tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == o.tmp {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		keep, isDir := fi.Mode().IsRegular() && fi.Mode().Perm() == 0o644 && soleLink(fi), fi.IsDir()
		if isDir && fi.Mode().Perm() != 0o755 {
			if err := os.RemoveAll(p); err != nil {
				return err
			}
			return filepath.SkipDir
		}
		if !keep && !isDir {
			return os.Remove(p)
		}
		text.WriteString(p[len(o.tmp):])
		ends, dirs = append(ends, text.Len()), append(dirs, isDir)
		return nil
	})
	if err != nil {
		return err
	}
	all, f := text.String(), &oldFiles{dir: make([]bool, len(ends)), done: make([]bool, len(ends))}
	f.paths = make([]string, len(ends))
	order := make([]int, len(ends))
	start := 0
	for i, end := range ends {
		f.paths[i], order[i] = all[start:end], i
		start = end
	}
	// Walked folder by folder, the paths are not quite sorted ("/a/b"
	// comes before "/a-b").
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(f.paths[a], f.paths[b]) })
	sorted := make([]string, len(order))
	for i, j := range order {
		sorted[i], f.dir[i] = f.paths[j], dirs[j]
	}
	f.paths = sorted
	o.old = f
	return nil
}

// overwrite is called before the file p is written: in a reused spare,
// the file is no longer stale, and a folder of that name is removed. It
// reports whether the spare had a file there.
func (o *output) overwrite(p string) bool {
	if o.old == nil {
		return false
	}
	o.mu.Lock()
	i, ok := o.old.find(strings.TrimPrefix(p, o.tmp))
	if !ok || o.old.done[i] {
		o.mu.Unlock()
		return false
	}
	o.old.done[i] = true
	dir := o.old.dir[i]
	o.mu.Unlock()
	if dir {
		_ = os.RemoveAll(p)
	}
	return !dir
}

// oldDir reports whether the reused spare has the folder dir.
func (o *output) oldDir(dir string) bool {
	if o.old == nil {
		return false
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	i, ok := o.old.find(strings.TrimPrefix(dir, o.tmp))
	return ok && o.old.dir[i] && !o.old.done[i]
}

// clearWay removes the files of the reused spare where the new folder dir
// or its parents go.
func (o *output) clearWay(dir string) {
	if o.old == nil {
		return
	}
	for d := dir; within(d, o.tmp); d = filepath.Dir(d) {
		o.mu.Lock()
		i, ok := o.old.find(strings.TrimPrefix(d, o.tmp))
		file := ok && !o.old.dir[i] && !o.old.done[i]
		if file {
			o.old.done[i] = true
		}
		o.mu.Unlock()
		if file {
			_ = os.Remove(d)
		}
	}
}

// removeOld removes what the reused spare held and this build did not
// write: its files, then the folders that hold no file of this build,
// deepest first.
func (o *output) removeOld() error {
	f := o.old
	if f == nil {
		return nil
	}
	var dirs []string
	for i, key := range f.paths {
		switch _, made := o.dirs[key]; {
		case f.done[i] || f.dir[i] && made:
		case f.dir[i]:
			dirs = append(dirs, key)
		default:
			if err := os.Remove(o.tmp + key); !gone(err) {
				return err
			}
		}
	}
	slices.SortFunc(dirs, func(a, b string) int { return len(b) - len(a) })
	for _, key := range dirs {
		if err := os.Remove(o.tmp + key); !gone(err) {
			return err
		}
	}
	o.old = nil
	return nil
}

// gone reports whether os.Remove removed the file or it was not there:
// removed already, with a folder the build wrote a file over (overwrite).
func gone(err error) bool {
	return err == nil || errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}

// keepSpare keeps old, the output a build replaced, as the spare of dest,
// or removes it when there is a spare already.
func keepSpare(dest, old string) error {
	if reuseFiles && os.Rename(old, spareName(dest)) == nil {
		return nil
	}
	return os.RemoveAll(old)
}
