package site

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/andybalholm/brotli"
)

// compressible are the files --compress writes a .br and a .gz beside:
// text, which shrinks to a fraction. Images, fonts and PDFs are
// compressed already.
var compressible = map[string]bool{".html": true, ".css": true, ".js": true, ".mjs": true, ".json": true, ".xml": true, ".svg": true}

// brotliQuality is the highest: files are compressed once and sent many
// times, to parents on slow connections. It makes a page about 12%
// smaller than quality 9, for several times the time; the unchanged
// files of the last build are reused rather than compressed again.
const brotliQuality = 11

// compressStamp is the file in an output folder that says how its .br and
// .gz files were made, so a later build may reuse them only when it would
// make the same bytes.
const compressStamp = ".signpost-compressed"

// compressor writes the .br and .gz files of one build.
type compressor struct {
	// old is the previous output folder when its files were compressed
	// the same way, or "".
	old string
	// claim reserves an output file for what makes it, so that a site's
	// own file of that name is a collision, not a race.
	claim func(rel, what string) error
	// overwrite is the output's (spare.go): called before a file is
	// written, it says whether the reused spare had one there.
	overwrite func(p string) bool
}

// startCompressor begins compression for the output o: it stamps the new
// folder and looks at the stamp of the one it will replace.
func startCompressor(o *output, claim func(rel, what string) error) (*compressor, error) {
	c := &compressor{claim: claim, overwrite: o.overwrite}
	if err := claim(compressStamp, "the stamp of --compress"); err != nil {
		return nil, err
	}
	stamp := compressSignature()
	if old, err := os.ReadFile(o.dest + string(os.PathSeparator) + compressStamp); err == nil && string(old) == stamp {
		c.old = o.dest
	}
	p := o.tmp + string(os.PathSeparator) + compressStamp
	o.overwrite(p)
	return c, os.WriteFile(p, []byte(stamp), 0o644)
}

// BrotliModule is the brotli the binary is built with: a test holds it to
// go.mod, so a newer brotli (other bytes) never reuses an older one's files.
const BrotliModule = "github.com/andybalholm/brotli v1.3.0"

// Compressed reports whether the output folder dest was built with
// --compress.
func Compressed(dest string) bool {
	_, err := os.Stat(filepath.Join(dest, compressStamp))
	return err == nil
}

// compressSignature names the encoders and their settings.
func compressSignature() string {
	return fmt.Sprintf("%s quality %d, window by size; gzip %s level %d\n",
		BrotliModule, brotliQuality, runtime.Version(), gzip.BestCompression)
}

// beside writes the .br and .gz of the output file p (rel in the output).
// A file the last build wrote with the same bytes keeps that build's .br
// and .gz (hard-linked, or copied), which are what compressing would make.
func (c *compressor) beside(p, rel string, data []byte) error {
	if !compressible[path.Ext(rel)] {
		return nil
	}
	if c.old != "" {
		if prev, err := destPath(c.old, rel); err == nil {
			if old, err := os.ReadFile(prev); err == nil && bytes.Equal(old, data) {
				return errors.Join(c.reuse(rel, prev, p, ".br", data), c.reuse(rel, prev, p, ".gz", data))
			}
		}
	}
	for ext, z := range precompressed(data) {
		if err := c.claim(rel+ext, "the compressed copy of "+rel); err != nil {
			return err
		}
		c.overwrite(p + ext)
		if err := writeFile(p+ext, z); err != nil {
			return err
		}
	}
	return nil
}

// reuse links (or copies) the last build's prev+ext to p+ext when it is
// a regular file holding data compressed; else (deleted, damaged, a link,
// or never written because it was not smaller) it compresses data anew,
// so the output never depends on what happened to the last one.
func (c *compressor) reuse(rel, prev, p, ext string, data []byte) error {
	old, ok := sound(prev+ext, ext, data)
	if !ok {
		z := precompress(ext, data)
		if len(z) >= len(data) {
			return nil // not smaller: not written
		}
		old = z
	}
	if err := c.claim(rel+ext, "the compressed copy of "+rel); err != nil {
		return err
	}
	if c.overwrite(p+ext) && ok {
		_ = os.Remove(p + ext) // a link is not made over a file
	}
	if ok && os.Link(prev+ext, p+ext) == nil {
		return nil
	}
	return writeFile(p+ext, old)
}

// sound returns the file f and reports whether it is a regular file that
// decompresses (ext: .br or .gz) to exactly data.
func sound(f, ext string, data []byte) ([]byte, bool) {
	fi, err := os.Lstat(f)
	if err != nil || !fi.Mode().IsRegular() {
		return nil, false
	}
	z, err := os.ReadFile(f)
	if err != nil {
		return nil, false
	}
	var r io.Reader
	if ext == ".br" {
		r = brotli.NewReader(bytes.NewReader(z))
	} else if r, err = gzip.NewReader(bytes.NewReader(z)); err != nil {
		return nil, false
	}
	got, err := io.ReadAll(io.LimitReader(r, int64(len(data))+1))
	return z, err == nil && bytes.Equal(got, data)
}

// precompress is data compressed for the suffix ext.
func precompress(ext string, data []byte) []byte {
	if ext == ".br" {
		return compressBrotli(data)
	}
	return compressGzip(data)
}

// precompressed returns the suffixes to write and their contents: ".br"
// and ".gz", each only when it is smaller than data (a server would rather
// send the file itself). Both are byte-identical for the same input.
func precompressed(data []byte) map[string][]byte {
	out := map[string][]byte{}
	if br := compressBrotli(data); len(br) < len(data) {
		out[".br"] = br
	}
	if gz := compressGzip(data); len(gz) < len(data) {
		out[".gz"] = gz
	}
	return out
}

// claimCompressed claims the output file rel for what --compress writes.
func (b *builder) claimCompressed(rel, what string) error {
	_, err := b.rec.claim("/"+rel, generated(what))
	return err
}

// brotliWriters are pooled by window size: a writer's tables are most of
// the cost of compressing a small file.
var brotliWriters [25]sync.Pool

// compressBrotli uses a window just large enough for the file: as small a
// result as the default 4 MB window for a file that fits, with a fraction
// of the memory (tables for the default window took 34 MB per page).
func compressBrotli(data []byte) []byte {
	lgwin := min(max(bits.Len(uint(len(data))), 10), 24)
	var buf bytes.Buffer
	w, _ := brotliWriters[lgwin].Get().(*brotli.Writer)
	if w == nil {
		w = brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotliQuality, LGWin: lgwin})
	} else {
		w.Reset(&buf)
	}
	defer brotliWriters[lgwin].Put(w)
	if _, err := w.Write(data); err != nil || w.Close() != nil {
		return data // never smaller: not written
	}
	return buf.Bytes()
}

var gzipWriters sync.Pool

// compressGzip writes a header with no name and no time, so builds agree.
func compressGzip(data []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzipWriters.Get().(*gzip.Writer)
	if w == nil {
		w, _ = gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
	} else {
		w.Reset(&buf)
	}
	defer gzipWriters.Put(w)
	if _, err := w.Write(data); err != nil || w.Close() != nil {
		return data
	}
	return buf.Bytes()
}
