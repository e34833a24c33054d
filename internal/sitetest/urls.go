package sitetest

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// xmlURL finds the URLs of sitemaps and Atom feeds: <loc>, <id>, href.
var xmlURL = regexp.MustCompile(`<loc>([^<]*)</loc>|<id>([^<]*)</id>|href="([^"]*)"`)

// AssertEncodedURLs fails the test for any URL in an XML file under dir
// that is not percent-encoded (a space, a raw non-ASCII letter, a quote):
// every URL Signpost writes goes through content.EscapePath.
func AssertEncodedURLs(t testing.TB, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".xml") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range xmlURL.FindAllStringSubmatch(string(data), -1) {
			u := html.UnescapeString(m[1] + m[2] + m[3])
			if bad := strings.IndexFunc(u, notURLChar); bad >= 0 {
				t.Errorf("%s: URL %q is not encoded (at %q)", strings.TrimPrefix(p, dir), u, u[bad:])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func notURLChar(r rune) bool {
	switch {
	case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
		return false
	}
	return !strings.ContainsRune("-._~/!$&'()*+,;=:@%?#", r)
}
