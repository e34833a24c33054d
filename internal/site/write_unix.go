//go:build unix

package site

import (
	"bytes"
	"io"
	"io/fs"
	"sync"
	"syscall"
)

// reuseFiles: a build writes over the files of the spare (spare.go).
const reuseFiles = true

// soleLink reports whether the file has no other name (hard link).
func soleLink(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && st.Nlink == 1
}

// writeFile creates (or truncates) the file p and writes data to it. It is
// os.WriteFile without the os.File: that one registers every file with
// the poller (an epoll_ctl that fails for regular files) and turns
// O_NONBLOCK on and off again (four fcntl calls), so a page took 8 system
// calls to write where 3 do (strace of a 1,000-page build).
func writeFile(p string, data []byte) error {
	fd, err := openForWrite(p)
	if err != nil {
		return &fs.PathError{Op: "open", Path: p, Err: err}
	}
	if err := writeAt0(fd, p, data); err != nil {
		return err
	}
	return closeFile(fd, p)
}

// writeAt0 writes data to the open file fd from its start, closing fd if
// it fails.
func writeAt0(fd int, p string, data []byte) error {
	for off := 0; off < len(data); {
		n, err := syscall.Pwrite(fd, data[off:], int64(off))
		if err == syscall.EINTR {
			continue
		}
		if err == nil && n == 0 {
			err = io.ErrShortWrite
		}
		if err != nil {
			_ = syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: p, Err: err}
		}
		off += n
	}
	return nil
}

func openForWrite(p string) (int, error) {
	for {
		fd, err := syscall.Open(p, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// writeOver writes data to p, a file of the spare (spare.go) that may
// hold those bytes already, as most of a rebuilt site's files do: then it
// is left as it is, read and not written, where truncating it freed its
// blocks and writing allocated them again and dirtied them for the disk
// (do_truncate alone was 2.2% of a 10,000-page build's CPU samples, perf).
// A file that differs is written over in place. O_NOFOLLOW: the spare's
// links were removed, and none is written through.
func writeOver(p string, data []byte) error {
	fd, err := syscall.Open(p, syscall.O_RDWR|syscall.O_CLOEXEC|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return writeFile(p, data)
	}
	if holds(fd, data) {
		return closeFile(fd, p)
	}
	if err := writeAt0(fd, p, data); err != nil {
		return err
	}
	if err := syscall.Ftruncate(fd, int64(len(data))); err != nil {
		_ = syscall.Close(fd)
		return &fs.PathError{Op: "truncate", Path: p, Err: err}
	}
	return closeFile(fd, p)
}

func closeFile(fd int, p string) error {
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: p, Err: err}
	}
	return nil
}

// readBufs are writeOver's buffers for reading a file back, a piece at a
// time: a buffer the size of the largest file (resources.json, 2 MB) kept
// by each writer would stay in the heap to the end of the build.
var readBufs = sync.Pool{New: func() any { return new([32 << 10]byte) }}

// holds reports whether the open file fd holds exactly data: it reads
// until the file ends or differs (a regular file reads short only at its
// end).
func holds(fd int, data []byte) bool {
	buf := readBufs.Get().(*[32 << 10]byte)
	defer readBufs.Put(buf)
	for {
		want := min(len(buf), len(data)+1)
		n, err := syscall.Read(fd, buf[:want])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil || n > len(data) || !bytes.Equal(buf[:n], data[:n]):
			return false
		case n < want: // the end of the file
			return n == len(data)
		}
		data = data[n:]
	}
}
