package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	signpost "github.com/signpost/signpost"
	"github.com/signpost/signpost/internal/content"
)

func runNew(ctx context.Context, e *env, args []string) int {
	fset := newFlags(e, "new", "[flags] content/SECTION/PAGE.md",
		"Creates a page from archetypes/SECTION.md or archetypes/default.md (the built-in one if the site has none),\nwith today's date as reviewed and a review date 12 months on.")
	source := fset.String("source", ".", "the site `folder`")
	if code := parse(fset, args); code >= 0 {
		return code
	}
	if fset.NArg() != 1 {
		fset.Usage()
		return ExitUsage
	}
	rel := filepath.ToSlash(fset.Arg(0))
	rel = strings.TrimPrefix(rel, "content/")
	if !strings.HasSuffix(rel, ".md") || strings.HasPrefix(rel, "/") || strings.Contains(rel, "..") {
		fmt.Fprintf(e.stderr, "signpost new: %q must be a .md path inside content/, like content/settings/snapchat.md\n", fset.Arg(0))
		return ExitUsage
	}
	target := filepath.Join(*source, "content", filepath.FromSlash(rel))
	if _, err := os.Stat(target); err == nil {
		fmt.Fprintf(e.stderr, "signpost new: %s already exists; nothing was changed\n", target)
		return ExitProblems
	}
	section := strings.Split(rel, "/")[0]
	if !strings.Contains(rel, "/") {
		section = ""
	}
	arch, name, err := archetype(content.NewSiteFS(*source), section) // no links out of the site, no pipes
	if err != nil {
		fmt.Fprintf(e.stderr, "signpost new: %v\n", err)
		return ExitProblems
	}
	tmpl, err := template.New(name).Parse(string(arch))
	if err != nil {
		fmt.Fprintf(e.stderr, "signpost new: %s: %v\n", name, err)
		return ExitProblems
	}
	today := time.Now()
	base := strings.TrimSuffix(path.Base(rel), ".md")
	if base == "index" || base == "_index" {
		base = path.Base(path.Dir(rel))
	}
	title := content.TitleFromName(base)
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, map[string]string{
		"Title": title, "Today": today.Format("2006-01-02"), "ReviewBy": today.AddDate(1, 0, 0).Format("2006-01-02"),
	}); err != nil {
		fmt.Fprintf(e.stderr, "signpost new: %s: %v\n", name, err)
		return ExitProblems
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		fmt.Fprintf(e.stderr, "signpost new: %v\n", err)
		return ExitProblems
	}
	if err := os.WriteFile(target, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(e.stderr, "signpost new: %v\n", err)
		return ExitProblems
	}
	fmt.Fprintf(e.stdout, "Created %s from %s. It is a draft until you remove draft: true.\n", target, name)
	return ExitOK
}

// archetype finds the archetype for a section: the site's own first, then
// the built-in default.
func archetype(site fs.FS, section string) ([]byte, string, error) {
	var names []string
	if section != "" {
		names = append(names, "archetypes/"+section+".md")
	}
	names = append(names, "archetypes/default.md")
	for _, n := range names {
		b, err := fs.ReadFile(site, n)
		if err == nil {
			return b, n, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, n, err
		}
	}
	b, err := fs.ReadFile(signpost.Theme, "archetypes/default.md")
	return b, "the built-in archetype", err
}
