package hosting_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	signpost "github.com/signpost/signpost"
	"github.com/signpost/signpost/internal/hosting"
	"github.com/signpost/signpost/internal/site"
)

// The bundled site, with aliases added to its reporting section: the old
// URL kinds a site keeps (a folder, a file, one with a space and non-ASCII
// letters, one with characters config files treat as syntax).
const (
	aliasPage   = "content/report/_index.md"
	aliasTarget = "/report/"
	aliasLine   = `aliases: ["/old-report/", "/leaflet/reporting.html", "/über uns/", "/a$b;c'd/", "/x{y}z/", "/100%25/", "/a*b/"]`
)

var aliasRequests = []string{"/old-report/", "/old-report", "/leaflet/reporting.html", "/%C3%BCber%20uns/", "/a$b;c'd/", "/x%7By%7Dz/", "/100%25/", "/a*b/"}

// TestRealServers builds the bundled site with --compress, runs nginx
// (with and without its Brotli module), Caddy and Apache with the configs "signpost hosting" prints, and checks with real
// HTTP requests what issue 19 asks of every server. A server that is not
// installed skips, except under CI=true, where it fails.
func TestRealServers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the bundled site and runs real servers")
	}
	if raceDetector {
		t.Skip("not under -race (slow, and no Go concurrency to check); .ci/run runs it without")
	}
	var run []variant
	var missing []string
	for _, v := range variants {
		if installed(v.need) {
			run = append(run, v)
		} else {
			missing = append(missing, v.pkg)
		}
	}
	if len(missing) > 0 {
		msg := "not installed (apt-get install " + strings.Join(missing, " ") + ")"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		if len(run) == 0 {
			t.Skip(msg)
		}
		t.Log(msg)
	}
	dir := worldReadableTemp(t)
	public := filepath.Join(dir, "public")
	hs := buildBundled(t, public)
	for _, v := range run {
		t.Run(v.name, func(t *testing.T) {
			base := startServer(t, v, hs, public, filepath.Join(dir, v.name))
			checkServer(t, base, public, hs)
			if v.br {
				t.Run("brotli for br, gzip", func(t *testing.T) {
					if a := get(t, base+"/", "Accept-Encoding", "br, gzip"); a.header.Get("Content-Encoding") != "br" {
						t.Errorf("GET / with Accept-Encoding: br, gzip: Content-Encoding %q, want br", a.header.Get("Content-Encoding"))
					}
				})
			}
		})
	}
}

// variant is one server the test runs with one config.
type variant struct {
	name, server string
	need, pkg    string // a program on PATH or a file; its Debian package
	brotli       bool   // nginx --brotli
	br           bool   // answers br to "Accept-Encoding: br, gzip"
}

// variants are each of hosting.Servers, and nginx again with --brotli.
var variants = []variant{
	{"nginx", "nginx", "nginx", "nginx", false, false},
	{"nginx-brotli", "nginx", "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so", "libnginx-mod-http-brotli-static", true, true},
	{"caddy", "caddy", "caddy", "caddy", false, true},
	{"apache", "apache", "apache2", "apache2", false, true},
}

func installed(need string) bool {
	if strings.HasPrefix(need, "/") {
		_, err := os.Stat(need)
		return err == nil
	}
	_, err := exec.LookPath(need)
	return err == nil
}

