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
		o.oldFiles, o.oldDirs = nil, nil
		if err := os.RemoveAll(o.tmp); err != nil {
			return err
		}
		return os.Mkdir(o.tmp, 0o700)
	}
	return nil
}

// listOld records the files and folders of the reused spare. Anything
// that must not be written over is removed at once: links, files linked
// from elsewhere too (--compress links the last build's .br and .gz into
// the next), and files or folders whose mode a new one would not have
// (changed by hand), so that the output is what a build from nothing
// makes.
func (o *output) listOld() error {
	o.oldFiles, o.oldDirs = map[string]struct{}{}, map[string]struct{}{}
	return filepath.WalkDir(o.tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == o.tmp {
			return err
		}
		key := p[len(o.tmp):]
		fi, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case fi.IsDir() && fi.Mode().Perm() == 0o755:
			o.oldDirs[key] = struct{}{}
			return nil
		case fi.IsDir():
			if err := os.RemoveAll(p); err != nil {
				return err
			}
			return filepath.SkipDir
		case fi.Mode().IsRegular() && fi.Mode().Perm() == 0o644 && soleLink(fi):
			o.oldFiles[key] = struct{}{}
			return nil
		}
		return os.Remove(p)
	})
}

// overwrite is called before the file p is written: in a reused spare,
// the file is no longer stale, and a folder of that name is removed. It
// reports whether the spare had a file there.
func (o *output) overwrite(p string) bool {
	if o.oldFiles == nil {
		return false
	}
	file, dir := o.takeOld(p)
	if dir {
		_ = os.RemoveAll(p)
		o.mu.Lock()
		delete(o.oldDirs, strings.TrimPrefix(p, o.tmp))
		o.mu.Unlock()
	}
	return file
}

// takeOld reports whether the reused spare has a file or a folder at p,
// and forgets the file: it is written, or removed, now.
func (o *output) takeOld(p string) (file, dir bool) {
	key := strings.TrimPrefix(p, o.tmp)
	o.mu.Lock()
	defer o.mu.Unlock()
	_, file = o.oldFiles[key]
	delete(o.oldFiles, key)
	_, dir = o.oldDirs[key]
	return file, dir
}

// oldDir reports whether the reused spare has the folder dir.
func (o *output) oldDir(dir string) bool {
	if o.oldDirs == nil {
		return false
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	_, ok := o.oldDirs[strings.TrimPrefix(dir, o.tmp)]
	return ok
}

// clearWay removes the files of the reused spare where the new folder dir
// or its parents go.
func (o *output) clearWay(dir string) {
	if o.oldFiles == nil {
		return
	}
	for d := dir; within(d, o.tmp); d = filepath.Dir(d) {
		if file, _ := o.takeOld(d); file {
			_ = os.Remove(d)
		}
	}
}

// removeOld removes what the reused spare held and this build did not
// write: its files, then the folders that hold no file of this build,
// deepest first.
func (o *output) removeOld() error {
	if o.oldFiles == nil {
		return nil
	}
	for key := range o.oldFiles {
		if err := os.Remove(o.tmp + key); !gone(err) {
			return err
		}
	}
	var dirs []string
	for key := range o.oldDirs {
		if _, ok := o.dirs[key]; !ok {
			dirs = append(dirs, key)
		}
	}
	slices.SortFunc(dirs, func(a, b string) int { return len(b) - len(a) })
	for _, key := range dirs {
		if err := os.Remove(o.tmp + key); !gone(err) {
			return err
		}
	}
	o.oldFiles, o.oldDirs = nil, nil
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
