// Package sheets makes the printable "Who to call" sheets: one page per
// country in data/helplines.yaml listing its helplines (in the order the
// file lists them, so put the emergency number first), and a section page
// listing the countries. The pages are markdown files the build reads as
// if they were in content/who-to-call/; a site that has its own file at
// one of those paths keeps it.
package sheets

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/signpost/signpost/internal/config"
	"github.com/signpost/signpost/internal/content"
)

// Dir is the folder the sheets appear in, under content/.
const Dir = content.Dir + "/who-to-call"

// DataFile is where the helplines come from.
const DataFile = "data/helplines.yaml"

// helpline is what a sheet needs of one entry of data/helplines.yaml.
type helpline struct {
	ID, Country string
}

// Overlay returns site with the sheets added, and the paths of the files
// it added (to forget cached copies when the data changes). It returns site
// itself when there are no helplines with a country.
func Overlay(site fs.FS) (fs.FS, []string) {
	files := Pages(site)
	if len(files) == 0 {
		return site, nil
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	return newOverlay(site, files), names
}

// Pages returns the markdown of the sheets, by path from the site root,
// leaving out any the site writes itself.
func Pages(site fs.FS) map[string][]byte {
	src, err := fs.ReadFile(site, DataFile)
	if err != nil {
		return nil
	}
	src = config.StripBOM(src)
	var doc yaml.MapSlice
	if yaml.UnmarshalWithOptions(src, &doc, yaml.UseOrderedMap()) != nil {
		return nil // the build reports invalid data
	}
	var countries []string
	byCountry := map[string][]helpline{}
	for _, item := range doc {
		id, _ := item.Key.(string)
		fields, _ := item.Value.(yaml.MapSlice)
		h := helpline{ID: id}
		for _, f := range fields {
			if k, _ := f.Key.(string); k == "country" {
				h.Country, _ = f.Value.(string)
			}
		}
		h.Country = strings.TrimSpace(h.Country)
		if id == "" || h.Country == "" || content.Slugify(h.Country) == "" {
			continue
		}
		if byCountry[h.Country] == nil {
			countries = append(countries, h.Country)
		}
		byCountry[h.Country] = append(byCountry[h.Country], h)
	}
	if len(countries) == 0 {
		return nil
	}
	files := map[string][]byte{}
	add := func(name, text string) {
		if _, err := fs.Stat(site, name); err != nil {
			files[name] = []byte(text)
		}
	}
	add(path.Join(Dir, "_index.md"), `---
title: Who to call
description: One-page lists of the helplines and places to report a worry about a child online, for each country.
weight: 50
---
Each sheet lists the phone numbers and websites to use if you are worried about a child online, with the emergency number first. Print one to keep by the phone, or for your school office or club.
`)
	for i, c := range countries {
		var b strings.Builder
		fmt.Fprintf(&b, `---
title: Who to call in %[1]s
description: The numbers to call and the places to report a worry about a child online in %[1]s, on one page to print.
layout: sheet
toc: false
weight: %[2]d
---
If a child is in danger right now, call the emergency number first.
`, place(c), i+1)
		for _, h := range byCountry[c] {
			fmt.Fprintf(&b, "\n:::helpline %s\n:::\n", h.ID)
		}
		add(path.Join(Dir, content.Slugify(c)+".md"), b.String())
	}
	return files
}

// place is a country as it reads after "in": "the UK", "Australia".
func place(country string) string {
	if country == strings.ToUpper(country) && len(country) <= 4 {
		return "the " + country
	}
	return country
}

// overlay is a file system with extra files over a base one.
type overlay struct {
	base  fs.FS
	files map[string][]byte
	dirs  map[string][]string // folder → names of the extra files and folders in it
}

func newOverlay(base fs.FS, files map[string][]byte) *overlay {
	o := &overlay{base: base, files: files, dirs: map[string][]string{}}
	for name := range files {
		for child, dir := name, path.Dir(name); ; child, dir = dir, path.Dir(dir) {
			if !contains(o.dirs[dir], path.Base(child)) {
				o.dirs[dir] = append(o.dirs[dir], path.Base(child))
			}
			if dir == "." {
				break
			}
		}
	}
	return o
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func (o *overlay) Open(name string) (fs.File, error) {
	if data, ok := o.files[name]; ok {
		return &memFile{info: memInfo{name: path.Base(name), size: int64(len(data))}, r: strings.NewReader(string(data))}, nil
	}
	if _, ok := o.dirs[name]; ok {
		info, err := o.Stat(name)
		if err != nil {
			return nil, err
		}
		entries, err := o.ReadDir(name)
		return &memDir{info: info, entries: entries}, err
	}
	return o.base.Open(name)
}

func (o *overlay) ReadFile(name string) ([]byte, error) {
	if data, ok := o.files[name]; ok {
		return append([]byte(nil), data...), nil
	}
	return fs.ReadFile(o.base, name)
}

func (o *overlay) Stat(name string) (fs.FileInfo, error) {
	if data, ok := o.files[name]; ok {
		return memInfo{name: path.Base(name), size: int64(len(data))}, nil
	}
	if _, ok := o.dirs[name]; ok {
		if fi, err := fs.Stat(o.base, name); err == nil {
			return fi, nil
		}
		return memInfo{name: path.Base(name), dir: true}, nil
	}
	return fs.Stat(o.base, name)
}

func (o *overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	extra, ok := o.dirs[name]
	if !ok {
		return entries, err
	}
	have := map[string]bool{}
	for _, e := range entries {
		have[e.Name()] = true
	}
	for _, n := range extra {
		if !have[n] {
			full := path.Join(name, n)
			_, isFile := o.files[full]
			entries = append(entries, fs.FileInfoToDirEntry(memInfo{name: n, dir: !isFile, size: int64(len(o.files[full]))}))
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	return entries, nil
}

type memFile struct {
	info memInfo
	r    *strings.Reader
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *memFile) Close() error               { return nil }

// memDir is a folder with extra files, opened.
type memDir struct {
	info    fs.FileInfo
	entries []fs.DirEntry
}

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: fs.ErrInvalid}
}
func (d *memDir) Close() error { return nil }

// ReadDir returns the next n entries, or all that are left when n <= 0.
func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if n <= 0 || n > len(d.entries) {
		if n > 0 && len(d.entries) == 0 {
			return nil, io.EOF
		}
		n = len(d.entries)
	}
	out := d.entries[:n]
	d.entries = d.entries[n:]
	return out, nil
}

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string { return i.name }
func (i memInfo) Size() int64  { return i.size }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }
