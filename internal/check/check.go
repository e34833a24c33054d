// Package check finds problems in a site that a parent using a screen
// reader, a keyboard, a magnifier or a phone would meet, and problems an
// editor must fix before guidance goes out: duplicate IDs, images without
// alt text, broken heading structure, link text that does not say where it
// goes, missing titles and descriptions, hard reading, and guidance past its
// review date. Every problem is placed at a line of the markdown file the
// editor must change; what comes from the layout says so in its hint.
//
// The build calls Page for every page it renders; links that lead nowhere
// inside the site are already errors from the markdown package. External
// links are collected here and requested only by Probe (signpost check
// --external --online).
package check

import (
	"bytes"
	"cmp"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/htmltoken"
	"github.com/signpost/signpost/internal/markdown"
)

// Limits the checks use. DefaultReadingGrade is overridden by the config's
// params.readingGrade, or a page's params.readingGrade.
const (
	DefaultReadingGrade = 9
	MaxSentenceWords    = 25
	MaxDescription      = 160
	// MinReadingWords is the fewest words of prose a page needs before its
	// reading grade means anything.
	MinReadingWords = 50
	// DecorativeAlt is the alt text that marks an image as decorative on
	// purpose: ![decorative](border.png) is published with alt="".
	DecorativeAlt = "decorative"
)

// Options configure the checks for one build.
type Options struct {
	// Site is the site root, read again for the lines of front matter
	// keys and text; nil places problems at line 0.
	Site   fs.FS
	Config *config.Config
	// Now is today, for review dates; zero means time.Now.
	Now time.Time
	// Tree finds the page a link goes to, so that a problem with a link
	// whose text is that page's title is placed where the title is
	// written; nil places such problems on the page showing the link.
	Tree *content.Tree
}

// Checker runs the checks. It holds no state between pages and is safe
// for concurrent use.
type Checker struct {
	opt   Options
	grade float64
}

// New makes a Checker for one build.
func New(opt Options) *Checker {
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	if opt.Config == nil {
		opt.Config = &config.Config{LanguageCode: "en"}
	}
	c := &Checker{opt: opt, grade: DefaultReadingGrade}
	if g, ok := number(opt.Config.Params["readingGrade"]); ok {
		c.grade = g
	}
	return c
}

// Input is one rendered page.
type Input struct {
	Page *content.Page
	// Content is the page's markdown body rendered to HTML, without the
	// layout; nil for generated pages.
	Content []byte
	// HTML is the whole page as the layout rendered it, before minifying.
	HTML []byte
	// Source is the page's file as the build read it; nil reads it again.
	Source []byte
	// Markdown is what the converter found in the body: its headings,
	// images, links and ids with the line and column of each, from goldmark's
	// syntax tree. Problems found in the HTML are placed by it; nil for
	// generated pages.
	Markdown *markdown.Result
	// Layouts are the template files the page rendered with, its own
	// template first: a problem its markdown and data do not explain is
	// placed on the line of the template that writes it.
	Layouts []Layout
}

// Layout is a template file and its text.
type Layout struct {
	Path string
	Text []byte
}

