package markdown

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"
)

// MayLinkify is mayLinkify, for the tests of the choice.
var MayLinkify = mayLinkify

// Only is c converting every body with goldmark's linkify, or every body
// without it, whatever mayLinkify says.
func Only(c *Converter, linkify bool) *Converter {
	only := *c
	if linkify {
		only.plain = only.md
	} else {
		only.md = only.plain
	}
	return &only
}

// GoldenBodies is the markdown (in.md) of every golden file, of this
// package's and of blocks', for the tests that convert them two ways.
func GoldenBodies(t testing.TB) []string {
	var bodies []string
	for _, glob := range []string{"testdata/*.txtar", "blocks/testdata/*.txtar"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			ar, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range ar.Files {
				if s.Name == "in.md" {
					bodies = append(bodies, string(s.Data))
				}
			}
		}
	}
	return bodies
}
