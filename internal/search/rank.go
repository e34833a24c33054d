package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// How much a page's terms count when the page is not the best answer for
// them, as a share of their score:
const (
	// foreignShare: a page for another country than the site's own ("How to
	// report in the US" on a UK site), for every term but that country's
	// names, so its own country's equivalent ranks first.
	foreignShare = 0.55
	// minorShare: a page of a minor section (about the site) for a word not
	// in its title, so guidance that is about the word ranks first.
	minorShare = 0.4
)

// askWords make a query a question a parent asks ("how do I report",
// "what do I do", "help"): the client ranks answer pages higher for it.
var askWords = setOf("how what where who help")

// countryNames are the names of countries as page titles write them, by
// region code. Case matters: "US" is a country, "us" is not.
var countryNames = map[string][]string{
	"GB": {"UK", "United Kingdom", "Britain", "England", "Scotland", "Wales", "Northern Ireland"},
	"US": {"US", "USA", "United States", "America"},
	"AU": {"Australia"},
	"NZ": {"New Zealand"},
	"CA": {"Canada"},
	"IE": {"Ireland"},
}

// titleRegions returns the regions whose names a title says, as whole
// words ("Northern Ireland" is GB, not IE).
func titleRegions(title string) map[string]bool {
	out := map[string]bool{}
	for region, names := range countryNames {
		for _, name := range names {
			for i := 0; i+len(name) <= len(title); {
				j := strings.Index(title[i:], name)
				if j < 0 {
					break
				}
				at, end := i+j, i+j+len(name)
				if wordEdge(title, at, -1) && wordEdge(title, end, 1) && !(region == "IE" && strings.HasSuffix(title[:at], "Northern ")) {
					out[region] = true
				}
				i = end
			}
		}
	}
	return out
}

// wordEdge reports whether position i of s is the edge of a word: the
// rune before it (dir -1) or at it (dir 1) is not a letter or digit.
func wordEdge(s string, i, dir int) bool {
	var r rune
	if dir < 0 {
		if i == 0 {
			return true
		}
		r, _ = utf8.DecodeLastRuneInString(s[:i])
	} else {
		if i == len(s) {
			return true
		}
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// share is how much of each term's score a page keeps (see foreignShare
// and minorShare); nil when it keeps all of every term.
func (p Page) share(lex *lexicon) func(id int32, inTitle bool) float64 {
	regions := titleRegions(p.Title)
	foreign := p.Country != "" && len(regions) > 0 && !regions[p.Country]
	if !foreign && !p.Minor {
		return nil
	}
	own := map[int32]bool{} // the page's own country's names keep their score
	words := wordSplitter{a: lex.a}
	for region := range regions {
		for _, name := range countryNames[region] {
			words.each(name, func(w []byte) {
				if id := lex.id(w); id != noTerm {
					own[id] = true
				}
			})
		}
	}
	return func(id int32, inTitle bool) float64 {
		s := 1.0
		if foreign && own[id] {
			// "report in the US": the US page's own country counts for all
			// that the rest of its words lost.
			s /= foreignShare
		} else if foreign {
			s *= foreignShare
		}
		if p.Minor && !inTitle {
			s *= minorShare
		}
		return s
	}
}
