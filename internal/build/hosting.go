package build

import (
	"context"
	"maps"
	"slices"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/hosting"
	"github.com/signpost/signpost/internal/render"
	"github.com/signpost/signpost/internal/sheets"
)

// hostingSite is what internal/hosting needs to know of this site: the one
// source of _headers, _redirects and the nginx, Caddy and Apache configs.
func hostingSite(cfg *config.Config, tree *content.Tree, assets map[string]render.Asset) *hosting.Site {
	s := &hosting.Site{Title: cfg.Title, BaseURL: cfg.BaseURL}
	for _, p := range tree.All {
		for _, a := range p.Aliases {
			s.Redirects = append(s.Redirects, hosting.Redirect{From: cfg.BasePath() + a[1:], To: p.RelPermalink})
		}
	}
	for _, name := range slices.Sorted(maps.Keys(assets)) {
		if a := assets[name]; a.Integrity != "" { // fingerprinted
			s.Fingerprinted = append(s.Fingerprinted, a.URL)
		}
	}
	return s
}

// writeHosting writes _headers and _redirects, unless the site publishes
// its own from static/ (as with robots.txt, the site's file wins).
func (b *builder) writeHosting() {
	s := hostingSite(b.cfg, b.tree, b.assets)
	if !b.fileSet["/_headers"] {
		b.writeGlobal("_headers", s.HeadersFile(), false)
	}
	if r := s.RedirectsFile(); r != nil && !b.fileSet["/_redirects"] {
		b.writeGlobal("_redirects", r, false)
	}
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
	site, _ := sheets.Overlay(s.base)
	tree, loadProbs := s.loader.Load(ctx, site, cfg, content.Options{Drafts: opt.Drafts})
	probs.Add(loadProbs...)
	return hostingSite(cfg, tree, nil), probs
}
