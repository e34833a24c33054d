package check

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestSyllables(t *testing.T) {
	for _, tc := range []struct {
		word string
		want int
	}{
		{"cat", 1}, {"phone", 1}, {"table", 2}, {"family", 3}, {"beautiful", 3},
		{"wanted", 2}, {"asked", 1}, {"makes", 1}, {"party", 2}, {"yes", 1},
		{"information", 4}, {"face-to-face", 3}, {"999", 1}, {"Childline", 2},
	} {
		if got := Syllables(tc.word); got != tc.want {
			t.Errorf("Syllables(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Stay calm. Listen to them.", []string{"Stay calm.", "Listen to them."}},
		{"Is it safe? Yes! Ask them.", []string{"Is it safe?", "Yes!", "Ask them."}},
		{"Block them. iPhones can also do this.", []string{"Block them.", "iPhones can also do this."}},
		{"Use an app, e.g. Snapchat, with care. Then stop.", []string{"Use an app, e.g. Snapchat, with care.", "Then stop."}},
		{"It costs £1.50 a month.", []string{"It costs £1.50 a month."}},
		{"They said “stop.” Then they left.", []string{"They said “stop.”", "Then they left."}},
		{"No full stop at the end", []string{"No full stop at the end"}},
	} {
		if got := sentences(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("sentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGrade(t *testing.T) {
	// 100 words, 5 sentences, 150 syllables: 0.39×20 + 11.8×1.5 − 15.59 = 9.91.
	if g := (Stats{Words: 100, Sentences: 5, Syllables: 150}).Grade(); math.Abs(g-9.91) > 1e-9 {
		t.Errorf("grade = %v", g)
	}
	easy := Measure([]string{"The cat sat on the mat. The dog ran to the park. We had fun."})
	hard := Measure([]string{"Comprehensive organisational accountability necessitates institutional verification of authoritative documentation, particularly regarding international communication infrastructure."})
	if easy.Grade() > 2 || hard.Grade() < 20 {
		t.Errorf("easy %.1f, hard %.1f", easy.Grade(), hard.Grade())
	}
	if easy.Sentences != 3 || easy.Words != 15 {
		t.Errorf("easy = %+v", easy)
	}
}

func TestProse(t *testing.T) {
	got := prose([]byte(`<h2>Skip me</h2><p>One <a href="#">two</a> three.</p><ul><li>Four</li><li>Five <code>x</code></li></ul><pre><code>no</code></pre><div class="block"><p class="label">Warning</p><p>Six.</p></div>`))
	want := []string{"One two three.", "Four", "Five code", "Warning", "Six."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("prose = %q, want %q", got, want)
	}
}

// simple is easy prose of more than MinReadingWords.
var simple = strings.Repeat("You can help your child stay safe. Talk to them often. ", 6)

// hard is prose well above grade 9.
var hard = strings.Repeat("Organisations investigating exploitation recommend documenting communications comprehensively. ", 8)

func TestReadability(t *testing.T) {
	para := func(s string) string { return "<p>" + s + "</p>" }
	long := "If someone you do not know sends your child a message asking them to keep a secret from you or to move to another app you should save it and report it."
	for _, tc := range []pageCase{
		{name: "long sentence", md: good + "\nStart.\n\n" + long + "\n", content: para("Start.") + para(long),
			want: []string{`content/a.md:8:1: warning: sentence of 32 words, over 25: "If someone you do not know sends your…"`}},
		{name: "hard page", md: good + "\n" + hard + "\n", content: para(hard),
			want: []string{`content/a.md:5: warning: reading grade 41.1 is above the site's limit of 9`}},
		{name: "config raises the limit", md: good + "\n" + hard + "\n", content: para(hard), cfg: "[params]\nreadingGrade = 45\n"},
		{name: "page raises the limit", md: "---\ntitle: A\ndescription: B.\nparams:\n  readingGrade: 45.5\n---\n" + hard + "\n", content: para(hard)},
		{name: "not English", md: good + "\n" + hard + "\n" + long + "\n", content: para(hard) + para(long), cfg: "languageCode = \"fr\"\n"},
		{name: "too short to grade", md: good + "\nOrganisations investigating exploitation.\n", content: para("Organisations investigating exploitation.")},
		{name: "plain", md: good + "\n" + simple + "\n", content: para(simple) + "<ul><li>Stay calm</li><li>Listen</li></ul>"},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t) })
	}
}
