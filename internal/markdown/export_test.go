package markdown

// MayLinkify is mayLinkify, for the tests of the choice.
var MayLinkify = mayLinkify

// Only is c converting every body with goldmark's linkify, or every body
// without it, whatever mayLinkify says.
func Only(c *Converter, linkify bool) *Converter {
	only := *c
	if linkify {
		only.plain = only.md
	} else {
		only.md = only.plain
	}
	return &only
}
