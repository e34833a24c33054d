package site

import (
	"bytes"
	"path"
	"regexp"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// minifier shrinks output by media type; a nil minifier copies as is.
type minifier struct {
	m *minify.M
	// bufs hold the minified pages between emit and their write, then
	// the next page's: a build no longer allocates a page-sized buffer
	// for each page (M.Bytes did, 8 KB a page).
	bufs sync.Pool
}

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

// pooled minifies data like file, into a buffer of the pool when it is
// minified: the caller gives buf back with release once out is written,
// and must not keep out. buf is nil when out is data.
func (mf *minifier) pooled(name string, data []byte) (out []byte, buf *bytes.Buffer) {
	if mf == nil {
		return data, nil
	}
	mt, ok := mediaTypes[path.Ext(name)]
	if !ok {
		return data, nil
	}
	buf, _ = mf.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	buf.Grow(len(data))
	// The minifier lexes a reader with a Bytes method in place.
	if err := mf.m.Minify(mt, buf, bytes.NewBuffer(data)); err != nil {
		mf.release(buf)
		return data, nil
	}
	return buf.Bytes(), buf
}

// release gives a buffer of pooled back, once its bytes are written.
func (mf *minifier) release(buf *bytes.Buffer) {
	if buf != nil {
		mf.bufs.Put(buf)
	}
}
