package site

import (
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/render"
)

// copyStatic publishes everything in static/ byte for byte, dot-files
// such as .well-known/ and .htaccess included (content/ and assets/ are
// filtered for editor junk, static/ is not), and content files that are not pages (loose files;
// bundle resources go with their page).
func (b *builder) copyStatic() {
	walkAll(b.site, StaticDir, b.copyFile, b.problem)
	for _, f := range b.tree.Files {
		b.copyFile(f)
	}
	for _, p := range b.tree.Regular {
		for _, r := range p.Resources() {
			b.copyFile(r)
		}
	}
}

// copyFile publishes a site file as it is, never minified.
func (b *builder) copyFile(file string) {
	data, err := fs.ReadFile(b.site, file)
	if err != nil {
		b.problem(readProblem(file, err))
		return
	}
	b.emit(fileURL(file), fileSource(file), data, false)
}

// processAssets publishes assets/ from the site over those of the theme.
// CSS and JS are minified and get a content hash in their name, so they can
// be cached forever, and an SRI hash for <link> and <script>.
func (b *builder) processAssets() {
	b.assets = map[string]render.Asset{}
	files := map[string]fs.FS{}
	for _, fsys := range []fs.FS{b.opt.Theme, b.site} {
		if fsys == nil {
			continue
		}
		walkFiles(fsys, "assets", func(p string) { files[p] = fsys }, b.problem)
	}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		data, err := fs.ReadFile(files[p], p)
		if err != nil {
			b.problem(readProblem(p, err))
			continue
		}
		rel := strings.TrimPrefix(p, "assets/")
		ext := path.Ext(rel)
		if ext != ".css" && ext != ".js" {
			b.emit("/"+rel, fileSource(p), data, false)
			continue
		}
		// A BOM would end up inside the fingerprinted file, where a
		// browser may read it as part of the first selector.
		data = b.min.file(rel, config.StripBOM(data))
		if b.opt.StableAssetNames {
			b.emit("/"+rel, fileSource(p), data, false)
			b.assets[rel] = render.Asset{URL: b.cfg.BasePath() + content.EscapePath(rel)}
			continue
		}
		sum := sha512.Sum384(data)
		name := strings.TrimSuffix(rel, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
		b.emit("/"+name, fileSource(p), data, false)
		b.assets[rel] = render.Asset{
			URL:       b.cfg.BasePath() + content.EscapePath(name),
			Integrity: "sha384-" + base64.StdEncoding.EncodeToString(sum[:]),
		}
	}
}

// loadData decodes data/ (YAML, TOML or JSON) into nested maps: the file
// data/helplines.yaml becomes data["helplines"].
func loadData(site fs.FS) (map[string]any, diag.List) {
	var probs diag.List
	data := map[string]any{}
	walkFiles(site, "data", func(p string) {
		ext := path.Ext(p)
		format := map[string]string{".yaml": "yaml", ".yml": "yaml", ".toml": "toml", ".json": "json"}[ext]
		if format == "" {
			return
		}
		src, err := fs.ReadFile(site, p)
		if err != nil {
			probs.Add(readProblem(p, err))
			return
		}
		var v any
		if format == "json" {
			if pr, ok := config.ValidUTF8(p, src); !ok {
				probs.Add(pr)
				return
			}
			src = config.StripBOM(src)
			if err := json.Unmarshal(src, &v); err != nil {
				line, col := jsonPos(src, err)
				probs.Errorf(p, line, col, "check the JSON syntax: every key in double quotes, no comma after the last item", "invalid JSON: %v", err)
				return
			}
		} else if pr, ok := config.Decode(format, p, src, &v); !ok {
			probs.Add(pr)
			return
		}
		keys := strings.Split(strings.TrimSuffix(strings.TrimPrefix(p, "data/"), ext), "/")
		m := data
		for _, k := range keys[:len(keys)-1] {
			sub, ok := m[k].(map[string]any)
			if !ok {
				sub = map[string]any{}
				m[k] = sub
			}
			m = sub
		}
		m[keys[len(keys)-1]] = v
	}, func(err error) { probs.Add(diag.Problems(err)...) })
	return data, probs
}

// walkFiles calls fn for every file under dir that editors did not leave
// behind by accident; a missing dir is fine.
func walkFiles(fsys fs.FS, dir string, fn func(string), onErr func(error)) {
	walk(fsys, dir, true, fn, onErr)
}

// walkAll calls fn for every file under dir, hidden ones included.
func walkAll(fsys fs.FS, dir string, fn func(string), onErr func(error)) {
	walk(fsys, dir, false, fn, onErr)
}

func walk(fsys fs.FS, dir string, skipJunk bool, fn func(string), onErr func(error)) {
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == dir {
				return fs.SkipAll
			}
			onErr(readProblem(p, err))
			return nil
		}
		if skipJunk && p != dir && content.Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			fn(p)
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		onErr(err)
	}
}

// jsonPos is where a JSON decoding error is, from the offset it carries
// (the end of the file when it is cut short).
func jsonPos(src []byte, err error) (line, col int) {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		off := int(syn.Offset)
		if off > 0 && off < len(src) {
			off-- // the offset counts the bad character itself
		}
		return diag.LineCol(src, off)
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return diag.LineCol(src, int(typ.Offset))
	}
	return diag.LineCol(src, len(src))
}

func readProblem(file string, err error) diag.Problem { return content.ReadProblem(file, err) }
