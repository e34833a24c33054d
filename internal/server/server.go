// Package server is the editors' preview: it builds the site into a private
// folder, serves it, watches the sources with fsnotify, rebuilds only what
// a change touches, and tells open pages to reload over Server-Sent Events.
package server

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/hosting"
	"github.com/signpost/signpost/internal/site"
)

// Options configure the preview server.
type Options struct {
	Build site.Options // Dest is replaced by a private folder
	Addr  string       // host:port
	// Bind is the --bind address, answered besides loopback names (see
	// allowedHost); empty means the host of Addr.
	Bind string
	// Debounce is how long to wait for a burst of file events to end.
	Debounce time.Duration
	Log      io.Writer
	// Ready is called with the listening URL once the first build is done.
	Ready func(url string)
	// RenderToDisk serves from Build.Dest instead of a private folder, so
	// the files can be inspected (they carry the live-reload script).
	RenderToDisk bool
}

// Server serves a site and rebuilds it.
type Server struct {
	opt     Options
	dir     string // the private output folder
	root    string // its parent, removed by Close
	session *site.Session

	mu     sync.Mutex
	probs  diag.List // problems of the last build, shown as an overlay
	failed bool
	pages  map[string]pageInfo // by output path, from the last good build
	subs   map[chan string]bool
}

const (
	eventsPath = "/_signpost/events"
	scriptPath = "/_signpost/reload.js"
	stylePath  = "/_signpost/serve.css"
)

// reloadJS reloads the page on "reload", keeping its scroll position, and
// swaps stylesheets in place on "css". It is served only by serve.
const reloadJS = `(function () {
  var key = "signpost-scroll:" + location.pathname;
  var y = sessionStorage.getItem(key);
  if (y !== null) {
    sessionStorage.removeItem(key);
    addEventListener("load", function () { scrollTo(0, +y); });
  }
  var es = new EventSource("` + eventsPath + `");
  es.addEventListener("reload", function () {
    sessionStorage.setItem(key, String(scrollY));
    location.reload();
  });
  // The error overlay closes with its button or Escape (no inline script:
  // the pages carry the published site's Content-Security-Policy).
  function closeOverlay() {
    var o = document.getElementById("signpost-errors");
    if (o) { o.hidden = true; }
  }
  addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest("[data-signpost-close]")) { closeOverlay(); }
  });
  addEventListener("keydown", function (e) {
    if (e.key === "Escape") { closeOverlay(); }
  });
  es.addEventListener("css", function () {
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (l) {
      var u = new URL(l.href);
      u.searchParams.set("v", Date.now());
      l.href = u.href;
    });
  });
})();
`

// New prepares a server that builds into a new private folder.
func New(opt Options) (*Server, error) {
	if opt.Debounce == 0 {
		opt.Debounce = 100 * time.Millisecond
	}
	root, err := os.MkdirTemp("", "signpost-serve-")
	if err != nil {
		return nil, err
	}
	s := &Server{opt: opt, root: root, dir: filepath.Join(root, "site"), subs: map[chan string]bool{}}
	if opt.RenderToDisk {
		// The caller's destination (checked like build's); the private
		// folder stays empty.
		s.dir = opt.Build.Dest
	}
	s.opt.Build.Dest = s.dir
	s.opt.Build.Inject = template.HTML(`<script src="` + scriptPath + `"></script>`)
	s.opt.Build.StableAssetNames = true
	s.session = site.NewSession(s.opt.Build)
	return s, nil
}

// Close removes the private folder.
func (s *Server) Close() error {
	s.closeSubs()
	return os.RemoveAll(s.root)
}

