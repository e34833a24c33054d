package htmltoken

import "bytes"

// EachAttr calls fn with each attribute of z's current start tag, in
// order, as z.TagAttr would return them (keys in lower case, the first of
// two with one name). TagAttr copies every key and value it returns (two
// allocations per attribute, 2.1 M in two builds of 10,000 pages); here a
// recorded tag's attributes come from its tape, and a live tag's are read
// from its raw text, in place, as the tokenizer's readTag reads them,
// unless it holds a byte TagAttr would change in a value ("&", which
// starts an entity, a carriage return, a NUL), when TagAttr gives them.
// key and val are only valid during the call, and are not to be changed.
func EachAttr(z Tokens, fn func(key, val []byte)) {
	switch r := z.(type) {
	case *Replay:
		r.eachAttr(fn)
		return
	case *Tee:
		if r.taped {
			r.replay.eachAttr(fn)
			return
		}
		if !r.z.zOn {
			r.z.eachAttr(fn)
			return
		}
	case *Tokenizer:
		if !r.zOn {
			r.eachAttr(fn)
			return
		}
	}
	raw := z.Raw()
	from, plain := attrsFrom(raw)
	if !plain {
		for more := true; more; {
			var k, v []byte
			if k, v, more = z.TagAttr(); len(k) == 0 {
				return // no attributes
			}
			fn(k, v)
		}
		return
	}
	for s := (attrScan{raw: raw, from: from, i: from}); ; {
		k, v, ok := s.next()
		if !ok {
			return
		}
		key := raw[k.from:k.to:k.to]
		if hasUpper(key) {
			key = appendLower(nil, key) // rare: the site's HTML writes names in lower case
		}
		fn(key, raw[v.from:v.to:v.to])
	}
}

// attrsFrom returns where a start tag's attributes start in its raw text
// (past its name and the spaces after it), and whether TagAttr returns
// them as written there but for the keys' case: when the tag has none,
// or they hold no "&", "\r" or NUL. An end tag has none to read.
func attrsFrom(raw []byte) (from int, plain bool) {
	if len(raw) <= 2 || raw[1] == '/' || raw[len(raw)-1] != '>' {
		return 0, false
	}
	from = skipSpace(raw, tagNameEnd(raw))
	attrs := raw[from:]
	return from, len(attrs) == 1 ||
		bytes.IndexByte(attrs, '&') < 0 && bytes.IndexByte(attrs, '\r') < 0 && bytes.IndexByte(attrs, 0) < 0
}

// seen reports whether an earlier attribute has the name at k, in any
// case: the tokenizer keeps the first attribute of a name. The first
// names are kept at hand; past them, the names go in a set, as x/net keeps
// them (reading the tag again from its start for each name was quadratic:
// a tag of 80,000 attributes took minutes).
func (s *attrScan) seen(k span) bool {
	name := s.raw[k.from:k.to]
	if s.n < len(s.keys) {
		for _, e := range s.keys[:s.n] {
			if equalLower(s.raw[e.from:e.to], name) {
				return true
			}
		}
		return false
	}
	if s.more == nil { // the names at hand are all the names so far
		s.more = make(map[string]bool, 2*len(s.keys))
		for _, e := range s.keys {
			s.more[string(appendLower(nil, s.raw[e.from:e.to]))] = true
		}
	}
	lower := string(appendLower(nil, name))
	if s.more[lower] {
		return true
	}
	s.more[lower] = true // next returns it: a later one of its name is not
	return false
}

// equalLower reports whether a and b are equal with ASCII letters in
// lower case, as the tokenizer lowers names.
func equalLower(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if lowerByte(a[i]) != lowerByte(b[i]) {
			return false
		}
	}
	return true
}

