package site

import (
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// minifier shrinks output by media type; a nil minifier copies as is.
type minifier struct{ m *minify.M }

func newMinifier(on bool) *minifier {
	if !on {
		return nil
	}
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepSpecialComments: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &minifier{m: m}
}

var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript", ".mjs": "application/javascript",
	".svg": "image/svg+xml", ".json": "application/json", ".xml": "application/xml", ".webmanifest": "application/manifest+json",
}

// file minifies data by the extension of name; unknown types and minifier
// errors return the data unchanged (a minifier must never break a build).
func (mf *minifier) file(name string, data []byte) []byte {
	if mf == nil {
		return data
	}
	mt, ok := mediaTypes[path.Ext(name)]
	if !ok {
		return data
	}
	// Bytes lexes data in place (from a bytes.Reader the lexer would first
	// copy it whole) and writes into a buffer made at data's size, which
	// minified output rarely outgrows: these two copies were a tenth of a
	// build's allocations.
	out, err := mf.m.Bytes(mt, data)
	if err != nil {
		return data
	}
	return out
}
