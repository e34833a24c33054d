package markdown

import (
	"html"
	"net/url"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/signpost/signpost/internal/content"
	"github.com/signpost/signpost/internal/diag"
)

// resolve turns a link destination as written into the URL to publish,
// reporting links to pages, files or anchors that do not exist. Links to
// other sites are left alone; a non-nil link gets rel="noopener" for them.
func (c *Converter) resolve(st *state, dest string, off int, link *ast.Link) string {
	if dest == "" {
		return dest
	}
	u, err := url.Parse(dest)
	if err != nil {
		st.errorf(off, "check the link for spaces or stray characters", "link %q is not a valid address: %v", dest, err)
		return dest
	}
	if u.Scheme != "" || strings.HasPrefix(dest, "//") {
		if link != nil && (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "") {
			link.SetAttributeString("rel", []byte("noopener"))
		}
		return dest
	}
	if u.Path == "" {
		st.anchor(st.page, u.Fragment, off)
		return dest
	}
	tree := c.opt.Tree
	if tree == nil {
		return dest
	}
	ref := refPath(st.page, u.Path)
	if strings.HasSuffix(u.Path, ".md") {
		return c.resolvePage(st, u, ref, off, dest)
	}
	if strings.HasPrefix(u.Path, "/") {
		if target := tree.ByURL(withSlash(ref)); target != nil {
			return st.linkTo(target, u, off)
		}
	}
	// A page written without .md, as "contact" or "../contact": the page
	// is found, but an editor meant its file, which is checked and follows
	// the page when its address changes.
	if path.Ext(u.Path) == "" {
		if pg := tree.ByURL(withSlash(ref)); pg != nil && pg.File != "" {
			st.warnf(off, "write "+relFile(st.page, pg)+tail(u)+", the page's file, so the link keeps working if the page's address changes",
				"link to %s leaves out .md", u.Path)
			return st.linkTo(pg, u, off)
		}
	}
	return c.resolveFile(st, u, ref, off, dest)
}

// resolvePage resolves a link to a page's file (.md), at ref from the
// content root.
func (c *Converter) resolvePage(st *state, u *url.URL, ref string, off int, dest string) string {
	tree := c.opt.Tree
	// A translation's link to a page goes to that page's translation into
	// its language when there is one.
	if target := tree.GetPageIn(st.page.Lang, ref); target != nil {
		return st.linkTo(target, u, off)
	}
	hint := "check the file name; paths are relative to this file, or to content/ when they start with /"
	if st.mayCompare(len(tree.All)) {
		if near := nearestPage(tree, ref); near != "" {
			hint = "did you mean " + near + "?"
		}
	}
	st.errorf(off, hint, "link to %s, but there is no such page", u.Path)
	return dest
}

// resolveFile resolves a link to a file, not a page: a bundle resource,
// a loose content file or a static file, at ref from the content root.
func (c *Converter) resolveFile(st *state, u *url.URL, ref string, off int, dest string) string {
	tree := c.opt.Tree
	if c.opt.FileExists != nil && !c.opt.FileExists(ref) && !c.opt.FileExists(withSlash(ref)) {
		hint := "put the file in static/, assets/ or beside the page, or link to a page's .md file"
		if path.Ext(u.Path) == "" {
			if near := tree.GetPage(sameNamePage(tree, ref+".md")); near != nil {
				hint = "did you mean " + relFile(st.page, near) + "? Pages are linked by their file, with .md"
			}
		}
		st.errorf(off, hint, "link to %s, but the site has no such page or file", u.Path)
		return dest
	}
	return withTail(tree.Config.BasePath()+strings.TrimPrefix(ref, "/"), u)
}

// refPath is a link's path from the content root: as written when it
// starts with /, else relative to the folder of page p's file (or, for a
// page with no file, its address).
func refPath(p *content.Page, linkPath string) string {
	if strings.HasPrefix(linkPath, "/") {
		return path.Clean(linkPath)
	}
	dir := path.Dir(strings.TrimPrefix(p.File, content.Dir+"/"))
	if p.File == "" {
		dir = strings.Trim(p.URL, "/")
	}
	return "/" + path.Join(dir, linkPath)
}

// tail is the query and fragment as written, kept on the resolved
// address: search.md?q=a+b is /search/?q=a+b.
func tail(u *url.URL) string { return withTail("", u) }

