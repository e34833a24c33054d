// Package htmltoken reads a page's HTML as x/net's tokenizer does (see
// Tokenizer, which answers as it does, faster), and a page body's once
// for more than one reader: the checks' prose reader and the search
// index's text walker both read every rendered body, and tokenizing it
// for each of them cost a second walk and a second tokenizer (its 4 KB
// buffer, and a copy of every attribute asked for) per page.
//
// A Tape records the tokenizer's answers; Replay gives them back through
// the same methods, so a reader takes a live *html.Tokenizer, a
// *Tokenizer or a *Replay and reads the same tokens, text and attributes.
package htmltoken

import (
	"bytes"
	"sync"

	"golang.org/x/net/html"
)

// Tape is a body's tokens as the tokenizer returned them: for each token
// its type; for a tag its raw text, its attributes and (when its name has
// a NUL byte, the one case a reader asks the tokenizer for the name) its
// name; for text its text (Tokenizer.Text). Everything is held in a few
// buffers reused from page to page.
type Tape struct {
	toks   []token
	attrs  []attr
	bytes  []byte // the raw tags, names, attributes and text, one after another
	replay Replay
	lex    Tokenizer // Record's, kept for its buffers
}

type token struct {
	tt        uint8 // an html.TokenType
	named     bool  // text holds a tag's name
	raw, text span  // for a tag, text is its name when its raw text has a NUL
	attr      int32
	nAtt      int32
}

type attr struct{ key, val span }

type span struct{ from, to int32 }

// Tokens are the tokenizer's methods that readers of a page call: a live
// *html.Tokenizer, a *Replay of a tape and a *Tee all have them, and
// answer alike.
type Tokens interface {
	Next() html.TokenType
	Raw() []byte
	Text() []byte
	TagName() ([]byte, bool)
	TagAttr() (key, val []byte, more bool)
}

// MaxTape is the size of the largest body worth recording: a tape takes
// about 30 bytes per token besides the text, and a huge page (a table of
// 20,000 × 200 cells, issue 11) would take hundreds of MB where its
// readers' streams take none; the tapes kept in the pool for reuse are
// at most about this size too.
const MaxTape = 256 << 10

var tapes = sync.Pool{New: func() any { return new(Tape) }}

// Record reads b's tokens into a tape from a pool; Release gives it back.
// b is not changed and not held.
func Record(b []byte) *Tape {
	t := tapes.Get().(*Tape)
	t.recordAll(b)
	return t
}

// recordAll records b's tokens, read with t's tokenizer.
func (t *Tape) recordAll(b []byte) {
	t.lex.reset(b)
	for tt := t.lex.Next(); tt != html.ErrorToken; tt = t.lex.Next() {
		t.record(&t.lex, tt)
	}
	t.lex.reset(nil)
}

// record records z's current token, of type tt.
func (t *Tape) record(z *Tokenizer, tt html.TokenType) {
	tok := token{tt: uint8(tt), attr: int32(len(t.attrs))}
	switch tt {
	case html.TextToken:
		tok.text = t.add(z.Text())
	case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
		tok.raw = t.add(z.Raw())
		if bytes.IndexByte(z.Raw(), 0) >= 0 {
			name, _ := z.TagName()
			tok.text, tok.named = t.add(name), true
		}
		if tt != html.EndTagToken {
			t.addAttrs(z, tok.raw)
		}
	}
	tok.nAtt = int32(len(t.attrs)) - tok.attr
	t.toks = append(t.toks, tok)
}

// addAttrs records a start tag's attributes, all of them: a reader may ask
// for any. Those z read itself are where they are in the tag's raw text
// (at raw in the tape), but for a name in upper case, lowered after it,
// and a value with entities, decoded after it; those x/net read are as
// its TagAttr returns them. A tag without attributes answers the first
// TagAttr with nothing, as does one whose only attribute has no name and
// no value: either is recorded as none, which a reader cannot tell apart.
func (t *Tape) addAttrs(z *Tokenizer, raw span) {
	if !z.zOn {
		at := func(s span) span { return span{raw.from + s.from - int32(z.from), raw.from + s.to - int32(z.from)} }
		for _, a := range z.attrs {
			ta := attr{at(a.key), at(a.val)}
			key, val := z.attr(a)
			if hasUpper(z.page[a.key.from:a.key.to]) {
				ta.key = t.add(key)
			}
			if bytes.IndexByte(z.page[a.val.from:a.val.to], '&') >= 0 {
				ta.val = t.add(val) // decoded
			}
			t.attrs = append(t.attrs, ta)
		}
		return
	}
	for first, more := true, true; more; first = false {
		var k, v []byte
		k, v, more = z.TagAttr()
		if first && !more && len(k) == 0 && len(v) == 0 {
			return
		}
		t.attrs = append(t.attrs, attr{t.add(k), t.add(v)})
	}
}

func (t *Tape) add(b []byte) span {
	from := len(t.bytes)
	t.bytes = append(t.bytes, b...)
	return span{int32(from), int32(len(t.bytes))}
}

func (t *Tape) at(s span) []byte { return t.bytes[s.from:s.to:s.to] }

// Release gives t's buffers to the next Record; t is not used after.
func (t *Tape) Release() {
	t.toks, t.attrs, t.bytes = t.toks[:0], t.attrs[:0], t.bytes[:0]
	t.replay = Replay{}
	tapes.Put(t)
}

// Replay returns a reader of t's tokens from the first. Each call starts
// again, with the same reader: one reader at a time.
func (t *Tape) Replay() *Replay {
	t.replay = Replay{t: t, i: -1}
	return &t.replay
}

// Replay reads a tape's tokens with the methods of html.Tokenizer that
// readers use; each returns what the tokenizer returned.
type Replay struct {
	t     *Tape
	i     int // the current token
	nRead int32
}

// Next moves to the next token and returns its type; html.ErrorToken
// after the last.
func (r *Replay) Next() html.TokenType {
	if r.i < len(r.t.toks) {
		r.i++
	}
	r.nRead = 0
	if r.i == len(r.t.toks) {
		return html.ErrorToken
	}
	return html.TokenType(r.t.toks[r.i].tt)
}

func (r *Replay) cur() *token {
	if r.i < 0 || r.i >= len(r.t.toks) {
		return &token{}
	}
	return &r.t.toks[r.i]
}

// Raw is a tag's text as written; nil for other tokens, whose raw text
// no reader asks for.
func (r *Replay) Raw() []byte {
	switch tok := r.cur(); html.TokenType(tok.tt) {
	case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
		return r.t.at(tok.raw)
	}
	return nil
}

// Text is a text token's text, as Tokenizer.Text returns it.
func (r *Replay) Text() []byte {
	if tok := r.cur(); html.TokenType(tok.tt) == html.TextToken {
		return r.t.at(tok.text)
	}
	return nil
}

// TagName is a tag's name, as Tokenizer.TagName returns it, for a tag
// whose raw text has a NUL byte; nil for others (whose name a reader
// takes from Raw).
func (r *Replay) TagName() ([]byte, bool) {
	tok := r.cur()
	if !tok.named {
		return nil, r.nRead < tok.nAtt
	}
	return r.t.at(tok.text), r.nRead < tok.nAtt
}

// TagAttr returns the tag's next attribute and whether there are more.
func (r *Replay) TagAttr() (key, val []byte, more bool) {
	tok := r.cur()
	if r.nRead >= tok.nAtt {
		return nil, nil, false
	}
	a := r.t.attrs[tok.attr+r.nRead]
	r.nRead++
	return r.t.at(a.key), r.t.at(a.val), r.nRead < tok.nAtt
}
