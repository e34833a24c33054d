package site

import (
	"image"
	_ "image/gif"  // decoders for image.DecodeConfig: the raster
	_ "image/jpeg" // formats browsers show, whose size is in the header
	_ "image/png"
	"io/fs"
	"path"
	"strings"
	"sync"
)

// imageSizes reads the size of the site's images once per build, for the
// width and height of every <img> markdown writes: a page that names
// them does not jump as its images load.
type imageSizes struct {
	site     fs.FS
	basePath string // the site's path, "/" or "/docs/"
	sizes    sync.Map
}

// sizedImage reports whether pages that show the file at p say its size
// (what imageSizes can read).
func sizedImage(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".png", ".jpg", ".jpeg", ".gif":
		return true
	}
	return false
}

type imageSize struct {
	w, h int
	ok   bool
}

// size is the width and height of the image at the resolved address src,
// when it is a static file or a page's resource of this site in a format
// whose header says its size (not SVG, nor another site's image).
func (s *imageSizes) size(src string) (int, int, bool) {
	rel, ok := strings.CutPrefix(src, s.basePath)
	if !ok || strings.ContainsAny(rel, "?#:") {
		return 0, 0, false
	}
	rel = path.Clean("/" + rel)
	if v, ok := s.sizes.Load(rel); ok {
		sz := v.(imageSize)
		return sz.w, sz.h, sz.ok
	}
	var sz imageSize
	for _, dir := range []string{StaticDir, "content"} {
		if f, err := s.site.Open(dir + rel); err == nil {
			cfg, _, err := image.DecodeConfig(f)
			f.Close()
			sz = imageSize{cfg.Width, cfg.Height, err == nil && cfg.Width > 0 && cfg.Height > 0}
			break
		}
	}
	s.sizes.Store(rel, sz)
	return sz.w, sz.h, sz.ok
}
