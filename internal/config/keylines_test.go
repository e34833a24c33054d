package config

import (
	"reflect"
	"slices"
	"testing"
)

// TestKeyLines places keys where the parser reads them, including the
// cases a line-by-line search gets wrong.
func TestKeyLines(t *testing.T) {
	tests := []struct {
		name, format, src, key string
		line                   int
		items                  []int
	}{
		{"plain", "yaml", "title: A\ndescription: B\n", "description", 2, nil},
		{"quoted key", "yaml", "\"title\": A\n'description': B\n", "description", 2, nil},
		{"nested map key is not top-level", "yaml", "params:\n  title: x\ntitle: A\n", "title", 3, nil},
		{"multi-line string", "yaml", "summary: |\n  title: not a key\ntitle: A\n", "title", 3, nil},
		{"key in a comment", "yaml", "# title: old\ntitle: A\n", "title", 2, nil},
		{"flow mapping on one line", "yaml", "{title: A, weight: 2}\n", "weight", 1, nil},
		{"block list items", "yaml", "sources:\n  - title: A\n    url: x\n  # note\n  - title: B\n", "sources", 1, []int{2, 5}},
		{"dash on its own line", "yaml", "sources:\n  -\n    title: A\n", "sources", 1, []int{2}},
		{"flow list", "yaml", "aliases: [/a/, /b/]\n", "aliases", 1, []int{1, 1}},
		{"missing", "yaml", "title: A\n", "weight", 0, nil},
		{"broken yaml has no lines", "yaml", "title: [\n", "title", 0, nil},
		{"toml plain", "toml", "title = 'A'\nweight = 2\n", "weight", 2, nil},
		{"toml quoted key", "toml", "\"weight\" = 2\n", "weight", 1, nil},
		{"toml key in a table", "toml", "title = 'A'\n[params]\nweight = 2\n", "weight", 0, nil},
		{"toml table header", "toml", "title = 'A'\n\n[params]\nx = 1\n", "params", 3, nil},
		{"toml dotted key", "toml", "params.x = 1\n", "params", 1, nil},
		{"toml multi-line string", "toml", "summary = '''\nweight = 1\n'''\nweight = 2\n", "weight", 4, nil},
		{"toml array of tables", "toml", "title = 'A'\n[[sources]]\ntitle = 'x'\n[[sources]]\ntitle = 'y'\n", "sources", 2, []int{2, 4}},
		{"toml inline list", "toml", "sources = [\n  {title = 'x'},\n  {title = 'y'},\n]\n", "sources", 1, []int{2, 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k := ReadKeyLines(tc.format, []byte(tc.src))
			if got := k.Line(tc.key); got != tc.line {
				t.Errorf("Line(%q) = %d, want %d", tc.key, got, tc.line)
			}
			if got := k.Items(tc.key); !slices.Equal(got, tc.items) {
				t.Errorf("Items(%q) = %v, want %v", tc.key, got, tc.items)
			}
		})
	}
}

// TestItemKeyLines: the keys of each map in a list, in every way of
// writing one.
func TestItemKeyLines(t *testing.T) {
	tests := []struct {
		name, format, src string
		want              []int // line of "url" in items 0, 1
	}{
		{"yaml block", "yaml", "sources:\n  - title: A\n    url: x\n  - url: y\n    title: B\n", []int{3, 4}},
		{"yaml dash alone", "yaml", "sources:\n  -\n    title: A\n    url: x\n  - {title: B}\n", []int{4, 0}},
		{"yaml flow", "yaml", "sources: [{title: A, url: x},\n  {url: y}]\n", []int{1, 2}},
		{"toml array of tables", "toml", "[[sources]]\ntitle = 'A'\nurl = 'x'\n[[sources]]\ntitle = 'B'\n\nurl = 'y'\n[params]\nurl = 'z'\n", []int{3, 7}},
		{"toml table after the items", "toml", "[[sources]]\ntitle = 'A'\n[params]\nurl = 'z'\n", []int{0, 0}},
		{"toml inline tables", "toml", "sources = [\n  {title = 'A', url = 'x'},\n  {title = 'B',\n   url = 'y'},\n]\n", []int{2, 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k := ReadKeyLines(tc.format, []byte(tc.src))
			got := []int{k.ItemKey("sources", 0, "url"), k.ItemKey("sources", 1, "url")}
			if !slices.Equal(got, tc.want) {
				t.Errorf("url lines = %v, want %v", got, tc.want)
			}
		})
	}
}

