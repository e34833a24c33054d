// Package signpost holds the default theme: the repository's own layouts/,
// assets/ and archetypes/, built into the binary so that a site with none
// of its own still builds.
package signpost

import "embed"

// Theme is the default theme. Its paths start with layouts/, assets/, i18n/ and
// archetypes/.
//
//go:embed all:layouts all:assets all:archetypes all:i18n
var Theme embed.FS
