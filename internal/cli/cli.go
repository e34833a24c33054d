// Package cli is Signpost's command line: subcommands, flags, exit codes
// and terminal output. main only calls Run.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/signpost/signpost/internal/config"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitProblems = 1
	ExitUsage    = 2
)

// Version is set by the linker (-ldflags "-X …cli.Version=v1.2.3"); module
// builds fall back to the build info.
var Version = ""

const usage = `Signpost builds accessible guidance websites from markdown.

Usage:
  signpost build   [flags]        build the site into public/
  signpost serve   [flags]        build, serve and live-reload while you edit
  signpost check   [flags]        check every page: links, alt text, headings, reading level
  signpost new     [flags] PATH   create a page from an archetype
  signpost hosting SERVER [flags] print a config for nginx, caddy or apache that serves the built site
  signpost version                print the version
  signpost help [COMMAND]         show help

Run "signpost help COMMAND" for a command's flags.
`

type command struct {
	name  string
	short string
	run   func(ctx context.Context, e *env, args []string) int
}

// env is what a command writes to.
type env struct {
	stdout, stderr io.Writer
}

func commands() []command {
	return []command{
		{"build", "build the site into public/", runBuild},
		{"serve", "build, serve and live-reload while you edit", runServe},
		{"new", "create a page from an archetype", runNew},
		{"check", "check every page for accessibility and editorial problems", runCheck},
		{"hosting", "print a web server config for the built site", runHosting},
	}
}

// Run runs the command line args (without the program name) and returns the
// exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "--help", "-help":
		if len(rest) > 0 {
			for _, c := range commands() {
				if c.name == rest[0] {
					return c.run(ctx, e, []string{"-h"})
				}
			}
		}
		fmt.Fprint(stdout, usage)
		return ExitOK
	case "version", "--version":
		fmt.Fprintln(stdout, "signpost", version())
		return ExitOK
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, e, rest)
		}
	}
	fmt.Fprintf(stderr, "signpost: unknown command %q\n\n%s", name, usage)
	return ExitUsage
}

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			return bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return "devel-" + s.Value[:12]
			}
		}
	}
	return "devel"
}

// newFlags makes a flag set that prints usage to stderr and never exits.
func newFlags(e *env, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: signpost %s %s\n\n%s\n\nFlags:\n", name, args, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; it returns -1 to go on, or an exit code.
func parse(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	return -1
}

// parseNoArgs parses flags for a command that takes no arguments.
func parseNoArgs(e *env, fs *flag.FlagSet, args []string) int {
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "signpost %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return ExitUsage
	}
	return -1
}

// parseSiteArgs is parseNoArgs for a command that works on the site in
// the folder *source names (read after parsing): it fails with a hint
// when that folder holds no site.
func parseSiteArgs(e *env, fs *flag.FlagSet, args []string, source *string) int {
	if code := parseNoArgs(e, fs, args); code >= 0 {
		return code
	}
	if notASite(e, fs.Name(), *source) {
		return ExitProblems
	}
	return -1
}

// isTerminal reports whether w is a character device, for colour.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0 && os.Getenv("NO_COLOR") == "" && !strings.EqualFold(os.Getenv("TERM"), "dumb")
}

// notASite says so, and returns true, when source has neither a config
// file nor a content folder: the command was run in the wrong folder (or
// --source names one), and reading on would only report that content/
// cannot be found and that an output that never existed was kept.
func notASite(e *env, cmd, source string) bool {
	for _, name := range append(append([]string{}, config.Names...), "content") {
		if _, err := os.Stat(filepath.Join(source, name)); err == nil {
			return false
		}
	}
	if source == "." {
		fmt.Fprintf(e.stderr, "signpost %s: no %s here: run it in your site's folder or pass --source\n", cmd, config.Names[0])
	} else {
		fmt.Fprintf(e.stderr, "signpost %s: no %s in %s: pass --source the folder that has it\n", cmd, config.Names[0], source)
	}
	return true
}
