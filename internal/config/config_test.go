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

// Every problem of the config names its line, in TOML and YAML.
func TestProblemsHaveLines(t *testing.T) {
	for name, tc := range map[string]struct{ file, src, want string }{
		"baseURL":      {"signpost.toml", "title = \"x\"\n\nbaseURL = \"example.org\"\n", `signpost.toml:3: error: baseURL "example.org" is not an absolute URL`},
		"one plural":   {"signpost.toml", "[taxonomies]\ntopic = \"topics\"\nage = \"ages\"\nsubject = \"topics\"\n", `signpost.toml:4: error: taxonomies "topic" and "subject" both have the plural "topics"`},
		"yaml plural":  {"signpost.yaml", "taxonomies:\n  zone: topics\n  area: topics\n", `signpost.yaml:3: error: taxonomies "zone" and "area" both have the plural "topics"`},
		"empty plural": {"signpost.toml", "[taxonomies]\ntopic = \"topics\"\nage = \"\"\n", `signpost.toml:3: error: taxonomy "age" has no plural name`},
	} {
		t.Run(name, func(t *testing.T) {
			c, probs := Load(fstest.MapFS{tc.file: {Data: []byte(tc.src)}})
			if len(probs) != 1 || !strings.Contains(probs[0].String(), tc.want) || probs[0].Hint == "" {
				t.Fatalf("problems: %v, want %s", probs, tc.want)
			}
			if names := c.TaxonomyNames(); len(names) != len(c.Taxonomies) {
				t.Errorf("taxonomies %v and names %v disagree", c.Taxonomies, names)
			}
		})
	}
}

func TestLine(t *testing.T) {
	c := &Config{src: []byte("title = \"x\"\n[menus]\nmain = [\n  {name = \"A\", pageRef = \"a.md\"},\n  {name = \"B\", pageRef = \"b.md\"},\n]\n")}
	for _, tc := range []struct {
		key, value string
		want       int
	}{{"title", "", 1}, {"pageRef", "b.md", 5}, {"pageRef", "", 4}, {"missing", "", 1}, {"name", "B", 5}} {
		var got int
		if tc.value == "" {
			got = c.Line(tc.key)
		} else {
			got = c.Line(tc.key, tc.value)
		}
		if got != tc.want {
			t.Errorf("Line(%q, %q) = %d, want %d", tc.key, tc.value, got, tc.want)
		}
	}
}
