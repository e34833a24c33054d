package site

import (
	"errors"
	"io/fs"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/manifest"
)

// URLPolicy says what a build does with urls.txt, the manifest of every
// URL the site has published (see internal/manifest).
type URLPolicy int

const (
	// URLsIgnore leaves urls.txt alone (tests, tools).
	URLsIgnore URLPolicy = iota
	// URLsWarn warns about published URLs that are gone and never writes
	// the manifest (serve: files change under the editor's hands).
	URLsWarn
	// URLsKeep fails the build when a published URL is gone, and adds new
	// URLs to urls.txt after a successful build (signpost build).
	URLsKeep
)

// checkURLs compares the tree's URLs with urls.txt. It returns the
// manifest to write after a successful build, or nil.
func (s *Session) checkURLs(tree *content.Tree) ([]byte, diag.List) {
	if s.opt.URLs == URLsIgnore {
		return nil, nil
	}
	// A page whose front matter could not be read has lost its URL, its
	// aliases and its taxonomy terms: every URL missing because of it
	// would be reported as unpublished, with hints to record it as
	// removed. The guard judges only when every page loaded; the page's
	// own error is the one problem reported.
	if tree.Unread {
		return nil, nil // the same for a file or folder of content/ that could not be read
	}
	for _, p := range tree.All {
		if p.Broken {
			return nil, nil
		}
	}
	src, err := fs.ReadFile(s.site, manifest.File)
	src = config.StripBOM(src)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, diag.List{content.ReadProblem(manifest.File, err)}
	}
	opt := manifest.Options{AllowRemoved: s.opt.AllowRemoved, Severity: diag.Error}
	if s.opt.URLs == URLsWarn {
		opt = manifest.Options{Severity: diag.Warning}
	}
	out, probs := manifest.Check(src, tree, opt)
	if s.opt.URLs != URLsKeep || s.opt.Drafts || s.opt.Source == "" || s.opt.Site != nil {
		return nil, probs // drafts are not published; a test site has no folder
	}
	return out, probs
}

// writeManifest replaces urls.txt in the site folder.
func (s *Session) writeManifest(data []byte) error {
	if data == nil {
		return nil
	}
	return writeInPlace(s.opt.Source, manifest.File, data)
}
