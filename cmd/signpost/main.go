// Command signpost builds accessible guidance websites from markdown.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/signpost/signpost/internal/cli"
)

// The collector runs at GOGC=80, not Go's 100, unless GOGC is set in the
// environment (GOMEMLIMIT applies as usual). GOGC lets the heap grow past
// the live heap by that share before collecting again, so the peak is
// about 1.8 times the live heap instead of 2 whatever the site's size:
// memory per page stays what it was from 10,000 to 100,000 pages, where a
// fixed GOMEMLIMIT would keep the collector running once the live heap
// neared it (an earlier build with a 187 MB live heap took 40-85% more
// CPU under a 150 MiB limit). Measured with signpost build on the
// 10,000-page corpus, ~44 MB live at its peak, paired runs on a shared
// 2-core machine: GOGC=100 peak RSS 111/112/117 MB, 98-102 collections,
// 2.0-2.5 s of the collector's CPU (GODEBUG=gctrace=1); GOGC=80 101/109/
// 104 MB, 128-130 collections, 2.0-3.3 s: ~0.6 s (~3%) more CPU of ~22 s
// for ~8 MB less. GOGC=50 was +20-30% CPU when last measured. Less memory
// comes first from holding less (see internal/site); this only trims
// the room the collector leaves above it.
const gcPercent = 80

func main() {
	setGC(os.LookupEnv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first Ctrl-C cancels the work in progress, which then stops
	// cleanly; the signals go back to their defaults at once, so a second
	// Ctrl-C stops Signpost whatever it is doing.
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// setGC sets the collector's target (gcPercent) unless the environment
// sets GOGC, whose value the runtime has already applied.
func setGC(lookup func(string) (string, bool)) {
	if _, ok := lookup("GOGC"); !ok {
		debug.SetGCPercent(gcPercent)
	}
}
