package markdown

import (
	"testing"

	"github.com/yuin/goldmark/renderer/html"
)

var urls = []string{
	"", "/a/", "https://example.org/", "javascript:alert(1)", "JavaScript:x", "JAVASCRIPT:", "javascript",
	"vbscript:x", "VBScript:x", "file:///etc/passwd", "FILE:x", "data:text/html,x", "DATA:x",
	"data:image/png;base64,AAA", "DATA:IMAGE/PNG;x", "data:image/gif;", "data:image/jpeg;x", "data:image/webp;x",
	"data:image/svg+xml;x", "data:image/", "data:image/pn", "java\u212aript:", "fi\u212ae:", "\u0130file:",
	"javaſcript:", "jav\xffascript:", "%6Aavascript:", " javascript:",
}

// TestDangerousURLIsGoldmarks: dangerousURL says what goldmark's
// IsDangerousURL says, for the addresses it lets through or not and
// those whose case or letters might fool a byte-by-byte comparison.
func TestDangerousURLIsGoldmarks(t *testing.T) {
	for _, u := range urls {
		if got, want := dangerousURL([]byte(u)), html.IsDangerousURL([]byte(u)); got != want {
			t.Errorf("%q: %v, goldmark says %v", u, got, want)
		}
	}
}

func FuzzDangerousURL(f *testing.F) {
	for _, u := range urls {
		f.Add(u)
	}
	f.Fuzz(func(t *testing.T, u string) {
		if got, want := dangerousURL([]byte(u)), html.IsDangerousURL([]byte(u)); got != want {
			t.Errorf("%q: %v, goldmark says %v", u, got, want)
		}
	})
}

// TestDangerousScheme reads an address's scheme as a browser does.
func TestDangerousScheme(t *testing.T) {
	for addr, want := range map[string]string{
		"javascript:alert(1)": "javascript", "JaVa&#x09;script:x": "javascript", "java\\script:x": "javascript",
		" \tjava\nscript:x": "javascript", "vbscript:x": "vbscript", "DATA:text/html,x": "data", "data:image/png;x": "data",
		"file:///etc/passwd": "file", "FİLE:x": "file", "https://example.org/": "", "/javascript:": "", "javascripts:x": "",
		"": "", "java\u00e9script:": "", "&#106;avascript:x": "javascript", "javascript": "", "\u212aavascript:": "",
	} {
		if got := DangerousScheme(addr); got != want {
			t.Errorf("DangerousScheme(%q) = %q, want %q", addr, got, want)
		}
	}
}
