package server

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/signpost/signpost/internal/sitetest"
)

// The "Who to call" sheets are made from data/helplines.yaml: when serve
// sees the data change, the preview serves the sheets made from the new
// data (a new country, a renamed helpline, a country with a colon) and
// stops serving a sheet whose country is gone; a data problem shows in
// the overlay at its line of the data file.
func TestServeRebuildsSheetsWhenDataChanges(t *testing.T) {
	dir := sitetest.Write(t, testSite+`
-- data/helplines.yaml --
a:
  name: Alpha line
  phone: "1"
  country: Narnia
`)
	s, err := New(Options{Build: sitetest.Options(dir), Debounce: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if res := s.Rebuild(ctx, nil); res.Problems.HasErrors() {
		t.Fatal(res.Problems)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	ts := srv.URL
	if code, body := get(t, ts+"/who-to-call/narnia/"); code != 200 || !strings.Contains(body, "Alpha line") {
		t.Fatalf("first sheet: %d\n%s", code, body)
	}

	data := filepath.Join(dir, "data/helplines.yaml")
	os.WriteFile(data, []byte("a:\n  name: Alpha line renamed\n  phone: \"1\"\n  country: \"Archenland: North\"\n"), 0o644)
	if res := s.Rebuild(ctx, []string{"data/helplines.yaml"}); res.Problems.HasErrors() {
		t.Fatal(res.Problems)
	}
	if code, body := get(t, ts+"/who-to-call/archenland-north/"); code != 200 || !strings.Contains(body, "Who to call in Archenland: North") || !strings.Contains(body, "Alpha line renamed") {
		t.Errorf("sheet of the new country: %d\n%s", code, body)
	}
	if code, _ := get(t, ts+"/who-to-call/narnia/"); code != 404 {
		t.Errorf("the sheet of a country no longer in the data: %d, want 404", code)
	}

	os.WriteFile(data, []byte("a:\n  name: Alpha line\n  phone: \"1\"\n  country: [Narnia]\n"), 0o644)
	res := s.Rebuild(ctx, []string{"data/helplines.yaml"})
	found := false
	for _, p := range res.Problems {
		found = found || strings.HasPrefix(p.String(), `data/helplines.yaml:4: warning: helpline "a": country is not text`)
	}
	if !found {
		t.Errorf("problems: %v", res.Problems)
	}
}
