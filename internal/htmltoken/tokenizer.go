package htmltoken

import (
	"bytes"
	"io"
	"sync"

	"github.com/tdewolff/parse/v2"
	lex "github.com/tdewolff/parse/v2/html"
	"golang.org/x/net/html"
)

// Tokenizer reads HTML held in memory and answers as x/net's
// html.Tokenizer does: the same tokens, raw text, names, attributes and
// text. x/net's reads byte by byte through a buffer, copies and lowers
// every attribute's name to drop a repeated one, and was three quarters
// of the checks' cost (0.9 s of a 10,000-page build's 1.2 s reading
// pages). This one lets tdewolff's lexer (parse/v2/html, which minify
// already brings) find where each token starts and ends, in place, and
// maps what it finds to x/net's answers: a start tag's attributes, its
// names lowered and its values unquoted and decoded, the text decoded.
//
// The two lexers read ordinary markup alike; where they could read it
// differently, the token goes to x/net: a page with a NUL or a carriage
// return is read by x/net whole; a comment, a doctype other than
// "<!doctype html>", "</" not followed by a letter, "<?", CDATA, text
// that the lexer runs on past markup x/net stops at ("</>"), a tag that
// the input ends in, a name with "/" (x/net ends names there), an
// attribute name starting with "=", a value with an entity not surely
// decoded alike in text and in values, svg and math (which the lexer
// reads as XML), a raw text element the lexer does not know (noscript,
// noembed, noframes, plaintext) or whose end the two could find apart
// ("</script" and a digit, no end at all, a script with "<!--") are read
// by x/net's tokenizer from that token on, for that token (and the raw
// text after a start tag, and any token it has begun to read); the lexer
// goes on after it. One x/net tokenizer serves a page's every such token
// (see delegate). (One difference no reader sees: x/net's Text and
// TagName answer nil when asked twice for a token, and Text decodes in
// place, changing what Raw returned; this one's answer again and leave
// Raw alone for the tokens the lexer reads.)
type Tokenizer struct {
	page []byte         // as given: never changed
	low  []byte         // page's copy that the lexer reads: it lowers names where they are
	lowp *[]byte        // low's holder, from lows
	lx   lex.Lexer      // reading low
	in   *parse.Input   // the lexer's, over all of low
	tt   html.TokenType // the current token's
	from int            // the current token is page[from:to]
	to   int
	pos  int // where the next token starts
	name span
	// rawEnd is where the content of the raw text element whose start
	// tag is the current token ends (-1 when it is not one): the lexer
	// reads it next.
	rawEnd  int
	rcdata  bool   // that element is title or textarea, whose text is decoded
	textRaw bool   // the current text is raw text, given as written
	attrs   []attr // the current start tag's: names in low, values in page
	nRead   int    // the attributes TagAttr has returned
	buf     []byte // a value or a text decoded

	// z is x/net's, made for the page's first token it reads and kept,
	// between tokens, for the next (delegate); it reads zr, or the whole
	// page when whole.
	z      *html.Tokenizer
	zr     *pageReader
	zOn    bool // z answers for the current token
	zNext  bool // z reads the next token too
	zRaw   bool // z's current token starts raw text
	whole  bool
	zEnded bool // z has returned its ErrorToken
}

// lows holds the copies of pages the lexer reads: a copy per page (50 KB
// unminified) would be half a gigabyte of garbage per 10,000 pages.
var lows = sync.Pool{New: func() any { return new([]byte) }}

// NewTokenizer reads page, which is not changed.
func NewTokenizer(page []byte) *Tokenizer {
	t := &Tokenizer{}
	t.reset(page)
	return t
}

