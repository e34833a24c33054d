//go:build !unix

package site

import (
	"io/fs"
	"os"
)

// reuseFiles: elsewhere, the replaced output is removed (spare.go).
const reuseFiles = false

func soleLink(fs.FileInfo) bool { return false }

// writeFile creates (or truncates) the file p and writes data to it.
func writeFile(p string, data []byte) error { return os.WriteFile(p, data, 0o644) }

// writeOver writes data over the file p of the spare.
func writeOver(p string, data []byte) error { return writeFile(p, data) }
