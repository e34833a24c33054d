package check

import (
	"fmt"
	"net/url"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
)

// ids reports element IDs used more than once on a page: links to them,
// labels and aria references all pick the first, so the rest are lost.
func (pc *pageCheck) ids(pg *pageHTML) {
	count := map[string]int{}
	var order []string
	for _, id := range pg.ids {
		if count[id] == 0 {
			order = append(order, id)
		}
		count[id]++
	}
	for _, id := range order {
		if count[id] < 2 {
			continue
		}
		line, col := pc.marks.place(id)
		if line == 0 {
			pc.unplaced(diag.Error, []string{`id="` + id + `"`, `id='` + id + `'`}, "every id on a page must be different",
				"id %q is used by %d elements on the page", id, count[id])
			continue
		}
		pc.at(diag.Error, line, col, "give the heading its own anchor, like ## Sources {#where-facts-come-from}, so every id on the page is different",
			"id %q is used by %d elements on the page", id, count[id])
	}
}

// imgAlts reports images in the page's HTML without an alt attribute (from
// layouts or raw HTML; markdown images always have one, checked in images).
func (pc *pageCheck) imgAlts(pg *pageHTML) {
	for _, im := range pg.images {
		src, alt, ok := im.src, im.alt, im.hasAlt
		line, col := pc.marks.image(src)
		if line == 0 {
			// Raw HTML in the body, or the layout.
			line, col = pc.src.findRaw(src)
		}
		if external(src) && !pc.mdImages[src] {
			pc.externalImage(src, line, col)
		}
		switch {
		case !ok && line == 0:
			pc.unplaced(diag.Error, []string{`src="` + src + `"`, path.Base(src)}, `describe the image in alt="…", or write alt="" if it is only decoration`,
				"image %s has no alt attribute", src)
		case !ok:
			pc.at(diag.Error, line, col, `describe the image in alt="…", or write alt="" if it is only decoration`,
				"image %s has no alt attribute", src)
		case strings.EqualFold(strings.TrimSpace(alt), DecorativeAlt):
			pc.at(diag.Error, line, col, `![decorative](…) must be published as alt="": the markdown renderer needs to drop the word`,
				"decorative image %s is published with alt text %q, which screen readers read out", src, alt)
		}
	}
}

type heading struct {
	level int
	text  string
	id    string
}

// headings checks the outline of the whole page as the layout renders it:
// one h1 (the page title) and no skipped levels going down.
func (pc *pageCheck) headings(pg *pageHTML) {
	hs := pg.headings
	h1s := 0
	for i, h := range hs {
		line, col, _ := pc.marks.heading(h.id, h.level, h.text)
		if h.level == 1 {
			h1s++
			if h1s > 1 {
				pc.heading(line, col, h.text, "the page title is the one h1: start sections with ## (h2)",
					"second h1 heading %q: a page has exactly one", h.text)
			}
		}
		if i > 0 && h.level > hs[i-1].level+1 {
			prev := hs[i-1].level
			hint := fmt.Sprintf("write it as %s (h%d), or add the missing level above it", strings.Repeat("#", prev+1), prev+1)
			pc.heading(line, col, h.text, hint, "heading %q is h%d after an h%d: a level is skipped", h.text, h.level, prev)
		}
	}
	if h1s == 0 {
		pc.unplaced(diag.Error, nil, "the layout should show the page title as the page's one <h1>", "page has no h1 heading")
	}
}

// heading reports a problem with a heading: at its markdown line, else at
// a template that writes its text.
func (pc *pageCheck) heading(line, col int, text, hint, format string, args ...any) {
	if line == 0 {
		pc.unplaced(diag.Error, []string{">" + text + "<"}, hint, format, args...)
		return
	}
	pc.at(diag.Error, line, col, hint, format, args...)
}

// vague is link text that does not say where a link goes.
var vague = map[string]bool{
	"click here": true, "click": true, "here": true, "click this": true, "this": true, "this link": true,
	"this page": true, "link": true, "read more": true, "more": true, "learn more": true, "find out more": true,
	"more info": true, "more information": true, "go": true, "continue": true,
}

