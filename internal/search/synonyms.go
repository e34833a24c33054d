package search

import "slices"

// synonyms are the words parents type and the words the guidance uses for
// the same thing. A query word also finds pages with its synonyms, ranked a
// little lower than pages with the word itself. Keys and values are plain
// words; they are stemmed when the index is written.
var synonyms = map[string][]string{
	"son":        {"child"},
	"daughter":   {"child"},
	"kid":        {"child"},
	"boy":        {"child"},
	"girl":       {"child"},
	"teen":       {"teenager"},
	"photo":      {"image", "picture"},
	"pic":        {"image", "picture", "photo"},
	"picture":    {"image", "photo"},
	"image":      {"photo", "picture"},
	"selfie":     {"image", "photo"},
	"nudes":      {"nude", "image"},
	"video":      {"webcam"},
	"blackmail":  {"sextortion", "threaten"},
	"threat":     {"threaten", "sextortion"},
	"predator":   {"grooming", "groom"},
	"paedophile": {"grooming", "groom"},
	"pedophile":  {"grooming", "groom"},
	"location":   {"map"},
	"map":        {"location"},
	"message":    {"chat", "dm"},
	"chat":       {"message"},
	"dm":         {"message", "chat"},
	"delete":     {"remove"},
	"remove":     {"delete", "removal"},
	"britain":    {"uk"},
	"england":    {"uk"},
	"scotland":   {"uk"},
	"wales":      {"uk"},
	"usa":        {"us"},
	"america":    {"us"},
	"aussie":     {"australia"},
	"told":       {"tell"},
}

// stemmedSynonyms maps a query term to the terms it also finds.
func (a *Analyser) stemmedSynonyms() map[string][]string {
	out := map[string][]string{}
	for k, vs := range a.synonyms {
		key := Stem(k)
		seen := map[string]bool{key: true}
		for _, t := range out[key] {
			seen[t] = true
		}
		for _, v := range vs {
			if t := Stem(v); !seen[t] {
				seen[t] = true
				out[key] = append(out[key], t)
			}
		}
	}
	for k := range out {
		slices.Sort(out[k])
		if len(out[k]) == 0 {
			delete(out, k)
		}
	}
	return out
}
