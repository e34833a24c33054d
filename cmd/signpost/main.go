// Command signpost builds accessible guidance websites from markdown.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/signpost/signpost/internal/cli"
)

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
