package render

// appendList is the templates' append: the list with x added at the end,
// never changing a list another variable holds. Copying the list on every
// call made a loop that builds a list quadratic (a section's list of
// 10,000 pages copied 50 million items); instead the list grows in place
// while its next slot is free, and only a list extended twice from the
// same length is copied. Free slots hold the unused marker, so a slot
// filled by one append is seen as taken by the next.
func appendList(xs []any, x any) []any {
	n := len(xs)
	if n < cap(xs) {
		if slot := xs[:n+1]; slot[n] == unused {
			slot[n] = x
			return slot
		}
	}
	out := make([]any, n+1, 2*n+4)
	copy(out, xs)
	out[n] = x
	for i := n + 1; i < cap(out); i++ {
		out[:cap(out)][i] = unused
	}
	return out
}

// unused marks the free slots of a list made by appendList: a pointer to
// a private value, so no template value can equal it.
var unused any = new(struct{ _ byte })