// reset starts t on page, keeping its buffers, and its x/net tokenizer
// when that is between tokens.
func (t *Tokenizer) reset(page []byte) {
	t.release()
	z, zr := t.z, t.zr
	if !t.zParked() {
		z, zr = nil, nil
	}
	*t = Tokenizer{page: page, attrs: t.attrs[:0], buf: t.buf[:0], rawEnd: -1}
	if bytes.IndexByte(page, 0) >= 0 || bytes.IndexByte(page, '\r') >= 0 {
		// x/net converts line ends in text and values, and NULs in
		// names and raw text: not worth a second way of doing it.
		t.whole, t.zOn = true, true
		t.z = html.NewTokenizer(bytes.NewReader(page))
		return
	}
	if t.z, t.zr = z, zr; zr != nil {
		zr.page = nil // not held past its page
	}
	t.lowp = lows.Get().(*[]byte)
	// One byte more, which the lexer's input writes its end mark in.
	t.low = append(append((*t.lowp)[:0], page...), 0)[:len(page)]
	t.in = parse.NewInputBytes(t.low)
	t.restart(0)
}

// restart has the lexer read on from page[at:], as a new lexer would: its
// input is moved there, not made again.
func (t *Tokenizer) restart(at int) {
	t.in.Move(at - t.in.Offset())
	t.in.Skip()
	t.lx = *lex.NewLexer(t.in)
}

// release gives low back once the page is read.
func (t *Tokenizer) release() {
	if t.lowp != nil {
		*t.lowp = t.low[:0]
		lows.Put(t.lowp)
		t.lowp, t.low, t.lx, t.in = nil, nil, lex.Lexer{}, nil
	}
}

// lexPos is where the lexer has read to, in page.
func (t *Tokenizer) lexPos() int { return t.in.Offset() }

// Next reads the next token and returns its type; html.ErrorToken at the
// end.
func (t *Tokenizer) Next() html.TokenType {
	t.from, t.nRead, t.attrs, t.textRaw, t.buf = t.pos, 0, t.attrs[:0], false, t.buf[:0]
	if t.whole || t.zNext {
		return t.delegated()
	}
	t.zOn = false
	inRaw := t.rawEnd >= 0
	t.rawEnd = -1
	if t.pos >= len(t.page) {
		t.release()
		t.tt, t.to = html.ErrorToken, t.pos
		return t.tt
	}
	if !inRaw {
		switch tt := t.unlexed(); tt {
		case html.TextToken, html.DoctypeToken:
			return tt
		case html.CommentToken: // any token x/net reads
			return t.delegate()
		}
	}
	switch tt, _ := t.lx.Next(); tt {
	case lex.TextToken:
		if inRaw { // ends where rawEnd said, before the end tag
			t.textRaw = !t.rcdata
			return t.token(html.TextToken, t.lexPos())
		}
	case lex.StartTagToken:
		return t.startTag()
	case lex.EndTagToken:
		return t.endTag()
	}
	return t.delegate()
}

// unlexed reads the token at t.pos without the lexer, where it need not
// or must not read it, and moves the lexer past it: text, which x/net
// ends at the first markup (markupAt) and the lexer runs on past "</>",
// and "<!doctype html>". It returns html.CommentToken for a token that
// x/net is to read (a comment, "<?", CDATA, "</" and no letter, an odd
// doctype, svg and math), which the lexer could scan far past, to the
// next "]]>" or end tag (every such token had it scan to the same far
// end again: 20,000 "<svg>" took 10 s), and html.ErrorToken for a tag
// the lexer reads.
func (t *Tokenizer) unlexed() html.TokenType {
	b := t.page[t.pos:]
	if len(b) >= 2 && b[0] == '<' {
		switch c := b[1]; {
		case isLetter(c):
			if xmlStart(b[1:]) {
				return html.CommentToken
			}
			return html.ErrorToken
		case c == '/':
			if len(b) >= 3 && isLetter(b[2]) {
				return html.ErrorToken
			}
			return html.CommentToken
		case c == '!' && hasPrefixFold(b, "<!doctype html>"):
			return t.skipped(html.DoctypeToken, t.pos+len("<!doctype html>"))
		case c == '!' || c == '?':
			return html.CommentToken
		}
	}
	end := markupAt(t.page, t.pos)
	if end < 0 {
		end = len(t.page)
	}
	return t.skipped(html.TextToken, end)
}

