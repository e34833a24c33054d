package signpost_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The README's project layout names every package, so a new one cannot
// land without a line saying what it does.
func TestReadmeListsEveryPackage(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, layout, ok := strings.Cut(string(readme), "## Project layout\n")
	if !ok {
		t.Fatal("README.md has no \"## Project layout\" section")
	}
	layout, _, _ = strings.Cut(layout, "\n## ")
	var dirs []string
	for _, root := range []string{"cmd", "internal"} {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			if !d.IsDir() || !hasGo(t, p) {
				return nil
			}
			dirs = append(dirs, filepath.ToSlash(p))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(dirs) < 10 {
		t.Fatalf("found only %d packages: %v", len(dirs), dirs)
	}
	for _, d := range dirs {
		// A sub-package may be named by its folder within its parent's
		// line, as markdown's blocks/.
		if !strings.Contains(layout, "`"+d+"`") && !strings.Contains(layout, "`"+filepath.Base(d)+"/`") {
			t.Errorf("README.md's project layout does not name `%s`: add a line saying what it does", d)
		}
	}
}

func hasGo(t *testing.T, dir string) bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	return len(files) > 0
}
