//go:build !linux

package content

// readFile is ReadFile's short way, on Linux only (openat2): elsewhere
// every file is read the way Open reads it.
func (s *SiteFS) readFile(string) ([]byte, bool) { return nil, false }
