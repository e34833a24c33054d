// Package sheets makes the printable "Who to call" sheets: one page per
// country in data/helplines.yaml listing its helplines (in the order the
// file lists them, so put the emergency number first), and a section page
// listing the countries. Generate is a content.Generator: the pages are
// built as values, never as text pasted into front matter, and every
// problem points at a line of the data file. A site that has its own file
// at one of the pages' paths keeps it.
package sheets

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/i18n"
)

// Dir is the folder the sheets appear in, under content/.
const Dir = content.Dir + "/who-to-call"

// DataFile is where the helplines come from.
const DataFile = "data/helplines.yaml"

// entry is what a sheet needs of one helpline: its id and country, and the
// lines they are written on.
type entry struct {
	id, country       string
	line, countryLine int
}

// country is one sheet: a country and its helplines, in the file's order.
type country struct {
	name    string
	entries []entry
}

var _ content.Generator = Generate

// Generate makes the sheets from data/helplines.yaml, in the default
// language and in each language whose i18n file translates the sheets'
// words (whoToCallIn): a sheet is never published in English under
// another language's name. A file that is not valid YAML makes no sheets
// and no problems here: the build reports it when it loads data/.
func Generate(site fs.FS, cfg *config.Config) ([]*content.Page, diag.List) {
	src, err := fs.ReadFile(site, DataFile)
	if err != nil {
		return nil, nil
	}
	entries, probs := read(src)
	countries := byCountry(entries, &probs)
	if len(countries) == 0 {
		return nil, probs
	}
	langs := []*config.Language{{Key: "en", Default: true}}
	var cat *i18n.Catalogue
	if cfg != nil && len(cfg.Langs) > 0 {
		langs = cfg.Langs
		cat, _ = i18n.Load(site, nil, cfg) // the build reports the files' problems
	}
	var pages []*content.Page
	for _, l := range langs {
		if !l.Default && !cat.Has(l.Key, "whoToCallIn") {
			continue
		}
		w := words{cat: cat, lang: l.Key}
		suffix := ".md"
		if !l.Default {
			suffix = "." + l.Key + ".md"
		}
		pages = append(pages, w.index(countries, suffix))
		for i, c := range countries {
			pages = append(pages, w.sheet(c, i+1, suffix))
		}
	}
	return pages, probs
}

// words are the sheets' words in one language: its messages, or the
// English written here for a message it lacks.
type words struct {
	cat  *i18n.Catalogue
	lang string
}

func (w words) say(id, english string, data map[string]any) string {
	if w.cat == nil {
		return english
	}
	if t := w.cat.T(w.lang, id, data); t != id {
		return t
	}
	return english
}

// index is the list of sheets.
func (w words) index(countries []country, suffix string) *content.Page {
	first := content.Pos{Path: DataFile, Line: countries[0].entries[0].countryLine}
	index := content.NewGenerated(content.KindSection, path.Join(Dir, "_index"+suffix), first)
	index.Title = w.say("whoToCall", "Who to call", nil)
	index.Description = w.say("whoToCallDescription", "One-page lists of the helplines and places to report a worry about a child online, for each country.", nil)
	index.Weight = 50
	index.AddLine(w.say("whoToCallIntro", "Each sheet lists the phone numbers and websites to use if you are worried about a child online, with the emergency number first. Print one to keep by the phone, or for your school office or club.", nil), 0)
	return index
}

// sheet is the page of one country.
func (w words) sheet(c country, weight int, suffix string) *content.Page {
	at := content.Pos{Path: DataFile, Line: c.entries[0].countryLine}
	p := content.NewGenerated(content.KindPage, path.Join(Dir, content.Slugify(c.name)+suffix), at)
	where := w.say("country-"+content.Slugify(c.name), place(c.name), nil)
	p.Title = w.say("whoToCallIn", "Who to call in "+where, map[string]any{"Country": where})
	p.Description = w.say("sheetDescription", fmt.Sprintf("The numbers to call and the places to report a worry about a child online in %s, on one page to print.", where), map[string]any{"Country": where})
	p.SetLayout("sheet")
	p.ShowTOC = false
	p.Weight = weight
	p.AddLine(w.say("sheetEmergencyFirst", "If a child is in danger right now, call the emergency number first.", nil), 0)
	for _, e := range c.entries {
		p.AddLine("", e.line)
		p.AddLine(":::helpline "+e.id, e.line)
		p.AddLine(":::", e.line)
	}
	return p
}

// byCountry groups the entries by the address of their country's sheet,
// in the order countries first appear. Two spellings of one country (UK,
// uk) share a sheet, under the first spelling, with a warning.
func byCountry(entries []entry, probs *diag.List) []country {
	var out []country
	index := map[string]int{}
	for _, e := range entries {
		slug := content.Slugify(e.country)
		switch slug {
		case "":
			probs.Warnf(DataFile, e.countryLine, 0, `write the country's name, like country: "UK"`,
				"helpline %q: country %q has no letters or digits to make its sheet's address from; it has no sheet", e.id, e.country)
			continue
		case "index":
			// content/who-to-call/index.md would stand for the folder
			// itself, at the address of the list of sheets.
			probs.Warnf(DataFile, e.countryLine, 0, `write the country's name, like country: "UK"`,
				"helpline %q: a sheet for country %q would be at the address of the list of sheets; it has no sheet", e.id, e.country)
			continue
		}
		i, ok := index[slug]
		if !ok {
			i = len(out)
			index[slug] = i
			out = append(out, country{name: e.country})
		}
		if first := out[i]; first.name != e.country {
			probs.Warnf(DataFile, e.countryLine, 0, fmt.Sprintf("write it as on line %d: country: %q", first.entries[0].countryLine, first.name),
				"helpline %q: country %q is also written %q; both are on the sheet for %s", e.id, e.country, first.name, first.name)
		}
		out[i].entries = append(out[i].entries, e)
	}
	return out
}

