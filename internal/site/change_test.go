package site_test

import (
	"testing"

	"github.com/signpost/signpost/internal/site"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		path string
		want site.ChangeKind
	}{
		{"signpost.toml", site.ChangeConfig},
		{"signpost.yaml", site.ChangeConfig},
		{"signpost.yml", site.ChangeConfig},
		{"config/signpost.toml", site.ChangeOther},
		{"README.md", site.ChangeOther},
		{"public/index.html", site.ChangeOther},
		{"contents/a.md", site.ChangeOther},
		{"content/a.md", site.ChangeContent},
		{"content/_index.md", site.ChangeContent},
		{"content/guides/apps/index.md", site.ChangeContent},
		{"content/guides/apps/photo.png", site.ChangeResource},
		{"content/notes.txt", site.ChangeResource},
		{"content/a.md.bak", site.ChangeResource},
		{"content", site.ChangeResource},
		{"layouts/_default/single.html", site.ChangeLayout},
		{"layouts/partials/head.html", site.ChangeLayout},
		{"layouts/x.md", site.ChangeLayout},
		{"archetypes/default.md", site.ChangeArchetype},
		{"assets/css/site.css", site.ChangeAsset},
		{"assets/js/search.js", site.ChangeAsset},
		{"static/robots.txt", site.ChangeStatic},
		{"static/.well-known/security.txt", site.ChangeStatic},
		{"static/page.md", site.ChangeStatic},
		{"data/helplines.yaml", site.ChangeData},
		{"i18n/cy.toml", site.ChangeI18n},
		{"i18n/en.yaml", site.ChangeI18n},
	}
	for _, tt := range tests {
		if got := site.Classify(tt.path); got != tt.want {
			t.Errorf("Classify(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

// Every input folder has a kind, and nothing outside them is an input
// but the config file.
func TestClassifyKnowsEveryInputFolder(t *testing.T) {
	for _, d := range site.InputDirs {
		if k := site.Classify(d + "/x"); k == site.ChangeOther || k == site.ChangeConfig {
			t.Errorf("Classify(%q) = %v: an input folder without a kind", d+"/x", k)
		}
	}
}

func TestChangeKindNames(t *testing.T) {
	seen := map[string]bool{}
	for k := site.ChangeOther; k <= site.ChangeI18n; k++ {
		name := k.String()
		if seen[name] {
			t.Errorf("two kinds are called %q", name)
		}
		seen[name] = true
	}
	if got := site.ChangeKind(99).String(); got != "ChangeKind(99)" {
		t.Errorf("unknown kind prints %q", got)
	}
}
