package site

import (
	"slices"
	"strconv"
	"strings"

	"github.com/signpost/signpost/internal/config"
)

// ChangeKind is what a changed input file is to the pipeline, which
// decides how much of the site a change can reach (as Zola's
// detect_change_kind does): serve, the watcher, the recorder and
// incremental builds all ask Classify instead of testing prefixes.
type ChangeKind int

const (
	// ChangeOther is anything outside the site's inputs.
	ChangeOther ChangeKind = iota
	// ChangeConfig is the config file at the root.
	ChangeConfig
	// ChangeContent is a page's markdown under content/.
	ChangeContent
	// ChangeResource is any other file under content/ (a bundle's image),
	// published as it is.
	ChangeResource
	// ChangeLayout is a template under layouts/.
	ChangeLayout
	// ChangeArchetype is a template for "signpost new": no build reads it.
	ChangeArchetype
	// ChangeAsset is a stylesheet, script or image under assets/.
	ChangeAsset
	// ChangeStatic is a file under static/, published as it is.
	ChangeStatic
	// ChangeData is a file under data/, which templates and the guidance
	// blocks read.
	ChangeData
	// ChangeI18n is a translation file under i18n/.
	ChangeI18n
)

var changeNames = [...]string{"other", "config", "content", "resource", "layout", "archetype", "asset", "static", "data", "i18n"}

func (k ChangeKind) String() string {
	if int(k) < len(changeNames) {
		return changeNames[k]
	}
	return "ChangeKind(" + strconv.Itoa(int(k)) + ")"
}

// folderKinds are the input folders and the kind of every file in them.
var folderKinds = map[string]ChangeKind{
	"content": ChangeResource, "layouts": ChangeLayout, "assets": ChangeAsset, StaticDir: ChangeStatic,
	"data": ChangeData, "archetypes": ChangeArchetype, "i18n": ChangeI18n,
}

// Classify says what the input at p is (relative to the site,
// slash-separated; a folder of inputs is the kind of its files).
func Classify(p string) ChangeKind {
	top, rest, nested := strings.Cut(p, "/")
	kind, ok := folderKinds[top]
	switch {
	case !ok:
		if !nested && slices.Contains(config.Names, p) {
			return ChangeConfig
		}
		return ChangeOther
	case kind == ChangeResource && strings.HasSuffix(rest, ".md"):
		return ChangeContent
	}
	return kind
}

// publishes reports whether files of this kind are published as they are
// (under their path without the folder).
func (k ChangeKind) publishes() bool {
	return k == ChangeStatic || k == ChangeResource || k == ChangeAsset
}