// worldReadableTemp is a temporary folder nginx's workers (nobody, when
// the test runs as root) can read.
func worldReadableTemp(t *testing.T) string {
	dir, err := os.MkdirTemp("", "signpost hosting ") // a space: the configs quote folders
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// overlay is the site folder with some files replaced.
type overlay struct {
	base  fs.FS
	files fstest.MapFS
}

func (o overlay) Open(name string) (fs.File, error) {
	if _, ok := o.files[name]; ok {
		return o.files.Open(name)
	}
	return o.base.Open(name)
}

func buildBundled(t *testing.T, public string) *hosting.Site {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(aliasPage)))
	if err != nil {
		t.Fatal(err)
	}
	fm, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok || bytes.Contains(src, []byte("\naliases:")) {
		t.Fatalf("%s: expected YAML front matter without aliases, to add test aliases", aliasPage)
	}
	fsys := overlay{os.DirFS(root), fstest.MapFS{aliasPage: {Data: append([]byte("---\n"+aliasLine+"\n"), fm...)}}}
	opt := site.Options{Site: fsys, Dest: public, Theme: signpost.Theme, Compress: true}
	if res, err := site.Build(context.Background(), opt); err != nil {
		t.Fatalf("building the bundled site: %v\n%v", err, res.Problems)
	}
	hs, probs := site.Hosting(context.Background(), opt)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	// Files a server must or must not send, beside and inside the root.
	for name, data := range map[string]string{
		"secret.txt":                        "SECRET-OUTSIDE-ROOT",
		"public/.well-known/security.txt":   "Contact: mailto:security@example.org",
		"public/css/.hidden":                "HIDDEN-DOT-FILE",
		"public/.git/config":                "HIDDEN-GIT",
		"public/.well-known/.hidden-inside": "HIDDEN-IN-WELL-KNOWN",
	} {
		p := filepath.Join(filepath.Dir(public), filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return hs
}

// startServer writes the printed config, runs the server on a free port
// of 127.0.0.1 and returns its base URL; the server stops with the test.
func startServer(t *testing.T, v variant, site *hosting.Site, public, state string) string {
	t.Helper()
	name := v.server
	if err := os.MkdirAll(state, 0o755); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	o := hosting.Options{Root: public, Listen: addr, Prefix: state, Brotli: v.brotli}
	conf := filepath.Join(state, "nginx.conf")
	var cmd *exec.Cmd
	switch name {
	case "nginx":
		// As the issue says: "nginx -c FILE", which starts nginx in the background.
		cmd = exec.Command("nginx", "-c", conf)
	case "caddy":
		// Named Caddyfile, caddy reads it without --adapter.
		conf = filepath.Join(state, "Caddyfile")
		o.Admin = freeAddr(t)
		cmd = exec.Command("caddy", "run", "--config", conf)
		cmd.Env = append(os.Environ(), "HOME="+state, "XDG_CONFIG_HOME="+state, "XDG_DATA_HOME="+state)
	case "apache":
		conf = filepath.Join(state, "apache2.conf")
		cmd = exec.Command("apache2", "-f", conf, "-DFOREGROUND")
	}
	text, err := hosting.Config(name, site, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(conf, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		stopServer(t, name, cmd, exited, conf, state)
		if t.Failed() {
			t.Logf("%s output:\n%s\nconfig:\n%s", name, log.String(), text)
		}
	})
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return "http://" + addr
		}
		select {
		case err := <-exited:
			exited <- err
			if name != "nginx" || err != nil { // nginx's first process exits once the server runs
				t.Fatalf("%s exited (%v) before it listened on %s:\n%s", name, err, addr, log.String())
			}
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not start on %s:\n%s", name, addr, log.String())
		}
	}
}

// stopServer stops the server a test started: nginx by its own signal
// command (it runs in the background, its pid in the prefix), the others
// by an interrupt, and any of them by force after five seconds.
func stopServer(t *testing.T, name string, cmd *exec.Cmd, exited chan error, conf, state string) {
	if name == "nginx" {
		pidFile := filepath.Join(state, "nginx.pid")
		_ = exec.Command("nginx", "-c", conf, "-s", "quit").Run()
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if _, err := os.Stat(pidFile); err != nil {
				return
			}
		}
		if b, err := os.ReadFile(pidFile); err == nil {
			var pid int
			if _, err := fmt.Sscan(string(b), &pid); err == nil && pid > 1 {
				if p, err := os.FindProcess(pid); err == nil {
					_ = p.Kill()
				}
			}
		}
		t.Error("nginx did not stop on nginx -s quit")
		return
	}
	_ = cmd.Process.Signal(os.Interrupt)
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		_ = cmd.Process.Kill()
		<-exited
	}
}

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

var client = &http.Client{
	// The checks look at redirects and encodings as the server sent them.
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	Transport:     &http.Transport{DisableCompression: true},
	Timeout:       10 * time.Second,
}

type answer struct {
	status int
	header http.Header
	body   []byte
}

func get(t *testing.T, url string, header ...string) answer {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{resp.StatusCode, resp.Header, body}
}

// raw sends a request line as it is: Go's client would clean "/../".
func raw(t *testing.T, base, target string) answer {
	t.Helper()
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, strings.TrimPrefix(base, "http://"))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return answer{resp.StatusCode, resp.Header, body}
}

func wantSecurityHeaders(t *testing.T, what string, a answer, site *hosting.Site) {
	t.Helper()
	for _, h := range site.Headers() {
		if got := a.header.Get(h.Name); got != h.Value {
			t.Errorf("%s: %s = %q, want %q", what, h.Name, got, h.Value)
		}
	}
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
