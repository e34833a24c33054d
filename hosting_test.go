package signpost_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/signpost/signpost/internal/hosting"
)

var (
	metaCSP      = regexp.MustCompile(`<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"`)
	metaReferrer = regexp.MustCompile(`<meta name="?referrer"? content="?([^" >]*)"?`)
)

// The layouts repeat the server's policy in meta tags for hosts that send
// no headers (docs/hosting.md): every page's tag must say what the header
// says, less only what a meta tag cannot carry.
func TestMetaPoliciesMatchHeaders(t *testing.T) {
	s := bundledSite(t)
	header := directives(hosting.CSP(true))
	headerOnly := map[string]bool{"frame-ancestors 'none'": true, "upgrade-insecure-requests": true}
	referrer := ""
	for _, h := range (&hosting.Site{BaseURL: "https://x.org/"}).Headers() {
		if h.Name == "Referrer-Policy" {
			referrer = h.Value
		}
	}
	for _, p := range s.pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		m := metaCSP.FindSubmatch(b)
		if m == nil {
			if !strings.Contains(string(b), `http-equiv="refresh"`) { // alias pages carry no policy
				t.Errorf("%s: no CSP meta tag", p)
			}
			continue
		}
		meta := directives(string(m[1]))
		for d := range meta {
			if !header[d] {
				t.Errorf("%s: meta CSP has %q, which the header (hosting.CSP) has not", p, d)
			}
		}
		for d := range header {
			if !meta[d] && !headerOnly[d] {
				t.Errorf("%s: meta CSP lacks %q of the header", p, d)
			}
		}
		if r := metaReferrer.FindSubmatch(b); r == nil || string(r[1]) != referrer {
			t.Errorf("%s: meta referrer %q, want the header's %q", p, r, referrer)
		}
	}
}

func directives(csp string) map[string]bool {
	out := map[string]bool{}
	for _, d := range strings.Split(csp, ";") {
		if d = strings.Join(strings.Fields(d), " "); d != "" {
			out[d] = true
		}
	}
	return out
}