// Run builds, serves and watches until ctx is done.
func Run(ctx context.Context, opt Options) error {
	s, err := New(opt)
	if err != nil {
		return err
	}
	defer s.Close()
	s.Rebuild(ctx, nil)

	ln, err := net.Listen("tcp", opt.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w (is another server running? try --port)", opt.Addr, err)
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		s.closeSubs()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	// The output is never watched, wherever it is (--render-to-disk
	// --dest inside the site would otherwise rebuild forever).
	w, err := NewWatcher(opt.Build.Source, s.opt.Debounce, s.dir, s.root)
	if err != nil {
		return err
	}
	defer w.Close()
	go s.watch(ctx, w)
	if opt.Ready != nil {
		opt.Ready("http://" + ln.Addr().String() + "/")
	}
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// watch rebuilds on each batch of changes; a newer batch cancels the
// build in flight, and its changes are kept for the next one.
func (s *Server) watch(ctx context.Context, w *Watcher) {
	var cancel context.CancelFunc = func() {}
	done := make(chan struct{}, 1)
	done <- struct{}{}
	for {
		select {
		case <-ctx.Done():
			cancel()
			return
		case changed := <-w.Changes:
			cancel()
			<-done // the cancelled build has returned
			var bctx context.Context
			bctx, cancel = context.WithCancel(ctx)
			go func() {
				s.Rebuild(bctx, changed)
				done <- struct{}{}
			}()
		}
	}
}

// Rebuild builds after changes (nil for the first build), updates the
// overlay and tells pages what to do.
func (s *Server) Rebuild(ctx context.Context, changed []string) *site.Result {
	res, err := s.session.Build(ctx, changed)
	if errors.Is(err, context.Canceled) {
		return res
	}
	var pages map[string]pageInfo
	var drafts []string
	if err == nil {
		pages = pagesOf(s.session.Tree())
		drafts = s.session.Tree().Drafts
	}
	probs := res.Problems
	if err != nil && !probs.HasErrors() { // could not build at all (I/O, say)
		probs = append(slices.Clone(probs), diag.Problem{Severity: diag.Error, Message: err.Error()})
	}
	s.mu.Lock()
	s.probs = probs
	s.failed = err != nil
	if pages != nil {
		s.pages = pages
	}
	s.mu.Unlock()
	if s.opt.Log != nil {
		s.log(res, err, changed)
		s.logDrafts(drafts, changed)
	}
	if err == nil && len(changed) > 0 && onlyCSS(changed) {
		s.broadcast("css")
	} else {
		s.broadcast("reload")
	}
	return res
}

func (s *Server) log(res *site.Result, err error, changed []string) {
	w := s.opt.Log
	for _, p := range res.Problems {
		fmt.Fprintln(w, p.String())
		if p.Hint != "" {
			fmt.Fprintln(w, "  hint:", p.Hint)
		}
	}
	now := time.Now().Format("15:04:05")
	var le *diag.ListError
	switch {
	case err == nil && res.Incremental:
		fmt.Fprintf(w, "%s %s: rendered %s again in %s\n", now, strings.Join(changed, ", "), diag.Plural(res.Pages, "page", "pages"), res.Elapsed.Round(time.Millisecond))
	case err == nil:
		fmt.Fprintf(w, "%s built %d pages in %s (%s)\n", now, res.Pages, res.Elapsed.Round(time.Millisecond), res.Why)
	case errors.As(err, &le):
		fmt.Fprintf(w, "%s the build failed; still serving the last good site\n", now)
	default:
		fmt.Fprintf(w, "%s build failed: %v\n", now, err)
	}
}

// logDrafts says which pages were left out as drafts (serve
// --drafts=false): all of them after the first build, and those among
// the changed files after later ones, so a new draft's silence is
// explained.
func (s *Server) logDrafts(drafts, changed []string) {
	w := s.opt.Log
	if changed == nil {
		if len(drafts) > 0 {
			fmt.Fprintf(w, "left out %d drafts (--drafts=false): %s\n", len(drafts), strings.Join(drafts, ", "))
		}
		return
	}
	for _, c := range changed {
		if slices.Contains(drafts, c) {
			fmt.Fprintf(w, "%s is a draft, so it is left out (--drafts=false); serve without --drafts=false shows it with a banner\n", c)
		}
	}
}

func onlyCSS(changed []string) bool {
	for _, c := range changed {
		if site.Classify(c) != site.ChangeAsset || path.Ext(c) != ".css" {
			return false
		}
	}
	return true
}

func (s *Server) broadcast(ev string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for ch := range s.subs {
		select {
		case ch <- ev:
		default:
		}
	}
}

func (s *Server) closeSubs() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for ch := range s.subs {
		close(ch)
		delete(s.subs, ch)
	}
}

// ServeHTTP serves the built site, the event stream, the reload script and
// the error overlay, to requests that name this machine.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.allowedHost(r.Host) {
		http.Error(w, fmt.Sprintf("signpost serve answers only requests for localhost, an IP address or the --bind address; this one was for %q. Open the preview at http://localhost%s/ instead.", r.Host, portOf(r.Host)), http.StatusForbidden)
		return
	}
	for _, h := range previewHeaders {
		w.Header().Set(h.Name, h.Value)
	}
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = io.WriteString(w, reloadJS)
		return
	case stylePath:
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		_, _ = io.WriteString(w, serveCSS)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	name, ok := s.resolve(r.URL.Path)
	if !ok {
		s.notFound(w)
		return
	}
	if st, err := os.Stat(name); err == nil && st.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, path.Clean(r.URL.Path)+"/", http.StatusMovedPermanently)
			return
		}
		name = filepath.Join(name, "index.html")
	}
	f, err := os.Open(name)
	if err != nil {
		s.notFound(w)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		s.notFound(w)
		return
	}
	if strings.HasSuffix(name, ".html") {
		rel, _ := filepath.Rel(s.dir, name)
		s.serveHTML(w, f, filepath.ToSlash(rel), http.StatusOK)
		return
	}
	http.ServeContent(w, r, name, st.ModTime(), f)
}

