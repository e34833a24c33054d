package search

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

func TestTitleRegions(t *testing.T) {
	for _, tc := range []struct {
		title string
		want  []string
	}{
		{"How to report in the UK", []string{"GB"}},
		{"How to report in the US", []string{"US"}},
		{"Who to call in Australia", []string{"AU"}},
		{"Help us keep children safe", nil}, // "us" is not a country
		{"USB sticks and UKULELES", nil},    // whole words only
		{"Reporting in Northern Ireland", []string{"GB"}},
		{"Reporting in Ireland and the UK", []string{"GB", "IE"}},
		{"Snapchat settings", nil},
		{"Australia's under-16 rule (US too)", []string{"AU", "US"}},
	} {
		var got []string
		for r := range titleRegions(tc.title) {
			got = append(got, r)
		}
		slices.Sort(got)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("titleRegions(%q) = %v, want %v", tc.title, got, tc.want)
		}
	}
}

// A page keeps all of its scores unless it is for another country or in a
// minor section; a foreign page's own country's names count more, not less.
func TestShare(t *testing.T) {
	score := func(p Page, term string) int {
		p.HTML = []byte("<p>Report grooming to the police in the US or the UK.</p>")
		for _, h := range Analyse(p).Hits() {
			if h.Term == term {
				return int(h.Score)
			}
		}
		return 0
	}
	us := Page{URL: "/us/", Title: "How to report in the US"}
	home, foreign := us, us
	home.Country, foreign.Country = "US", "GB"
	if a, b := score(home, "groom"), score(foreign, "groom"); b >= a {
		t.Errorf("grooming on the US page: %d on a US site, %d on a UK site; want less on the UK site", a, b)
	}
	if a, b := score(home, "us"), score(foreign, "us"); b < a {
		t.Errorf("'us' on the US page: %d on a US site, %d on a UK site; want no less", a, b)
	}
	about := Page{URL: "/about/", Title: "How we report", Minor: true}
	guide := about
	guide.Minor = false
	if a, b := score(guide, "groom"), score(about, "groom"); b >= a {
		t.Errorf("grooming in passing: %d on guidance, %d on an about page; want less on the about page", a, b)
	}
	if a, b := score(guide, "report"), score(about, "report"); a != b {
		t.Errorf("a word of the about page's title: %d on guidance, %d on the about page; want the same", a, b)
	}
}

// meta.json lists the answer pages, those that answer first first, and
// says how many those are.
func TestMetaAnswers(t *testing.T) {
	doc := func(url string, a Answer) *Doc { return &Doc{URL: url, Title: url, Answer: a} }
	files := Write("en", []*Doc{doc("/a/", AnswerHub), doc("/b/", AnswerNone), doc("/c/worried/", AnswerFirst), doc("/d/", AnswerHub)})
	var meta Meta
	for _, f := range files {
		if f.Path == Dir+"meta.json" {
			if err := json.Unmarshal(f.Data, &meta); err != nil {
				t.Fatal(err)
			}
		}
	}
	if want := []int{2, 0, 3}; !reflect.DeepEqual(meta.Answers, want) || meta.First != 1 {
		t.Errorf("answers %v, first %d; want %v, 1", meta.Answers, meta.First, want)
	}
}

// TestSortIDsDifferential: sortIDs orders ids as slices.Sort does, for no
// ids, one, duplicates, ids of one to four bytes, the largest int32 and a
// hundred thousand at once, in buffers reused from call to call.
func TestSortIDsDifferential(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var tmp []int32
	for round := range 2000 {
		n := rng.IntN(600)
		if round%500 == 0 {
			n = 100000
		}
		bits := 1 + rng.IntN(31)
		ids := make([]int32, n)
		for i := range ids {
			ids[i] = int32(rng.Int64N(1 << bits))
			if rng.IntN(50) == 0 {
				ids[i] = math.MaxInt32
			}
			if i > 0 && rng.IntN(10) == 0 {
				ids[i] = ids[rng.IntN(i)]
			}
		}
		want := slices.Sorted(slices.Values(ids))
		var got []int32
		got, tmp = sortIDs(slices.Clone(ids), tmp)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: sortIDs of %d ids below 2^%d differs from slices.Sort", round, n, bits)
		}
	}
}