// read finds the helplines that name a country, in the file's order, with
// their lines, from the file's syntax tree. A file past the limits of
// config.YAMLTooComplex is not parsed: the build reports it when it loads
// data/, and here its time and memory would not be bounded.
func read(src []byte) ([]entry, diag.List) {
	if _, refused := config.YAMLTooComplex(DataFile, src); refused {
		return nil, nil
	}
	file, err := parser.ParseBytes(config.StripBOM(src), 0)
	if err != nil || len(file.Docs) == 0 {
		return nil, nil
	}
	r := &reader{anchors: map[string]ast.Node{}}
	var out []entry
	for _, mv := range r.mapping(file.Docs[0].Body) {
		id, line := keyOf(mv)
		for _, f := range r.fields(mv.Value) {
			if k, _ := keyOf(f); k != "country" {
				continue
			}
			if e, ok := r.country(id, line, f); ok {
				out = append(out, e)
			}
			break
		}
	}
	return out, r.probs
}

// reader walks the syntax tree, resolving anchors and aliases (*uk) as
// the decoder would, and collects problems.
type reader struct {
	anchors map[string]ast.Node
	probs   diag.List
}

// country reads one entry's country: text, on one line.
func (r *reader) country(id string, line int, f *ast.MappingValueNode) (entry, bool) {
	_, cline := keyOf(f)
	var v any
	n := r.resolve(f.Value)
	if n == nil || yaml.NodeToValue(n, &v) != nil || v == nil {
		return entry{}, false
	}
	s, ok := v.(string)
	if !ok {
		r.probs.Warnf(DataFile, cline, 0, `write the country as text, like country: "UK"`, "helpline %q: country is not text; it has no sheet", id)
		return entry{}, false
	}
	if !validID(id) {
		r.probs.Warnf(DataFile, line, 0, "name a helpline with letters, digits and hyphens, like nspcc-helpline",
			"helpline id %q cannot be written after :::helpline; it is on no sheet", id)
		return entry{}, false
	}
	name := strings.Join(strings.Fields(s), " ")
	if name == "" {
		return entry{}, false
	}
	return entry{id: id, country: name, line: line, countryLine: cline}, true
}

// resolve sees through anchors, tags and aliases to the node they stand for.
func (r *reader) resolve(n ast.Node) ast.Node {
	for depth := 0; depth < 100; depth++ {
		switch v := n.(type) {
		case *ast.AnchorNode:
			if name := v.Name.GetToken(); name != nil {
				r.anchors[name.Value] = v.Value
			}
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		case *ast.AliasNode:
			tk := v.Value.GetToken()
			if tk == nil || r.anchors[tk.Value] == nil {
				return nil
			}
			n = r.anchors[tk.Value]
		default:
			return n
		}
	}
	return nil
}

// mapping is the key-value pairs of a YAML mapping node; nil for anything
// else.
func (r *reader) mapping(n ast.Node) []*ast.MappingValueNode {
	switch v := r.resolve(n).(type) {
	case *ast.MappingNode:
		return v.Values
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{v}
	}
	return nil
}

// fields is an entry's pairs, with those it merges in ("<<: *base") after
// its own, so its own win.
func (r *reader) fields(n ast.Node) []*ast.MappingValueNode {
	var own, merged []*ast.MappingValueNode
	for _, f := range r.mapping(n) {
		if k, _ := keyOf(f); k == "<<" {
			merged = append(merged, r.mapping(f.Value)...)
			continue
		}
		own = append(own, f)
	}
	return append(own, merged...)
}

// validID reports whether an id can be written on a :::helpline line,
// which ends at the line's end and drops spaces around it.
func validID(id string) bool {
	return id != "" && utf8.ValidString(id) && strings.TrimSpace(id) == id && !strings.ContainsAny(id, "\r\n")
}

// keyOf is a pair's key as text and the line it is on.
func keyOf(mv *ast.MappingValueNode) (string, int) {
	if mv == nil || mv.Key == nil {
		return "", 0
	}
	line := 0
	if tk := mv.Key.GetToken(); tk != nil && tk.Position != nil {
		line = tk.Position.Line
	}
	var k any
	if err := yaml.NodeToValue(mv.Key, &k); err == nil && k != nil {
		return fmt.Sprint(k), line
	}
	return strings.TrimSpace(mv.Key.String()), line
}

// place is a country as it reads after "in": "the UK", "Australia".
// Short names in capitals are initials, which take "the".
func place(country string) string {
	if country == strings.ToUpper(country) && utf8.RuneCountInString(country) <= 4 && strings.IndexFunc(country, unicode.IsLetter) >= 0 {
		return "the " + country
	}
	return country
}
