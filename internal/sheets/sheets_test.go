package sheets

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

const helplines = `
uk-emergency:
  name: Police (UK)
  phone: "999"
  country: UK
childline:
  name: Childline
  country: UK
au-emergency:
  name: Police (Australia)
  phone: "000"
  country: Australia
nowhere:
  name: No country
`

func TestPages(t *testing.T) {
	site := fstest.MapFS{DataFile: {Data: []byte(helplines)}}
	pages := Pages(site)
	var names []string
	for n := range pages {
		names = append(names, n)
	}
	if len(pages) != 3 {
		t.Fatalf("pages: %v", names)
	}
	uk := string(pages["content/who-to-call/uk.md"])
	if !strings.Contains(uk, "title: Who to call in the UK\n") || !strings.Contains(uk, "weight: 1\n") ||
		strings.Index(uk, ":::helpline uk-emergency") > strings.Index(uk, ":::helpline childline") {
		t.Errorf("uk sheet:\n%s", uk)
	}
	if au := string(pages["content/who-to-call/australia.md"]); !strings.Contains(au, "in Australia\n") || strings.Contains(au, "childline") {
		t.Errorf("australia sheet:\n%s", au)
	}
	// A site's own page wins.
	site["content/who-to-call/uk.md"] = &fstest.MapFile{Data: []byte("ours")}
	if _, ok := Pages(site)["content/who-to-call/uk.md"]; ok {
		t.Error("generated over the site's own file")
	}
	if Pages(fstest.MapFS{}) != nil {
		t.Error("no data, no sheets")
	}
}

func TestOverlay(t *testing.T) {
	site := fstest.MapFS{
		DataFile:                {Data: []byte(helplines)},
		"content/_index.md":     {Data: []byte("home")},
		"content/who-to-call/x": {Data: []byte("a file of the site")},
	}
	o, added := Overlay(site)
	if want := []string{"content/who-to-call/_index.md", "content/who-to-call/australia.md", "content/who-to-call/uk.md"}; !reflect.DeepEqual(added, want) {
		t.Errorf("added %v", added)
	}
	var walked []string
	fs.WalkDir(o, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		walked = append(walked, p)
		return nil
	})
	want := []string{"content", "content/_index.md", "content/who-to-call", "content/who-to-call/_index.md", "content/who-to-call/australia.md", "content/who-to-call/uk.md", "content/who-to-call/x"}
	if !reflect.DeepEqual(walked, want) {
		t.Errorf("walked %v", walked)
	}
	if b, err := fs.ReadFile(o, "content/who-to-call/uk.md"); err != nil || !strings.Contains(string(b), "Who to call") {
		t.Errorf("read: %v", err)
	}
	if b, _ := fs.ReadFile(o, "content/_index.md"); string(b) != "home" {
		t.Error("base files read through")
	}
	if err := fstest.TestFS(o, "content/who-to-call/uk.md", "content/_index.md", DataFile); err != nil {
		t.Error(err)
	}
	if same, _ := Overlay(fstest.MapFS{}); !reflect.DeepEqual(same, fstest.MapFS{}) {
		t.Error("without helplines the site is returned as it is")
	}
}
