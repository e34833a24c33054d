package server

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/signpost/signpost/internal/corpus"
	"github.com/signpost/signpost/internal/sitetest"
)

// BenchmarkEditToReload measures, on a generated 10,000-page site, the time
// from saving a one-page edit to the reload event being sent: fsnotify, the
// batching (serve's default: a 10 ms pause ends a burst, 100 ms at most),
// the incremental build and the broadcast.
func BenchmarkEditToReload(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("%dpages", n), func(b *testing.B) {
			dir := b.TempDir()
			if err := corpus.WriteSignpost(dir, corpus.Options{Pages: n, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			opt := sitetest.Options(dir, sitetest.Minify)
			s, err := New(Options{Build: opt})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			if res := s.Rebuild(context.Background(), nil); res.Problems.HasErrors() {
				b.Fatal(res.Problems)
			}
			w, err := NewWatcher(dir, s.opt.Debounce)
			if err != nil {
				b.Fatal(err)
			}
			defer w.Close()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go s.watch(ctx, w)
			events := make(chan string, 4)
			s.mu.Lock()
			s.subs[events] = true
			s.mu.Unlock()

			page := filepath.Join(dir, "content/s3/p13.md")
			orig, _ := os.ReadFile(page)
			var times []time.Duration
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				start := time.Now()
				if err := os.WriteFile(page, append(orig, fmt.Sprintf("\nEdit number %d.\n", i)...), 0o644); err != nil {
					b.Fatal(err)
				}
				select {
				case ev := <-events:
					if ev != "reload" {
						b.Fatalf("event %q", ev)
					}
				case <-time.After(30 * time.Second):
					b.Fatal("no reload event")
				}
				times = append(times, time.Since(start))
			}
			sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
			b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "p90-ms")
		})
	}
}
