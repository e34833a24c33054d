package hosting_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/signpost/signpost/internal/hosting"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func sample() *hosting.Site {
	return &hosting.Site{
		Title:   "Guide",
		BaseURL: "https://guide.example.org/",
		Redirects: []hosting.Redirect{
			{From: "/old/", To: "/talk/"},
			{From: "/leaflet.html", To: "/report/uk/"},
			{From: "/über/", To: "/über uns/"},
		},
		Fingerprinted: []string{"/js/site.0123456789.js", "/css/site.abcdef0123.css"},
	}
}

// TestConfigs compares each server's config for a small site with its
// golden file; the real-server test proves that they work.
func TestConfigs(t *testing.T) {
	for _, server := range hosting.Servers {
		for _, snippet := range []bool{false, true} {
			name := server
			if snippet {
				name += "-snippet"
			}
			t.Run(name, func(t *testing.T) {
				got, err := hosting.Config(server, sample(), hosting.Options{Root: "/srv/guide", Listen: "127.0.0.1:8080", Prefix: "/var/tmp/guide", Snippet: snippet})
				if err != nil {
					t.Fatal(err)
				}
				golden(t, name+".golden", got)
			})
		}
	}
	got, err := hosting.Config("nginx", sample(), hosting.Options{Root: "/srv/guide", Brotli: true})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "nginx-brotli.golden", got)
}

func TestNetlifyFiles(t *testing.T) {
	s := sample()
	golden(t, "_headers.golden", string(s.HeadersFile()))
	golden(t, "_redirects.golden", string(s.RedirectsFile()))
	if (&hosting.Site{BaseURL: "https://x.org/"}).RedirectsFile() != nil {
		t.Error("a site without aliases has a _redirects file")
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got; go test ./internal/hosting -update rewrites it):\n%s", p, diff)
	}
}

func TestHeadersFollowTheScheme(t *testing.T) {
	for _, tc := range []struct {
		base      string
		hsts, uir bool
	}{
		{"https://guide.example.org/", true, true},
		{"HTTPS://guide.example.org/", true, true},
		{"http://guide.example.org/", false, false},
		{"/", false, false},
	} {
		s := &hosting.Site{BaseURL: tc.base}
		var names []string
		csp := ""
		for _, h := range s.Headers() {
			names = append(names, h.Name)
			if h.Name == "Content-Security-Policy" {
				csp = h.Value
			}
		}
		all := strings.Join(names, " ")
		for _, n := range []string{"Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options", "Permissions-Policy"} {
			if !strings.Contains(all, n) {
				t.Errorf("%s: no %s", tc.base, n)
			}
		}
		if got := strings.Contains(all, "Strict-Transport-Security"); got != tc.hsts {
			t.Errorf("%s: HSTS sent = %v, want %v", tc.base, got, tc.hsts)
		}
		if got := strings.Contains(csp, "upgrade-insecure-requests"); got != tc.uir {
			t.Errorf("%s: upgrade-insecure-requests = %v, want %v", tc.base, got, tc.uir)
		}
		if !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q lacks frame-ancestors", tc.base, csp)
		}
	}
}

func TestLocation(t *testing.T) {
	for in, want := range map[string]string{
		"/talk/":               "/talk/",
		"/über uns/":           "/%C3%BCber%20uns/",
		"/%C3%BCber/":          "/%25C3%25BCber/", // a literal %: paths come decoded
		"/100%/":               "/100%25/",
		`/a"b{c}$d;e'f` + "\n": "/a%22b%7Bc%7D%24d%3Be%27f%0A",
		"/a-b_c.d~e/x.html":    "/a-b_c.d~e/x.html",
	} {
		if got := hosting.Location(in); got != want {
			t.Errorf("Location(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsFingerprinted(t *testing.T) {
	for p, want := range map[string]bool{
		"/css/site.0123456789.css": true,
		"/js/search.abcdef0123.js": true,
		"/css/site.css":            false,
		"/css/site.0123456789.png": false,
		"/css/site.ABCDEF0123.css": false,
		"/css/site.012345678.css":  false,
	} {
		if got := hosting.IsFingerprinted(p); got != want {
			t.Errorf("IsFingerprinted(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestConfigRefuses(t *testing.T) {
	for _, tc := range []struct {
		server string
		site   *hosting.Site
		o      hosting.Options
		want   string
	}{
		{"nginx", &hosting.Site{BaseURL: "https://x.org/guide/"}, hosting.Options{Root: "/srv"}, "has the path /guide/"},
		{"nginx", sample(), hosting.Options{Root: "public"}, "must be an absolute path"},
		{"caddy", sample(), hosting.Options{Root: "/srv/my$site"}, "must not hold quotes"},
		{"apache", sample(), hosting.Options{Root: "/srv/a\"b"}, "must not hold quotes"},
		{"nginx", sample(), hosting.Options{Root: "/srv/{x}"}, "must not hold quotes"},
		{"nginx", sample(), hosting.Options{Root: "/srv", Prefix: "/tmp/a\nb"}, "control characters"},
		{"nginx", sample(), hosting.Options{Root: "/srv", Listen: "80; include /etc/passwd"}, "must be a port"},
		{"caddy", sample(), hosting.Options{Root: "/srv", Admin: "localhost:2019 {"}, "must be a port"},
		{"iis", sample(), hosting.Options{Root: "/srv"}, `unknown server "iis"`},
		{"nginx", &hosting.Site{BaseURL: "https://x.org/", Redirects: []hosting.Redirect{{From: "/a\nb/", To: "/"}}}, hosting.Options{Root: "/srv"}, "control character"},
	} {
		_, err := hosting.Config(tc.server, tc.site, tc.o)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %+v: err = %v, want %q", tc.server, tc.o, err, tc.want)
		}
	}
}
