// Package manifest keeps urls.txt, the list of every URL a site has
// published, so that links from school letters, portals and printed
// sheets never break: a URL in the list must stay published, as a page or
// as an alias of the page that replaced it, unless it is recorded as
// removed on purpose.
package manifest

import (
	"bytes"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
)

// File is the manifest's name at the site root.
const File = "urls.txt"

const header = `# Every URL this site has published, kept by "signpost build": commit it.
# A URL listed here must keep working. When a page moves or is renamed,
# add its old URL to the new page's front matter: aliases: [/old/url/].
# When a page is removed on purpose, build once with
#   signpost build --allow-removed
# to move its URL to the list of removed URLs at the end.
`

const removedHeader = "# Removed on purpose (signpost build --allow-removed); these URLs now show the 404 page:"

// removedPrefix starts a line of a URL removed on purpose.
const removedPrefix = "removed "

// Manifest is a parsed urls.txt.
type Manifest struct {
	// Live maps each published URL to its line.
	Live map[string]int
	// Removed are the URLs recorded as removed on purpose.
	Removed map[string]bool
}

// Parse reads urls.txt. Unknown lines are reported and skipped.
func Parse(src []byte) (*Manifest, diag.List) {
	m := &Manifest{Live: map[string]int{}, Removed: map[string]bool{}}
	var probs diag.List
	for i, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "/"):
			m.Live[line] = i + 1
		case strings.HasPrefix(line, removedPrefix) && strings.HasPrefix(strings.TrimSpace(line[len(removedPrefix):]), "/"):
			m.Removed[strings.TrimSpace(line[len(removedPrefix):])] = true
		default:
			probs.Errorf(File, i+1, 1, `each line is a URL path starting with "/", "removed /path/", or a # comment`, "cannot read line %q", line)
		}
	}
	return m, probs
}

// Format writes a manifest: the live URLs, then the removed ones, sorted
// (in place: a site's live URLs are thousands, and Check makes both
// slices for this call alone).
func Format(live, removed []string) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	slices.Sort(live)
	for _, u := range live {
		b.WriteString(u)
		b.WriteByte('\n')
	}
	if len(removed) > 0 {
		b.WriteString("\n" + removedHeader + "\n")
		slices.Sort(removed)
		for _, u := range removed {
			b.WriteString(removedPrefix)
			b.WriteString(u)
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// Published maps every URL a tree publishes, pages and aliases, to the
// page that publishes it.
func Published(t *content.Tree) map[string]*content.Page {
	out := map[string]*content.Page{}
	for _, p := range t.All {
		out[p.URL] = p
		for _, a := range p.Aliases {
			out[a] = p
		}
	}
	return out
}

// Options say how to check.
type Options struct {
	// AllowRemoved records URLs that are gone as removed on purpose,
	// instead of reporting them as errors.
	AllowRemoved bool
	// Severity of a URL that is gone: diag.Error for build, diag.Warning
	// for serve (which never writes the manifest).
	Severity diag.Severity
}

// Check compares the URLs the tree publishes with urls.txt (src; nil when
// the file does not exist yet). It returns the problems and the manifest
// to write: nil when it would not change.
func Check(src []byte, t *content.Tree, opt Options) ([]byte, diag.List) {
	m, probs := Parse(src)
	published := Published(t)
	removed := map[string]bool{}
	for u := range m.Removed {
		if published[u] == nil { // published again: live once more
			removed[u] = true
		}
	}
	for _, u := range slices.Sorted(maps.Keys(m.Live)) {
		if published[u] != nil {
			continue
		}
		if opt.AllowRemoved {
			removed[u] = true
			// Said before the build has ended: urls.txt is written only if it
			// succeeds, so the message must not claim it already was.
			probs.Warnf(File, m.Live[u], 1, "", "%s was removed on purpose: %s records that when the build succeeds", u, File)
			continue
		}
		probs.Add(diag.Problem{Path: File, Line: m.Live[u], Col: 1, Severity: opt.Severity,
			Message: fmt.Sprintf("%s was published before but no page or alias has that URL now", u),
			Hint:    hint(u, t, m)})
	}
	live := slices.Sorted(maps.Keys(published))
	out := Format(live, slices.Sorted(maps.Keys(removed)))
	if src != nil && bytes.Equal(out, src) {
		return nil, probs
	}
	return out, probs
}

// hint says how to keep a URL working, naming the page that probably
// replaced it: one whose URL ends the same way, or else a page new since
// the last build in the same folder.
func hint(u string, t *content.Tree, m *Manifest) string {
	fix := fmt.Sprintf("if the page moved, add %q to the aliases of the page that replaces it", u)
	dir, last := path.Split(strings.TrimSuffix(u, "/"))
	var moved *content.Page
	for _, p := range t.All {
		if p.File == "" || p.IsGenerated() || p.URL == u { // only a file can take aliases
			continue
		}
		pdir, plast := path.Split(strings.TrimSuffix(p.URL, "/"))
		if strings.EqualFold(plast, last) { // renamed, or only lower-cased
			moved = p
			break
		}
		if _, old := m.Live[p.URL]; !old && pdir == dir && moved == nil {
			moved = p
		}
	}
	if moved != nil {
		fix = fmt.Sprintf("if it moved to %s, add this to the front matter of %s: aliases: [%s]", moved.URL, moved.File, u)
	}
	return fix + `; if it was removed on purpose, run "signpost build --allow-removed" to record that in ` + File
}
