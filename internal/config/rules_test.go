package config

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// TestRules: the related and guidance rules come from the config; a site
// on Signpost's default taxonomies gets their rules, a site with its own
// taxonomies generic ones.
func TestRules(t *testing.T) {
	type rules struct {
		weights  map[string]int // Related.Weight of each taxonomy
		guidance []string
		catalog  []string
		feeds    string
	}
	for _, tc := range []struct {
		name, src string
		want      rules
		probs     []string
	}{
		{name: "default taxonomies bring their rules", src: `title = "S"`,
			want: rules{map[string]int{"topics": 1, "ages": 1, "apps": 2}, []string{"topics"}, []string{"topics", "ages", "apps"}, "topics"}},
		{name: "own taxonomies start generic", src: "[taxonomies]\nsubject = \"subjects\"\nlevel = \"levels\"\n",
			want: rules{map[string]int{"subjects": 1, "levels": 1}, nil, []string{"levels", "subjects"}, ""}},
		{name: "own taxonomies with rules", src: "[taxonomies]\nsubject = \"subjects\"\nlevel = \"levels\"\n[related]\nweights = {levels = 3, subjects = 0}\n[guidance]\ntaxonomies = [\"subjects\"]\ncatalogue = [\"subjects\"]\nfeeds = \"subjects\"\n",
			want: rules{map[string]int{"subjects": 0, "levels": 3}, []string{"subjects"}, []string{"subjects"}, "subjects"}},
		{name: "default taxonomies, rules changed", src: "[related]\nweights = {}\n[guidance]\ntaxonomies = []\nfeeds = \"\"\n",
			want: rules{map[string]int{"topics": 1, "ages": 1, "apps": 1}, []string{}, []string{"topics", "ages", "apps"}, ""}},
		{name: "yaml", src: "related:\n  weights: {ages: 5}\nguidance:\n  taxonomies: [ages]\n",
			want: rules{map[string]int{"topics": 1, "ages": 5, "apps": 1}, []string{"ages"}, []string{"topics", "ages", "apps"}, "topics"}},
		{name: "a taxonomy the site does not have", src: "[related]\nweights = {app = 2}\n\n[guidance]\ntaxonomies = [\"topic\"]\n",
			want: rules{map[string]int{"topics": 1, "ages": 1, "apps": 1}, []string{"topic"}, []string{"topics", "ages", "apps"}, "topics"},
			probs: []string{
				`signpost.toml:2: warning: weights names "app", which is not one of the site's taxonomies`,
				`signpost.toml:5: warning: taxonomies names "topic", which is not one of the site's taxonomies`,
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := "signpost.toml"
			if tc.name == "yaml" {
				name = "signpost.yaml"
			}
			c, probs := Load(fstest.MapFS{name: {Data: []byte(tc.src)}})
			got := rules{weights: map[string]int{}, guidance: c.Guidance.Taxonomies, catalog: c.Guidance.Catalogue, feeds: c.Guidance.Feeds}
			for _, tax := range c.TaxonomyNames() {
				got.weights[tax] = c.Related.Weight(tax)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("rules = %+v\nwant    %+v", got, tc.want)
			}
			var ps []string
			for _, p := range probs {
				ps = append(ps, p.String())
			}
			if strings.Join(ps, "\n") != strings.Join(tc.probs, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(ps, "\n"), strings.Join(tc.probs, "\n"))
			}
		})
	}
}

func TestGuidanceIs(t *testing.T) {
	g := Guidance{Taxonomies: []string{"topics", "apps"}}
	of := func(m map[string][]string) func(string) []string { return func(tax string) []string { return m[tax] } }
	if !g.Is(of(map[string][]string{"apps": {"Roblox"}})) || g.Is(of(map[string][]string{"ages": {"5"}})) || (Guidance{}).Is(of(map[string][]string{"topics": {"x"}})) {
		t.Error("a page is guidance when it has a term in one of the taxonomies, and only then")
	}
}