// isVague reports whether vague[strings.ToLower(text)], lowering only
// ASCII text short enough to be vague, on the stack: every link's text is
// asked (a lowered copy of each was 9% of what checking allocated).
func isVague(text string) bool {
	var buf [16]byte // the longest vague text, "more information"
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c >= utf8.RuneSelf:
			return vague[strings.ToLower(text)]
		case i >= len(buf):
			// ASCII lowers to as many bytes: too long to be vague, unless
			// a rune further on lowers to fewer.
			continue
		case 'A' <= c && c <= 'Z':
			buf[i] = c + 'a' - 'A'
		default:
			buf[i] = c
		}
	}
	return len(text) <= len(buf) && vague[string(buf[:len(text)])]
}

// links checks link text, and collects the links to other sites written in
// the page's source.
func (pc *pageCheck) links(pg *pageHTML) {
	seen := map[string]bool{}
	// A contents list links to headings by their text: that is judged as
	// a heading, not as link text.
	headings := map[string]bool{}
	for _, h := range pg.headings {
		headings[h.text] = true
	}
	for _, l := range pg.links {
		href, name := l.href, l.name
		switch {
		case strings.Contains(href, "ZgotmplZ"):
			// html/template writes #ZgotmplZ for an address it will not
			// publish (javascript: and the like) given to a layout.
			pc.unplaced(diag.Error, []string{">" + name + "<"}, "give the layout a web address (https://…) or a page's address: the template dropped this one as unsafe",
				"link %q goes nowhere: its address was refused as unsafe", name)
		case name == "" && href == "":
			pc.linkProblem(diag.Error, name, href, "write the link text and the address it goes to", "a link has no text and no address")
		case name == "":
			pc.linkProblem(diag.Error, name, href, "write the link text, saying where it goes", "link to %s has no text", href)
		case isVague(strings.Trim(name, " .:!?…→»")) && !(strings.HasPrefix(href, "#") && headings[name]):
			pc.linkProblem(diag.Warning, name, href, `say where the link goes, like "how to report to CEOP": many screen reader users list the links on a page`,
				"link text %q does not say where it goes", name)
		case bareURL(name, href):
			pc.linkProblem(diag.Warning, name, href, "name the page instead, like [the CEOP reporting page](https://…): addresses are hard to read and to listen to",
				"link text is a bare address: %s", name)
		}
		if external(href) && !seen[href] {
			seen[href] = true
			// Where the body links to it (from the syntax tree), and where
			// the front matter names it (sources, rendered by the layout).
			at := append(pc.marks.linksTo(href), pc.src.findAll(href, pc.src.body)...)
			if len(at) > 0 {
				// The build keeps these: a string of its own, not a part of
				// the page's scan (see pageHTML.kept) held for the build.
				href = strings.Clone(href)
			}
			for _, l := range at {
				pc.external = append(pc.external, Link{URL: href, Path: pc.src.path, Line: l[0], Col: l[1]})
			}
		}
	}
}

// linkProblem reports a problem with a link: at its line of the markdown
// when it is written there; else where its text comes from when that is a
// page's data (a title on a list page, a source in front matter), so the
// editor is sent to the line to change; else on the page, as the layout's.
func (pc *pageCheck) linkProblem(sev diag.Severity, text, href, hint, format string, args ...any) {
	line, col := pc.marks.link(href, text)
	if line == 0 {
		if at, from, ok := pc.linkData(text, href); ok {
			pc.probs = append(pc.probs, diag.Problem{Path: at.Path, Line: at.Line, Severity: sev,
				Message: fmt.Sprintf(format, args...), Hint: hint + " (" + from + ")"})
			return
		}
	}
	if line == 0 {
		pc.unplaced(sev, []string{">" + text + "<", `href="` + href + `"`}, hint, format, args...)
		return
	}
	pc.at(sev, line, col, hint, format, args...)
}

