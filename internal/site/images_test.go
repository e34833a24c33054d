package site

import (
	"bytes"
	"image"
	"image/png"
	"testing"
	"testing/fstest"
)

func TestImageSizes(t *testing.T) {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 12, 34))); err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"static/a.png":         {Data: b.Bytes()},
		"content/guide/b.png":  {Data: b.Bytes()},
		"static/broken.png":    {Data: []byte("not a png")},
		"static/drawing.svg":   {Data: []byte(`<svg width="10" height="10"/>`)},
		"content/guide/c.webp": {Data: []byte("RIFF")},
	}
	s := &imageSizes{site: fsys, basePath: "/docs/"}
	tests := []struct {
		src  string
		ok   bool
		w, h int
	}{
		{"/docs/a.png", true, 12, 34},
		{"/docs/guide/b.png", true, 12, 34},
		{"/docs/guide/../a.png", true, 12, 34},
		{"/a.png", false, 0, 0},                         // outside the site's path
		{"https://example.org/docs/a.png", false, 0, 0}, // another site
		{"/docs/a.png?v=2", false, 0, 0},
		{"/docs/broken.png", false, 0, 0},
		{"/docs/drawing.svg", false, 0, 0}, // no raster header
		{"/docs/guide/c.webp", false, 0, 0},
		{"/docs/missing.png", false, 0, 0},
	}
	for range 2 { // the second time from the cache
		for _, tt := range tests {
			w, h, ok := s.size(tt.src)
			if ok != tt.ok || w != tt.w || h != tt.h {
				t.Errorf("size(%q) = %d, %d, %v; want %d, %d, %v", tt.src, w, h, ok, tt.w, tt.h, tt.ok)
			}
		}
	}
}
