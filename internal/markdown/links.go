package markdown

import (
	"net/url"
	"path"
	"strings"

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
	tree := c.opt.Tree
	if tree == nil {
		return dest
	}
	p := st.page
	frag := u.Fragment
	if u.Path == "" {
		if frag != "" {
			l, col := st.pos(off)
			st.res.Anchors = append(st.res.Anchors, AnchorRef{Target: p, Anchor: frag, Line: l, Col: col})
		}
		return dest
	}

	// A path from the content root, or relative to the file's folder.
	var ref string
	if strings.HasPrefix(u.Path, "/") {
		ref = path.Clean(u.Path)
	} else {
		dir := path.Dir(strings.TrimPrefix(p.File, content.Dir+"/"))
		if p.File == "" {
			dir = strings.Trim(p.URL, "/")
		}
		ref = "/" + path.Join(dir, u.Path)
	}
	isMD := strings.HasSuffix(u.Path, ".md")
	var target *content.Page
	if isMD {
		target = tree.GetPage(ref)
	} else if strings.HasPrefix(u.Path, "/") {
		target = tree.ByURL(withSlash(ref))
	}
	if target != nil {
		st.res.Targets = append(st.res.Targets, target.Key())
		out := target.RelPermalink
		if frag != "" {
			l, col := st.pos(off)
			st.res.Anchors = append(st.res.Anchors, AnchorRef{Target: target, Anchor: frag, Line: l, Col: col})
			out += "#" + frag
		}
		return out
	}
	if isMD {
		hint := "check the file name; paths are relative to this file, or to content/ when they start with /"
		if near := nearestPage(tree, ref); near != "" {
			hint = "did you mean " + near + "?"
		}
		st.errorf(off, hint, "link to %s, but there is no such page", u.Path)
		return dest
	}
	// A file: a bundle resource or loose content file, or a static file.
	urlPath := ref
	if c.opt.FileExists != nil && !c.opt.FileExists(urlPath) && !c.opt.FileExists(withSlash(urlPath)) {
		st.errorf(off, "put the file in static/, assets/ or beside the page, or link to a page's .md file", "link to %s, but the site has no such page or file", u.Path)
		return dest
	}
	out := tree.Config.BasePath() + strings.TrimPrefix(urlPath, "/")
	if frag != "" {
		out += "#" + frag
	}
	return out
}

func withSlash(p string) string {
	if path.Ext(p) == "" && !strings.HasSuffix(p, "/") {
		return p + "/"
	}
	return p
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
