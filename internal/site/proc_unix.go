//go:build unix

package site

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with this id runs (or may: one
// we may not signal is someone else's, so counted as running).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
