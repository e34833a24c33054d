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
	"unicode"

	signpost "github.com/signpost/signpost"
	"github.com/signpost/signpost/internal/config"
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
	site := content.NewSiteFS(*source) // no links out of the site, no pipes
	cfg, _ := config.Load(site)        // problems in it are the build's to report
	title := newTitle(rel, cfg)        // from the name as typed, capitals and all
	exists := func(dir string) bool {
		fi, err := os.Stat(filepath.Join(*source, "content", filepath.FromSlash(dir)))
		return err == nil && fi.IsDir()
	}
	if slug := slugPath(rel, cfg, exists); slug != rel {
		fmt.Fprintf(e.stdout, "Using the name content/%s instead of content/%s: a file's name is its page's web address, which is easiest to type and share in small letters without spaces.\n", slug, rel)
		rel = slug
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
	arch, name, err := archetype(site, section)
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
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, map[string]string{
		"Title": titleMark, "Today": today.Format("2006-01-02"), "ReviewBy": today.AddDate(1, 0, 0).Format("2006-01-02"),
	}); err != nil {
		fmt.Fprintf(e.stderr, "signpost new: %s: %v\n", name, err)
		return ExitProblems
	}
	buf = *bytes.NewBuffer(pasteTitle(buf.Bytes(), title))
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

// slugPath is rel with every folder and file name in the form its URL
// reads well in: spaces and marks that need escaping in a URL (: " ? # %)
// become hyphens and, unless the site sets
// disablePathToLower, capitals small letters, so that the name and the
// address agree.
func slugPath(rel string, cfg *config.Config, exists func(dir string) bool) string {
	parts := strings.Split(strings.TrimSuffix(rel, ".md"), "/")
	for i, p := range parts {
		if p == "_index" || p == "index" || (i < len(parts)-1 && exists(strings.Join(parts[:i+1], "/"))) {
			continue // a folder that is already there keeps its name (the build warns about it)
		}
		slug := strings.Join(strings.FieldsFunc(p, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && !strings.ContainsRune("-_.", r)
		}), "-")
		if cfg == nil || !cfg.DisablePathToLower {
			slug = strings.ToLower(slug)
		}
		if slug != "" {
			parts[i] = slug
		}
	}
	return strings.Join(parts, "/") + ".md"
}

// newTitle is a new page's title: the site's title for the home page,
// otherwise the file's (or, for index.md and _index.md, its folder's)
// name read as words.
func newTitle(rel string, cfg *config.Config) string {
	base := strings.TrimSuffix(path.Base(rel), ".md")
	if base == "index" || base == "_index" {
		base = path.Base(path.Dir(rel))
	}
	if base == "." {
		if cfg != nil && cfg.Title != "" {
			return cfg.Title
		}
		return "Home"
	}
	return content.TitleFromName(base)
}

// titleMark stands in for the title while the archetype runs, so that the
// title can then be written as YAML wants it where it is a whole value.
const titleMark = "\x00signpost-title\x00"

// pasteTitle puts title where the archetype had {{.Title}}. In the front
// matter, where it is a key's whole value (quoted by the archetype or
// not), it is written as a double-quoted YAML string, so that a title
// with ":" or '"' still reads back as itself; elsewhere (the body) as is.
func pasteTitle(doc []byte, title string) []byte {
	lines := strings.SplitAfter(string(doc), "\n")
	inFront := len(lines) > 0 && strings.TrimSpace(lines[0]) == "---"
	for i, l := range lines {
		if i > 0 && inFront && strings.TrimSpace(l) == "---" {
			inFront = false
		}
		if !inFront || !strings.Contains(l, titleMark) {
			continue
		}
		key, val, ok := strings.Cut(l, ":")
		v := strings.TrimSpace(val)
		for _, q := range []string{`"`, "'"} {
			if len(v) >= 2 && strings.HasPrefix(v, q) && strings.HasSuffix(v, q) {
				v = v[1 : len(v)-1]
			}
		}
		if ok && v == titleMark {
			lines[i] = key + ": " + yamlQuote(title) + "\n"
		}
	}
	return []byte(strings.ReplaceAll(strings.Join(lines, ""), titleMark, title))
}

// yamlQuote writes s as a double-quoted YAML string.
func yamlQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\t", `\t`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