// skipped makes page[t.pos:to] the current token, of type tt, and moves
// the lexer, which is between tokens, past it.
func (t *Tokenizer) skipped(tt html.TokenType, to int) html.TokenType {
	t.in.Move(to - t.lexPos())
	t.in.Skip()
	return t.token(tt, to)
}

// xmlStart reports whether the lexer reads the start tag whose name
// starts b, and all up to its end tag, as XML: svg, math and xml, as its
// shiftStartTag ends the name.
func xmlStart(b []byte) bool {
	switch b[0] | 0x20 { // most names are ruled out by their first letter
	case 's', 'm', 'x':
	default:
		return false
	}
	n := 0
	for n < len(b) && n <= len("math") {
		if c := b[n]; c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '>' || c == '/' && n+1 < len(b) && b[n+1] == '>' {
			break
		}
		n++
	}
	return equalLower(b[:n], []byte("svg")) || equalLower(b[:n], []byte("math")) || equalLower(b[:n], []byte("xml"))
}

// token makes page[t.pos:to] the current token, of type tt.
func (t *Tokenizer) token(tt html.TokenType, to int) html.TokenType {
	t.tt, t.to, t.pos = tt, to, to
	return tt
}

// markupAt is where the first "<" at or after i starts markup (a letter,
// "/", "!" or "?" follows it: x/net's text ends there), or -1.
func markupAt(b []byte, i int) int {
	for {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if i+1 >= len(b) {
			return -1
		}
		if c := b[i+1]; isLetter(c) || c == '/' || c == '!' || c == '?' {
			return i
		}
		i++
	}
}

func isLetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }

// hasPrefixFold reports whether b starts with prefix, in lower case, in
// any case.
func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && equalLower(b[:len(prefix)], []byte(prefix))
}

// startTag reads the start tag the lexer started, its attributes and its
// end, and what x/net makes of it.
func (t *Tokenizer) startTag() html.TokenType {
	name := t.lx.Text() // lowered in low
	if bytes.IndexByte(name, '/') >= 0 {
		return t.delegate() // x/net ends the name at the "/"
	}
	t.name = span{int32(t.pos + 1), int32(t.pos + 1 + len(name))}
	for {
		from := skipSpace(t.page, t.lexPos()) // where a name would start
		switch tt, _ := t.lx.Next(); tt {
		case lex.AttributeToken:
			if !t.addAttr(from, t.lx.AttrKey(), t.lx.AttrVal()) {
				return t.delegate()
			}
			continue
		case lex.StartTagCloseToken, lex.StartTagVoidToken:
		default:
			return t.delegate() // the input ends in the tag
		}
		break
	}
	end := t.lexPos()
	if !t.rawStarts(end) {
		return t.delegate()
	}
	// As x/net's readStartTag: "/" before ">" that does not end the last
	// attribute's value.
	tt := html.StartTagToken
	if n := len(t.attrs); t.page[end-2] == '/' && (n == 0 || end-2 != int(t.attrs[n-1].val.to)-1) {
		tt = html.SelfClosingTagToken
	}
	return t.token(tt, end)
}