// BenchmarkKeyLines compares reading a page's key lines with decoding its
// front matter, which every page does anyway.
func BenchmarkKeyLines(b *testing.B) {
	fm := []byte("\ntitle: How to report in the UK\ndescription: Every place to report online grooming.\ntopics: [Reporting, Image removal]\nages: [Under 5, 5 to 7]\nreviewed: 2026-11-28\nreview_by: 2027-11-28\nsources:\n  - title: CEOP\n    url: https://www.ceop.police.uk/\n    checked: 2026-11-28\n  - title: IWF\n    url: https://www.iwf.org.uk/\n    checked: 2026-11-28\n")
	b.Run("decode", func(b *testing.B) {
		for b.Loop() {
			var m map[string]any
			Decode("yaml", "a.md", fm, &m)
		}
	})
	b.Run("decode+keylines", func(b *testing.B) {
		for b.Loop() {
			var m map[string]any
			Decode("yaml", "a.md", fm, &m)
			ReadKeyLines("yaml", fm)
		}
	})
	b.Run("decodelines", func(b *testing.B) {
		for b.Loop() {
			var m map[string]any
			DecodeLines("yaml", "a.md", fm, &m)
		}
	})
}

// TestDecodeLinesIsDecode: decoding from the tree the lines come from
// gives what Decode gives, problems included.
func TestDecodeLinesIsDecode(t *testing.T) {
	for _, src := range []string{
		"title: A\n", "", "\n", "# only a comment\n", "title: A\ndate: 2026-11-28\nweight: 3\ndraft: true\n",
		"a: &x {b: 1}\nc: *x\n", "base: &b\n  k: 1\nother:\n  <<: *b\n  j: 2\n", "list: [1, two, 3.5]\nnull: ~\n",
		"text: |\n  two\n  lines\n", "'quoted': \"x\"\n", "just text\n", "- a\n- b\n", "title: [\n", "a: 1\n a: 2\n",
		"\xef\xbb\xbftitle: A\n", "title: \xff\n", "title: A\ntitle: B\n", "when: 2026-11-28T10:00:00Z\n",
	} {
		var want, got map[string]any
		wp, wok := Decode("yaml", "a.md", []byte(src), &want)
		_, gp, gok := DecodeLines("yaml", "a.md", []byte(src), &got)
		if wok != gok || wp.String() != gp.String() || !reflect.DeepEqual(want, got) {
			t.Errorf("%q: DecodeLines = %v, %v, %q; Decode = %v, %v, %q", src, got, gok, gp, want, wok, wp)
		}
	}
}

// TestMarkFilled: a key marked filled is told apart from one that is not,
// and marking a key the document does not have gives it no line.
func TestMarkFilled(t *testing.T) {
	k := ReadKeyLines("yaml", []byte("title: A\ndescription:\nsources:\n  - url: x\n"))
	k.MarkFilled("title")
	k.MarkFilled("sources")
	k.MarkFilled("params")
	if !k.Filled("title") || k.Filled("description") || !k.Filled("sources") || !k.Filled("params") || k.Filled("nothing") {
		t.Errorf("filled %+v", k)
	}
	if k.Line("params") != 0 || k.Line("title") != 1 || k.Line("description") != 2 {
		t.Errorf("lines %d %d %d", k.Line("params"), k.Line("title"), k.Line("description"))
	}
	if l, _ := k.ItemLine("sources", 0); l != 4 || k.ItemKey("sources", 0, "url") != 4 {
		t.Errorf("items %+v", k)
	}
}
