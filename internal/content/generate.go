package content

import (
	"crypto/sha256"
	"io/fs"
	"strings"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/diag"
)

// A Generator makes pages from a site's data rather than from its files:
// the "Who to call" sheets come from data/helplines.yaml. It builds each
// page as a value (kind, content path, title, params, markdown body and
// where in its data each line comes from), so no text is pasted into front
// matter and its problems point at the data. A site's own file at a
// generated page's path wins over the generated page.
type Generator func(site fs.FS, cfg *config.Config) ([]*Page, diag.List)

// NewGenerated starts a page for a Generator: kind is KindPage or
// KindSection, file the content path the page stands at (a section's is
// its folder's _index.md), origin where its data is written. Add its body
// with AddLine.
func NewGenerated(kind Kind, file string, origin Pos) *Page {
	p := &Page{Kind: kind, File: file, Origin: origin, Body: []byte{}, BodyLine: 1, ShowTOC: true, Params: map[string]any{}}
	return p
}

// AddLine appends a line of markdown to a generated page's body; dataLine
// is the line of Origin.Path it comes from (0 for the origin's line).
func (p *Page) AddLine(text string, dataLine int) {
	// One line stays one line, whatever the data held.
	text = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(text)
	p.Body = append(append(p.Body, text...), '\n')
	p.more().bodyLines = append(p.more().bodyLines, dataLine)
}

// generated runs the generators and returns the pages to add, leaving out
// those at a path where the site has a file of its own.
func generated(gens []Generator, fsys fs.FS, cfg *config.Config, have map[string]bool, probs *diag.List) ([]srcFile, []*Page) {
	var files []srcFile
	var pages []*Page
	for _, gen := range gens {
		ps, pr := gen(fsys, cfg)
		probs.Add(pr...)
		for _, p := range ps {
			f, ok := classify(cfg, roots(cfg), p.File)
			if !ok || f.kind != p.Kind && !(f.kind == KindHome && p.Kind == KindSection) {
				probs.Errorf(p.Origin.Path, p.Origin.Line, 0, "this is a fault in Signpost, not in your site: please report it",
					"the page %q made from this data cannot be published at %s", p.Title, p.File)
				continue
			}
			if have[p.File] {
				continue
			}
			have[p.File] = true
			p.Kind = f.kind
			p.Lang, p.Language, p.neutral = f.lang.Key, f.lang, f.neutral
			p.Digest = sha256.Sum256(p.Body)
			files = append(files, f)
			pages = append(pages, p)
		}
	}
	return files, pages
}
