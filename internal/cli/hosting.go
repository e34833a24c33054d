package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/signpost/signpost/internal/hosting"
	"github.com/signpost/signpost/internal/site"
)

func runHosting(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "hosting", "[flags] "+strings.Join(hosting.Servers, "|"),
		"Prints a complete config for that web server, built from the site: its security headers, a 301 for every alias,\n"+
			"the 404 page, caching, precompressed files, no listings and no dot-files. docs/hosting.md explains each server.")
	source := fs.String("source", ".", "the site `folder`")
	root := fs.String("root", "", "the built site `folder` the server serves (default SOURCE/public)")
	listen := fs.String("listen", "", "the `address` to listen on, such as 8080 or 127.0.0.1:8080 (default: nginx and Apache 80; Caddy the base URL's host, with automatic HTTPS)")
	prefix := fs.String("prefix", "", "a `folder` for the server's pid file, logs and temporary files, to run it without root")
	admin := fs.String("admin", "", "caddy: the admin endpoint's `address`, or off (default localhost:2019)")
	brotli := fs.Bool("brotli", false, "nginx: send the .br files too (needs the brotli_static module: apt-get install libnginx-mod-http-brotli-static)")
	snippet := fs.Bool("snippet", false, "print only the server block, for an existing config")
	baseURL := fs.String("baseurl", "", "override the config's baseURL")
	// Flags may follow the server's name: "signpost hosting nginx --root /srv/site".
	var server string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		server, args = args[0], args[1:]
	}
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if server == "" && fs.NArg() == 1 {
		server = fs.Arg(0)
	} else if fs.NArg() > 0 || server == "" {
		fs.Usage()
		return ExitUsage
	}
	if !slices.Contains(hosting.Servers, server) {
		fmt.Fprintf(e.stderr, "signpost hosting: unknown server %q: choose %s\n", server, strings.Join(hosting.Servers, ", "))
		return ExitUsage
	}
	if notASite(e, "hosting", *source) {
		return ExitProblems
	}
	if *root == "" {
		*root = filepath.Join(*source, "public")
	}
	o := hosting.Options{Listen: *listen, Admin: *admin, Brotli: *brotli, Snippet: *snippet}
	var err error
	if o.Root, err = filepath.Abs(*root); err == nil && *prefix != "" {
		o.Prefix, err = filepath.Abs(*prefix)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "signpost hosting: %v\n", err)
		return ExitUsage
	}
	hs, probs := site.Hosting(ctx, site.Options{Source: *source, BaseURL: *baseURL})
	if probs.HasErrors() {
		printProblems(e.stderr, probs, isTerminal(e.stderr))
		fmt.Fprintln(e.stderr, "signpost hosting: the site has errors; fix them first (signpost check lists them)")
		return ExitProblems
	}
	out, err := hosting.Config(server, hs, o)
	if err != nil {
		fmt.Fprintf(e.stderr, "signpost hosting: %v\n", err)
		return ExitProblems
	}
	fmt.Fprint(e.stdout, out)
	noteRoot(e, o.Root, *source)
	return ExitOK
}

// noteRoot says on stderr (the config goes to a file) when the root is not
// a built site yet, or was built without --compress.
func noteRoot(e *env, root, source string) {
	switch _, err := os.Stat(filepath.Join(root, site.Marker)); {
	case err != nil:
		fmt.Fprintf(e.stderr, "note: %s is not a built site yet; build it there: signpost build --compress --source %s --dest %s\n", root, source, root)
	case !site.Compressed(root):
		fmt.Fprintf(e.stderr, "note: %s was built without --compress, so the server compresses nothing; build it with: signpost build --compress\n", root)
	}
}
