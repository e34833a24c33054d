package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadMinimal(t *testing.T) {
	fsys := fstest.MapFS{"signpost.toml": {Data: []byte("title = \"Site\"\nbaseURL = \"https://example.org\"\n")}}
	c, probs := Load(fsys)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	if c.Title != "Site" || c.BaseURL != "https://example.org/" || c.LanguageCode != "en" {
		t.Errorf("bad config: %+v", c)
	}
	if got := strings.Join(c.TaxonomyNames(), ","); got != "ages,apps,topics" {
		t.Errorf("taxonomies = %s", got)
	}
	if !c.MinifyOutput() {
		t.Error("minify should default on")
	}
}

func TestLoadYAMLAndUnknownKey(t *testing.T) {
	fsys := fstest.MapFS{"signpost.yaml": {Data: []byte("title: Site\nbaseURL: https://example.org/guide\ntitel: x\nminify: false\n")}}
	c, probs := Load(fsys)
	if len(probs) != 1 || !strings.Contains(probs[0].String(), `signpost.yaml:3: warning: unknown config key "titel"`) || probs[0].Hint != `did you mean "title"?` {
		t.Fatalf("problems: %v", probs)
	}
	if c.MinifyOutput() || c.BasePath() != "/guide/" {
		t.Errorf("bad config: %+v", c)
	}
}

func TestLoadErrors(t *testing.T) {
	for name, tc := range map[string]struct{ file, src, want string }{
		"bad toml":    {"signpost.toml", "title = \"x\"\nbaseURL = \n", "signpost.toml:2:"},
		"bad yaml":    {"signpost.yaml", "title: x\n  baseURL: [\n", "signpost.yaml:"},
		"bad baseURL": {"signpost.toml", "baseURL = \"example.org\"\n", "not an absolute URL"},
	} {
		t.Run(name, func(t *testing.T) {
			_, probs := Load(fstest.MapFS{tc.file: {Data: []byte(tc.src)}})
			if !probs.HasErrors() || !strings.Contains(probs[0].String(), tc.want) {
				t.Fatalf("want error containing %q, got %v", tc.want, probs)
			}
		})
	}
}
