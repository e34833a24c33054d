package site

import (
	"encoding/binary"
	"strings"
)

// idList is a page's element ids, in order, as one string: each id after
// its length as a uvarint. Every page's ids are kept to the end of a
// build (and across incremental builds) for the links to anchors, and
// as strings each id cost a string header and an allocation of its own:
// most ids are shorter than their header.
type idList string

func packIDs(ids []string) idList {
	var num [binary.MaxVarintLen64]byte
	n := 0
	for _, id := range ids {
		n += len(binary.AppendUvarint(num[:0], uint64(len(id)))) + len(id)
	}
	var b strings.Builder // one allocation, at its size
	b.Grow(n)
	for _, id := range ids {
		b.Write(binary.AppendUvarint(num[:0], uint64(len(id))))
		b.WriteString(id)
	}
	return idList(b.String())
}

// each calls f with each id until it returns false.
func (l idList) each(f func(id string) bool) {
	for rest := string(l); rest != ""; {
		n, w := 0, 0
		for shift := 0; ; shift += 7 { // the uvarint packIDs wrote
			c := rest[w]
			w++
			n |= int(c&0x7f) << shift
			if c < 0x80 {
				break
			}
		}
		if !f(rest[w : w+n]) {
			return
		}
		rest = rest[w+n:]
	}
}

// has reports whether the page has the id.
func (l idList) has(id string) bool {
	found := false
	l.each(func(x string) bool {
		found = x == id
		return !found
	})
	return found
}

// all is the ids as a slice, for messages.
func (l idList) all() []string {
	var out []string
	l.each(func(id string) bool {
		out = append(out, id)
		return true
	})
	return out
}
