//go:build unix

package site

import (
	"io"
	"io/fs"
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
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
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
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: p, Err: err}
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
