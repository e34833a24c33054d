package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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

// checkFlags are check's command line.
type checkFlags struct {
	source                                   string
	strict, asJSON, external, online, drafts bool
	timeout                                  time.Duration
	jobs                                     int
}

// checkReport is what check prints with --json.
type checkReport struct {
	OK       bool               `json:"ok"`
	Pages    int                `json:"pages"`
	Errors   int                `json:"errors"`
	Warnings int                `json:"warnings"`
	Problems []diag.Problem     `json:"problems"`
	External []check.LinkStatus `json:"external,omitempty"`
}

func runCheck(ctx context.Context, e *env, args []string) int {
	f, code := parseCheckFlags(e, args)
	if code >= 0 {
		return code
	}
	tmp, err := os.MkdirTemp("", "signpost-check-")
	if err != nil {
		fmt.Fprintf(e.stderr, "signpost check: %v\n", err)
		return ExitProblems
	}
	defer os.RemoveAll(tmp)
	res, err := site.Build(ctx, site.Options{
		Source: f.source, Dest: filepath.Join(tmp, "public"), Drafts: f.drafts,
		Theme: signpost.Theme, Check: true,
	})
	var le *diag.ListError
	if err != nil && !errors.As(err, &le) {
		fmt.Fprintf(e.stderr, "signpost check: %v\n", err)
		return ExitProblems
	}

	probs, links := checkProblems(ctx, f, res)
	errs, warns := probs.Count()
	code = ExitOK
	if errs > 0 {
		code = ExitProblems
	}
	if f.asJSON {
		writeJSON(e.stdout, checkReport{code == ExitOK, res.Pages, errs, warns, problemsJSON(probs), links})
		return code
	}
	if f.external {
		printLinks(e.stdout, links, f.online)
	}
	printProblems(e.stderr, probs, isTerminal(e.stderr))
	w := e.stdout
	if code != ExitOK {
		w = e.stderr
	}
	fmt.Fprintln(w, checkSummary(f, res.Pages, errs, warns, err != nil && res.Pages == 0))
	return code
}

// parseCheckFlags reads check's command line; it returns -1 to go on, or
// an exit code.
func parseCheckFlags(e *env, args []string) (checkFlags, int) {
	var f checkFlags
	fs := newFlags(e, "check", "[flags]", checkAbout)
	fs.StringVar(&f.source, "source", ".", "the site `folder` to check")
	fs.BoolVar(&f.strict, "strict", false, "treat warnings as errors (for CI and before publishing)")
	fs.BoolVar(&f.asJSON, "json", false, "print the result as JSON on stdout")
	fs.BoolVar(&f.external, "external", false, "list the links to other sites and where they are written")
	fs.BoolVar(&f.online, "online", false, "with --external, request each link and report the ones that fail")
	fs.DurationVar(&f.timeout, "timeout", 10*time.Second, "with --online, how long to wait for each site")
	fs.IntVar(&f.jobs, "jobs", 8, "with --online, how many sites to request at once")
	fs.BoolVar(&f.drafts, "drafts", false, "include pages marked draft")
	if code := parseSiteArgs(e, fs, args, &f.source); code >= 0 {
		return f, code
	}
	if f.online && !f.external {
		fmt.Fprintln(e.stderr, "signpost check: --online requests the links that --external lists; use both")
		return f, ExitUsage
	}
	if f.jobs < 1 || f.timeout <= 0 {
		fmt.Fprintln(e.stderr, "signpost check: --jobs and --timeout must be more than 0")
		return f, ExitUsage
	}
	return f, -1
}

// checkProblems is the build's problems with, under --external, the
// external links (and under --online what requesting them found), every
// one an error under --strict, sorted.
func checkProblems(ctx context.Context, f checkFlags, res *site.Result) (diag.List, []check.LinkStatus) {
	probs := append(diag.List(nil), res.Problems...)
	var links []check.LinkStatus
	switch {
	case f.external && f.online:
		links = check.Probe(ctx, res.External, check.ProbeOptions{Timeout: f.timeout, Concurrency: f.jobs})
		probs.Add(check.ProbeProblems(links)...)
	case f.external:
		links = check.Group(res.External)
	}
	if f.strict {
		for i := range probs {
			probs[i].Severity = diag.Error
		}
	}
	probs.Sort()
	return probs, links
}

// checkSummary is check's last line; unbuilt says the site could not be
// built, so no page was checked.
func checkSummary(f checkFlags, pages, errs, warns int, unbuilt bool) string {
	counts := fmt.Sprintf("%s, %s", diag.Plural(errs, "error", "errors"), diag.Plural(warns, "warning", "warnings"))
	switch {
	case unbuilt:
		return "The site could not be built, so its pages were not checked: " + counts + "."
	case f.strict && errs > 0:
		return fmt.Sprintf("Checked %s: %s (--strict counts warnings as errors).", diag.Plural(pages, "page", "pages"), counts)
	}
	return fmt.Sprintf("Checked %s: %s.", diag.Plural(pages, "page", "pages"), counts)
}

// printLinks lists external addresses, each with the places that use it,
// and with --online what each answered.
func printLinks(w io.Writer, links []check.LinkStatus, online bool) {
	uses := 0
	for _, l := range links {
		uses += len(l.Uses)
	}
	fmt.Fprintf(w, "External links: %s to %s.\n", diag.Plural(uses, "link", "links"), diag.Plural(len(links), "address", "addresses"))
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
