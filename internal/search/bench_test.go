package search

import (
	"os"
	"testing"
)

// BenchmarkAnalyse weighs a page of the generated benchmark corpus:
// go test ./internal/search -bench Analyse -page /path/to/content.html
func BenchmarkAnalyse(b *testing.B) {
	html, err := os.ReadFile(os.Getenv("SEARCH_BENCH_PAGE"))
	if err != nil {
		b.Skip("set SEARCH_BENCH_PAGE to a page body's HTML")
	}
	p := Page{URL: "/s3/p1233/", Title: "Guidance page 1233", Description: "What parents can do about topic 1233, in plain words.",
		Terms: []string{"Topic 33", "Reporting", "11 to 13", "Snapchat"}, HTML: html}
	b.ReportAllocs()
	for b.Loop() {
		Analyse(p)
	}
}
