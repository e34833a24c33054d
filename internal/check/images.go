package check

import (
	"strings"

	"github.com/signpost/signpost/internal/diag"
)

// images checks the images written in the markdown body: each needs alt
// text, or says it is decorative on purpose with ![decorative](file.png).
// ![](file.png) is an error because it cannot tell a forgotten description
// from a deliberate empty one.
func (pc *pageCheck) images(imgs []Image) {
	for _, img := range imgs {
		if strings.TrimSpace(img.Alt) != "" {
			continue
		}
		line, col := img.Line, img.Col
		if line == 0 {
			line, col = pc.src.findRaw("](" + img.Dest)
		}
		pc.at(diag.Error, line, col, "describe what the image shows for someone who cannot see it, like ![A phone showing the privacy settings](settings.png); if it is only decoration, write ![decorative](…)",
			"image %s has no alt text", img.Dest)
	}
}
