package search

// Stem reduces an English word to its stem with the Porter algorithm
// (M.F. Porter, "An algorithm for suffix stripping", 1980), so that
// "photos", "photo" and "photographed" meet: "photo", "photo", "photograph".
// word must be lower case; words that are not all a–z, and words of one or
// two letters, are returned as they are. assets/js/search.js has the same
// algorithm for queries: change both together (TestStemMatchesJS).
func Stem(word string) string {
	if len(word) <= 2 {
		return word
	}
	for i := 0; i < len(word); i++ {
		if word[i] < 'a' || word[i] > 'z' {
			return word
		}
	}
	w := []byte(word)
	w = step1a(w)
	w = step1b(w)
	w = step1c(w)
	w = step2(w)
	w = step3(w)
	w = step4(w)
	w = step5(w)
	return string(w)
}

// consonant reports whether w[i] is a consonant: not a, e, i, o or u, and
// not a y that follows a consonant.
func consonant(w []byte, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !consonant(w, i-1)
	}
	return true
}

// measure is m in [C](VC)^m[V]: how many vowel-consonant runs w has.
func measure(w []byte) int {
	m, i, n := 0, 0, len(w)
	for i < n && consonant(w, i) {
		i++
	}
	for i < n {
		for i < n && !consonant(w, i) {
			i++
		}
		if i == n {
			break
		}
		for i < n && consonant(w, i) {
			i++
		}
		m++
	}
	return m
}

// hasVowel is *v*: the stem contains a vowel.
func hasVowel(w []byte) bool {
	for i := range w {
		if !consonant(w, i) {
			return true
		}
	}
	return false
}

// doubleConsonant is *d: the stem ends with a double consonant.
func doubleConsonant(w []byte) bool {
	n := len(w)
	return n >= 2 && w[n-1] == w[n-2] && consonant(w, n-1)
}

// cvc is *o: the stem ends consonant-vowel-consonant, the last not w, x or y.
func cvc(w []byte) bool {
	n := len(w)
	if n < 3 || !consonant(w, n-3) || consonant(w, n-2) || !consonant(w, n-1) {
		return false
	}
	c := w[n-1]
	return c != 'w' && c != 'x' && c != 'y'
}

func hasSuffix(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

func replace(w []byte, suffix, with string) []byte {
	return append(w[:len(w)-len(suffix)], with...)
}

func step1a(w []byte) []byte {
	switch {
	case hasSuffix(w, "sses"):
		return replace(w, "sses", "ss")
	case hasSuffix(w, "ies"):
		return replace(w, "ies", "i")
	case hasSuffix(w, "ss"):
		return w
	case hasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

func step1b(w []byte) []byte {
	if hasSuffix(w, "eed") {
		if measure(w[:len(w)-3]) > 0 {
			return w[:len(w)-1]
		}
		return w
	}
	var stem []byte
	switch {
	case hasSuffix(w, "ed") && hasVowel(w[:len(w)-2]):
		stem = w[:len(w)-2]
	case hasSuffix(w, "ing") && hasVowel(w[:len(w)-3]):
		stem = w[:len(w)-3]
	default:
		return w
	}
	switch {
	case hasSuffix(stem, "at"), hasSuffix(stem, "bl"), hasSuffix(stem, "iz"):
		return append(stem, 'e')
	case doubleConsonant(stem):
		if c := stem[len(stem)-1]; c != 'l' && c != 's' && c != 'z' {
			return stem[:len(stem)-1]
		}
	case measure(stem) == 1 && cvc(stem):
		return append(stem, 'e')
	}
	return stem
}

func step1c(w []byte) []byte {
	if hasSuffix(w, "y") && hasVowel(w[:len(w)-1]) {
		w[len(w)-1] = 'i'
	}
	return w
}

// rule is one suffix rewrite of steps 2 to 4.
type rule struct{ suffix, with string }

var step2Rules = []rule{
	{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"},
	{"izer", "ize"}, {"abli", "able"}, {"alli", "al"}, {"entli", "ent"},
	{"eli", "e"}, {"ousli", "ous"}, {"ization", "ize"}, {"ation", "ate"},
	{"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"},
	{"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
}

var step3Rules = []rule{
	{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
	{"ical", "ic"}, {"ful", ""}, {"ness", ""},
}

var step4Suffixes = []string{
	"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
	"ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
}

// longest returns the longest suffix of w among rules, or -1: only that
// rule is tried, as the algorithm says.
func longest(w []byte, rules []rule) int {
	best := -1
	for i, r := range rules {
		if hasSuffix(w, r.suffix) && (best < 0 || len(r.suffix) > len(rules[best].suffix)) {
			best = i
		}
	}
	return best
}

func applyRules(w []byte, rules []rule, minMeasure int) []byte {
	i := longest(w, rules)
	if i < 0 {
		return w
	}
	r := rules[i]
	if measure(w[:len(w)-len(r.suffix)]) > minMeasure {
		return replace(w, r.suffix, r.with)
	}
	return w
}

func step2(w []byte) []byte { return applyRules(w, step2Rules, 0) }
func step3(w []byte) []byte { return applyRules(w, step3Rules, 0) }

func step4(w []byte) []byte {
	best := ""
	for _, s := range step4Suffixes {
		if hasSuffix(w, s) && len(s) > len(best) {
			best = s
		}
	}
	if best == "" {
		return w
	}
	stem := w[:len(w)-len(best)]
	if best == "ion" && !(hasSuffix(stem, "s") || hasSuffix(stem, "t")) {
		return w
	}
	if measure(stem) > 1 {
		return stem
	}
	return w
}

func step5(w []byte) []byte {
	if hasSuffix(w, "e") {
		stem := w[:len(w)-1]
		if m := measure(stem); m > 1 || (m == 1 && !cvc(stem)) {
			w = stem
		}
	}
	if hasSuffix(w, "ll") && measure(w) > 1 {
		w = w[:len(w)-1]
	}
	return w
}
