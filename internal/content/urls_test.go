package content

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

func TestOutputFile(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		{"/", "index.html"},
		{"/a/", "a/index.html"},
		{"/a/b.html", "a/b.html"},
		{"/index.html", "index.html"}, // one file with "/"
		{"/old/page.php", "old/page.php"},
		{"/_redirects", "_redirects"},
		{"/x.md/", "x.md/index.html"},
		{"/a b/проверка/", "a b/проверка/index.html"},
		{"/.well-known/security.txt", ".well-known/security.txt"},
		{"", ""},
		{"a/", ""},
		{"/../x/", ""},
		{"/a/../../x.html", ""},
		{"/a//b/", ""},
		{"/./a/", ""},
		{`/a\..\x/`, ""},
		{"/a\n/", ""},
		{"/" + Marker, ""},
		{"/" + strings.Repeat("a", NameMax) + "/", strings.Repeat("a", NameMax) + "/index.html"},
		{"/" + strings.Repeat("a", NameMax+1) + "/", ""},
		{"/x/" + strings.Repeat("é", 127) + ".html", ""}, // 259 bytes
	} {
		got, err := OutputFile(tc.url)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("OutputFile(%q) = %q, %v; want %q", tc.url, got, err, tc.want)
		}
	}
}

func TestCleanURL(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		kind urlKind
		want string // "" for refused
	}{
		{"a/b", pageURL, "/a/b/"},
		{"/a/b/", pageURL, "/a/b/"},
		{" /a%20b/ ", pageURL, "/a b/"},
		{"/%D0%B0/", pageURL, "/а/"},
		{"/a//b", pageURL, "/a/b/"},
		{"/b/page.html", pageURL, "/b/page.html"},
		{"/b/file.txt", pageURL, ""},
		{"/b/file.txt", aliasURL, "/b/file.txt"},
		{"/old/page.php", aliasURL, "/old/page.php"},
		{"//evil.example/", pageURL, ""},
		{`\\evil.example\x`, pageURL, ""},
		{"https://evil.example/", aliasURL, ""},
		{"mailto:x@example.org", aliasURL, ""},
		{"/x/?a=1", pageURL, ""},
		{"/x/#a", aliasURL, ""},
		{"/../../x/", aliasURL, ""},
		{"/a/%2e%2e/%2e%2e/x/", pageURL, ""},
		{"/a%zz/", pageURL, ""},
		{"/" + strings.Repeat("%61", NameMax+1) + "/", aliasURL, ""},
		{"", pageURL, ""},
	} {
		got, err := cleanURL(tc.raw, tc.kind)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("cleanURL(%q) = %q, %v; want %q", tc.raw, got, err, tc.want)
		}
	}
}

func TestCleanSlug(t *testing.T) {
	for _, tc := range []struct{ raw, want string }{
		{"my-page", "my-page"},
		{" My Page ", "My Page"},
		{"..", ""}, {".", ""}, {"a/b", ""}, {`a\b`, ""}, {"a?b", ""}, {"a#b", ""}, {"a\tb", ""}, {"", ""}, {strings.Repeat("s", NameMax+1), ""},
	} {
		got, err := cleanSlug(tc.raw)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("cleanSlug(%q) = %q, %v; want %q", tc.raw, got, err, tc.want)
		}
	}
}

func TestEscapePath(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"/a/b/", "/a/b/"},
		{"/space page/", "/space%20page/"},
		{"/проверка/", "/%D0%BF%D1%80%D0%BE%D0%B2%D0%B5%D1%80%D0%BA%D0%B0/"},
		{"/100%/", "/100%25/"},
		{"/what?/#x", "/what%3F/%23x"},
		{`/a"b<c>/`, "/a%22b%3Cc%3E/"},
		{"/a-b_c.d~e/", "/a-b_c.d~e/"},
	} {
		if got := EscapePath(tc.in); got != tc.want {
			t.Errorf("EscapePath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"feed.xml", "feed.xml"},
		{"a%20b/", "a%20b/"},
		{"a b/?q=x y#f", "a%20b/?q=x y#f"},
	} {
		if got := EscapeRef(tc.in); got != tc.want {
			t.Errorf("EscapeRef(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzURL: whatever a url or alias says, an accepted one is written inside
// the output folder, and its encoded form is plain ASCII that decodes back.
func FuzzURL(f *testing.F) {
	for _, s := range []string{"/a/", "..", "/../x", "//h/", "/a%2F..%2F..%2Fx/", "/a b/проверка.html", `\\h\x`, "/x/?a=1", "/a%zz", "/.signpost-output"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, kind := range []urlKind{pageURL, aliasURL} {
			u, err := cleanURL(raw, kind)
			if err != nil {
				continue
			}
			rel, err := OutputFile(u)
			if err != nil {
				t.Fatalf("cleanURL(%q) = %q, which OutputFile refuses: %v", raw, u, err)
			}
			if !filepath.IsLocal(filepath.FromSlash(rel)) {
				t.Fatalf("cleanURL(%q) → %q → %q leaves the output", raw, u, rel)
			}
			enc := EscapePath(u)
			for i := 0; i < len(enc); i++ {
				if c := enc[i]; !pathSafe(c) && c != '%' {
					t.Fatalf("EscapePath(%q) = %q holds %q", u, enc, c)
				}
			}
			if dec, err := url.PathUnescape(enc); err != nil || dec != u {
				t.Fatalf("EscapePath(%q) = %q decodes to %q, %v", u, enc, dec, err)
			}
		}
	})
}
