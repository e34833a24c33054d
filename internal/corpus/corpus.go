// Package corpus generates a guidance site of any size for benchmarks,
// and the same site for Hugo, so both generators can be timed on equal
// input (scripts/bench, cmd/corpus, the benchmarks in internal/site).
//
// Pages have front matter, headings, lists, tables, images, three to six
// relative links to other pages (half of them to a heading) and a tags
// taxonomy with a few broad terms (thousands of pages each on a big site)
// and many narrow ones. The same options always give the same bytes: every
// page draws from its own random source seeded by the seed and its number.
package corpus

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Options say what to generate.
type Options struct {
	Pages int    // regular pages, spread over Sections
	Seed  uint64 // same seed, same bytes
}

// Sections is how many sections the pages are spread over: page i is
// content/s(i mod 10)/p(i).md, so content/s3/p13.md exists in any corpus of
// 14 pages or more.
const Sections = 10

// File is one generated file: a slash-separated path and its bytes.
type File struct {
	Path string
	Data []byte
}

// page is what other pages need to know of a page before its body is
// written: where it is, its title and its headings (for links with anchors).
type page struct {
	section  int
	title    string
	headings []string
}

// broadTags every page carries one of: each is on a fifth of the site, so
// a 100,000-page corpus has term pages of 20,000 pages.
var broadTags = []string{"Safety", "Privacy", "Gaming", "Friends", "Screen time"}

// images are the sizes of the pictures in static/images/.
var images = [][2]int{{64, 48}, {120, 90}, {160, 120}, {200, 150}, {240, 180}, {320, 240}, {400, 300}, {480, 360}}

type generator struct {
	opt   Options
	words []string
	pages []page
}

func newGenerator(opt Options) *generator {
	g := &generator{opt: opt, words: vocabulary()}
	g.pages = make([]page, opt.Pages)
	for i := range g.pages {
		r := g.rand(i, true)
		p := page{section: i % Sections, title: capitalise(g.phrase(r, 2, 4)) + " " + fmt.Sprint(i)}
		for h := range 3 + r.IntN(3) {
			p.headings = append(p.headings, fmt.Sprintf("Step %d %s", h+1, g.phrase(r, 2, 3)))
		}
		g.pages[i] = p
	}
	return g
}

// source is a page's random numbers, with the Zipf distribution its
// words are drawn from.
type source struct {
	*rand.Rand
	zipf *rand.Zipf
}

// rand is page i's own source, so a page's text does not depend on the
// order pages are generated in.
// Its title and headings come from a second stream (plan), so they do not
// repeat the words its body starts with.
func (g *generator) rand(i int, plan bool) *source {
	stream := uint64(i) + 1
	if plan {
		stream |= 1 << 63
	}
	r := rand.New(rand.NewPCG(g.opt.Seed, stream))
	return &source{r, rand.NewZipf(r, 1.1, 2, uint64(len(g.words)-1))}
}

// Content returns the files both generators read: content/ and static/.
func Content(opt Options) []File {
	g := newGenerator(opt)
	files := []File{{"content/_index.md", []byte("---\ntitle: Corpus\ndescription: A generated guidance site for benchmarks.\n---\n\nGuidance for parents, generated for timing builds.\n")}}
	for s := range Sections {
		files = append(files, File{fmt.Sprintf("content/s%d/_index.md", s),
			fmt.Appendf(nil, "---\ntitle: Section %d\ndescription: The pages of section %d.\nweight: %d\n---\n\nWhat section %d is about, in two short sentences. Pick a page below.\n", s, s, s+1, s)})
	}
	for i := range g.pages {
		files = append(files, File{fmt.Sprintf("content/s%d/p%d.md", g.pages[i].section, i), g.page(i)})
	}
	for k, wh := range images {
		files = append(files, File{fmt.Sprintf("static/images/photo-%d.png", k), picture(wh[0], wh[1], k)})
	}
	return files
}

// page writes page i's markdown.
func (g *generator) page(i int) []byte {
	r := g.rand(i, false)
	p := g.pages[i]
	var b bytes.Buffer
	fmt.Fprintf(&b, "---\ntitle: %s\ndescription: %s.\n", p.title, capitalise(g.phrase(r, 6, 12)))
	fmt.Fprintf(&b, "date: 20%02d-%02d-%02d\nweight: %d\n", 20+r.IntN(6), 1+r.IntN(12), 1+r.IntN(28), 1+r.IntN(100))
	fmt.Fprintf(&b, "tags: [%s]\n", strings.Join(g.tags(r), ", "))
	b.WriteString("reviewed: 2026-06-01\nreview_by: 2027-05-01\n---\n\n")
	links := g.links(r, i)
	g.paragraph(&b, r, &links)
	picture, table := r.IntN(len(p.headings)), r.IntN(len(p.headings))
	for h, text := range p.headings {
		fmt.Fprintf(&b, "## %s\n\n", text)
		g.paragraph(&b, r, &links)
		g.list(&b, r, h%2 == 1)
		if h == picture && r.IntN(2) == 0 {
			k := r.IntN(len(images))
			fmt.Fprintf(&b, "![A picture of %s](/images/photo-%d.png)\n\n", g.phrase(r, 2, 4), k)
		}
		if h == table {
			g.table(&b, r)
		}
	}
	for len(links) > 0 { // links the paragraphs did not take
		g.paragraph(&b, r, &links)
	}
	return b.Bytes()
}

// tags are one broad term and two narrow ones, from a pool that grows with
// the site (about twenty pages a term).
func (g *generator) tags(r *source) []string {
	narrow := max(10, g.opt.Pages/20)
	a, c := r.IntN(narrow), r.IntN(narrow)
	if c == a {
		c = (a + 1) % narrow
	}
	return []string{broadTags[r.IntN(len(broadTags))], fmt.Sprintf("Tag %d", min(a, c)), fmt.Sprintf("Tag %d", max(a, c))}
}

