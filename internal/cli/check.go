package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	signpost "github.com/signpost/signpost"
	"github.com/signpost/signpost/internal/check"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/site"
)

const checkAbout = `Builds the site into a temporary folder (public/ is not touched) and checks every page:
links and #anchors, duplicate ids, alt text, headings, link text, titles and descriptions,
reading level, review dates and sources. Problems are shown as path:line:col with a hint.
Exit status: 0 when there are no errors, 1 when there are, 2 for a wrong command line.`

func runCheck(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "check", "[flags]", checkAbout)
	source := fs.String("source", ".", "the site `folder` to check")
	strict := fs.Bool("strict", false, "treat warnings as errors (for CI and before publishing)")
	asJSON := fs.Bool("json", false, "print the result as JSON on stdout")
	external := fs.Bool("external", false, "list the links to other sites and where they are written")
	online := fs.Bool("online", false, "with --external, request each link and report the ones that fail")
	timeout := fs.Duration("timeout", 10*time.Second, "with --online, how long to wait for each site")
	jobs := fs.Int("jobs", 8, "with --online, how many sites to request at once")
	drafts := fs.Bool("drafts", false, "include pages marked draft")
	if code := parseNoArgs(e, fs, args); code >= 0 {
		return code
	}
	if notASite(e, "check", *source) {
		return ExitProblems
	}
	if *online && !*external {
		fmt.Fprintln(e.stderr, "signpost check: --online requests the links that --external lists; use both")
		return ExitUsage
	}
	if *jobs < 1 || *timeout <= 0 {
		fmt.Fprintln(e.stderr, "signpost check: --jobs and --timeout must be more than 0")
		return ExitUsage
	}

	tmp, err := os.MkdirTemp("", "signpost-check-")
	if err != nil {
		fmt.Fprintf(e.stderr, "signpost check: %v\n", err)
		return ExitProblems
	}
	defer os.RemoveAll(tmp)
	res, err := site.Build(ctx, site.Options{
		Source: *source, Dest: filepath.Join(tmp, "public"), Drafts: *drafts,
		Theme: signpost.Theme, Check: true,
	})
	var le *diag.ListError
	if err != nil && !errors.As(err, &le) {
		fmt.Fprintf(e.stderr, "signpost check: %v\n", err)
		return ExitProblems
	}

	probs := append(diag.List(nil), res.Problems...)
	var links []check.LinkStatus
	if *external {
		if *online {
			links = check.Probe(ctx, res.External, check.ProbeOptions{Timeout: *timeout, Concurrency: *jobs})
			probs.Add(check.ProbeProblems(links)...)
		} else {
			links = check.Group(res.External)
		}
	}
	if *strict {
		for i := range probs {
			probs[i].Severity = diag.Error
		}
	}
	probs.Sort()
	errs, warns := probs.Count()
	code := ExitOK
	if errs > 0 {
		code = ExitProblems
	}

	if *asJSON {
		out := struct {
			OK       bool               `json:"ok"`
			Pages    int                `json:"pages"`
			Errors   int                `json:"errors"`
			Warnings int                `json:"warnings"`
			Problems []diag.Problem     `json:"problems"`
			External []check.LinkStatus `json:"external,omitempty"`
		}{code == ExitOK, res.Pages, errs, warns, probs, links}
		if out.Problems == nil {
			out.Problems = []diag.Problem{}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(out)
		return code
	}

	if *external {
		printLinks(e.stdout, links, *online)
	}
	printProblems(e.stderr, probs, isTerminal(e.stderr))
	summary := fmt.Sprintf("Checked %s: %s, %s.", plural(res.Pages, "page"), plural(errs, "error"), plural(warns, "warning"))
	if err != nil && res.Pages == 0 {
		summary = fmt.Sprintf("The site could not be built, so its pages were not checked: %s, %s.", plural(errs, "error"), plural(warns, "warning"))
	} else if *strict && errs > 0 {
		summary = strings.TrimSuffix(summary, ".") + " (--strict counts warnings as errors)."
	}
	if code == ExitOK {
		fmt.Fprintln(e.stdout, summary)
	} else {
		fmt.Fprintln(e.stderr, summary)
	}
	return code
}

// printLinks lists external addresses, each with the places that use it,
// and with --online what each answered.
func printLinks(w io.Writer, links []check.LinkStatus, online bool) {
	uses := 0
	for _, l := range links {
		uses += len(l.Uses)
	}
	fmt.Fprintf(w, "External links: %s to %s.\n", plural(uses, "link"), addresses(len(links)))
	for _, l := range links {
		status := ""
		if online {
			switch {
			case l.Err != "":
				status = "  (" + l.Err + ")"
			default:
				status = fmt.Sprintf("  (%d)", l.Status)
			}
		}
		fmt.Fprintf(w, "%s%s\n", l.URL, status)
		for _, u := range l.Uses {
			fmt.Fprintf(w, "  %s\n", position(u))
		}
	}
}

func position(u check.Link) string {
	s := u.Path
	if u.Line > 0 {
		s += fmt.Sprintf(":%d", u.Line)
		if u.Col > 0 {
			s += fmt.Sprintf(":%d", u.Col)
		}
	}
	return s
}

func addresses(n int) string {
	if n == 1 {
		return "1 address"
	}
	return fmt.Sprintf("%d addresses", n)
}
