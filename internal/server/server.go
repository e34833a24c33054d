// Package server is the editors' preview: it builds the site into a private
// folder, serves it, watches the sources with fsnotify, rebuilds on change
// and tells open pages to reload over Server-Sent Events.
package server

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/signpost/signpost/internal/build"
	"github.com/signpost/signpost/internal/diag"
)

// Options configure the preview server.
type Options struct {
	Build build.Options // Dest is replaced by a private folder
	Addr  string        // host:port
	// Debounce is how long to wait for a burst of file events to end.
	Debounce time.Duration
	Log      io.Writer
	// Ready is called with the listening URL once the first build is done.
	Ready func(url string)
}

// Server serves a site and rebuilds it.
type Server struct {
	opt    Options
	dir    string
	mu     sync.Mutex
	probs  diag.List // problems of the last build, shown as an overlay
	failed bool
	gen    int
	subs   map[chan string]bool
}

const reloadPath = "/_signpost/events"

// reloadScript reconnects after the server restarts and reloads the page,
// keeping its scroll position; a CSS change swaps stylesheets in place.
const reloadScript = `<script>(function(){var k="signpost-scroll";var y=sessionStorage.getItem(k);if(y!==null){sessionStorage.removeItem(k);addEventListener("load",function(){scrollTo(0,+y)})}var es=new EventSource("` + reloadPath + `");es.addEventListener("reload",function(){sessionStorage.setItem(k,String(scrollY));location.reload()})})();</script>`

// Run builds, serves and watches until ctx is done.
func Run(ctx context.Context, opt Options) error {
	if opt.Debounce == 0 {
		opt.Debounce = 100 * time.Millisecond
	}
	dir, err := os.MkdirTemp("", "signpost-serve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	s := &Server{opt: opt, dir: filepath.Join(dir, "site"), subs: map[chan string]bool{}}
	s.opt.Build.Dest = s.dir
	s.opt.Build.Inject = template.HTML(reloadScript)
	s.rebuild(ctx)

	ln, err := net.Listen("tcp", opt.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w (is another server running? try --port)", opt.Addr, err)
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		s.closeSubs()
		_ = srv.Shutdown(sctx)
	}()
	w, err := newWatcher(opt.Build.Source, opt.Debounce)
	if err != nil {
		return err
	}
	defer w.Close()
	go func() {
		var cancel context.CancelFunc = func() {}
		for {
			select {
			case <-ctx.Done():
				cancel()
				return
			case <-w.Changes:
				cancel()
				var bctx context.Context
				bctx, cancel = context.WithCancel(ctx)
				s.rebuild(bctx)
			}
		}
	}()
	if opt.Ready != nil {
		opt.Ready("http://" + ln.Addr().String() + "/")
	}
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func (s *Server) rebuild(ctx context.Context) {
	res, err := build.Build(ctx, s.opt.Build)
	if errors.Is(err, context.Canceled) {
		return
	}
	s.mu.Lock()
	s.probs = res.Problems
	s.failed = err != nil
	s.gen++
	s.mu.Unlock()
	if s.opt.Log != nil {
		for _, p := range res.Problems {
			fmt.Fprintln(s.opt.Log, p.String())
			if p.Hint != "" {
				fmt.Fprintln(s.opt.Log, "  hint:", p.Hint)
			}
		}
		var le *diag.ListError
		switch {
		case err == nil:
			fmt.Fprintf(s.opt.Log, "%s rebuilt %d pages in %s\n", time.Now().Format("15:04:05"), res.Pages, res.Elapsed.Round(time.Millisecond))
		case errors.As(err, &le):
			fmt.Fprintf(s.opt.Log, "%s build failed; still serving the last good site\n", time.Now().Format("15:04:05"))
		default:
			fmt.Fprintf(s.opt.Log, "build failed: %v\n", err)
		}
	}
	s.broadcast("reload")
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

// ServeHTTP serves the built site, the event stream and the error overlay.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == reloadPath {
		s.events(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// path.Clean on a rooted path cannot climb above "/"; decoded ".."
	// segments are removed the same way.
	clean := path.Clean("/" + r.URL.Path)
	name := filepath.Join(s.dir, filepath.FromSlash(clean))
	if st, err := os.Stat(name); err == nil && st.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, clean+"/", http.StatusMovedPermanently)
			return
		}
		name = filepath.Join(name, "index.html")
	}
	w.Header().Set("Cache-Control", "no-store")
	f, err := os.Open(name)
	if err != nil {
		w.WriteHeader(http.StatusNotFound)
		if nf, err := os.Open(filepath.Join(s.dir, "404.html")); err == nil {
			defer nf.Close()
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = io.Copy(w, nf)
		}
		return
	}
	defer f.Close()
	st, _ := f.Stat()
	if strings.HasSuffix(name, ".html") {
		s.serveHTML(w, r, f)
		return
	}
	http.ServeContent(w, r, name, st.ModTime(), f)
}

// serveHTML adds the error overlay to pages while the last build failed.
func (s *Server) serveHTML(w http.ResponseWriter, r *http.Request, f *os.File) {
	body, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	s.mu.Lock()
	failed, probs := s.failed, s.probs
	s.mu.Unlock()
	if failed {
		overlay := overlayHTML(probs)
		if i := strings.LastIndex(string(body), "</body>"); i >= 0 {
			body = []byte(string(body[:i]) + overlay + string(body[i:]))
		} else {
			body = append(body, overlay...)
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(body)
}

var overlayTmpl = template.Must(template.New("overlay").Parse(`<div id="signpost-errors" role="alert" style="position:fixed;inset:0;overflow:auto;background:#fff;color:#0b0c0c;border:8px solid #d4351c;padding:1.5rem;font:16px/1.5 system-ui,sans-serif;z-index:2147483647"><h2 style="margin-top:0">The last change broke the build</h2><p>You are seeing the last good version underneath. Fix the file and save: this message goes away by itself.</p><ul>{{range .}}{{if eq .Severity.String "error"}}<li><code>{{.String}}</code>{{with .Hint}}<br><small>{{.}}</small>{{end}}</li>{{end}}{{end}}</ul></div>`))

func overlayHTML(probs diag.List) string {
	var b strings.Builder
	_ = overlayTmpl.Execute(&b, probs)
	return b.String()
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
		if s.subs[ch] {
			delete(s.subs, ch)
		}
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