// links are three to six markdown links from page i to other pages,
// relative to page i's file, half of them to one of the target's headings.
func (g *generator) links(r *source, i int) []string {
	if len(g.pages) < 2 {
		return nil
	}
	var out []string
	for range 3 + r.IntN(4) {
		j := r.IntN(len(g.pages) - 1)
		if j >= i {
			j++
		}
		t := g.pages[j]
		dest := fmt.Sprintf("p%d.md", j)
		if t.section != g.pages[i].section {
			dest = fmt.Sprintf("../s%d/p%d.md", t.section, j)
		}
		if r.IntN(2) == 0 {
			dest += "#" + anchor(t.headings[r.IntN(len(t.headings))])
		}
		out = append(out, fmt.Sprintf("[%s](%s)", t.title, dest))
	}
	return out
}

// paragraph writes two to four sentences, the first link left in *links
// placed in one of them.
func (g *generator) paragraph(b *bytes.Buffer, r *source, links *[]string) {
	n := 2 + r.IntN(3)
	at := r.IntN(n)
	for s := range n {
		if s > 0 {
			b.WriteByte(' ')
		}
		words := strings.Split(capitalise(g.phrase(r, 5, 12)), " ")
		if len(words[len(words)-1]) < 4 {
			// "fo." or "no." would read as an abbreviation, and the
			// sentence would run into the next.
			words = append(words, g.words[len(g.words)-1-r.IntN(1000)])
		}
		if k := r.IntN(len(words) - 1); r.IntN(4) == 0 {
			words[k] = "**" + words[k] + "**"
		}
		if s == at && len(*links) > 0 {
			words = append(words, "in", (*links)[0])
			*links = (*links)[1:]
		}
		b.WriteString(strings.Join(words, " "))
		b.WriteByte('.')
	}
	b.WriteString("\n\n")
}

func (g *generator) list(b *bytes.Buffer, r *source, numbered bool) {
	for k := range 3 + r.IntN(3) {
		if numbered {
			fmt.Fprintf(b, "%d. ", k+1)
		} else {
			b.WriteString("- ")
		}
		b.WriteString(capitalise(g.phrase(r, 3, 8)))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
}

func (g *generator) table(b *bytes.Buffer, r *source) {
	b.WriteString("| Setting | Where to find it | Why it helps |\n|---|---|---|\n")
	for range 3 + r.IntN(4) {
		fmt.Fprintf(b, "| %s | %s | %s |\n", capitalise(g.phrase(r, 1, 2)), capitalise(g.phrase(r, 2, 3)), capitalise(g.phrase(r, 3, 6)))
	}
	b.WriteByte('\n')
}

// phrase is lo to hi words, the common ones far more often (Zipf), as in
// real text; this gives the search index a realistic vocabulary.
func (g *generator) phrase(r *source, lo, hi int) string {
	n := lo + r.IntN(hi-lo+1)
	w := make([]string, n)
	for k := range w {
		w[k] = g.words[r.zipf.Uint64()]
	}
	return strings.Join(w, " ")
}

// vocabulary is about 5,000 made-up words of one and two syllables (short
// words keep the readability checks quiet), the same for every seed.
func vocabulary() []string {
	onsets := []string{"b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "ch", "sh", "st"}
	vowels := []string{"a", "e", "i", "o", "u"}
	var syl []string
	for _, o := range onsets {
		for _, v := range vowels {
			syl = append(syl, o+v)
		}
	}
	var long []string
	for _, a := range syl {
		for _, c := range syl {
			long = append(long, a+c)
		}
	}
	// The one-syllable words are the most common, as in English (else
	// pages average 1.9 syllables a word and some fail the reading-grade
	// check); the two-syllable ones are shuffled, so the common ones are
	// not all "ba…".
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(syl), func(i, j int) { syl[i], syl[j] = syl[j], syl[i] })
	r.Shuffle(len(long), func(i, j int) { long[i], long[j] = long[j], long[i] })
	return append(syl, long...)
}

// anchor is the id both generators give a heading of plain lower-case
// words and digits.
func anchor(heading string) string {
	return strings.ReplaceAll(strings.ToLower(heading), " ", "-")
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// picture is a small PNG of w×h pixels: a gradient, different for each k.
func picture(w, h, k int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8(k * 30), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err) // encoding an in-memory RGBA image cannot fail
	}
	return b.Bytes()
}

// WriteSignpost writes the corpus as a Signpost site into dir.
func WriteSignpost(dir string, opt Options) error {
	return write(dir, append(Content(opt), File{"signpost.toml", []byte(signpostConfig)}))
}

// Write writes the Signpost site into dir/signpost and the Hugo site into
// dir/hugo.
func Write(dir string, opt Options) error {
	if err := WriteSignpost(filepath.Join(dir, "signpost"), opt); err != nil {
		return err
	}
	return WriteHugo(filepath.Join(dir, "hugo"), opt)
}

func write(dir string, files []File) error {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

var signpostConfig = `title = "Corpus"
baseURL = "https://example.org/"
languageCode = "en-GB"
description = "A generated guidance site for benchmarks."

[taxonomies]
tag = "tags"
` + menus("s%d/_index.md")

// menus is the main menu of both configs: the first three sections, named
// by ref (a format taking the section's number).
func menus(ref string) string {
	var b strings.Builder
	for s := range 3 {
		fmt.Fprintf(&b, "\n[[menus.main]]\nname = \"Section %d\"\npageRef = \"%s\"\nweight = %d\n", s, fmt.Sprintf(ref, s), s+1)
	}
	return b.String()
}
