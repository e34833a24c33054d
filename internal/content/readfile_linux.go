package content

import (
	"errors"
	"io/fs"
	"path/filepath"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// readNoLinks reads the regular file full, a path under a root without
// links, in one openat2 that refuses a symbolic link anywhere on the way
// (RESOLVE_NO_SYMLINKS), an fstat, and reads, without an *os.File (whose
// open registers every file with the poller, which refuses regular
// files). It reports false, having read nothing that counts, for anything
// else (a link, a folder, a pipe, a missing file, any error), which the
// general way reads or refuses: an Lstat for every folder on the way, an
// open, two fstats, the poller's try and two reads were 11 system calls
// a page read, and a build reads a page twice (load, then render, which
// hands the file to the checks); now 4. unsupported is set when the system has no openat2.
func readNoLinks(full string, unsupported *atomic.Bool) ([]byte, bool) {
	if unsupported.Load() {
		return nil, false
	}
	fd, err := unix.Openat2(unix.AT_FDCWD, full, &unix.OpenHow{
		Flags:   unix.O_RDONLY | unix.O_NONBLOCK | unix.O_CLOEXEC,
		Resolve: unix.RESOLVE_NO_SYMLINKS,
	})
	if err != nil {
		if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EPERM) {
			unsupported.Store(true) // an old kernel, or a sandbox that forbids it
		}
		return nil, false
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, false
	}
	// Read to the size fstat gave, not on to a read that says the file
	// ends (as os.ReadFile does): that read is one system call in five,
	// and a file written to while it is read is read torn either way.
	size := int(st.Size)
	b := make([]byte, 0, max(size, 512))
	for len(b) < size || size == 0 { // a size of 0 may be a file that does not know it
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := unix.Read(fd, b[len(b):cap(b)])
		if err != nil {
			if err == unix.EINTR {
				continue
			}
			return nil, false
		}
		if n == 0 {
			break
		}
		b = b[:len(b)+n]
	}
	return b, true
}

// readFile is ReadFile's short way, when the root has no links.
func (s *SiteFS) readFile(name string) ([]byte, bool) {
	if !s.resolved || !fs.ValidPath(name) || name == "." {
		return nil, false
	}
	if c := s.ctx.Load(); c != nil && (*c).Err() != nil {
		return nil, false
	}
	return readNoLinks(filepath.Join(s.root, filepath.FromSlash(name)), &s.noOpenat2)
}
