package sitetest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that keeps errors instead of failing.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestAssertEncodedURLs(t *testing.T) {
	for _, tc := range []struct {
		xml  string
		fail bool
	}{
		{`<urlset><url><loc>https://example.org/a%20b/</loc></url></urlset>`, false},
		{`<feed><id>https://example.org/x/</id><link href="https://example.org/?a=1&amp;b=2"/></feed>`, false},
		{`<urlset><url><loc>https://example.org/a b/</loc></url></urlset>`, true},
		{`<feed><id>https://example.org/проверка/</id></feed>`, true},
		{`<feed><link href="https://example.org/a&quot;b/"/></feed>`, true},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "x.xml"), []byte(tc.xml), 0o644); err != nil {
			t.Fatal(err)
		}
		r := &recorder{TB: t}
		AssertEncodedURLs(r, dir)
		if got := len(r.errs) > 0; got != tc.fail {
			t.Errorf("%s: failed %v, want %v (%v)", tc.xml, got, tc.fail, r.errs)
		}
	}
}
