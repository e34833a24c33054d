package render

import (
	"slices"
	"testing"
)

// TestAppendKeepsListsApart: append never changes a list another
// variable holds, whichever list is extended first.
func TestAppendKeepsListsApart(t *testing.T) {
	base := appendList(appendList(nil, "a"), "b")
	x := appendList(base, "x")
	y := appendList(base, "y")
	z := appendList(x, "z")
	for _, tc := range []struct {
		got  []any
		want []any
	}{{base, []any{"a", "b"}}, {x, []any{"a", "b", "x"}}, {y, []any{"a", "b", "y"}}, {z, []any{"a", "b", "x", "z"}}} {
		if !slices.Equal(tc.got, tc.want) {
			t.Errorf("got %v, want %v", tc.got, tc.want)
		}
	}
	// A list the template did not make (list "a" "b") with room to spare
	// is copied, not written into.
	fixed := make([]any, 1, 4)
	fixed[0] = "a"
	spare := fixed[:2]
	spare[1] = "kept"
	if got := appendList(fixed, "new"); got[1] != "new" || spare[1] != "kept" {
		t.Errorf("appended %v; the other list's slot holds %v", got, spare[1])
	}
}

// TestAppendLoopIsLinear: building a list of n items one append at a time
// allocates O(n), as a section's list of pages does in list.html.
func TestAppendLoopIsLinear(t *testing.T) {
	const n = 20000
	allocs := testing.AllocsPerRun(5, func() {
		var xs []any
		for i := range n {
			xs = appendList(xs, i%256) // small ints do not allocate when boxed
		}
		if len(xs) != n {
			t.Fatalf("%d items", len(xs))
		}
	})
	if allocs > 40 {
		t.Errorf("%v allocations to build a list of %d items; a copy per append is %d", allocs, n, n)
	}
}
