package htmltoken

import (
	"bytes"

	"golang.org/x/net/html"
)

// Tee reads a page with a live Tokenizer for one reader (the checks' page
// scan) and records the tokens of the body the layout wrote in it onto a
// tape, as Record would have from the body alone: the body is not
// tokenized a second time for the prose reader and the search index.
//
// Taken from the page, the body's tokens are the body's own when the
// tokenizer is in its ordinary state where the body starts (not after the
// start tag of a raw text element such as script or title, whose content
// it reads as text), and no token but text runs into the body or out of
// it: a token that ends inside the body was ended by what is inside it.
// The part in the body of text that runs across its start or its end (the
// layout's line end and the body's) is read again from the body alone.
// Otherwise, or where the body is not written whole in the page (a layout
// that moves a block of it), Tape returns nil.
type Tee struct {
	z        Tokenizer
	page     []byte
	from, to int // where the body is in page
	end      int // where the current token ends
	state    teeState
	rawNext  bool // the current token is read as raw text
	tape     *Tape
	taped    bool   // the current token's answers come from the tape
	replay   Replay // at the current token, when taped
}

type teeState uint8

const (
	teeBefore teeState = iota // before the body
	teeIn                     // in the body, its tokens recorded so far
	teeDone                   // past it: the tape holds its tokens
	teeFailed                 // the body's tokens cannot be taken from the page's
)

// NewTee reads page, recording the tokens of body when page holds it.
func NewTee(page, body []byte) *Tee {
	t := &Tee{page: page, state: teeFailed}
	t.z.reset(page)
	if i := bytes.Index(page, body); i >= 0 && len(body) > 0 {
		t.from, t.to, t.state = i, i+len(body), teeBefore
		t.tape = tapes.Get().(*Tape)
		t.replay.t = t.tape
	}
	return t
}

// Tape returns the body's tokens, or nil when they could not be taken
// from the page's; call it after the walk. The caller releases the tape.
func (t *Tee) Tape() *Tape {
	if t.state != teeDone {
		t.fail()
		return nil
	}
	tape := t.tape
	t.tape = nil
	return tape
}

func (t *Tee) fail() {
	if t.tape != nil {
		t.tape.Release()
		t.tape = nil
	}
	t.state, t.taped = teeFailed, false
}

// Next reads the page's next token, recording it when it is the body's.
func (t *Tee) Next() html.TokenType {
	tt := t.z.Next()
	raw := t.z.Raw()
	from := t.end
	t.end += len(raw)
	t.taped = false
	if t.state == teeBefore || t.state == teeIn {
		afterRaw := t.rawNext
		t.rawNext = t.z.rawNext()
		t.step(tt, from, afterRaw)
	}
	return tt
}

// step records the token of type tt at page[from:t.end] when it is the
// body's, and fails when the body's tokens are not the page's.
func (t *Tee) step(tt html.TokenType, from int, afterRaw bool) {
	switch {
	case tt == html.ErrorToken:
		t.fail() // the page ends before the body does
	case t.end <= t.from:
		// before the body
	case t.state == teeBefore && afterRaw:
		t.fail() // the body starts in raw text
	case t.state == teeBefore && from < t.from:
		t.runsIn(tt)
	case t.end <= t.to:
		t.state = teeIn
		t.tape.record(&t.z, tt)
		t.taped, t.replay.i, t.replay.nRead = true, len(t.tape.toks)-1, 0
		if t.end == t.to {
			t.state = teeDone
		}
	case tt == html.TextToken && !afterRaw:
		// Text runs on past the body's end: the body alone ends it there.
		t.tape.recordAll(t.page[from:t.to])
		t.state = teeDone
	default:
		t.fail()
	}
}

// runsIn takes the body's first tokens from text that runs into it (the
// layout's line end and the body's text), read again from the body's
// part alone; any other token that runs into the body fails.
func (t *Tee) runsIn(tt html.TokenType) {
	if tt != html.TextToken {
		t.fail()
		return
	}
	t.tape.recordAll(t.page[t.from:min(t.end, t.to)])
	t.state = teeIn
	if t.end >= t.to {
		t.state = teeDone
	}
}

// rawStart reports whether a token is the start tag of an element whose
// content the tokenizer reads next as raw text (as its readStartTag
// decides, by the name as written), for a token x/net read: most names
// are ruled out by their first letter.
func rawStart(tt html.TokenType, raw []byte) bool {
	if tt != html.StartTagToken && tt != html.SelfClosingTagToken || len(raw) < 4 {
		return false
	}
	switch raw[1] | 0x20 { // in lower case, when a letter
	case 'i', 'n', 'p', 's', 't', 'x':
	default:
		return false
	}
	n := 1
	for n < len(raw) && n <= len("plaintext")+1 && !bytes.ContainsRune([]byte(" \n\r\t\f/>"), rune(raw[n])) {
		n++
	}
	for _, e := range rawElems {
		if bytes.EqualFold(raw[1:n], []byte(e)) {
			return true
		}
	}
	return false
}

// rawElems are the elements whose content the tokenizer reads as raw text.
var rawElems = []string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"}

// Raw is the current token's raw text.
func (t *Tee) Raw() []byte {
	if t.taped {
		return t.replay.Raw()
	}
	return t.z.Raw()
}

// Text is the current text token's text.
func (t *Tee) Text() []byte {
	if t.taped {
		return t.replay.Text()
	}
	return t.z.Text()
}

// TagName is the current tag's name, as Tokenizer.TagName returns it (from
// the tape, only for a name with a NUL byte, as Replay says).
func (t *Tee) TagName() ([]byte, bool) {
	if t.taped {
		return t.replay.TagName()
	}
	return t.z.TagName()
}

// TagAttr returns the current tag's next attribute.
func (t *Tee) TagAttr() (key, val []byte, more bool) {
	if t.taped {
		return t.replay.TagAttr()
	}
	return t.z.TagAttr()
}
