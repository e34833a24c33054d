package feed

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

func TestTimeIsUTC(t *testing.T) {
	london := time.FixedZone("BST", 3600)
	got := Time(time.Date(2025, 6, 1, 0, 30, 0, 0, london))
	if got != "2025-05-31T23:30:00Z" {
		t.Errorf("Time = %q, want the same instant in UTC, 2025-05-31T23:30:00Z", got)
	}
}

// A feed reader parses what Marshal writes back into the same feed: the
// Atom namespace, escaped text, and optional parts left out when empty.
func TestMarshalRoundTrip(t *testing.T) {
	f := Feed{Lang: "en-GB", Title: "Apps & games <new>", ID: "https://example.org/", Updated: "2025-06-01T00:00:00Z",
		Links: []Link{{Href: "https://example.org/feed.xml", Rel: "self", Type: "application/atom+xml"}}, Author: "Signpost",
		Entries: []Entry{
			{Title: "Roblox", ID: "https://example.org/apps/roblox/", Link: Link{Href: "https://example.org/apps/roblox/"},
				Updated: "2025-05-01T00:00:00Z", Summary: `What "friends" means`, Categories: []Category{{Term: "gaming"}}},
			{Title: "Bare", ID: "https://example.org/bare/", Link: Link{Href: "https://example.org/bare/"}, Updated: "2025-04-01T00:00:00Z"},
		}}
	out, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if !strings.HasPrefix(s, xml.Header) || !strings.HasSuffix(s, "</feed>\n") {
		t.Errorf("not a whole document with an XML declaration:\n%s", s)
	}
	for _, want := range []string{`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">`, "Apps &amp; games &lt;new&gt;"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %s:\n%s", want, s)
		}
	}
	if strings.Contains(s, "<subtitle>") || strings.Count(s, "<summary>") != 1 || strings.Count(s, "<category") != 1 {
		t.Errorf("empty subtitle, summary or categories written:\n%s", s)
	}
	var back Feed
	if err := xml.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if back.Title != f.Title || len(back.Entries) != 2 || back.Entries[0].Summary != f.Entries[0].Summary ||
		back.Entries[0].Categories[0].Term != "gaming" || back.Links[0] != f.Links[0] || back.Author != "Signpost" {
		t.Errorf("read back %+v, want %+v", back, f)
	}
}