// withTail is base followed by u's tail, made in one piece: a link to
// a heading of another page is most of the corpus's links.
func withTail(base string, u *url.URL) string {
	switch {
	case u.RawQuery == "" && u.Fragment == "":
		return base
	case u.RawQuery == "":
		return base + "#" + u.EscapedFragment()
	case u.Fragment == "":
		return base + "?" + u.RawQuery
	}
	return base + "?" + u.RawQuery + "#" + u.EscapedFragment()
}

// linkTo records a link from this page to target and returns the
// address to publish.
func (st *state) linkTo(target *content.Page, u *url.URL, off int) string {
	st.res.Targets = append(st.res.Targets, target.Key())
	st.anchor(target, u.Fragment, off)
	return withTail(target.RelPermalink, u)
}

// anchor records a link to #frag on target, checked once every page's
// ids are known; an empty frag records nothing.
func (st *state) anchor(target *content.Page, frag string, off int) {
	if frag == "" {
		return
	}
	l, col := st.pos(off)
	st.res.Anchors = append(st.res.Anchors, AnchorRef{Target: target, Anchor: frag, Line: l, Col: col})
}

// dangerousIn is DangerousScheme for an attribute's value: in a srcset
// (several addresses, comma-separated), any one counts.
func dangerousIn(attr, value string) string {
	if attr != "srcset" {
		return DangerousScheme(value)
	}
	for _, c := range strings.Split(value, ",") {
		if sc := DangerousScheme(strings.TrimSpace(c)); sc != "" {
			return sc
		}
	}
	return ""
}

// DangerousScheme returns the scheme of an address that runs code or
// reads the reader's own files when followed (javascript:, vbscript:,
// data:, file:), or "". It looks at the address as a browser does:
// entities decoded, case ignored, and tabs, newlines and control
// characters removed, so "JaVa&#x09;script:" is caught too.
func DangerousScheme(addr string) string {
	s := html.UnescapeString(addr)
	// The longest scheme and a rune, on the stack: a strings.Builder here
	// was an allocation for every link and image.
	var buf [len("javascript:") + utf8.UTFMax]byte
	b := buf[:0]
	for _, r := range s {
		// A backslash is skipped too: goldmark publishes "javascript\:x"
		// as "javascript:x".
		if r <= ' ' || r == 0x7f || r == '\\' {
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
		if r == ':' || len(b) > len("javascript:") {
			break
		}
	}
	switch string(b) {
	case "javascript:", "vbscript:", "data:", "file:":
		return string(b[:len(b)-1])
	}
	return ""
}

func withSlash(p string) string {
	if path.Ext(p) == "" && !strings.HasSuffix(p, "/") {
		return p + "/"
	}
	return p
}

// relFile is the path from page from's folder to page to's file, as an
// editor writes it in a link ("contact.md", "../contact.md").
func relFile(from, to *content.Page) string {
	dir := path.Dir(strings.TrimPrefix(from.File, content.Dir+"/"))
	file := strings.TrimPrefix(to.File, content.Dir+"/")
	if dir == "." {
		return file
	}
	up := ""
	for d := dir; d != "." && d != "/"; d = path.Dir(d) {
		if strings.HasPrefix(file, d+"/") {
			return up + strings.TrimPrefix(file, d+"/")
		}
		up += "../"
	}
	return up + file
}

// sameNamePage is the page file named as ref's last part (contact.md in
// another folder), the one nearest ref if there are several, else "".
func sameNamePage(tree *content.Tree, ref string) string {
	var cands []string
	for _, p := range tree.All {
		f := "/" + strings.TrimPrefix(p.File, content.Dir+"/")
		if p.File != "" && path.Base(f) == path.Base(ref) {
			cands = append(cands, f)
		}
	}
	if len(cands) == 1 {
		return cands[0]
	}
	return diag.Closest(ref, cands)
}

// nearestPage suggests the page file whose path is closest to ref.
func nearestPage(tree *content.Tree, ref string) string {
	var cands []string
	for _, p := range tree.All {
		if p.File != "" {
			cands = append(cands, "/"+strings.TrimPrefix(p.File, content.Dir+"/"))
		}
	}
	return diag.Closest(ref, cands)
}
