package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	signpost "github.com/signpost/signpost"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/site"
)

// siteFlags are shared by build and serve.
type siteFlags struct {
	source, dest, baseURL string
	drafts, minify, json  bool
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.source, "source", ".", "the site `folder` to build")
	fs.StringVar(&f.dest, "dest", "", "write the site to this `folder` (default SOURCE/public)")
	fs.StringVar(&f.baseURL, "baseurl", "", "override the config's baseURL")
	fs.BoolVar(&f.drafts, "drafts", false, "include pages marked draft")
	fs.BoolVar(&f.minify, "minify", true, "minify HTML, CSS, JS, SVG, JSON and XML")
	fs.BoolVar(&f.json, "json", false, "print problems as JSON")
}

func (f *siteFlags) options(fs *flag.FlagSet) site.Options {
	dest := f.dest
	if dest == "" {
		dest = filepath.Join(f.source, "public")
	}
	opt := site.Options{Source: f.source, Dest: dest, Drafts: f.drafts, BaseURL: f.baseURL, Theme: signpost.Theme,
		Check: true} // build and serve run internal/check too: errors fail, warnings print (issue 6)
	fs.Visit(func(fl *flag.Flag) {
		if fl.Name == "minify" {
			m := f.minify
			opt.Minify = &m
		}
	})
	return opt
}

func runBuild(ctx context.Context, e *env, args []string) int {
	var f siteFlags
	fs := newFlags(e, "build", "[flags]", "Builds the site in --source into --dest. The old output is replaced only when the build succeeds.")
	f.register(fs)
	compress := fs.Bool("compress", false, "write a .br and a .gz beside every HTML, CSS, JS, JSON, XML and SVG file they make smaller, for servers that send them precompressed")
	allowRemoved := fs.Bool("allow-removed", false, "record published URLs that no page or alias has any more as removed on purpose in urls.txt, instead of failing")
	if code := parseSiteArgs(e, fs, args, &f.source); code >= 0 {
		return code
	}
	opt := f.options(fs)
	opt.URLs, opt.AllowRemoved, opt.Compress = site.URLsKeep, *allowRemoved, *compress
	// Looked at before the build: a failed build says what it left, and
	// must not speak of an output that never existed.
	_, statErr := os.Stat(opt.Dest)
	res, err := site.Build(ctx, opt)
	return report(e, res, err, f.json, statErr == nil)
}

// buildReport is what build prints with --json.
type buildReport struct {
	OK       bool           `json:"ok"`
	Pages    int            `json:"pages"`
	Files    int            `json:"files"`
	Problems []diag.Problem `json:"problems"`
}

// report prints a build's problems and summary and returns the exit code;
// hadOutput says whether the destination existed before the build.
func report(e *env, res *site.Result, err error, asJSON, hadOutput bool) int {
	var le *diag.ListError
	if err != nil && !errors.As(err, &le) {
		fmt.Fprintf(e.stderr, "signpost: %v\n", err)
		return ExitProblems
	}
	if asJSON {
		writeJSON(e.stdout, buildReport{err == nil, res.Pages, res.Files, problemsJSON(res.Problems)})
	} else {
		printProblems(e.stderr, res.Problems, isTerminal(e.stderr))
		errs, warns := res.Problems.Count()
		if err != nil {
			left := "Nothing was written."
			if hadOutput {
				left = "The previous output was left as it was."
			}
			fmt.Fprintf(e.stderr, "Build failed: %s, %s. %s\n", diag.Plural(errs, "error", "errors"), diag.Plural(warns, "warning", "warnings"), left)
		} else {
			fmt.Fprintf(e.stdout, "Built %s (%s) in %s; %s.\n", diag.Plural(res.Pages, "page", "pages"), diag.Plural(res.Files, "file", "files"), res.Elapsed.Round(time.Millisecond), diag.Plural(warns, "warning", "warnings"))
			if res.Drafts > 0 {
				fmt.Fprintf(e.stdout, "Left out %s marked draft: true; build with --drafts to include them, or remove draft: true to publish.\n", diag.Plural(res.Drafts, "draft page", "draft pages"))
			}
		}
	}
	if err != nil {
		return ExitProblems
	}
	return ExitOK
}

// writeJSON prints v as indented JSON, the form of every --json output.
func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// problemsJSON is probs for --json: none is [], not null, so a script
// can count them without a special case.
func problemsJSON(probs diag.List) []diag.Problem {
	if probs == nil {
		return []diag.Problem{}
	}
	return probs
}

func printProblems(w io.Writer, probs diag.List, colour bool) {
	for _, p := range probs {
		line := p.String()
		if colour {
			c := "\x1b[33m"
			if p.Severity == diag.Error {
				c = "\x1b[31m"
			}
			line = c + line + "\x1b[0m"
		}
		fmt.Fprintln(w, line)
		if p.Hint != "" {
			fmt.Fprintf(w, "  hint: %s\n", p.Hint)
		}
	}
}
