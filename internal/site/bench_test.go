package site_test

import (
	"context"
	"flag"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/signpost/signpost/internal/corpus"
	"github.com/signpost/signpost/internal/site"
	"github.com/signpost/signpost/internal/sitetest"
)

// BenchmarkBuild builds generated sites of 1,000 and 10,000 pages with the
// built-in theme, minification and checks on (as signpost build runs), reporting pages per second and the
// peak Go heap during a build.
func BenchmarkBuild(b *testing.B) {
	for _, tc := range []struct {
		n     int
		check bool
	}{{1000, true}, {10000, true}, {10000, false}} {
		n := tc.n
		name := strconv.Itoa(n) + "pages"
		if !tc.check {
			name += "-nochecks" // what the checks cost, for comparison
		}
		b.Run(name, func(b *testing.B) {
			dir := b.TempDir()
			if err := corpus.WriteSignpost(dir, corpus.Options{Pages: n, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			opt := sitetest.Options(dir, sitetest.Minify)
			opt.Dest = filepath.Join(dir, "public")
			opt.Check = tc.check // the command line builds with checks
			var peak atomic.Uint64
			stop := sampleHeap(&peak)
			var pages int
			for b.Loop() {
				res, err := site.Build(context.Background(), opt)
				if err != nil {
					b.Fatalf("%v\n%v", err, res.Problems)
				}
				pages = res.Pages
			}
			stop()
			b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
		})
	}
}

// sampleHeap records the largest live heap seen every few milliseconds.
func sampleHeap(peak *atomic.Uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapAlloc > peak.Load() {
					peak.Store(ms.HeapAlloc)
				}
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// BenchmarkHugePage builds a site whose one page is a table of 4,000 rows
// × 200 columns (1.6 MB; a fifth of the 8 MB page of issue 11), with
// checks and minification on, reporting the peak Go heap: goldmark's tree
// for it is about 280 MB, and the build should not hold much more.
// The full size: go test ./internal/site -bench HugePage -rows 20000
func BenchmarkHugePage(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("-- signpost.toml --\ntitle = \"Big\"\nbaseURL = \"https://x.example.org/\"\n")
	sb.WriteString("-- content/_index.md --\n---\ntitle: Home\ndescription: The home page.\n---\nHome.\n")
	sb.WriteString("-- content/big.md --\n---\ntitle: Big\ndescription: A huge table.\n---\n")
	sb.WriteString("|" + strings.Repeat("h|", 200) + "\n|" + strings.Repeat("-|", 200) + "\n")
	for r := 0; r < *hugeRows; r++ {
		sb.WriteString("|" + strings.Repeat("a|", 200) + "\n")
	}
	dir := sitetest.Write(b, sb.String())
	opt := sitetest.Options(dir, sitetest.Minify)
	opt.Check = true
	var peak atomic.Uint64
	stop := sampleHeap(&peak)
	for b.Loop() {
		if res, err := site.Build(context.Background(), opt); err != nil {
			b.Fatalf("%v\n%v", err, res.Problems)
		}
	}
	stop()
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}

var hugeRows = flag.Int("rows", 4000, "rows of BenchmarkHugePage's table")
