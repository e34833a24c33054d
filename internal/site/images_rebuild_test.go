package site_test

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"github.com/signpost/signpost/internal/sitetest"
)

// A page says the size of its images, so an image edited to another size
// renders the pages showing it again (as a full build), and the output
// equals a clean build's (Build compares).
func TestEditedImageResizesItsPages(t *testing.T) {
	pngOf := func(w, h int) string {
		var b bytes.Buffer
		if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	r := sitetest.Run(t, minimal+`
-- content/_index.md --
---
title: Home
---
`)
	r.EditFile("static/chart.png", pngOf(10, 20)).
		EditFile("content/_index.md", "---\ntitle: Home\n---\n![A chart](/chart.png)\n").Build().
		AssertFull("a file was added or removed").
		AssertFile("index.html", `width="10" height="20"`)
	r.EditFile("static/chart.png", pngOf(30, 40)).Build().AssertFull("an image changed").
		AssertFile("index.html", `width="30" height="40"`)
	r.EditFile("static/notes.txt", "one").Build()
	r.EditFile("static/notes.txt", "two").Build().AssertRendered(0)
}