// previewHeaders are the security headers the published site answers
// with (the Content-Security-Policy first), as a site served over http
// has them: serve's pages run under the same rules, and what serve adds
// (the reload script, the overlay, the draft banner) has to keep them.
var previewHeaders = (&hosting.Site{BaseURL: "http://localhost/"}).Headers()

// allowedHost guards against DNS rebinding: a page on another site that
// makes its own name resolve to 127.0.0.1 could otherwise read the
// preview, the search index and the event stream. As Vite and
// webpack-dev-server do, serve answers localhost and names under
// .localhost, IP addresses (a rebinding attack needs a name), and the
// --bind address.
func (s *Server) allowedHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if host == "" {
		return false
	}
	if _, err := netip.ParseAddr(host); err == nil || host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	bind := s.opt.Bind
	if bind == "" {
		bind, _, _ = net.SplitHostPort(s.opt.Addr)
	}
	return strings.EqualFold(strings.TrimSuffix(bind, "."), host)
}

func portOf(hostport string) string {
	if _, port, err := net.SplitHostPort(hostport); err == nil {
		return ":" + port
	}
	return ""
}

// resolve maps a URL path to a file in the output folder. The decoded
// path is cleaned as a rooted path, so ".." cannot climb out; a path that
// still names something outside (a symlink, say) is refused.
func (s *Server) resolve(urlPath string) (string, bool) {
	if strings.Contains(urlPath, "\x00") || strings.Contains(urlPath, "\\") {
		return "", false
	}
	clean := path.Clean("/" + urlPath)
	name := filepath.Join(s.dir, filepath.FromSlash(clean))
	real, err := filepath.EvalSymlinks(name)
	if err == nil {
		rel, err := filepath.Rel(s.dir, real)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", false
		}
	}
	return name, true
}

func (s *Server) notFound(w http.ResponseWriter) {
	f, err := os.Open(filepath.Join(s.dir, "404.html"))
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	s.serveHTML(w, f, "404.html", http.StatusNotFound)
}

// serveHTML adds the draft banner to drafts and the error overlay to
// every page while the last build failed. rel is the file's output path.
func (s *Server) serveHTML(w http.ResponseWriter, f io.Reader, rel string, status int) {
	body, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	s.mu.Lock()
	failed, probs, pages := s.failed, s.probs, s.pages
	s.mu.Unlock()
	page := pages[rel]
	html := string(body)
	if page.Draft {
		html = insertAfterOpen(html, "main", draftBanner)
	}
	if failed {
		html = insertBefore(html, "</body>", overlayHTML(probs, page, pages))
	}
	if page.Draft || failed {
		html = insertBefore(html, "</head>", `<link rel="stylesheet" href="`+stylePath+`">`)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, html)
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch := make(chan string, 1)
	s.mu.Lock()
	s.subs[ch] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}()
	fmt.Fprint(w, ": connected\n\n")
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev, ok := <-ch:
			if !ok {
				return
			}
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev, ev)
			fl.Flush()
		}
	}
}
