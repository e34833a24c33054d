// Command signpost builds accessible guidance websites from markdown.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/signpost/signpost/internal/cli"
)

// The collector keeps Go's defaults: GOGC=100 and no memory limit
// (GOGC and GOMEMLIMIT in the environment apply as usual). Measured with
// signpost build on the 10,000-page corpus, whose live heap grows with the
// pages to 75 MB (GODEBUG=gctrace=1; 700 MB at 100,000 pages): by default
// 94 collections, 27 s of CPU, 196 MB peak RSS; GOGC=50 196 collections,
// 35 s, 146 MB; GOGC=25 409, 40 s, 118 MB; GOMEMLIMIT=100MiB 162, 30 s,
// 115 MB. A fixed limit pays only while the live heap stays well under it:
// at 100,000 pages, or on a page with a huge table, the collector would
// run without pause (an earlier build with a 187 MB live heap took 40-85%
// more CPU under a 150 MiB limit), and the build would stop being linear.
// Less memory has to come from holding less, not from collecting more.
func main() {
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
