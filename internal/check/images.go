package check

import (
	"path"
	"regexp"
	"strings"

	"github.com/signpost/signpost/internal/diag"
	"github.com/signpost/signpost/internal/markdown"
)

// images checks the images written in the markdown body: each needs alt
// text, or says it is decorative on purpose with ![decorative](file.png).
// ![](file.png) is an error because it cannot tell a forgotten description
// from a deliberate empty one.
func (pc *pageCheck) images(res *markdown.Result) {
	pc.mdImages = map[string]bool{}
	if res == nil {
		return
	}
	for _, img := range res.Images {
		if external(img.Dest) {
			pc.mdImages[img.Dest] = true
			pc.externalImage(img.Dest, img.Line, img.Col)
		}
		line, col := img.Line, img.Col
		if line == 0 {
			line, col = pc.src.findRaw("](" + img.Dest)
		}
		if alt := strings.TrimSpace(img.Alt); alt != "" {
			if fileNameAlt(alt, img.Dest) {
				pc.at(diag.Warning, line, col, "describe what the image shows for someone who cannot see it, like ![A phone showing the privacy settings]("+img.Dest+")",
					"the description of image %s is a file name (%s): screen readers read it out instead of saying what the picture shows", img.Dest, alt)
			}
			continue
		}
		pc.at(diag.Error, line, col, "describe what the image shows for someone who cannot see it, like ![A phone showing the privacy settings](settings.png); if it is only decoration, write ![decorative](…)",
			"image %s has no alt text", img.Dest)
	}
}

// imageExts are the endings of picture files that cameras, phones and
// editors name them with; alt text ending so was left as the file name.
var imageExts = []string{".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".heic", ".heif", ".bmp", ".tif", ".tiff"}

// cameraName is how phones, cameras and screenshot tools name pictures.
var cameraName = regexp.MustCompile(`(?i)^(img|dsc|dscn|dscf|pxl|dcim|photo|image|screenshot|screen shot)[ _-]?[\d_ .:-]+( at [\d_ .:-]+)?$`)

// fileNameAlt reports whether alt text is a picture's file name
// ("IMG_2031.png", "photo 1.JPG", "IMG_2031", the name of the file it
// describes) rather than a description.
func fileNameAlt(alt, dest string) bool {
	lower := strings.ToLower(alt)
	for _, ext := range imageExts {
		if strings.HasSuffix(lower, ext) && len(lower) > len(ext) {
			return true
		}
	}
	base := path.Base(dest)
	base = strings.TrimSuffix(base, path.Ext(base))
	return cameraName.MatchString(alt) || strings.EqualFold(alt, base) && !strings.Contains(alt, " ") && strings.ContainsAny(alt, "_-0123456789")
}

// externalImage warns about an image from another site: the published
// site's Content-Security-Policy (img-src 'self') blocks it, so readers
// see a broken image, and the other site learns who reads the page.
func (pc *pageCheck) externalImage(src string, line, col int) {
	hint := "save the image (if its licence allows) beside the page or in static/, and link to that copy"
	if line == 0 {
		pc.unplaced(diag.Warning, []string{src}, hint, "image %s is on another site: the site's security policy blocks it, so readers see a broken image", src)
		return
	}
	pc.at(diag.Warning, line, col, hint, "image %s is on another site: the site's security policy blocks it, so readers see a broken image", src)
}