// addAttr adds the attribute the lexer read (its name, at from, lowered
// in low; its value as written, quotes and all, up to where the lexer
// is) unless one of its name came before, as x/net keeps the first;
// false when x/net could read it otherwise.
func (t *Tokenizer) addAttr(from int, key, val []byte) bool {
	if len(key) == 0 || bytes.IndexByte(key, '/') >= 0 || len(t.attrs) == maxAttrs {
		// "=" first is part of x/net's name; "/" ends it. Each name is
		// compared with those before it: x/net, which keeps a map of
		// them, reads a tag with more than maxAttrs.
		return false
	}
	k := span{int32(from), int32(from + len(key))}
	v := span{k.to, k.to}
	if len(val) > 0 {
		from := t.lexPos() - len(val)
		if q := val[0]; q == '"' || q == '\'' {
			if len(val) < 2 || val[len(val)-1] != q {
				return false // not ended
			}
			v = span{int32(from + 1), int32(from + len(val) - 1)}
		} else {
			v = span{int32(from), int32(from + len(val))}
		}
		if !plainValue(t.page[v.from:v.to]) {
			return false
		}
	}
	for _, a := range t.attrs {
		if bytes.Equal(t.low[a.key.from:a.key.to], key) {
			return true
		}
	}
	t.attrs = append(t.attrs, attr{k, v})
	return true
}

// maxAttrs is the most attributes of a tag that the lexer's reading
// keeps: comparing each name with those before it was quadratic (a tag
// with 80,000 took 17 s, x/net 40 ms); a page's tags have a few.
const maxAttrs = 64

// plainValue reports whether x/net decodes the value v as
// html.UnescapeString does (as text): each "&" starts a number or one of
// the entities html/template and goldmark write with ";", or no entity.
// Values have no prefix matches ("&notit;" is "¬it;" in text) and keep
// "&amp" before "=" as written.
func plainValue(v []byte) bool {
	for {
		i := bytes.IndexByte(v, '&')
		if i < 0 {
			return true
		}
		v = v[i+1:]
		if len(v) == 0 || v[0] == '#' || !isLetter(v[0]) && !('0' <= v[0] && v[0] <= '9') {
			continue
		}
		j := 0
		for j < len(v) && (isLetter(v[j]) || '0' <= v[j] && v[j] <= '9') {
			j++
		}
		if j == len(v) || v[j] != ';' {
			return false
		}
		switch string(v[:j]) {
		case "amp", "lt", "gt", "quot", "apos", "nbsp":
		default:
			return false
		}
	}
}

// rawStarts reports whether x/net and the lexer read what follows a
// start tag ending at end alike: as markup, or as the content of a raw
// text element up to the same end tag. It sets rawEnd for such an
// element.
func (t *Tokenizer) rawStarts(end int) bool {
	name := t.low[t.name.from:t.name.to]
	if !isRawTag(name) {
		return true
	}
	switch string(name) {
	case "noembed", "noframes", "noscript", "plaintext":
		return false // not raw text to the lexer; plaintext has no end
	}
	e := rawEnd(t.page, end, name)
	if e < 0 || string(name) == "script" && bytes.Contains(t.page[end:e], []byte("<!--")) {
		return false // "<!--" starts the escaped states of x/net's readScript
	}
	t.rawEnd, t.rcdata = e, string(name) == "title" || string(name) == "textarea"
	return true
}

// isRawTag reports whether x/net reads the content of the element name
// (in lower case) as raw text.
func isRawTag(name []byte) bool {
	if len(name) < len("xmp") || len(name) > len("plaintext") {
		return false
	}
	switch name[0] {
	case 'i', 'n', 'p', 's', 't', 'x':
	default:
		return false
	}
	for _, e := range rawElems {
		if string(name) == e {
			return true
		}
	}
	return false
}

// rawEnd is where x/net and the lexer both end the content of the raw
// text element name that starts at i: the first "</" and name (in any
// case) followed by a space, "/" or ">" (x/net's end), where the lexer
// also ends it (at "</" and letters that are name); -1 where they could
// end it apart ("</script" and a digit, or the end of the input) or
// there is no end.
func rawEnd(b []byte, i int, name []byte) int {
	for {
		j := bytes.Index(b[i:], []byte("</"))
		if j < 0 {
			return -1
		}
		i += j
		k := i + 2 + len(name)
		if k <= len(b) && equalLower(b[i+2:k], name) {
			if k == len(b) {
				return -1
			}
			switch c := b[k]; {
			case c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '/' || c == '>':
				return i
			case !isLetter(c):
				return -1
			}
		}
		i++
	}
}

