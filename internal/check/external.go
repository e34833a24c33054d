package check

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/signpost/signpost/internal/diag"
)

// ProbeOptions limit how external links are requested.
type ProbeOptions struct {
	// Timeout is for each request; default 10s.
	Timeout time.Duration
	// Concurrency is how many requests run at once; default 8.
	Concurrency int
	// Client is used when set (tests); otherwise a client that follows up
	// to 10 redirects.
	Client *http.Client
	// UserAgent is sent with every request.
	UserAgent string
}

// LinkStatus is what one external address answered.
type LinkStatus struct {
	URL string `json:"url"`
	// Status is the final HTTP status, 0 when there was no answer.
	Status int    `json:"status,omitempty"`
	Err    string `json:"error,omitempty"`
	// Broken is true for answers that mean the page is gone (404, 410, no
	// such host); other failures (403, 429, 5xx, timeouts) may pass.
	Broken bool   `json:"broken,omitempty"`
	Uses   []Link `json:"uses"`
}

// OK reports whether the address answered with a 2xx status.
func (s LinkStatus) OK() bool { return s.Err == "" && s.Status >= 200 && s.Status < 300 }

// Group merges links by address, in address order, keeping every use.
func Group(links []Link) []LinkStatus {
	by := map[string]*LinkStatus{}
	var urls []string
	for _, l := range links {
		s := by[l.URL]
		if s == nil {
			s = &LinkStatus{URL: l.URL}
			by[l.URL] = s
			urls = append(urls, l.URL)
		}
		s.Uses = append(s.Uses, l)
	}
	sort.Strings(urls)
	out := make([]LinkStatus, len(urls))
	for i, u := range urls {
		out[i] = *by[u]
	}
	return out
}

// Probe requests every address once, HEAD first and GET when HEAD fails,
// at most Concurrency at a time, each within Timeout. It returns one
// status per address, in address order.
func Probe(ctx context.Context, links []Link, opt ProbeOptions) []LinkStatus {
	if opt.Timeout <= 0 {
		opt.Timeout = 10 * time.Second
	}
	if opt.Concurrency <= 0 {
		opt.Concurrency = 8
	}
	client := opt.Client
	if client == nil {
		client = &http.Client{}
	}
	if opt.UserAgent == "" {
		opt.UserAgent = "signpost-check (link checker)"
	}
	out := Group(links)
	var wg sync.WaitGroup
	sem := make(chan struct{}, opt.Concurrency)
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				out[i].Err = ctx.Err().Error()
				return
			}
			defer func() { <-sem }()
			probe(ctx, client, &out[i], opt)
		}()
	}
	wg.Wait()
	return out
}

func probe(ctx context.Context, client *http.Client, s *LinkStatus, opt ProbeOptions) {
	status, err := request(ctx, client, http.MethodHead, s.URL, opt)
	if err != nil || status >= 400 {
		// Many servers answer HEAD wrongly (405, 403, 404 or a reset): ask
		// for the page itself before calling it broken.
		status, err = request(ctx, client, http.MethodGet, s.URL, opt)
	}
	s.Status = status
	if err != nil {
		s.Err = describeErr(err, opt.Timeout)
		var dns *net.DNSError
		s.Broken = errors.As(err, &dns) && dns.IsNotFound
		return
	}
	s.Broken = status == http.StatusNotFound || status == http.StatusGone
}

func request(ctx context.Context, client *http.Client, method, url string, opt ProbeOptions) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("User-Agent", opt.UserAgent)
	req.Header.Set("Accept", "text/html,*/*;q=0.8")
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	// Read a little so the connection can be reused, never the whole page.
	_, _ = io.CopyN(io.Discard, resp.Body, 64<<10)
	_ = resp.Body.Close()
	return resp.StatusCode, nil
}

func describeErr(err error, timeout time.Duration) string {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Sprintf("no answer within %s", timeout)
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return "no such host " + dns.Name
	}
	var op *net.OpError
	if errors.As(err, &op) {
		return op.Err.Error()
	}
	return err.Error()
}

// ProbeProblems turns failed addresses into problems at every use: an error
// when the page is gone, a warning when it may only be a passing failure.
func ProbeProblems(statuses []LinkStatus) diag.List {
	var probs diag.List
	for _, s := range statuses {
		if s.OK() || (s.Err == "" && s.Status >= 300 && s.Status < 400) {
			continue
		}
		what := s.Err
		if what == "" {
			what = fmt.Sprintf("answered %d %s", s.Status, http.StatusText(s.Status))
		}
		for _, u := range s.Uses {
			if s.Broken {
				probs.Errorf(u.Path, u.Line, u.Col, "find the page's new address on the organisation's site, or remove the link", "external link %s is broken: %s", s.URL, what)
			} else {
				probs.Warnf(u.Path, u.Line, u.Col, "open it in a browser: some sites refuse link checkers or fail for a while", "external link %s failed: %s", s.URL, what)
			}
		}
	}
	return probs
}

// SortLinks orders links by path, line and column (pages are checked in
// parallel, so they arrive in any order).
func SortLinks(links []Link) []Link {
	slices.SortFunc(links, func(a, b Link) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.URL, b.URL))
	})
	return links
}
