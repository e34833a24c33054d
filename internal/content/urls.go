package content

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"
	"unicode"
)

// Marker is the file Signpost leaves in every folder it builds, so that it
// only ever replaces a folder it made itself. No URL may write it.
const Marker = ".signpost-output"

// OutputFile decides where the file for a site URL is written: a path
// relative to the output folder, with forward slashes. It is the only
// place that turns a URL into a file name, so the full build, the
// incremental build and the removal of stale files agree. A URL ending in
// "/" is a folder, written as its index.html ("/" → "index.html",
// "/a/" → "a/index.html"); any other URL names a file ("/a/b.html",
// "/old/page.php", "/_redirects"). A URL whose file would not be plainly
// inside the output folder is refused.
func OutputFile(u string) (string, error) {
	rel, ok := strings.CutPrefix(u, "/")
	if !ok {
		return "", fmt.Errorf("URL %q does not start at the site root (/)", u)
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	if err := CheckOutputRel(rel); err != nil {
		return "", fmt.Errorf("URL %q: %w", u, err)
	}
	return rel, nil
}

// NameMax is the longest name, in bytes, of a file or folder that common
// file systems hold (ext4, APFS, NTFS in UTF-8 terms).
const NameMax = 255

// ErrNameTooLong: a name of an output path is longer than NameMax.
var ErrNameTooLong = errors.New("has a name longer than 255 bytes, the most a file system allows")

// CheckOutputRel refuses an output file path that is not a plain path
// inside the output folder: empty, absolute, with empty, "." or ".."
// segments, with backslashes or control characters, or Signpost's marker.
// Every write and removal checks its path here, whatever made it.
func CheckOutputRel(rel string) error {
	if rel == "" {
		return fmt.Errorf("the output path is empty")
	}
	if strings.HasPrefix(rel, "/") {
		return fmt.Errorf("output path %q is absolute", rel)
	}
	for _, r := range rel {
		if r == '\\' || unicode.IsControl(r) {
			return fmt.Errorf("output path %q holds a backslash or control character", rel)
		}
	}
	for _, seg := range strings.Split(rel, "/") {
		switch seg {
		case "..":
			return fmt.Errorf("output path %q has a .. segment, which would climb out of the output folder", rel)
		case ".", "":
			return fmt.Errorf("output path %q has an empty or . segment", rel)
		}
		if len(seg) > NameMax {
			return fmt.Errorf("output path %q %w", rel, ErrNameTooLong)
		}
	}
	if rel == Marker {
		return fmt.Errorf("output path %q is Signpost's own marker file", rel)
	}
	return nil
}

// urlKind is what a front matter URL names, for its rules.
type urlKind int

const (
	pageURL  urlKind = iota // url: a page, so a folder or an .html file
	aliasURL                // aliases: any old address, folder or file
)

// cleanURL validates and normalises a url or alias as written in front
// matter into a decoded path from the site root: "a/b" → "/a/b/",
// "/a%20b/" → "/a b/". It refuses what is not a path on this site (a
// scheme, a host, a query or fragment) and what would leave the output
// folder; the message says what to write instead.
func cleanURL(raw string, kind urlKind) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", fmt.Errorf("is empty")
	}
	if strings.HasPrefix(s, "//") || strings.HasPrefix(s, `\\`) {
		return "", fmt.Errorf("%q names another host; write a path on this site, such as /guides/setup/", raw)
	}
	if u, err := url.Parse(s); err == nil && u.Scheme != "" {
		return "", fmt.Errorf("%q is a full address; write a path on this site, such as /guides/setup/", raw)
	}
	if strings.ContainsAny(s, "?#") {
		return "", fmt.Errorf("%q has a query or fragment (? or #), which a page's address cannot have", raw)
	}
	dec, err := url.PathUnescape(s)
	if err != nil {
		return "", fmt.Errorf("%q has a broken %%-escape; write the characters themselves", raw)
	}
	if !strings.HasPrefix(dec, "/") {
		dec = "/" + dec
	}
	for strings.Contains(dec, "//") {
		dec = strings.ReplaceAll(dec, "//", "/")
	}
	folder := strings.HasSuffix(dec, "/") || path.Ext(dec) == ""
	if folder && !strings.HasSuffix(dec, "/") {
		dec += "/"
	}
	if _, err := OutputFile(dec); errors.Is(err, ErrNameTooLong) {
		return "", fmt.Errorf("%q %w; shorten it", raw, ErrNameTooLong)
	} else if err != nil {
		return "", fmt.Errorf("%q would be written outside the site's output folder or to no file; write a plain path such as /guides/setup/", raw)
	}
	if kind == pageURL && !folder {
		if ext := path.Ext(dec); ext != ".html" && ext != ".htm" {
			return "", fmt.Errorf("%q ends in a %s file name, but a page is HTML; end it with / (a folder) or .html", raw, ext)
		}
	}
	return dec, nil
}

// cleanSlug validates a slug: one segment of a path, replacing the last
// part of the page's URL.
func cleanSlug(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	switch {
	case s == "":
		return "", fmt.Errorf("is empty")
	case s == "." || s == "..":
		return "", fmt.Errorf("%q is not a name; a slug is the last part of the page's address, such as my-page", raw)
	case strings.ContainsAny(s, `/\?#`):
		return "", fmt.Errorf("%q holds / \\ ? or #; a slug is one name such as my-page (use url for a whole path)", raw)
	case len(s) > NameMax:
		return "", fmt.Errorf("%q %w; shorten it", raw, ErrNameTooLong)
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return "", fmt.Errorf("%q holds a control character", raw)
		}
	}
	return s, nil
}

// folderURL is the URL of a page made from a folder or file name: always
// a folder ("guides/x.md" as a folder name → "/guides/x.md/"), lower-case
// unless the site keeps case.
func folderURL(dir string, lower bool) string {
	if lower {
		dir = strings.ToLower(dir)
	}
	dir = strings.Trim(dir, "/")
	if dir == "" {
		return "/"
	}
	return "/" + dir + "/"
}

// EscapePath percent-encodes a URL path: every URL Signpost writes —
// links, the sitemap, feeds, meta tags, resources.json, _redirects, alias
// pages, the search index — has its path encoded here. Internal URLs are
// decoded paths ("/a b/"), so a literal "%" is encoded too; letters of
// other scripts become UTF-8 escapes, as browsers send them.
func EscapePath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if pathSafe(c) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// EscapeRef encodes a reference written by a person (a template's relURL
// argument): its path is decoded if it was encoded already, then encoded
// with EscapePath; a query or fragment is kept as written.
func EscapeRef(ref string) string {
	p, rest := ref, ""
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		p, rest = ref[:i], ref[i:]
	}
	if dec, err := url.PathUnescape(p); err == nil {
		p = dec
	}
	return EscapePath(p) + rest
}

// pathSafe are the bytes a path segment may hold unescaped (RFC 3986
// unreserved characters, "/" and the sub-delimiters that servers and hosts
// read literally).
func pathSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~/!$&'()*+,;=:@", c) >= 0
}
