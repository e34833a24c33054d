package config

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"
)

// plainYAML are front matters plainMap reads (plain: true) or leaves to
// the library (false), each with what the library makes of it.
var plainYAML = []struct {
	src   string
	plain bool
}{
	{"title: A\ndescription: B\n", true},
	{"title: \"Quoted: yes\"\n'single': 'it''s'\n", true},
	{"weight: 3\nbig: 18446744073709551615\nneg: -4\nhex: 0x1F\noct: 0o17\n", true},
	{"f: 1.5\ne: 1e3\nnot_a_number: 1.2.3\nv: 01\n", true},
	{"draft: true\ntoc: false\nyes_is_text: yes\non: off\n", true},
	{"empty:\nnothing: null\ntilde: ~\nblank: ''\n", true},
	{"null: key\n", false},
	{"date: 2025-08-01\nat: 2025-08-01T10:00:00Z\n", true},
	{"tags: [Friends, Tag 31, \"Tag 47\"]\nlist:\n  - a\n  - 2\n  - [b, c]\n", true},
	{"params:\n  a: 1\n  nested:\n    b: [x, y]\n  m: {k: v, n: 2}\n", true},
	{"sources:\n  - title: NSPCC\n    url: https://www.nspcc.org.uk/\n    checked: 2026-01-02\n  - title: B\n", true},
	{"summary: |\n  Two\n  lines\nfolded: >\n  one\n  line\nkeep: |+\n  x\n\n", true},
	{"single: only\n", true},
	{"title: A # a comment\n# a comment line\nweight: 1\n", true},
	{"title: “Curly”\nquote: \"a \\\"b\\\" \\u00e9\"\n", true},
	{"multi: first line\n  continues here\n", true},
	{"title: A\ntitle: B\n", false},
	{"params:\n  a: 1\n  a: 2\n", false},
	{"base: &b {x: 1}\nother: *b\n", false},
	{"<<: {x: 1}\ny: 2\n", false},
	{"t: !!str 12\nn: !!int \"3\"\n", false},
	{"1: one\ntrue: yes\n", false},
	{"params:\n  1: one\n", false},
	{"inf: .inf\nnan: .nan\n", false},
	{"? complex\n: key\n", false},
}

// TestPlainMapIsNodeToValue checks that plainMap makes what the library's
// NodeToValue makes, value for value and type for type, and leaves to it
// what it does not read.
func TestPlainMapIsNodeToValue(t *testing.T) {
	for _, tt := range plainYAML {
		t.Run(tt.src, func(t *testing.T) {
			_, plain := comparePlain(t, []byte(tt.src))
			if plain != tt.plain {
				t.Errorf("plainMap read it: %v, want %v", plain, tt.plain)
			}
		})
	}
}

// FuzzPlainMap: whatever plainMap reads, the library reads the same.
func FuzzPlainMap(f *testing.F) {
	for _, tt := range plainYAML {
		f.Add(tt.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 {
			return
		}
		comparePlain(t, []byte(src))
	})
}

// comparePlain parses src and compares plainMap's map with NodeToValue's;
// parsed is false when src is not one YAML document.
func comparePlain(t *testing.T, src []byte) (parsed, plain bool) {
	t.Helper()
	f, err := parser.ParseBytes(src, 0)
	if err != nil || len(f.Docs) != 1 || f.Docs[0].Body == nil {
		return false, false
	}
	body := f.Docs[0].Body
	got, plain := plainMap(body)
	if !plain {
		return true, false
	}
	var want map[string]any
	if err := yaml.NodeToValue(body, &want); err != nil {
		t.Fatalf("plainMap read %q, which the library refuses: %v", src, err)
	}
	if !reflect.DeepEqual(got, want) || fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) {
		t.Fatalf("plainMap(%q)\n got %#v\nwant %#v", src, got, want)
	}
	return true, true
}
