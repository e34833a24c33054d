package content

import (
	"fmt"
	"path"
	"strings"
	"unicode"

	"github.com/signpost/signpost/internal/diag"
)

// nameProblems warns about content files whose names give their page an
// address with a space ("/my%20page/"), or capitals that the address
// (lower-cased) does not have: such addresses are hard to read out, type
// and share, and names that differ from them confuse. A name
// the page overrides with slug or url is not its address, so it is left
// alone.
func nameProblems(pages []*Page, lower bool) diag.List {
	var probs diag.List
	seen := map[string]bool{} // a folder is named once, not for every page in it
	for _, p := range pages {
		if p.File == "" || !strings.HasPrefix(p.File, Dir+"/") {
			continue // stand-in and generated pages have no file an editor named
		}
		segs := strings.Split(p.File, "/")
		for i := 1; i < len(segs); i++ {
			seg := strings.TrimSuffix(segs[i], ".md")
			at := strings.Join(segs[:i+1], "/")
			if seen[at] || seg == "_index" || seg == "index" || !awkwardName(seg, lower) {
				continue
			}
			seen[at] = true
			if !strings.Contains(strings.ToLower(p.URL), "/"+strings.ToLower(seg)+"/") {
				continue // slug or url sets this part of the address
			}
			probs.Add(nameProblem(p, at, lower))
		}
	}
	return probs
}

// nameProblem is the warning about the awkward file or folder name at.
func nameProblem(p *Page, at string, lower bool) diag.Problem {
	name := path.Base(at)
	what, why := "capital letters", "the address is in small letters anyway, so the name and the address differ"
	if strings.ContainsFunc(name, unicode.IsSpace) {
		what, why = "a space", "web addresses with spaces are hard to read out, type and share"
		if lower && strings.ContainsFunc(name, unicode.IsUpper) {
			what = "a space and capital letters"
		}
	}
	msg := fmt.Sprintf("the file name %q has %s; its page's web address is %s", name, what, EscapePath(p.URL))
	if at != p.File {
		msg = fmt.Sprintf("the folder name %q has %s; the web addresses of its pages start with %s", name, what, EscapePath(folderURL(strings.TrimPrefix(at, Dir+"/"), lower)))
	}
	return diag.Problem{Path: at, Severity: diag.Warning,
		Message: msg,
		Hint:    fmt.Sprintf("rename it %s (small letters, hyphens instead of spaces) and change the links to it; %s", niceName(name, lower), why)}
}

// awkwardName says whether a file or folder name has a space or, when
// addresses are lower-cased, a capital letter (with disablePathToLower the
// site chose its capitals).
func awkwardName(s string, lower bool) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || (lower && unicode.IsUpper(r)) })
}

// niceName is a file name with spaces as hyphens and in small letters.
func niceName(name string, lower bool) string {
	name = strings.Join(strings.Fields(name), "-")
	if lower {
		return strings.ToLower(name)
	}
	return name
}
