package build

import (
	"bytes"
	"compress/gzip"
	"path"

	"github.com/andybalholm/brotli"
)

// compressible are the files --compress writes a .br and a .gz beside:
// text, which shrinks to a fraction. Images, fonts and PDFs are
// compressed already.
var compressible = map[string]bool{".html": true, ".css": true, ".js": true, ".mjs": true, ".json": true, ".xml": true, ".svg": true}

// precompressed returns the files to write beside rel: rel.br and rel.gz,
// each only when it is smaller than data (a server would rather send the
// file itself). Both are byte-identical for the same input: the highest
// levels, fixed windows, and a gzip header with no name and no time.
func precompressed(rel string, data []byte) map[string][]byte {
	if !compressible[path.Ext(rel)] {
		return nil
	}
	out := map[string][]byte{}
	var br bytes.Buffer
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	if _, err := bw.Write(data); err == nil && bw.Close() == nil && br.Len() < len(data) {
		out[rel+".br"] = br.Bytes()
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression) // the level is valid
	if _, err := zw.Write(data); err == nil && zw.Close() == nil && gz.Len() < len(data) {
		out[rel+".gz"] = gz.Bytes()
	}
	return out
}
