//go:build !unix

package site

import "os"

// writeFile creates (or truncates) the file p and writes data to it.
func writeFile(p string, data []byte) error { return os.WriteFile(p, data, 0o644) }
