package cli

import (
	"context"
	"fmt"
	"net"
	"strconv"

	"github.com/signpost/signpost/internal/server"
	"github.com/signpost/signpost/internal/site"
)

func runServe(ctx context.Context, e *env, args []string) int {
	var f siteFlags
	fs := newFlags(e, "serve", "[flags]", "Builds the site into a private folder, serves it and rebuilds when files change.\nOpen pages reload by themselves. Press Ctrl-C to stop.")
	f.register(fs)
	// Editors preview drafts: serve shows them (with a banner) unless told not to.
	drafts := fs.Lookup("drafts")
	drafts.Usage = "show pages marked draft, with a \"Draft: not published\" banner (--drafts=false to leave them out as build does)"
	drafts.DefValue = "true"
	f.drafts = true
	port := fs.Int("port", 1313, "the `port` to listen on")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; 0.0.0.0 makes the preview visible to your network")
	toDisk := fs.Bool("render-to-disk", false, "serve from --dest (default SOURCE/public) instead of a private folder; the pages there carry the live-reload script")
	if code := parseSiteArgs(e, fs, args, &f.source); code >= 0 {
		return code
	}
	opt := f.options(fs)
	opt.URLs = site.URLsWarn // urls.txt is checked, and written only by build
	err := server.Run(ctx, server.Options{
		Build:        opt,
		RenderToDisk: *toDisk,
		Addr:         net.JoinHostPort(*bind, strconv.Itoa(*port)),
		Bind:         *bind,
		Log:          e.stderr,
		Ready: func(url string) {
			fmt.Fprintf(e.stdout, "Serving the site at %s (press Ctrl-C to stop)\n", url)
		},
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "signpost serve: %v\n", err)
		return ExitProblems
	}
	return ExitOK
}
