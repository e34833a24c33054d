package site

import (
	"context"
	"maps"
	"net/url"
	"slices"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/hosting"
	"github.com/signpost/signpost/internal/render"
)

// hostingSite is what internal/hosting needs to know of this site: the one
// source of _headers, _redirects and the nginx, Caddy and Apache configs.
func hostingSite(cfg *config.Config, tree *content.Tree, assets map[string]render.Asset) *hosting.Site {
	s := &hosting.Site{Title: cfg.Title, BaseURL: cfg.BaseURL}
	for _, p := range tree.All {
		for _, a := range p.Aliases {
			// Both decoded, as the tree holds URLs; hosting encodes them.
			s.Redirects = append(s.Redirects, hosting.Redirect{From: cfg.BasePath() + a[1:], To: cfg.BasePath() + p.URL[1:]})
		}
	}
	for _, name := range slices.Sorted(maps.Keys(assets)) {
		if a := assets[name]; a.Integrity != "" { // fingerprinted
			u, err := url.PathUnescape(a.URL)
			if err != nil {
				u = a.URL
			}
			s.Fingerprinted = append(s.Fingerprinted, u)
		}
	}
	return s
}

// writeHosting writes _headers and _redirects. A site's own
// static/_headers wins, as its robots.txt does: sites wrote one before
// Signpost did. A static/_redirects beside aliases is a collision the
// recorder reports: the aliases' redirects would be lost.
func (b *builder) writeHosting() {
	s := hostingSite(b.cfg, b.tree, b.assets)
	if !b.sitesOwn("/_headers") {
		b.emit("/_headers", generated("the headers file (_headers)"), s.HeadersFile(), false)
	}
	if r := s.RedirectsFile(); r != nil {
		b.emit("/_redirects", generated("the redirects of aliases (_redirects)"), r, false)
	}
}

// sitesOwn reports whether the site publishes the file u itself.
func (b *builder) sitesOwn(u string) bool {
	src, ok := b.rec.has(u)
	return ok && src.kind != srcGenerated
}

// Hosting loads the site as a build does and returns what a server config
// needs, for "signpost hosting". Fingerprinted is left empty: the configs
// match fingerprinted names by pattern.
func Hosting(ctx context.Context, opt Options) (*hosting.Site, diag.List) {
	s := NewSession(opt)
	cfg, probs := s.loadConfig()
	if probs.HasErrors() {
		return nil, probs
	}
	// The site's own pages: generated pages (the "Who to call" sheets)
	// have no aliases.
	tree, loadProbs := s.loader.Load(ctx, s.site, cfg, content.Options{Drafts: opt.Drafts})
	probs.Add(loadProbs...)
	return hostingSite(cfg, tree, nil), probs
}