// endTag reads the end tag the lexer read, up to its first ">", which is
// x/net's end too when the tag has no quote (x/net reads an end tag's
// attributes, and a quoted value may hold a ">").
func (t *Tokenizer) endTag() html.TokenType {
	end := t.lexPos()
	raw := t.page[t.pos:end]
	if raw[len(raw)-1] != '>' || bytes.IndexByte(raw, '"') >= 0 || bytes.IndexByte(raw, '\'') >= 0 {
		return t.delegate()
	}
	n := t.pos + 2
	for n < end && !nameEnds(t.page[n]) {
		n++
	}
	t.name = span{int32(t.pos + 2), int32(n)}
	return t.token(html.EndTagToken, end)
}

// nameEnds reports whether c ends a tag's name for x/net.
func nameEnds(c byte) bool {
	switch c {
	case ' ', '\n', '\t', '\f', '/', '>':
		return true
	}
	return false
}

// delegate reads the token at t.pos with x/net: see Tokenizer. The x/net
// tokenizer made for a page's first such token is kept for the next: a
// new one (its 4 KB buffer, its map, its first read of 4 KB) for each of
// 2,000 comments made reading a page of them 12 times as slow as x/net's
// reading it all. Re-pointed at t.pos, it reads as a new one would:
// between tokens it keeps nothing that changes what it reads but the
// bytes it has read ahead, whether its reader ended (neither when parked)
// and a raw text element's name (none: it reads that element's text).
func (t *Tokenizer) delegate() html.TokenType {
	t.rawEnd, t.attrs = -1, t.attrs[:0]
	if !t.zParked() {
		t.zr = &pageReader{}
		t.z = html.NewTokenizer(t.zr)
	}
	t.zr.page, t.zr.at = t.page, t.pos
	t.zEnded = false
	return t.delegated()
}

// zParked reports whether z, reading zr, is between tokens with nothing
// read ahead and has not been told the page ended (which it keeps: its
// Err says so only at an ErrorToken): it reads from wherever zr is
// pointed next.
func (t *Tokenizer) zParked() bool {
	return t.zr != nil && !t.zNext && !t.zEnded && !t.zr.ended && len(t.z.Buffered()) == 0
}

// delegated reads the next token with z, and has the lexer go on after
// it unless z reads the next one too: raw text, or while z holds bytes
// past its token (x/net reads "<" and a letter to end text, "</name" to
// end raw text), which pageReader's pieces make short.
func (t *Tokenizer) delegated() html.TokenType {
	t.zOn, t.zNext, t.zRaw = true, false, false
	if t.zEnded { // asked again: no raw text, as x/net's answers
		t.tt, t.to, t.zOn = html.ErrorToken, t.pos, false
		return t.tt
	}
	tt := t.z.Next()
	if t.zr != nil {
		t.zr.given = 0
	}
	raw := t.z.Raw()
	t.tt, t.to = tt, t.pos+len(raw)
	if tt == html.ErrorToken {
		// Where the input ends in a tag, x/net drops it and stops.
		t.zEnded, t.to = true, t.pos
		if !t.whole {
			t.pos = len(t.page)
			t.release()
		}
		return tt
	}
	t.pos, t.zRaw = t.to, rawStart(tt, raw)
	if !t.whole {
		t.zNext = t.zRaw || len(t.z.Buffered()) > 0
		if !t.zNext {
			t.restart(t.pos)
		}
	}
	return tt
}

