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
// pages to 187 MB at the end (GODEBUG=gctrace=1): GOGC=50 took 20% more
// CPU for a quarter less peak RSS (295 MB against 390-400), GOGC=200 saved
// 10-30% CPU for 35% more (525-540 MB), and a 150 MiB soft limit, under
// the live heap, kept the collector running: 240 MB for 40-85% more CPU.
// On 1,000 pages the same settings moved RSS by 10-20 MB. Less memory has
// to come from holding less, not from collecting more often.
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