// appendLower appends b with its ASCII letters in lower case, as the
// tokenizer lowers names: bytes.ToLower would lower "İD" to "id" too.
func appendLower(dst, b []byte) []byte {
	for _, c := range b {
		dst = append(dst, lowerByte(c))
	}
	return dst
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func hasUpper(b []byte) bool {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// attrScan reads the attributes of a start tag from its raw text, step
// for step as x/net's Tokenizer.readTag, readTagAttrKey and
// readTagAttrVal read them, repeated names included: a tag the tokenizer
// returned ends with the ">" that ended its reading.
type attrScan struct {
	raw  []byte
	from int // where the attributes start (attrsFrom)
	i    int // where reading goes on: from at first
	keys [8]span
	n    int             // the attributes returned; the first are in keys
	more map[string]bool // past keys, the names returned, lowered
}

// next returns the next attribute that the tokenizer keeps (it has a
// name, not had before), or false after the last.
func (s *attrScan) next() (key, val span, ok bool) {
	for {
		k, v, ok := s.step()
		if !ok || !s.seen(k) {
			if ok && s.n < len(s.keys) {
				s.keys[s.n] = k
			}
			s.n++
			return k, v, ok
		}
	}
}

// step returns the next attribute with a name, or false after the last.
func (s *attrScan) step() (key, val span, ok bool) {
	raw := s.raw
	for s.i < len(raw) && raw[s.i] != '>' {
		k := s.key()
		v := s.val()
		s.i = skipSpace(raw, s.i)
		if k.to > k.from {
			return k, v, true
		}
	}
	return span{}, span{}, false
}

// tagNameEnd is where reading goes on after a tag's name (readTagName):
// past the space that ends it, or at the "/" or ">".
func tagNameEnd(raw []byte) int {
	for i := 2; i < len(raw); i++ {
		switch raw[i] {
		case ' ', '\n', '\r', '\t', '\f':
			return i + 1
		case '/', '>':
			return i
		}
	}
	return len(raw)
}

// key reads a name up to a space, "/", ">" or "=" (an "=" first is part
// of it).
func (s *attrScan) key() span {
	from := s.i
	for ; s.i < len(s.raw); s.i++ {
		switch s.raw[s.i] {
		case '=':
			if s.i == from {
				continue
			}
			return span{int32(from), int32(s.i)}
		case ' ', '\n', '\r', '\t', '\f', '/', '>':
			return span{int32(from), int32(s.i)}
		}
	}
	return span{int32(from), int32(s.i)}
}

// val reads what follows a name: nothing, or "=" and a value, quoted or
// not; an empty span where there is none.
func (s *attrScan) val() span {
	raw := s.raw
	none := span{int32(s.i), int32(s.i)}
	s.i = skipSpace(raw, s.i)
	if s.i >= len(raw) {
		return none
	}
	switch c := raw[s.i]; {
	case c == '/':
		s.i++
		return none
	case c != '=':
		return none
	}
	s.i = skipSpace(raw, s.i+1)
	if s.i >= len(raw) {
		return none
	}
	switch q := raw[s.i]; q {
	case '>':
		return none
	case '\'', '"':
		from := s.i + 1
		j := bytes.IndexByte(raw[from:], q)
		if j < 0 {
			s.i = len(raw)
			return span{int32(from), int32(len(raw))}
		}
		s.i = from + j + 1
		return span{int32(from), int32(from + j)}
	}
	from := s.i
	for s.i++; s.i < len(raw); s.i++ {
		switch raw[s.i] {
		case ' ', '\n', '\r', '\t', '\f':
			s.i++
			return span{int32(from), int32(s.i - 1)}
		case '>':
			return span{int32(from), int32(s.i)}
		}
	}
	return span{int32(from), int32(len(raw))}
}

func skipSpace(raw []byte, i int) int {
	for i < len(raw) {
		switch raw[i] {
		case ' ', '\n', '\r', '\t', '\f':
			i++
		default:
			return i
		}
	}
	return i
}

// eachAttr is EachAttr of the current token of a replay.
func (r *Replay) eachAttr(fn func(key, val []byte)) {
	tok := r.cur()
	for ; r.nRead < tok.nAtt; r.nRead++ {
		a := r.t.attrs[tok.attr+r.nRead]
		fn(r.t.at(a.key), r.t.at(a.val))
	}
}