// pageReader gives x/net's tokenizer a page from at, in pieces that end
// after a ">", where most tokens x/net is given end: its tokenizer is
// then between tokens with nothing read ahead, and can be re-pointed.
type pageReader struct {
	page  []byte
	at    int  // where the next piece starts: a byte offset in page
	ended bool // Read has said io.EOF
	// given is the bytes given since x/net's token began (delegated
	// clears it at each): a piece is at least as long before its cut at
	// a ">", so a token with many ">" in it (one comment of 20,000 "a>")
	// takes a few reads, each at least doubling what x/net holds, not
	// one read a ">" with a copy of all it holds at each.
	given int
}

// Read gives b the page from at to its first ">" past given bytes, or to
// the page's end; io.EOF after it.
func (r *pageReader) Read(b []byte) (int, error) {
	if r.at >= len(r.page) {
		r.ended = true
		return 0, io.EOF
	}
	rest := r.page[r.at:min(len(r.page), r.at+len(b))]
	if skip := min(r.given, len(rest)); skip < len(rest) {
		if i := bytes.IndexByte(rest[skip:], '>'); i >= 0 {
			rest = rest[:skip+i+1]
		}
	}
	n := copy(b, rest)
	r.at += n
	r.given += n
	return n, nil
}

// rawNext reports whether the next token is read as raw text: the
// current one started a raw text element.
func (t *Tokenizer) rawNext() bool { return t.rawEnd >= 0 || t.zRaw }

// Raw is the current token as written.
func (t *Tokenizer) Raw() []byte {
	if t.zOn {
		return t.z.Raw()
	}
	return t.page[t.from:t.to:t.to]
}

// Text is the current text token's text (or a doctype's), its entities
// decoded unless it is raw text; nil for other tokens.
func (t *Tokenizer) Text() []byte {
	if t.zOn {
		return t.z.Text()
	}
	switch t.tt {
	case html.DoctypeToken:
		return t.page[t.to-len("html>") : t.to-1 : t.to-1]
	case html.TextToken:
	default:
		return nil
	}
	b := t.page[t.from:t.to:t.to]
	if t.textRaw || bytes.IndexByte(b, '&') < 0 {
		return b
	}
	t.buf = append(t.buf[:0], html.UnescapeString(string(b))...)
	return t.buf
}

// TagName is the current tag's name in lower case, and whether it has
// attributes TagAttr has not returned.
func (t *Tokenizer) TagName() ([]byte, bool) {
	if t.zOn {
		return t.z.TagName()
	}
	switch t.tt {
	case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
		return t.low[t.name.from:t.name.to:t.name.to], t.nRead < len(t.attrs)
	}
	return nil, false
}

// TagAttr returns the current start tag's next attribute, its name in
// lower case and its value decoded, and whether more follow.
func (t *Tokenizer) TagAttr() (key, val []byte, more bool) {
	if t.zOn {
		return t.z.TagAttr()
	}
	if t.nRead >= len(t.attrs) {
		return nil, nil, false
	}
	a := t.attrs[t.nRead]
	t.nRead++
	key, val = t.attr(a)
	return key, val, t.nRead < len(t.attrs)
}

// attr is a as TagAttr returns it: its name as the lexer lowered it in
// low; its value from the page, or decoded after what t.buf holds (a
// reader keeps a tag's values until the next token: readAttrs).
func (t *Tokenizer) attr(a attr) (key, val []byte) {
	key, val = t.low[a.key.from:a.key.to:a.key.to], t.page[a.val.from:a.val.to:a.val.to]
	if bytes.IndexByte(val, '&') >= 0 {
		from := len(t.buf)
		t.buf = append(t.buf, html.UnescapeString(string(val))...)
		val = t.buf[from:len(t.buf):len(t.buf)]
	}
	return key, val
}

// eachAttr is EachAttr of t's current tag, when t reads it.
func (t *Tokenizer) eachAttr(fn func(key, val []byte)) {
	for ; t.nRead < len(t.attrs); t.nRead++ {
		fn(t.attr(t.attrs[t.nRead]))
	}
}