// linkData finds the data a link's text and address come from: a source
// of the page itself, or the title of the page it goes to.
func (pc *pageCheck) linkData(text, href string) (content.Pos, string, bool) {
	p := pc.p
	for i, s := range p.Sources {
		if (s.URL == href && s.Title == text) || (href != "" && s.URL == href) || (text != "" && s.Title == text) {
			return p.Place(p.SourceLine(i)), fmt.Sprintf("the link is source %d in the front matter", i+1), true
		}
	}
	t := pc.c.pageAt(href)
	if t == nil || t.Title != text {
		return content.Pos{}, "", false
	}
	switch {
	case t.File == "" && t.Kind == content.KindSection && t.Origin.Line == 0:
		return t.Origin, "the text is the name of the folder " + t.Origin.Path + ": give the section a title in " + t.Origin.Path + "/_index.md", true
	case t.IsGenerated() || t.File == "":
		if t.Origin.Path == "" {
			return content.Pos{}, "", false
		}
		return t.Origin, "the text is the name of " + t.URL + ", made from " + t.Origin.String(), true
	case t.TitleLine() > 0:
		return content.Pos{Path: t.File, Line: t.TitleLine()}, "the text is the title of " + t.File, true
	}
	return content.Pos{Path: t.File, Line: 1}, "the text is the title of " + t.File + ", made from its file name: give it a title", true
}

// pageAt is the page of the site a link in the output goes to, or nil.
func (c *Checker) pageAt(href string) *content.Page {
	if c.opt.Tree == nil || href == "" {
		return nil
	}
	u, _, _ := strings.Cut(href, "#")
	u, _, _ = strings.Cut(u, "?")
	if b, err := url.Parse(c.opt.Config.BaseURL); err == nil && b.Host != "" {
		if rest, ok := strings.CutPrefix(u, b.Scheme+"://"+b.Host); ok {
			u = rest
		}
	}
	rest, ok := strings.CutPrefix(u, c.opt.Config.BasePath())
	if !ok {
		return nil
	}
	return c.opt.Tree.ByURL("/" + rest)
}

func external(href string) bool {
	return hasPrefixLower(href, "http://") || hasPrefixLower(href, "https://")
}

func bareURL(name, href string) bool {
	n := strings.TrimSpace(name)
	if hasPrefixLower(n, "http://") || hasPrefixLower(n, "https://") || hasPrefixLower(n, "www.") {
		return true
	}
	return external(href) && equalLower(strings.TrimSuffix(n, "/"), strings.TrimSuffix(href, "/"))
}

// hasPrefixLower reports whether strings.ToLower(s) starts with prefix, a
// lower-case ASCII string, without lowering s (every link is asked).
func hasPrefixLower(s, prefix string) bool {
	for i := 0; i < len(prefix); i++ {
		r, n := utf8.DecodeRuneInString(s)
		if n == 0 || unicode.ToLower(r) != rune(prefix[i]) {
			return false
		}
		s = s[n:]
	}
	return true
}

// equalLower reports whether strings.ToLower(a) == strings.ToLower(b)
// without lowering either: it lowers rune by rune, and bytes that are not
// UTF-8 become utf8.RuneError, as they do in strings.ToLower.
func equalLower(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if unicode.ToLower(ra) != unicode.ToLower(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

// findAll is every line and column where needle is written in the
// file's first lines (the front matter, when lines is the body's start).
func (s *source) findAll(needle string, lines int) [][2]int {
	var out [][2]int
	all := s.lineList()
	for i, l := range all[:min(lines, len(all))] {
		for off := 0; ; {
			j := strings.Index(l[off:], needle)
			if j < 0 {
				break
			}
			end := off + j + len(needle)
			// "https://a.org/x" must not match inside "https://a.org/xy".
			if end == len(l) || !strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_/.#?=&%~+", rune(l[end])) {
				out = append(out, [2]int{i + 1, len([]rune(l[:off+j])) + 1})
			}
			off = end
		}
	}
	return out
}
