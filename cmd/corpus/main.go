// Command corpus writes a generated guidance site of any size, for
// benchmarks: DIR/signpost for Signpost and DIR/hugo, the same site for
// Hugo (see scripts/bench). The same -pages and -seed give the same bytes.
//
//	go run ./cmd/corpus -pages 10000 -seed 1 -out /tmp/corpus
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/signpost/signpost/internal/corpus"
)

func main() {
	pages := flag.Int("pages", 10000, "regular pages to generate")
	seed := flag.Uint64("seed", 1, "random seed: the same seed gives the same files")
	out := flag.String("out", "", "folder to write DIR/signpost and DIR/hugo into (must not exist, or be empty)")
	flag.Parse()
	if *out == "" || *pages < 1 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: corpus -out DIR [-pages N] [-seed S]")
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		// Old pages left from a bigger corpus would be built too.
		fmt.Fprintf(os.Stderr, "corpus: %s is not empty: remove it or choose another folder\n", *out)
		os.Exit(2)
	}
	if err := corpus.Write(*out, corpus.Options{Pages: *pages, Seed: *seed}); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}
