package check

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// site is a local server with pages that answer in every way a real site
// might; no test requests anything beyond 127.0.0.1.
func site(t *testing.T, inFlight, maxInFlight *int32) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/no-head", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusMovedPermanently) })
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/busy/", func(w http.ResponseWriter, r *http.Request) {
		n := atomic.AddInt32(inFlight, 1)
		defer atomic.AddInt32(inFlight, -1)
		for {
			m := atomic.LoadInt32(maxInFlight)
			if n <= m || atomic.CompareAndSwapInt32(maxInFlight, m, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestProbe(t *testing.T) {
	var inFlight, maxInFlight int32
	srv := site(t, &inFlight, &maxInFlight)
	// A port nothing listens on.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := "http://" + l.Addr().String() + "/"
	l.Close()

	use := func(path string, line int) Link {
		return Link{URL: srv.URL + path, Path: "content/a.md", Line: line, Col: 1}
	}
	links := []Link{use("/ok", 1), use("/no-head", 2), use("/moved", 3), use("/gone", 4), use("/gone", 9),
		use("/down", 5), use("/slow", 6), {URL: refused, Path: "content/b.md", Line: 7}}
	start := time.Now()
	got := Probe(context.Background(), links, ProbeOptions{Timeout: 300 * time.Millisecond, Concurrency: 4})
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("probing took %s; the timeout is not applied", el)
	}
	by := map[string]LinkStatus{}
	for _, s := range got {
		by[strings.TrimPrefix(s.URL, srv.URL)] = s
	}
	for _, tc := range []struct {
		path   string
		ok     bool
		broken bool
		status int
		err    string
	}{
		{"/ok", true, false, 200, ""},
		{"/no-head", true, false, 200, ""},
		{"/moved", true, false, 200, ""},
		{"/gone", false, true, 404, ""},
		{"/down", false, false, 503, ""},
		{"/slow", false, false, 0, "no answer within 300ms"},
	} {
		s := by[tc.path]
		if s.OK() != tc.ok || s.Broken != tc.broken || s.Status != tc.status || s.Err != tc.err {
			t.Errorf("%s: %+v", tc.path, s)
		}
	}
	if len(by["/gone"].Uses) != 2 {
		t.Errorf("/gone uses = %v", by["/gone"].Uses)
	}
	if s := by[refused]; s.OK() || s.Err == "" || s.Broken {
		t.Errorf("refused: %+v", s)
	}

	probs := ProbeProblems(got)
	var lines []string
	for _, p := range probs {
		lines = append(lines, p.String())
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{
		"content/a.md:4:1: error: external link " + srv.URL + "/gone is broken: answered 404 Not Found",
		"content/a.md:9:1: error: external link " + srv.URL + "/gone is broken",
		"content/a.md:5:1: warning: external link " + srv.URL + "/down failed: answered 503 Service Unavailable",
		"content/a.md:6:1: warning: external link " + srv.URL + "/slow failed: no answer within 300ms",
		"content/b.md:7: warning: external link " + refused + " failed",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	if len(probs) != 5 {
		t.Errorf("want 5 problems, got\n%s", text)
	}
}

func TestProbeConcurrencyLimit(t *testing.T) {
	var inFlight, maxInFlight int32
	srv := site(t, &inFlight, &maxInFlight)
	var links []Link
	for i := range 12 {
		links = append(links, Link{URL: srv.URL + "/busy/" + string(rune('a'+i)), Path: "content/a.md", Line: i + 1})
	}
	got := Probe(context.Background(), links, ProbeOptions{Timeout: 5 * time.Second, Concurrency: 3})
	for _, s := range got {
		if !s.OK() {
			t.Errorf("%+v", s)
		}
	}
	if m := atomic.LoadInt32(&maxInFlight); m > 3 || m < 2 {
		t.Errorf("at most %d requests ran at once, want 3", m)
	}
}

func TestProbeStopsWhenCancelled(t *testing.T) {
	var inFlight, maxInFlight int32
	srv := site(t, &inFlight, &maxInFlight)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got := Probe(ctx, []Link{{URL: srv.URL + "/ok"}}, ProbeOptions{})
	if got[0].OK() {
		t.Errorf("a cancelled probe succeeded: %+v", got[0])
	}
}

func TestGroup(t *testing.T) {
	got := Group([]Link{{URL: "https://b.org/"}, {URL: "https://a.org/", Line: 1}, {URL: "https://a.org/", Line: 2}})
	if len(got) != 2 || got[0].URL != "https://a.org/" || len(got[0].Uses) != 2 || got[1].URL != "https://b.org/" {
		t.Errorf("%+v", got)
	}
}