// Link is a link to another site and where it is written.
type Link struct {
	URL  string `json:"url"`
	Path string `json:"path"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// Report is what checking a page found.
type Report struct {
	Problems diag.List
	// External are the links to other sites written in its source file.
	External []Link
	// IDs are the page's element ids in order, what links to its anchors
	// may name: the build takes them from here rather than read the page
	// once more. They are cut from one string with the rest of what the
	// page's scan kept: a caller that holds them for long copies them
	// (the build packs them).
	IDs []string
	// ContentTokens are Input.Content's tokens, taken from the pass over
	// the page (read apart when the page does not hold the body whole), for
	// the caller's other reader of the body, the search index, so that it
	// is tokenized once; nil without Content or for a body over
	// htmltoken.MaxTape. The caller releases them.
	ContentTokens *htmltoken.Tape
}

// Page checks one page.
func (c *Checker) Page(in Input) Report {
	p := in.Page
	src := loadSource(c.opt.Site, p, in.Source)
	pc := &pageCheck{c: c, p: p, src: src, marks: newMarks(in.Markdown), layouts: in.Layouts}
	if p.File != "" && !p.IsGenerated() {
		pc.frontMatter()
		pc.review()
		pc.images(in.Markdown)
	}
	pg, body := scanWithBody(in)
	pc.ids(pg)
	pc.imgAlts(pg)
	pc.headings(pg)
	pc.links(pg)
	if p.File != "" && len(in.Content) > 0 {
		pc.readability(in.Content, body)
	}
	if p.InDraft() {
		// A draft is not published: its problems are to-dos, not failures.
		for i := range pc.probs {
			pc.probs[i].Severity = diag.Warning
		}
	}
	ids := pg.ids
	pg.release()
	return Report{Problems: pc.probs, External: pc.external, IDs: ids, ContentTokens: body}
}

// scanWithBody scans the page, and reads the tokens of its body (Content)
// for the prose reader and the search index in the same pass when the
// page holds it, or apart: the body is tokenized once. A body over
// htmltoken.MaxTape is not recorded (nil): its readers stream it.
func scanWithBody(in Input) (*pageHTML, *htmltoken.Tape) {
	if len(in.Content) == 0 || len(in.Content) > htmltoken.MaxTape {
		return scanPage(in.HTML), nil
	}
	tee := htmltoken.NewTee(in.HTML, in.Content)
	pg := scanTokens(tee)
	body := tee.Tape()
	if body == nil {
		body = htmltoken.Record(in.Content)
	}
	return pg, body
}

// lang is a page's language: its own, else the site's default language,
// else English.
func (c *Checker) lang(p *content.Page) string {
	return cmp.Or(p.Lang, c.opt.Config.LanguageCode, "en")
}

// pageCheck is the state of checking one page.
type pageCheck struct {
	c        *Checker
	p        *content.Page
	src      *source
	marks    *marks
	mdImages map[string]bool // external images written in markdown (warned once)
	probs    diag.List
	external []Link
	layouts  []Layout
}

// at reports a problem at a line (0 when the markdown cannot say).
func (pc *pageCheck) at(sev diag.Severity, line, col int, hint, format string, args ...any) {
	pc.probs = append(pc.probs, diag.Problem{Path: pc.src.path, Line: line, Col: col, Severity: sev, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// unplaced reports a problem found in the page's HTML that its markdown
// does not place (line is 0): on the line of the template that writes one
// of needles as it is, else on the page's template (a layout writing data
// it was given), else on the page with a hint that names the layouts.
func (pc *pageCheck) unplaced(sev diag.Severity, needles []string, hint, format string, args ...any) {
	if len(pc.layouts) == 0 {
		pc.at(sev, 0, 0, pc.fromLayout(0, hint), format, args...)
		return
	}
	at, line := pc.layouts[0].Path, 0
	if l, n, ok := findInLayouts(pc.layouts, needles); ok {
		at, line = l.Path, n
	}
	where := "while rendering " + pc.p.URL
	if line == 0 {
		where = "written by this template or a partial it uses, " + where
	}
	pc.probs = append(pc.probs, diag.Problem{Path: at, Line: line, Severity: sev,
		Message: fmt.Sprintf(format, args...), Hint: hint + " (" + where + ")"})
}

// findInLayouts is the first template and line that holds a needle, trying
// the needles in order.
func findInLayouts(layouts []Layout, needles []string) (Layout, int, bool) {
	for _, n := range needles {
		if strings.TrimSpace(n) == "" {
			continue
		}
		for _, l := range layouts {
			if i := bytes.Index(l.Text, []byte(n)); i >= 0 {
				return l, bytes.Count(l.Text[:i], []byte("\n")) + 1, true
			}
		}
	}
	return Layout{}, 0, false
}

// fromLayout adds to a hint that the problem is in the layout, not in the
// markdown, when it could not be found in the page's source.
func (pc *pageCheck) fromLayout(line int, hint string) string {
	if line > 0 {
		return hint
	}
	if pc.p.File == "" {
		return hint + " (this page is generated: the fix is in layouts/)"
	}
	if pc.p.IsGenerated() {
		return hint + " (this page is made from " + pc.p.Origin.Path + " and layouts/)"
	}
	return hint + " (not found in the markdown: it probably comes from layouts/)"
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case uint64:
		return float64(n), true
	case float64:
		return n, true
	case string:
		f, err := strconv.ParseFloat(n, 64)
		return f, err == nil
	}
	return 0, false
}
